import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, Switch } from '@nutui/nutui-react-taro'
import { DEFAULT_EXCLUDE_MONTHS, MAX_EXCLUDE_MONTHS, MAX_SPOT_CHECK_SIZE, excludeWithinMonthsSchema, startRoundInput, type PersonSummary } from '@contract'
import { fieldIssues, hasCode } from '@/services/accounts'
import { listDepartments } from '@/services/roster'
import { messageOf, showSuccess } from '@/services/feedback'
import { startRound } from '@/services/spot-checks'
import { useLoaded } from '@/hooks/use-loaded'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, PageLoading } from '@/components/state-views'
import { FormField } from '@/components/record/form-field'
import { firstIssue } from '@/components/record/outcome'
import { spotCheckRoundPage } from '../spot-check-paths'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../spot-check-parts/spot-check.scss'

/** A handful is what one person can score in an afternoon. */
const DEFAULT_SIZE = 5

type Field = 'size' | 'excludeWithinMonths' | 'departmentIds'

/** The number a digits-only field holds, or NaN for nothing, so the schema says what is wrong. */
function numberOf(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim())
}

function DepartmentChoice({ selected, onToggle }: { selected: string[]; onToggle: (id: string) => void }) {
  const { data, error, reload } = useLoaded(listDepartments)
  if (error) return <ErrorState id='round-departments-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading text='正在加载部门…' />
  return (
    <View className='spot-start__departments' id='round-departments'>
      {data.map((department) => {
        const chosen = selected.includes(department.id)
        return (
          <View
            key={department.id}
            id={`round-departments-${department.id}`}
            className={`spot-start__department${chosen ? ' spot-start__department--chosen' : ''}`}
            onClick={() => onToggle(department.id)}
          >
            <Text>
              {department.name} {department.staffCount}人
            </Text>
          </View>
        )
      })}
    </View>
  )
}

function StartForm({ person }: { person: PersonSummary }) {
  const isAdmin = person.role === 'admin'
  const [size, setSize] = useState(String(DEFAULT_SIZE))
  const [excludeMonths, setExcludeMonths] = useState(String(DEFAULT_EXCLUDE_MONTHS))
  const [force, setForce] = useState(false)
  const [departmentIds, setDepartmentIds] = useState<string[]>([])
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({})
  const [serverErrors, setServerErrors] = useState<Partial<Record<Field, string>>>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [starting, setStarting] = useState(false)

  // With force on the gap is not used for drawing, only recorded; a half-typed one falls back to the default.
  const months = numberOf(excludeMonths)
  const gap = force && !excludeWithinMonthsSchema.safeParse(months).success ? DEFAULT_EXCLUDE_MONTHS : months
  // The server parses the same schema; heads always sample their own department, so they send none.
  const parsed = startRoundInput.safeParse({
    size: numberOf(size),
    excludeWithinMonths: gap,
    force,
    ...(isAdmin && departmentIds.length > 0 ? { departmentIds } : {}),
  })
  const errorOf = (field: Field) => (touched[field] ? (serverErrors[field] ?? firstIssue(parsed, field)) : null)
  const touch = (field: Field) => {
    setTouched((previous) => ({ ...previous, [field]: true }))
    setServerErrors((previous) => ({ ...previous, [field]: undefined }))
    setRefusal(null)
  }

  const submit = async () => {
    if (starting) return
    setTouched({ size: true, excludeWithinMonths: true, departmentIds: true })
    if (!parsed.success) {
      void Taro.showToast({ title: '请先修正标红的内容', icon: 'none', duration: 2000 })
      return
    }
    setStarting(true)
    setRefusal(null)
    setServerErrors({})
    try {
      const round = await startRound(parsed.data)
      showSuccess(`已抽取${round.sampledCount}人`)
      void Taro.redirectTo({ url: spotCheckRoundPage(round.id) })
    } catch (err) {
      const issues = fieldIssues(err)
      const known = (['size', 'excludeWithinMonths', 'departmentIds'] as Field[]).filter((field) => issues[field])
      if (known.length > 0) setServerErrors(Object.fromEntries(known.map((field) => [field, issues[field]])))
      else setRefusal(hasCode(err, 'NO_SPOT_CHECK_CANDIDATES') ? `${messageOf(err)}。可缩短间隔月数，或打开“包括近期已抽查的人”。` : messageOf(err))
    } finally {
      setStarting(false)
    }
  }

  return (
    <View className='account-page record spot-start'>
      <View className='record__head card'>
        <Text className='record__title'>随机抽查</Text>
        <Text className='record__when'>按部门人数比例随机抽取，每个部门至少一人；随机种子会被记录，可随时复核抽样结果。抽中的人在评分前不会收到通知。</Text>
      </View>

      <View className='record__form card' id='round-form'>
        {isAdmin ? (
          <FormField id='round-department-field' label='抽查部门' hint='不选则抽查全部部门' error={errorOf('departmentIds')}>
            <DepartmentChoice
              selected={departmentIds}
              onToggle={(id) => {
                setDepartmentIds((previous) => (previous.includes(id) ? previous.filter((x) => x !== id) : [...previous, id]))
                touch('departmentIds')
              }}
            />
          </FormField>
        ) : (
          <Text className='spot-start__scope' id='round-scope'>
            抽查范围：{person.departmentName}
          </Text>
        )}
        <FormField id='round-size' label='抽查人数' required hint={`1-${MAX_SPOT_CHECK_SIZE}人，符合条件的人不足时全部抽取`} error={errorOf('size')}>
          <Input
            type='digit'
            maxLength={3}
            placeholder='例如 5'
            value={size}
            onChange={(value: string) => {
              setSize(value)
              touch('size')
            }}
          />
        </FormField>
        <FormField
          id='round-exclude-months'
          label='间隔月数'
          required
          hint={`本月及之前若干个月内已被抽查的人不再抽取，0-${MAX_EXCLUDE_MONTHS}，0表示不限`}
          error={force ? null : errorOf('excludeWithinMonths')}
        >
          <Input
            type='digit'
            maxLength={2}
            placeholder={String(DEFAULT_EXCLUDE_MONTHS)}
            disabled={force}
            value={excludeMonths}
            onChange={(value: string) => {
              setExcludeMonths(value)
              touch('excludeWithinMonths')
            }}
          />
        </FormField>
        {/* The whole row is the control: a tap anywhere flips it; the switch only shows it. */}
        <View id='round-force' className='switch-row' onClick={() => setForce((value) => !value)}>
          <View className='switch-row__text'>
            <Text className='switch-row__title'>包括近期已抽查的人</Text>
            <Text className='switch-row__hint'>{force ? '不论最近是否被抽查过，所有人都可能被抽中' : '近期已被抽查的人会被跳过'}</Text>
          </View>
          <Switch checked={force} loadingIcon={null} />
        </View>
      </View>

      {refusal ? (
        <View className='account-notice account-notice--error' id='round-error'>
          <Text>{refusal}</Text>
        </View>
      ) : null}

      <View className='record__submit'>
        <Button id='round-start' type='primary' block loading={starting} disabled={starting} onClick={() => void submit()}>
          开始抽取
        </Button>
      </View>
    </View>
  )
}

export default function SpotCheckStartPage() {
  return <SessionGate roles={['head', 'admin']}>{(person) => <StartForm person={person} />}</SessionGate>
}
