import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import type { WorkingPeriod } from '@contract'
import { InlineError } from '@/components/state-views'

export const MAX_PERIODS = 4

function minutesOf(hhmm: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm)
  return match ? Number(match[1]) * 60 + Number(match[2]) : null
}

function clock(minutes: number): string {
  const m = Math.min(minutes, 24 * 60)
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

/** A new period picks up where the last one ends, an hour long, so it starts out valid more often than not. */
export function nextPeriod(periods: WorkingPeriod[]): WorkingPeriod {
  const last = periods[periods.length - 1]
  const start = last ? minutesOf(last.end) : 9 * 60
  if (start === null || start >= 23 * 60 + 59) return { start: '', end: '' }
  return { start: clock(start), end: clock(start + 60) }
}

/** Each row is `#period-<i>`, its inputs inside `#period-<i>-start` and `#period-<i>-end`, its message `#period-<i>-error`. */
export function PeriodList({
  periods,
  rowErrors,
  onChange,
}: {
  periods: WorkingPeriod[]
  rowErrors: Array<string | null>
  onChange: (periods: WorkingPeriod[]) => void
}) {
  const edit = (index: number, part: keyof WorkingPeriod, value: string) =>
    onChange(periods.map((period, i) => (i === index ? { ...period, [part]: value.trim() } : period)))
  return (
    <View className='working-time__periods'>
      {periods.map((period, index) => (
        <View key={index} id={`period-${index}`} className='working-time__period'>
          <View className='working-time__period-row'>
            <Text className='working-time__period-label'>第{index + 1}段</Text>
            <View id={`period-${index}-start`} className='working-time__clock'>
              <Input placeholder='09:00' maxLength={5} value={period.start} onChange={(value: string) => edit(index, 'start', value)} />
            </View>
            <Text className='working-time__dash'>至</Text>
            <View id={`period-${index}-end`} className='working-time__clock'>
              <Input placeholder='18:00' maxLength={5} value={period.end} onChange={(value: string) => edit(index, 'end', value)} />
            </View>
            {periods.length > 1 ? (
              <Text id={`period-${index}-remove`} className='working-time__remove' onClick={() => onChange(periods.filter((_, i) => i !== index))}>
                删除
              </Text>
            ) : null}
          </View>
          <InlineError id={`period-${index}-error`} message={rowErrors[index] ?? null} />
        </View>
      ))}
      {periods.length < MAX_PERIODS ? (
        <Button id='period-add' size='small' fill='outline' onClick={() => onChange([...periods, nextPeriod(periods)])}>
          添加时段
        </Button>
      ) : null}
    </View>
  )
}
