import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { chapterNumeral, POLICY_LIMITS, sectionNumber } from '@contract'
import { FormField } from '@/components/record/form-field'
import { InlineError } from '@/components/state-views'
import { clausesOf, fieldIds, move, type ChapterForm, type SectionForm } from './draft-form'

export interface ChaptersProps {
  chapters: ChapterForm[]
  /** Only one chapter is open at a time, so the screen stays short enough to work one-handed. */
  expanded: string | null
  onExpand: (key: string | null) => void
  errorOf: (field: string) => string | null
  problemsIn: (chapterKey: string) => number
  /** How many quiz questions send readers to a section, so deleting it can warn. */
  questionsOn: (sectionKeys: string[]) => number
  onChange: (chapters: ChapterForm[], field?: string) => void
  newKey: (prefix: 'c' | 's') => string
}

async function confirmDelete(title: string, content: string): Promise<boolean> {
  const answer = await Taro.showModal({ title, content, confirmText: '删除', confirmColor: '#e34d59' }).catch(() => ({ confirm: false }))
  return answer.confirm
}

function questionsWarning(count: number): string {
  return count > 0 ? `有 ${count} 道测验题关联其中的小节，删除后须为它们重新选择小节。` : ''
}

/** Small text buttons for ordering; a row of them under each item, large enough for a thumb. */
function Tools({ idPrefix, first, last, onMove, onDelete }: { idPrefix: string; first: boolean; last: boolean; onMove: (delta: -1 | 1) => void; onDelete: () => void }) {
  return (
    <View className='edit-tools'>
      <Text id={`${idPrefix}-up`} className={`edit-tools__tool${first ? ' edit-tools__tool--off' : ''}`} onClick={() => !first && onMove(-1)}>
        上移
      </Text>
      <Text id={`${idPrefix}-down`} className={`edit-tools__tool${last ? ' edit-tools__tool--off' : ''}`} onClick={() => !last && onMove(1)}>
        下移
      </Text>
      <Text id={`${idPrefix}-delete`} className='edit-tools__tool edit-tools__tool--danger' onClick={onDelete}>
        删除
      </Text>
    </View>
  )
}

function SectionEditor({
  section,
  number,
  first,
  last,
  errorOf,
  onChange,
  onMove,
  onDelete,
}: {
  section: SectionForm
  number: string
  first: boolean
  last: boolean
  errorOf: (field: string) => string | null
  onChange: (patch: Partial<SectionForm>, field: string) => void
  onMove: (delta: -1 | 1) => void
  onDelete: () => void
}) {
  const count = clausesOf(section.clauses).length
  return (
    <View id={`edit-section-${section.key}`} className='edit-section'>
      <View className='edit-section__head'>
        <Text className='edit-section__number'>{number}</Text>
        <Tools idPrefix={`edit-section-${section.key}`} first={first} last={last} onMove={onMove} onDelete={onDelete} />
      </View>
      <FormField id={fieldIds.heading(section.key)} label='小节标题' required error={errorOf(fieldIds.heading(section.key))}>
        <Input placeholder='如：添加客户' maxLength={60} value={section.heading} onChange={(value: string) => onChange({ heading: value }, fieldIds.heading(section.key))} />
      </FormField>
      <FormField
        id={fieldIds.clauses(section.key)}
        label={`条款（${count} 条）`}
        required
        hint={`每行一条，按顺序编号为（1）（2）…，最多 ${POLICY_LIMITS.clausesPerSection} 条`}
        error={errorOf(fieldIds.clauses(section.key))}
      >
        <TextArea
          placeholder='每行写一条'
          maxLength={-1}
          autoSize
          rows={4}
          value={section.clauses}
          onChange={(value: string) => onChange({ clauses: value }, fieldIds.clauses(section.key))}
        />
      </FormField>
    </View>
  )
}

function ChapterCard({ chapter, index, count, props }: { chapter: ChapterForm; index: number; count: number; props: ChaptersProps }) {
  const { chapters, expanded, onExpand, errorOf, problemsIn, questionsOn, onChange, newKey } = props
  const open = expanded === chapter.key
  const problems = problemsIn(chapter.key)
  const id = `edit-chapter-${chapter.key}`

  const update = (patch: Partial<ChapterForm>, field?: string) => onChange(chapters.map((c) => (c.key === chapter.key ? { ...c, ...patch } : c)), field)
  const updateSection = (key: string) => (patch: Partial<SectionForm>, field: string) =>
    update({ sections: chapter.sections.map((s) => (s.key === key ? { ...s, ...patch } : s)) }, field)

  const remove = async () => {
    const warning = questionsWarning(questionsOn(chapter.sections.map((s) => s.key)))
    const name = `${chapterNumeral(index)}、${chapter.title.trim() || '未命名章'}`
    if (await confirmDelete('删除整章', `“${name}”及其 ${chapter.sections.length} 个小节将被删除。${warning}`)) {
      onChange(chapters.filter((c) => c.key !== chapter.key))
    }
  }

  const removeSection = async (section: SectionForm) => {
    const hasText = section.heading.trim() !== '' || section.clauses.trim() !== ''
    const warning = questionsWarning(questionsOn([section.key]))
    // An empty section just added by mistake goes without asking.
    if ((hasText || warning) && !(await confirmDelete('删除小节', `“${section.heading.trim() || '未命名小节'}”将被删除。${warning}`))) return
    update({ sections: chapter.sections.filter((s) => s.key !== section.key) })
  }

  const addSection = () => {
    if (chapter.sections.length >= POLICY_LIMITS.sectionsPerChapter) {
      void Taro.showToast({ title: `每章最多${POLICY_LIMITS.sectionsPerChapter}个小节`, icon: 'none' })
      return
    }
    update({ sections: [...chapter.sections, { key: newKey('s'), heading: '', clauses: '' }] })
  }

  return (
    <View id={id} className={`edit-chapter card${open ? ' edit-chapter--open' : ''}`}>
      <View id={`${id}-toggle`} className='edit-chapter__head' onClick={() => onExpand(open ? null : chapter.key)}>
        <View className='edit-chapter__name'>
          <Text className='edit-chapter__title'>
            {chapterNumeral(index)}、{chapter.title.trim() || '未命名章'}
          </Text>
          <Text className='edit-chapter__meta'>
            {chapter.sections.length} 个小节
            {problems > 0 ? <Text className='edit-chapter__problems'> · {problems} 处待修改</Text> : null}
          </Text>
        </View>
        <Text className='edit-chapter__arrow'>{open ? '收起' : '展开'}</Text>
      </View>
      {open ? (
        <View className='edit-chapter__body'>
          <FormField id={fieldIds.chapterTitle(chapter.key)} label='章标题' required error={errorOf(fieldIds.chapterTitle(chapter.key))}>
            <Input placeholder='如：总则' maxLength={40} value={chapter.title} onChange={(value: string) => update({ title: value }, fieldIds.chapterTitle(chapter.key))} />
          </FormField>
          {chapter.sections.map((section, sectionIndex) => (
            <SectionEditor
              key={section.key}
              section={section}
              number={sectionNumber(index, sectionIndex)}
              first={sectionIndex === 0}
              last={sectionIndex === chapter.sections.length - 1}
              errorOf={errorOf}
              onChange={updateSection(section.key)}
              onMove={(delta) => update({ sections: move(chapter.sections, sectionIndex, delta) })}
              onDelete={() => void removeSection(section)}
            />
          ))}
          <InlineError id={`${fieldIds.chapterSections(chapter.key)}-error`} message={errorOf(fieldIds.chapterSections(chapter.key))} />
          <Button id={`${id}-add-section`} className='edit-chapter__add' size='small' fill='dashed' block onClick={addSection}>
            ＋ 添加小节
          </Button>
          <View className='edit-chapter__foot'>
            <Text className='edit-chapter__foot-label'>本章</Text>
            <Tools
              idPrefix={id}
              first={index === 0}
              last={index === count - 1}
              onMove={(delta) => onChange(move(chapters, index, delta))}
              onDelete={() => void remove()}
            />
          </View>
        </View>
      ) : null}
    </View>
  )
}

export function ChaptersEditor(props: ChaptersProps) {
  const { chapters, errorOf, onChange, onExpand, newKey } = props
  const addChapter = () => {
    if (chapters.length >= POLICY_LIMITS.chapters) {
      void Taro.showToast({ title: `最多${POLICY_LIMITS.chapters}章`, icon: 'none' })
      return
    }
    const key = newKey('c')
    onChange([...chapters, { key, title: '', sections: [{ key: newKey('s'), heading: '', clauses: '' }] }])
    onExpand(key)
  }
  return (
    <View id='draft-chapters' className='edit-chapters'>
      {chapters.map((chapter, index) => (
        <ChapterCard key={chapter.key} chapter={chapter} index={index} count={chapters.length} props={props} />
      ))}
      <InlineError id={`${fieldIds.chapters}-error`} message={errorOf(fieldIds.chapters)} />
      <Button id='policy-add-chapter' className='edit-chapters__add' fill='dashed' block onClick={addChapter}>
        ＋ 添加一章
      </Button>
    </View>
  )
}
