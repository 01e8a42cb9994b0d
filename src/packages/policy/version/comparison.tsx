import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { chapterNumeral, type ChapterChange, type PolicyComparison, type PolicyItemChange, type SectionChange } from '@contract'

const changeLabels: Record<PolicyItemChange, string> = {
  added: '新增',
  removed: '删除',
  changed: '修改',
  unchanged: '未改动',
}

const changeTags: Record<PolicyItemChange, 'success' | 'danger' | 'warning' | 'default'> = {
  added: 'success',
  removed: 'danger',
  changed: 'warning',
  unchanged: 'default',
}

function ChangeTag({ id, change }: { id: string; change: PolicyItemChange }) {
  return (
    <View id={id} className='policy-compare__tag'>
      <Tag type={changeTags[change]} plain={change === 'unchanged'}>
        {changeLabels[change]}
      </Tag>
    </View>
  )
}

/**
 * Numbers as the new version has them; removed chapters and sections have no number there,
 * so they are shown without one.
 */
function numbering(chapters: ChapterChange[]): { chapters: Map<string, string>; sections: Map<string, string> } {
  const chapterNumbers = new Map<string, string>()
  const sectionNumbers = new Map<string, string>()
  let chapterIndex = 0
  for (const chapter of chapters) {
    if (chapter.change === 'removed') continue
    chapterNumbers.set(chapter.key, chapterNumeral(chapterIndex))
    let sectionIndex = 0
    for (const section of chapter.sections) {
      if (section.change === 'removed') continue
      sectionNumbers.set(section.key, `${chapterIndex + 1}.${sectionIndex + 1}`)
      sectionIndex += 1
    }
    chapterIndex += 1
  }
  return { chapters: chapterNumbers, sections: sectionNumbers }
}

function SectionDiff({ section, number }: { section: SectionChange; number: string | undefined }) {
  const [open, setOpen] = useState(false)
  const id = `compare-section-${section.key}`
  const heading = `${number ? `${number} ` : ''}${section.heading}`
  if (section.change === 'unchanged' && !open) {
    // Unchanged text is there to find one's place, not to be read again: one line, expandable.
    return (
      <View id={id} className='policy-compare__section policy-compare__section--collapsed' onClick={() => setOpen(true)}>
        <Text className='policy-compare__heading'>{heading}</Text>
        <Text className='policy-compare__unchanged'>未改动 · 展开</Text>
      </View>
    )
  }
  return (
    <View id={id} className={`policy-compare__section policy-compare__section--${section.change}`}>
      <View className='policy-compare__section-head'>
        <Text className='policy-compare__heading'>{heading}</Text>
        <ChangeTag id={`${id}-change`} change={section.change} />
      </View>
      {section.previousHeading ? (
        <Text id={`${id}-previous`} className='policy-compare__previous'>
          原：{section.previousHeading}
        </Text>
      ) : null}
      {section.clauses.map((clause, index) => (
        <Text key={index} className={`policy-compare__clause policy-compare__clause--${clause.change}`}>
          {clause.change === 'added' ? '＋ ' : clause.change === 'removed' ? '－ ' : ''}
          {clause.text}
        </Text>
      ))}
    </View>
  )
}

/** The new version as one annotated text: what was added, removed or reworded, chapter by chapter. */
export function Comparison({ comparison, previousNumber }: { comparison: PolicyComparison; previousNumber: number | null }) {
  const { counts } = comparison
  const numbers = numbering(comparison.chapters)
  const nothing = counts.added + counts.removed + counts.changed === 0
  return (
    <View id='policy-comparison' className='policy-compare'>
      <View id='comparison-counts' className='policy-compare__counts card'>
        <Text className='policy-compare__against'>与{previousNumber === null ? '上一版' : `第${previousNumber}版`}相比</Text>
        {nothing ? (
          <Text className='policy-compare__count'>条文没有改动</Text>
        ) : (
          <View className='policy-compare__count-row'>
            <Text className='policy-compare__count policy-compare__count--added'>新增 {counts.added} 节</Text>
            <Text className='policy-compare__count policy-compare__count--changed'>修改 {counts.changed} 节</Text>
            <Text className='policy-compare__count policy-compare__count--removed'>删除 {counts.removed} 节</Text>
          </View>
        )}
      </View>
      {comparison.chapters.map((chapter) => {
        const numeral = numbers.chapters.get(chapter.key)
        const id = `compare-chapter-${chapter.key}`
        return (
          <View key={chapter.key} id={id} className={`policy-compare__chapter card policy-compare__chapter--${chapter.change}`}>
            <View className='policy-compare__chapter-head'>
              <Text className='policy-compare__chapter-title'>
                {numeral ? `${numeral}、` : ''}
                {chapter.title}
              </Text>
              <ChangeTag id={`${id}-change`} change={chapter.change} />
            </View>
            {chapter.previousTitle ? (
              <Text id={`${id}-previous`} className='policy-compare__previous'>
                原：{chapter.previousTitle}
              </Text>
            ) : null}
            {chapter.sections.map((section) => (
              <SectionDiff key={section.key} section={section} number={numbers.sections.get(section.key)} />
            ))}
          </View>
        )
      })}
    </View>
  )
}
