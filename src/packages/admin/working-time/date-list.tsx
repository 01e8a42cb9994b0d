import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { isoDateSchema } from '@contract'
import { InlineError } from '@/components/state-views'
import { firstIssue } from '@/components/record/outcome'

const weekdayNames = ['日', '一', '二', '三', '四', '五', '六']

/** JavaScript quietly reads 2026-02-30 as 2026-03-02; a date must come back as it was typed. */
function exists(date: string): boolean {
  const t = Date.parse(`${date}T00:00:00Z`)
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === date
}

/** The weekday next to each date, so a holiday typed onto a Sunday is noticed. */
function weekdayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay()
  return Number.isNaN(day) ? '' : `周${weekdayNames[day]}`
}

/**
 * Dates added one at a time, kept in order. The input is inside `#<idPrefix>-input`, the button
 * `#<idPrefix>-add`, each date `#<idPrefix>-<date>` with `#<idPrefix>-<date>-remove`.
 */
export function DateList({
  idPrefix,
  dates,
  onChange,
  taken,
  takenMessage,
  emptyText,
}: {
  idPrefix: string
  dates: string[]
  onChange: (dates: string[]) => void
  /** Dates the other list holds; one date cannot be both a holiday and a make-up workday. */
  taken: string[]
  takenMessage: string
  emptyText: string
}) {
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<string | null>(null)

  const add = () => {
    const date = draft.trim()
    const problem =
      firstIssue(isoDateSchema.safeParse(date)) ??
      (!exists(date) ? '日期不存在' : dates.includes(date) ? '该日期已在列表中' : taken.includes(date) ? takenMessage : null)
    if (problem) {
      setError(problem)
      return
    }
    onChange([...dates, date].sort())
    setDraft('')
    setError(null)
  }

  return (
    <View className='working-time__dates'>
      <View className='working-time__date-add'>
        <View id={`${idPrefix}-input`} className='working-time__date-input'>
          <Input
            placeholder='YYYY-MM-DD'
            maxLength={10}
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
      {dates.length === 0 ? (
        <Text className='working-time__empty'>{emptyText}</Text>
      ) : (
        <View className='working-time__date-list'>
          {dates.map((date) => (
            <View key={date} id={`${idPrefix}-${date}`} className='working-time__date'>
              <Text>
                {date} {weekdayOf(date)}
              </Text>
              <Text id={`${idPrefix}-${date}-remove`} className='working-time__date-remove' onClick={() => onChange(dates.filter((d) => d !== date))}>
                ×
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
