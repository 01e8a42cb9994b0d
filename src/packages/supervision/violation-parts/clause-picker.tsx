import { Text, View } from '@tarojs/components'
import type { ViolationCategory, ViolationClauseOption } from '@contract'
import '@/components/record/person-picker.scss'

/**
 * A first guess at the category from where the section sits, so the usual case is one tap
 * fewer. Keys are the policy's stable section keys; anything unrecognised guesses nothing.
 */
export function suggestedCategory(option: ViolationClauseOption): ViolationCategory | null {
  const keys = `${option.chapterKey} ${option.sectionKey}`
  if (/confidential|secret|privacy/.test(keys)) return 'confidentiality'
  if (/marketing|promotion/.test(keys)) return 'marketing'
  if (/^accounts?\b/.test(option.chapterKey)) return 'account'
  if (/^communication/.test(option.chapterKey)) return 'communication'
  return null
}

function byChapter(options: ViolationClauseOption[]): Array<{ key: string; title: string; sections: ViolationClauseOption[] }> {
  const chapters: Array<{ key: string; title: string; sections: ViolationClauseOption[] }> = []
  for (const option of options) {
    const last = chapters[chapters.length - 1]
    if (last && last.key === option.chapterKey) last.sections.push(option)
    else chapters.push({ key: option.chapterKey, title: option.chapterTitle, sections: [option] })
  }
  return chapters
}

/**
 * The sections of the version in force, by chapter; each row is `violation-clause-<sectionKey>`.
 * Closed, the field is one line (`violation-clause-chosen`, `violation-clause-change`, or
 * `violation-clause-open` when nothing is chosen), so the rest of the form stays in view.
 */
export function ClausePicker({
  options,
  selected,
  open,
  onOpenChange,
  onSelect,
}: {
  options: ViolationClauseOption[]
  selected: ViolationClauseOption | null
  open: boolean
  onOpenChange: (open: boolean) => void
  onSelect: (option: ViolationClauseOption) => void
}) {
  if (!open) {
    if (selected) {
      return (
        <View className='person-picker__chosen' id='violation-clause-chosen'>
          <Text className='person-picker__name'>{selected.label}</Text>
          <Text className='person-picker__change' id='violation-clause-change' onClick={() => onOpenChange(true)}>
            更换
          </Text>
        </View>
      )
    }
    return (
      <View className='person-picker__closed' id='violation-clause-open' onClick={() => onOpenChange(true)}>
        <Text className='person-picker__placeholder'>选择违反的制度条款</Text>
        <Text className='person-picker__arrow'>›</Text>
      </View>
    )
  }
  return (
    <View className='violation-clauses' id='violation-clauses'>
      {byChapter(options).map((chapter, index) => (
        <View key={chapter.key}>
          <Text className='violation-clauses__chapter'>
            第{index + 1}章 {chapter.title}
          </Text>
          {chapter.sections.map((option) => {
            const chosen = option.sectionKey === selected?.sectionKey
            return (
              <View
                key={option.sectionKey}
                id={`violation-clause-${option.sectionKey}`}
                className={`person-picker__row${chosen ? ' person-picker__row--selected' : ''}`}
                onClick={() => {
                  onSelect(option)
                  onOpenChange(false)
                }}
              >
                <Text className='person-picker__name'>{option.label}</Text>
                <Text className='person-picker__mark'>{chosen ? '已选' : '选择'}</Text>
              </View>
            )
          })}
        </View>
      ))}
    </View>
  )
}
