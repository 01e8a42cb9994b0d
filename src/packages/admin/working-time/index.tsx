import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { workingTimeSettingsSchema, type WorkingTimeSettings } from '@contract'
import { fieldIssues } from '@/services/accounts'
import { messageOf, showSuccess } from '@/services/feedback'
import { getWorkingTimeSettings, updateWorkingTimeSettings } from '@/services/worktime'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, InlineError, PageLoading } from '@/components/state-views'
import { useLoaded } from '@/hooks/use-loaded'
import { FormField } from '@/components/record/form-field'
import { PeriodList } from './periods'
import { DateList } from './date-list'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import './index.scss'

type Field = keyof WorkingTimeSettings
const FIELDS: Field[] = ['workdays', 'periods', 'holidays', 'extraWorkdays']

const weekdays = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, label: '一二三四五六日'[day - 1] as string }))

type Issues = Array<{ message: string; path: (string | number)[] }>

/** A field's message, leaving out what belongs to one period row. */
function fieldMessage(issues: Issues, field: Field): string | null {
  return issues.find((issue) => issue.path[0] === field && typeof issue.path[1] !== 'number')?.message ?? null
}

function periodMessages(issues: Issues, count: number): Array<string | null> {
  return Array.from({ length: count }, (_, i) => issues.find((issue) => issue.path[0] === 'periods' && issue.path[1] === i)?.message ?? null)
}

function SettingsForm({ settings, onSaved }: { settings: WorkingTimeSettings; onSaved: (saved: WorkingTimeSettings) => void }) {
  const [draft, setDraft] = useState<WorkingTimeSettings>(settings)
  const [serverErrors, setServerErrors] = useState<Partial<Record<Field, string>>>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  // The server checks the same schema: what passes here is not refused for its shape.
  const parsed = workingTimeSettingsSchema.safeParse(draft)
  const issues: Issues = parsed.success ? [] : parsed.error.issues
  const errorOf = (field: Field) => serverErrors[field] ?? fieldMessage(issues, field)
  const change = <F extends Field>(field: F, value: WorkingTimeSettings[F]) => {
    setDraft((previous) => ({ ...previous, [field]: value }))
    setServerErrors((previous) => ({ ...previous, [field]: undefined }))
  }
  const toggleDay = (day: number) =>
    change('workdays', draft.workdays.includes(day) ? draft.workdays.filter((d) => d !== day) : [...draft.workdays, day].sort((a, b) => a - b))

  const save = async () => {
    if (saving) return
    if (!parsed.success) {
      void Taro.showToast({ title: '请先修正标红的内容', icon: 'none', duration: 2000 })
      return
    }
    setSaving(true)
    setRefusal(null)
    try {
      const saved = await updateWorkingTimeSettings(parsed.data)
      showSuccess('已保存')
      onSaved(saved)
    } catch (err) {
      const found = fieldIssues(err)
      const known = FIELDS.filter((field) => found[field])
      if (known.length > 0) setServerErrors(Object.fromEntries(known.map((field) => [field, found[field]])))
      else setRefusal(messageOf(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='account-page record working-time'>
      <View className='record__head card'>
        <Text className='record__title'>工作时间</Text>
        <Text className='record__when' id='working-time-purpose'>
          通知确认时限按工作时间计算：只计下列工作日的工作时段，节假日不计，调休上班日照常计。
        </Text>
      </View>
      <View className='record__form card' id='working-time-form'>
        <FormField id='working-days' label='每周工作日' required error={errorOf('workdays')}>
          <View className='choice-chips'>
            {weekdays.map(({ day, label }) => (
              <View
                key={day}
                id={`workday-${day}`}
                className={`choice-chips__chip${draft.workdays.includes(day) ? ' choice-chips__chip--active' : ''}`}
                onClick={() => toggleDay(day)}
              >
                <Text>{label}</Text>
              </View>
            ))}
          </View>
        </FormField>
        <FormField id='working-periods' label='每天工作时段' required hint='24小时制，如 09:00 至 12:00；最多4段，按先后排列' error={errorOf('periods')}>
          <PeriodList periods={draft.periods} rowErrors={periodMessages(issues, draft.periods.length)} onChange={(periods) => change('periods', periods)} />
        </FormField>
        <FormField id='working-holidays' label='节假日' hint='即使是工作日也不上班的日期' error={errorOf('holidays')}>
          <DateList
            idPrefix='holiday'
            dates={draft.holidays}
            onChange={(holidays) => change('holidays', holidays)}
            taken={draft.extraWorkdays}
            takenMessage='该日期已设为调休上班日'
            emptyText='暂无节假日'
          />
        </FormField>
        <FormField id='working-extra-workdays' label='调休上班日' hint='周末补班等照常上班的日期' error={errorOf('extraWorkdays')}>
          <DateList
            idPrefix='extra-workday'
            dates={draft.extraWorkdays}
            onChange={(extraWorkdays) => change('extraWorkdays', extraWorkdays)}
            taken={draft.holidays}
            takenMessage='该日期已设为节假日'
            emptyText='暂无调休上班日'
          />
        </FormField>
      </View>
      <InlineError id='working-time-error' message={refusal} />
      <View className='record__submit'>
        <Button id='working-time-save' type='primary' block loading={saving} disabled={saving} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </View>
  )
}

function WorkingTimeScreen() {
  const { data, error, reload, setData } = useLoaded(useCallback(() => getWorkingTimeSettings(), []))
  const [version, setVersion] = useState(0)
  if (error) return <ErrorState id='working-time-load-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  const onSaved = (saved: WorkingTimeSettings) => {
    setData(saved)
    // The form starts again from what the server kept.
    setVersion((v) => v + 1)
  }
  return <SettingsForm key={version} settings={data} onSaved={onSaved} />
}

export default function WorkingTimePage() {
  return <SessionGate roles={['admin']}>{() => <WorkingTimeScreen />}</SessionGate>
}
