import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import type { ZodTypeAny } from 'zod'
import { InlineError } from '@/components/state-views'
import { firstIssue } from '@/components/record/outcome'

/**
 * Words typed one at a time and kept as chips. The box is inside `#<idPrefix>-input` with its
 * message at `#<idPrefix>-input-error`, the button is `#<idPrefix>-add`, each chip
 * `#<idPrefix>-<n>` with `#<idPrefix>-<n>-remove`.
 */
export function WordChips({
  idPrefix,
  words,
  onChange,
  schema,
  max,
  placeholder,
  emptyText,
}: {
  idPrefix: string
  words: string[]
  onChange: (words: string[]) => void
  /** The same check the server applies to each word. */
  schema: ZodTypeAny
  max: number
  placeholder: string
  emptyText: string
}) {
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<string | null>(null)

  const add = () => {
    const word = draft.trim()
    const problem =
      firstIssue(schema.safeParse(word)) ?? (words.includes(word) ? '已在列表中' : words.length >= max ? `最多${max}个` : null)
    if (problem) {
      setError(problem)
      return
    }
    onChange([...words, word])
    setDraft('')
    setError(null)
  }

  return (
    <View>
      <View className='word-chips__add'>
        <View id={`${idPrefix}-input`} className='word-chips__input'>
          <Input
            placeholder={placeholder}
            value={draft}
            onChange={(value: string) => {
              setDraft(value)
              setError(null)
            }}
            onConfirm={add}
          />
        </View>
        <Button id={`${idPrefix}-add`} size='small' type='primary' onClick={add}>
          添加
        </Button>
      </View>
      <InlineError id={`${idPrefix}-input-error`} message={error} />
      {words.length === 0 ? (
        <Text className='word-chips__empty'>{emptyText}</Text>
      ) : (
        <View className='word-chips'>
          {words.map((word, index) => (
            <View key={word} id={`${idPrefix}-${index}`} className='word-chips__chip'>
              <Text>{word}</Text>
              <Text id={`${idPrefix}-${index}-remove`} className='word-chips__remove' onClick={() => onChange(words.filter((w) => w !== word))}>
                ×
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
