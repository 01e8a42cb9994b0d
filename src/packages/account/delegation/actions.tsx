import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { reviewDelegationInput, revokeDelegationInput, type DelegationDetail, type DelegationEvent } from '@contract'
import { fieldIssues } from '@/services/accounts'
import { reviewDelegation, revokeDelegation, withdrawDelegation } from '@/services/delegations'
import { FormField } from '@/components/record/form-field'
import { FormActions } from '@/components/record/form-actions'
import { firstIssue, perform, type ActionOutcome } from '@/components/record/outcome'

type Outcome = ActionOutcome<DelegationDetail>
type Mode = 'approve' | 'reject' | 'withdraw' | 'revoke'

interface ButtonSpec {
  mode: Mode
  event: DelegationEvent
  id: string
  text: string
  type: 'primary' | 'danger' | 'default'
  fill: 'solid' | 'outline'
}

/** In the order they show; only those the server lists in `available` appear. */
const buttons: ButtonSpec[] = [
  { mode: 'approve', event: 'approve', id: 'delegation-approve', text: '批准', type: 'primary', fill: 'solid' },
  { mode: 'reject', event: 'reject', id: 'delegation-reject', text: '驳回', type: 'danger', fill: 'outline' },
  { mode: 'withdraw', event: 'withdraw', id: 'delegation-withdraw', text: '撤回申请', type: 'default', fill: 'outline' },
  { mode: 'revoke', event: 'revoke', id: 'delegation-revoke', text: '提前收回', type: 'danger', fill: 'outline' },
]

interface FormSpec {
  title: string
  text?: string
  /** Null: the action takes no comment. */
  commentLabel: string | null
  commentRequired: boolean
  placeholder: string
  confirmText: string
  danger: boolean
  success: string
}

const forms: Record<Mode, FormSpec> = {
  approve: {
    title: '批准代操作',
    text: '批准后，代操作人在期间内可代为操作该账号，到期自动结束。',
    commentLabel: '审批意见',
    commentRequired: false,
    placeholder: '可填写审批意见',
    confirmText: '确认批准',
    danger: false,
    success: '已批准',
  },
  reject: {
    title: '驳回代操作',
    commentLabel: '驳回原因',
    commentRequired: true,
    placeholder: '请说明驳回原因，申请人会看到',
    confirmText: '确认驳回',
    danger: true,
    success: '已驳回',
  },
  withdraw: {
    title: '撤回申请',
    text: '撤回后这份申请即结束，如仍需委托，须重新提交。',
    commentLabel: null,
    commentRequired: false,
    placeholder: '',
    confirmText: '确认撤回',
    danger: true,
    success: '已撤回',
  },
  revoke: {
    title: '提前收回',
    text: '收回后代操作立即结束，代操作人不能再操作该账号。',
    commentLabel: '收回原因',
    commentRequired: false,
    placeholder: '可填写收回原因',
    confirmText: '确认收回',
    danger: true,
    success: '已收回',
  },
}

function checkComment(mode: Mode, id: string, comment: string): string | null {
  const trimmed = comment.trim() || undefined
  if (mode === 'approve' || mode === 'reject') {
    return firstIssue(reviewDelegationInput.safeParse({ id, decision: mode, comment: trimmed }), 'comment')
  }
  if (mode === 'revoke') return firstIssue(revokeDelegationInput.safeParse({ id, comment: trimmed }), 'comment')
  return null
}

function run(mode: Mode, id: string, comment: string): Promise<DelegationDetail> {
  if (mode === 'approve' || mode === 'reject') return reviewDelegation(id, mode, comment)
  if (mode === 'revoke') return revokeDelegation(id, comment)
  return withdrawDelegation(id)
}

export function DelegationActions({ detail, onOutcome }: { detail: DelegationDetail; onOutcome: (outcome: Outcome) => void }) {
  const [mode, setMode] = useState<Mode | null>(null)
  const available = buttons.filter((button) => detail.available.includes(button.event))
  const finish = (outcome: Outcome) => {
    if (outcome.done || outcome.stale) setMode(null)
    onOutcome(outcome)
  }
  if (available.length === 0) return null
  return (
    <View className='record__actions card' id='delegation-actions'>
      <View className='record__buttons'>
        {available.map((button) => (
          <Button
            key={button.id}
            id={button.id}
            className='record__button'
            type={button.type}
            fill={mode === button.mode ? 'solid' : button.fill}
            onClick={() => setMode(mode === button.mode ? null : button.mode)}
          >
            {button.text}
          </Button>
        ))}
      </View>
      {mode ? <ActionForm key={mode} mode={mode} detail={detail} onCancel={() => setMode(null)} onOutcome={finish} /> : null}
    </View>
  )
}

function ActionForm({ mode, detail, onCancel, onOutcome }: { mode: Mode; detail: DelegationDetail; onCancel: () => void; onOutcome: (o: Outcome) => void }) {
  const spec = forms[mode]
  const [comment, setComment] = useState('')
  const [touched, setTouched] = useState(false)
  const [serverError, setServerError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const error = touched ? (serverError ?? checkComment(mode, detail.id, comment)) : null

  const confirm = async () => {
    setTouched(true)
    if (busy || checkComment(mode, detail.id, comment)) return
    setBusy(true)
    await perform(() => run(mode, detail.id, comment), spec.success, onOutcome, (err) => {
      const message = fieldIssues(err).comment
      if (message) setServerError(message)
      return Boolean(message)
    })
    setBusy(false)
  }

  return (
    <View className='record-form' id='delegation-form-action'>
      <Text className='record-form__title'>{spec.title}</Text>
      {spec.text ? <Text className='record-form__text'>{spec.text}</Text> : null}
      {spec.commentLabel ? (
        <FormField id='delegation-comment' label={spec.commentLabel} required={spec.commentRequired} error={error}>
          <TextArea
            placeholder={spec.placeholder}
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
      ) : null}
      <FormActions
        idPrefix='delegation'
        confirmId='delegation-confirm'
        confirmText={spec.confirmText}
        danger={spec.danger}
        busy={busy}
        onCancel={onCancel}
        onConfirm={() => void confirm()}
      />
    </View>
  )
}
