import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import {
  activateApplicationInput,
  declineActivationInput,
  reviewApplicationInput,
  type ApplicationDetail,
  type ApplicationEvent,
} from '@contract'
import {
  activateApplication,
  declineActivation,
  fieldIssues,
  hasCode,
  reviewApplication,
  shanghaiToday,
  withdrawApplication,
  type Activation,
} from '@/services/accounts'
import { messageOf } from '@/services/feedback'
import { FormField } from '@/components/record/form-field'
import { FormActions } from '@/components/record/form-actions'
import { firstIssue, perform, type ActionOutcome as GenericOutcome } from '@/components/record/outcome'

type Mode = 'approve' | 'reject' | 'activate' | 'decline' | 'withdraw'

interface ButtonSpec {
  event: ApplicationEvent
  mode: Mode
  id: string
  text: string
  type: 'primary' | 'danger' | 'default'
  fill: 'solid' | 'outline'
}

/** In the order they show; only those the server lists in `available` appear. */
const buttons: ButtonSpec[] = [
  { event: 'headApprove', mode: 'approve', id: 'application-approve', text: '同意', type: 'primary', fill: 'solid' },
  { event: 'activate', mode: 'activate', id: 'application-activate', text: '开通', type: 'primary', fill: 'solid' },
  { event: 'headReject', mode: 'reject', id: 'application-reject', text: '驳回', type: 'danger', fill: 'outline' },
  { event: 'adminReject', mode: 'decline', id: 'application-decline', text: '驳回', type: 'danger', fill: 'outline' },
  { event: 'withdraw', mode: 'withdraw', id: 'application-withdraw', text: '撤回申请', type: 'default', fill: 'outline' },
]

export type ActionOutcome = GenericOutcome<ApplicationDetail>

interface ActionsProps {
  detail: ApplicationDetail
  /** Called with what happened; the screen owns the detail and the notice. */
  onOutcome: (outcome: ActionOutcome) => void
}

/** The buttons for what the caller may do now, and the short form each one needs. */
export function ApplicationActions({ detail, onOutcome }: ActionsProps) {
  const [mode, setMode] = useState<Mode | null>(null)
  const available = buttons.filter((button) => detail.available.includes(button.event))

  const finish = (outcome: ActionOutcome) => {
    // A form stays open only to fix its own input; success and staleness both close it.
    if (outcome.done || outcome.stale) setMode(null)
    onOutcome(outcome)
  }

  if (available.length === 0) return null

  return (
    <View className='application__actions card' id='application-actions'>
      <View className='application__buttons'>
        {available.map((button) => (
          <Button
            key={button.id}
            id={button.id}
            className='application__button'
            type={button.type}
            fill={mode === button.mode ? 'solid' : button.fill}
            onClick={() => setMode(mode === button.mode ? null : button.mode)}
          >
            {button.text}
          </Button>
        ))}
      </View>
      {mode === 'approve' || mode === 'reject' ? (
        <ReviewForm key={mode} detail={detail} decision={mode} onCancel={() => setMode(null)} onOutcome={finish} />
      ) : null}
      {mode === 'activate' ? <ActivateForm detail={detail} onCancel={() => setMode(null)} onOutcome={finish} /> : null}
      {mode === 'decline' ? <DeclineForm detail={detail} onCancel={() => setMode(null)} onOutcome={finish} /> : null}
      {mode === 'withdraw' ? <WithdrawConfirm detail={detail} onCancel={() => setMode(null)} onOutcome={finish} /> : null}
    </View>
  )
}

interface FormProps {
  detail: ApplicationDetail
  onCancel: () => void
  onOutcome: (outcome: ActionOutcome) => void
}

function ReviewForm({ detail, decision, onCancel, onOutcome }: FormProps & { decision: 'approve' | 'reject' }) {
  const [comment, setComment] = useState('')
  const [touched, setTouched] = useState(false)
  const [serverError, setServerError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const reject = decision === 'reject'

  const check = (value: string) =>
    firstIssue(reviewApplicationInput.safeParse({ id: detail.id, decision, comment: value.trim() || undefined }), 'comment')
  const error = touched ? (serverError ?? check(comment)) : null

  const confirm = async () => {
    setTouched(true)
    if (check(comment) || busy) return
    setBusy(true)
    await perform(() => reviewApplication(detail.id, decision, comment), reject ? '已驳回' : '已同意', onOutcome, (err) => {
      const message = fieldIssues(err).comment
      if (message) setServerError(message)
      return Boolean(message)
    })
    setBusy(false)
  }

  return (
    <View className='application__form' id='review-form'>
      <Text className='application__form-title'>{reject ? '驳回申请' : '同意申请'}</Text>
      <FormField id='review-comment' label={reject ? '驳回原因' : '审批意见'} required={reject} error={error}>
        <TextArea
          placeholder={reject ? '请说明驳回原因，申请人会看到' : '可填写审批意见'}
          maxLength={200}
          rows={3}
          value={comment}
          onChange={(value: string) => {
            setComment(value)
            setServerError(null)
            setTouched(true)
          }}
        />
      </FormField>
      <FormActions
        idPrefix='review'
        confirmId='review-confirm'
        confirmText={reject ? '确认驳回' : '确认同意'}
        danger={reject}
        busy={busy}
        onCancel={onCancel}
        onConfirm={() => void confirm()}
      />
    </View>
  )
}

type ActivationField = keyof Activation
const activationShape = activateApplicationInput.shape

function ActivateForm({ detail, onCancel, onOutcome }: FormProps) {
  const [values, setValues] = useState<Activation>({
    wechatId: detail.intendedWechatId ?? '',
    // The number the applicant gave is the usual choice for the account's bound phone.
    boundPhone: detail.mobile,
    activatedOn: shanghaiToday(),
  })
  const [touched, setTouched] = useState<Partial<Record<ActivationField, boolean>>>({})
  const [serverErrors, setServerErrors] = useState<Partial<Record<ActivationField, string>>>({})
  const [busy, setBusy] = useState(false)

  const check = (field: ActivationField, value: string) => firstIssue(activationShape[field].safeParse(value))
  const errorOf = (field: ActivationField) => (touched[field] ? (serverErrors[field] ?? check(field, values[field])) : null)
  const change = (field: ActivationField) => (value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }))
    setTouched((previous) => ({ ...previous, [field]: true }))
    setServerErrors((previous) => ({ ...previous, [field]: undefined }))
  }

  const fields: ActivationField[] = ['wechatId', 'boundPhone', 'activatedOn']
  const submit = async () => {
    setTouched({ wechatId: true, boundPhone: true, activatedOn: true })
    if (busy || fields.some((field) => check(field, values[field]))) return
    setBusy(true)
    await perform(() => activateApplication(detail.id, values), '已开通', onOutcome, (err) => {
      // A taken WeChat ID is about one field: say it there rather than at the top of the screen.
      const issues: Record<string, string> = hasCode(err, 'WECHAT_ID_TAKEN') ? { wechatId: messageOf(err) } : fieldIssues(err)
      const known = fields.filter((field) => issues[field])
      if (known.length > 0) setServerErrors(Object.fromEntries(known.map((field) => [field, issues[field]])))
      return known.length > 0
    })
    setBusy(false)
  }

  return (
    <View className='application__form' id='activate-form'>
      <Text className='application__form-title'>开通业务微信</Text>
      <FormField id='activate-wechat-id' label='业务微信号' required error={errorOf('wechatId')}>
        <Input placeholder='字母开头，6-20位' maxLength={20} value={values.wechatId} onChange={change('wechatId')} />
      </FormField>
      <FormField id='activate-phone' label='绑定手机号' required error={errorOf('boundPhone')}>
        <Input type='number' placeholder='11位手机号' maxLength={11} value={values.boundPhone} onChange={change('boundPhone')} />
      </FormField>
      <FormField id='activate-date' label='开通日期' required error={errorOf('activatedOn')}>
        <Picker mode='date' value={values.activatedOn} end={shanghaiToday()} onChange={(event) => change('activatedOn')(String(event.detail.value))}>
          <View className='application__picker'>
            <Text className='application__picker-value'>{values.activatedOn}</Text>
            <Text className='application__picker-arrow'>›</Text>
          </View>
        </Picker>
      </FormField>
      <FormActions
        idPrefix='activate'
        confirmId='activate-submit'
        confirmText='确认开通'
        busy={busy}
        onCancel={onCancel}
        onConfirm={() => void submit()}
      />
    </View>
  )
}

function DeclineForm({ detail, onCancel, onOutcome }: FormProps) {
  const [comment, setComment] = useState('')
  const [touched, setTouched] = useState(false)
  const [serverError, setServerError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const check = (value: string) => firstIssue(declineActivationInput.shape.comment.safeParse(value))
  const error = touched ? (serverError ?? check(comment)) : null

  const confirm = async () => {
    setTouched(true)
    if (check(comment) || busy) return
    setBusy(true)
    await perform(() => declineActivation(detail.id, comment), '已驳回', onOutcome, (err) => {
      const message = fieldIssues(err).comment
      if (message) setServerError(message)
      return Boolean(message)
    })
    setBusy(false)
  }

  return (
    <View className='application__form' id='decline-form'>
      <Text className='application__form-title'>驳回开通</Text>
      <FormField id='decline-comment' label='驳回原因' required error={error}>
        <TextArea
          placeholder='请说明不予开通的原因，申请人会看到'
          maxLength={200}
          rows={3}
          value={comment}
          onChange={(value: string) => {
            setComment(value)
            setServerError(null)
            setTouched(true)
          }}
        />
      </FormField>
      <FormActions
        idPrefix='decline'
        confirmId='decline-confirm'
        confirmText='确认驳回'
        danger
        busy={busy}
        onCancel={onCancel}
        onConfirm={() => void confirm()}
      />
    </View>
  )
}

function WithdrawConfirm({ detail, onCancel, onOutcome }: FormProps) {
  const [busy, setBusy] = useState(false)
  const confirm = async () => {
    if (busy) return
    setBusy(true)
    await perform(() => withdrawApplication(detail.id), '已撤回', onOutcome)
    setBusy(false)
  }
  return (
    <View className='application__form' id='withdraw-form'>
      <Text className='application__form-title'>撤回申请</Text>
      <Text className='application__form-text'>撤回后这份申请即结束，如仍需开通，须重新提交申请。</Text>
      <FormActions
        idPrefix='withdraw'
        confirmId='withdraw-confirm'
        confirmText='确认撤回'
        danger
        busy={busy}
        onCancel={onCancel}
        onConfirm={() => void confirm()}
      />
    </View>
  )
}
