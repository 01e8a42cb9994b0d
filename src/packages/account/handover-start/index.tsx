import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Switch, TextArea } from '@nutui/nutui-react-taro'
import { startHandoverInput } from '@contract'
import { fieldIssues } from '@/services/accounts'
import { messageOf, showSuccess } from '@/services/feedback'
import { startHandover } from '@/services/handovers'
import { SessionGate } from '@/components/session-gate'
import { ErrorState } from '@/components/state-views'
import { handoverDetail } from '@/routes'
import { FormField } from '@/components/record/form-field'
import { firstIssue } from '@/components/record/outcome'
import { SubmitFooter } from '@/components/record/form-actions'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import { useAccountLabel } from '../components/use-account-label'

type Field = 'reason'

function StartForm({ accountId, wechatId }: { accountId: string; wechatId: string }) {
  const accountLabel = useAccountLabel(accountId, wechatId)
  const [leaving, setLeaving] = useState(false)
  const [reason, setReason] = useState('')
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({})
  const [serverErrors, setServerErrors] = useState<Partial<Record<Field, string>>>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)

  const check = (field: Field): string | null => firstIssue(startHandoverInput.shape[field].safeParse(reason))
  const errorOf = (field: Field) => (touched[field] ? (serverErrors[field] ?? check(field)) : null)
  const touch = (field: Field) => {
    setTouched((previous) => ({ ...previous, [field]: true }))
    setServerErrors((previous) => ({ ...previous, [field]: undefined }))
  }

  const submit = async () => {
    if (submitting) return
    setTouched({ reason: true })
    if (check('reason')) {
      void Taro.showToast({ title: '请先修正标红的内容', icon: 'none', duration: 2000 })
      return
    }
    setSubmitting(true)
    setRefusal(null)
    try {
      const detail = await startHandover(accountId, leaving, reason)
      showSuccess('已发起')
      void Taro.redirectTo({ url: handoverDetail(detail.id) })
    } catch (err) {
      const issue = fieldIssues(err).reason
      if (issue) setServerErrors({ reason: issue })
      else setRefusal(messageOf(err))
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View className='account-page record handover-start'>
      <View className='record__head card'>
        <Text className='record__title'>账号交接</Text>
        <Text className='record__who' id='handover-account'>
          账号 {accountLabel}
        </Text>
        <Text className='record__when'>发起后账号进入“交接中”，由部门负责人指定接收人，各方按清单完成后由行政部办结。</Text>
      </View>

      <View className='record__form card' id='handover-form'>
        {/* The whole row is the control: a tap anywhere on it flips the answer; the switch only shows it. */}
        <View id='handover-leaving' className='switch-row' onClick={() => setLeaving((value) => !value)}>
          <View className='switch-row__text'>
            <Text className='switch-row__title'>持有人离职</Text>
            <Text className='switch-row__hint'>{leaving ? '交接办结后，持有人在花名册中标记为已离职' : '岗位调整等，持有人仍在职'}</Text>
          </View>
          <Switch checked={leaving} loadingIcon={null} />
        </View>
        <FormField id='handover-reason' label='交接原因' required error={errorOf('reason')}>
          <TextArea
            placeholder='例如：员工离职，客户转交同组同事'
            maxLength={300}
            rows={3}
            value={reason}
            onChange={(value: string) => {
              setReason(value)
              touch('reason')
            }}
          />
        </FormField>
      </View>

      <SubmitFooter errorId='handover-error' refusal={refusal} submitId='handover-submit' busy={submitting} onSubmit={() => void submit()}>
        发起交接
      </SubmitFooter>
    </View>
  )
}

export default function HandoverStartPage() {
  const router = useRouter()
  const accountId = typeof router.params.accountId === 'string' ? router.params.accountId : ''
  const wechatId = typeof router.params.wechatId === 'string' ? router.params.wechatId : ''
  return (
    <SessionGate>
      {() => (accountId ? <StartForm accountId={accountId} wechatId={wechatId} /> : <ErrorState id='handover-error' message='缺少账号，请从账号台账重新打开' />)}
    </SessionGate>
  )
}
