import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { TextArea } from '@nutui/nutui-react-taro'
import { errorMessages, MAX_DELEGATION_DAYS, requestDelegationInput, type PersonSummary } from '@contract'
import { addDays, daysBetween, fieldIssues, hasCode, shanghaiToday } from '@/services/accounts'
import { askConsent, prepareConsent } from '@/services/consent'
import { requestDelegation } from '@/services/delegations'
import { messageOf, showSuccess } from '@/services/feedback'
import { SessionGate } from '@/components/session-gate'
import { ErrorState } from '@/components/state-views'
import { delegationDetail } from '@/routes'
import { FormField } from '@/components/record/form-field'
import { PersonPicker } from '@/components/record/person-picker'
import { firstIssue } from '@/components/record/outcome'
import { SubmitFooter } from '@/components/record/form-actions'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import { useAccountLabel } from '../components/use-account-label'

/** A period starts today at the earliest and covers at most MAX_DELEGATION_DAYS days, both ends included. */
const DEFAULT_DAYS = 3
const fields = requestDelegationInput.innerType().shape

type Field = 'delegateId' | 'startsOn' | 'endsOn' | 'reason'


function checkPeriod(startsOn: string, endsOn: string, today: string): { startsOn: string | null; endsOn: string | null } {
  const start = firstIssue(fields.startsOn.safeParse(startsOn))
  const end = firstIssue(fields.endsOn.safeParse(endsOn))
  if (start || end) return { startsOn: start, endsOn: end }
  if (startsOn < today) return { startsOn: '开始日期不能早于今天', endsOn: null }
  if (endsOn < startsOn) return { startsOn: null, endsOn: '结束日期不能早于开始日期' }
  if (daysBetween(startsOn, endsOn) >= MAX_DELEGATION_DAYS) return { startsOn: null, endsOn: `代操作期间不能超过${MAX_DELEGATION_DAYS}天` }
  return { startsOn: null, endsOn: null }
}

function RequestForm({ person, accountId, wechatId }: { person: PersonSummary; accountId: string; wechatId: string }) {
  const accountLabel = useAccountLabel(accountId, wechatId)
  const [today] = useState(() => shanghaiToday())
  const [delegate, setDelegate] = useState<PersonSummary | null>(null)
  // Open from the start: naming the colleague is the first thing the holder does here.
  const [choosing, setChoosing] = useState(true)
  const [startsOn, setStartsOn] = useState(today)
  const [endsOn, setEndsOn] = useState(() => addDays(today, DEFAULT_DAYS))
  const [reason, setReason] = useState('')
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({})
  const [serverErrors, setServerErrors] = useState<Partial<Record<Field, string>>>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)

  useEffect(() => prepareConsent(), [])

  const check = useCallback(
    (field: Field): string | null => {
      if (field === 'delegateId') {
        if (!delegate) return '请选择代操作人'
        if (delegate.id === person.id) return errorMessages.DELEGATE_INVALID
        return firstIssue(fields.delegateId.safeParse(delegate.id))
      }
      if (field === 'reason') return firstIssue(fields.reason.safeParse(reason))
      return checkPeriod(startsOn, endsOn, today)[field]
    },
    [delegate, person.id, reason, startsOn, endsOn, today],
  )
  const errorOf = (field: Field) => (touched[field] ? (serverErrors[field] ?? check(field)) : null)
  const touch = (...changed: Field[]) => {
    setTouched((previous) => ({ ...previous, ...Object.fromEntries(changed.map((f) => [f, true])) }))
    setServerErrors((previous) => ({ ...previous, ...Object.fromEntries(changed.map((f) => [f, undefined])) }))
  }

  const submit = async () => {
    if (submitting) return
    const all: Field[] = ['delegateId', 'startsOn', 'endsOn', 'reason']
    setTouched(Object.fromEntries(all.map((f) => [f, true])))
    if (all.some((field) => check(field) !== null) || !delegate) {
      void Taro.showToast({ title: '请先修正标红的内容', icon: 'none', duration: 2000 })
      return
    }
    // Inside the tap, before anything is awaited: WeChat asks for consent only then.
    void askConsent('requestDelegation')
    setSubmitting(true)
    setRefusal(null)
    setServerErrors({})
    try {
      const detail = await requestDelegation({ accountId, delegateId: delegate.id, startsOn, endsOn, reason })
      showSuccess('已提交')
      void Taro.redirectTo({ url: delegationDetail(detail.id) })
    } catch (err) {
      if (hasCode(err, 'DELEGATE_INVALID')) setServerErrors({ delegateId: messageOf(err) })
      else if (hasCode(err, 'PERIOD_INVALID')) setServerErrors({ endsOn: messageOf(err) })
      else {
        const issues = fieldIssues(err)
        const known = all.filter((field) => issues[field])
        if (known.length > 0) setServerErrors(Object.fromEntries(known.map((field) => [field, issues[field]])))
        else setRefusal(messageOf(err))
      }
    } finally {
      setSubmitting(false)
    }
  }

  const latestEnd = addDays(startsOn, MAX_DELEGATION_DAYS - 1)
  return (
    <View className='account-page record delegation-request'>
      <View className='record__head card'>
        <Text className='record__title'>委托同事代操作业务微信</Text>
        <Text className='record__who' id='delegation-account'>
          账号 {accountLabel}
        </Text>
        <Text className='record__when'>经部门负责人批准后生效，到期自动结束；期间可随时提前收回。</Text>
      </View>

      <View className='record__form card' id='delegation-form'>
        <FormField
          id='delegation-delegate'
          label='代操作人'
          required
          error={errorOf('delegateId')}
          // Only a closed, empty field opens on any tap; an open list's rows and 更换 handle their own.
          onTap={!choosing && !delegate ? () => setChoosing(true) : undefined}
        >
          <PersonPicker
            idPrefix='person-option'
            excludeIds={[person.id]}
            selected={delegate}
            open={choosing}
            onOpenChange={setChoosing}
            placeholder='请选择代操作的同事'
            chosenId='delegation-delegate-chosen'
            onSelect={(chosen) => {
              setDelegate(chosen)
              touch('delegateId')
            }}
          />
        </FormField>
        <FormField id='delegation-start' label='开始日期' required error={errorOf('startsOn')}>
          <Picker
            mode='date'
            value={startsOn}
            start={today}
            onChange={(event) => {
              const next = String(event.detail.value)
              setStartsOn(next)
              // Keep the period the same length, so moving the start does not quietly make it too long.
              setEndsOn(addDays(next, Math.max(0, daysBetween(startsOn, endsOn))))
              touch('startsOn', 'endsOn')
            }}
          >
            <View className='record__picker'>
              <Text>{startsOn}</Text>
              <Text className='record__picker-arrow'>›</Text>
            </View>
          </Picker>
        </FormField>
        <FormField id='delegation-end' label='结束日期' required hint={`最长${MAX_DELEGATION_DAYS}天，最晚 ${latestEnd}`} error={errorOf('endsOn')}>
          <Picker
            mode='date'
            value={endsOn}
            start={startsOn}
            end={latestEnd}
            onChange={(event) => {
              setEndsOn(String(event.detail.value))
              touch('endsOn')
            }}
          >
            <View className='record__picker'>
              <Text>{endsOn}</Text>
              <Text className='record__picker-arrow'>›</Text>
            </View>
          </Picker>
        </FormField>
        <FormField id='delegation-reason' label='委托原因' required error={errorOf('reason')}>
          <TextArea
            placeholder='例如：出差期间由同事代为回复客户，至少5个字'
            maxLength={300}
            showCount
            rows={3}
            value={reason}
            onChange={(value: string) => {
              setReason(value)
              touch('reason')
            }}
          />
        </FormField>
      </View>

      <SubmitFooter errorId='delegation-error' refusal={refusal} submitId='delegation-submit' busy={submitting} onSubmit={() => void submit()}>
        提交申请
      </SubmitFooter>
    </View>
  )
}

export default function DelegationRequestPage() {
  const router = useRouter()
  const accountId = typeof router.params.accountId === 'string' ? router.params.accountId : ''
  const wechatId = typeof router.params.wechatId === 'string' ? router.params.wechatId : ''
  return (
    <SessionGate>
      {(person) =>
        accountId ? (
          <RequestForm person={person} accountId={accountId} wechatId={wechatId} />
        ) : (
          <ErrorState id='delegation-error' message='缺少账号，请从账号台账重新打开' />
        )
      }
    </SessionGate>
  )
}
