import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { decideViolationAppealInput, violationAppealReasonSchema, type ViolationDetail, type ViolationEvent } from '@contract'
import { fieldIssues } from '@/services/accounts'
import { appealViolation, overturnViolation, upholdViolation } from '@/services/violations'
import { FormField } from '@/components/record/form-field'
import { FormActions } from '@/components/record/form-actions'
import { firstIssue, perform, type ActionOutcome } from '@/components/record/outcome'

type Outcome = ActionOutcome<ViolationDetail>

interface ActionsProps {
  detail: ViolationDetail
  onOutcome: (outcome: Outcome) => void
}

/** Only what the server says the caller can do now is offered. */
export function ViolationActions({ detail, onOutcome }: ActionsProps) {
  const can = (event: ViolationEvent) => detail.available.includes(event)
  return (
    <View className='record__actions card' id='violation-actions'>
      {can('appeal') ? <AppealForm detail={detail} onOutcome={onOutcome} /> : null}
      {can('uphold') || can('overturn') ? <DecisionForm detail={detail} onOutcome={onOutcome} /> : null}
    </View>
  )
}

function AppealForm({ detail, onOutcome }: ActionsProps) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [touched, setTouched] = useState(false)
  const [serverError, setServerError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const issue = firstIssue(violationAppealReasonSchema.safeParse(reason))
  const error = touched ? (serverError ?? issue) : null

  const submit = async () => {
    setTouched(true)
    if (busy || issue) return
    setBusy(true)
    await perform(() => appealViolation(detail.id, reason), '已提交申诉', onOutcome, (err) => {
      const message = fieldIssues(err).reason
      if (message) setServerError(message)
      return Boolean(message)
    })
    setBusy(false)
  }

  if (!open) {
    return (
      <View className='record__buttons'>
        <Button id='violation-appeal' className='record__button' type='primary' fill='outline' onClick={() => setOpen(true)}>
          申诉
        </Button>
      </View>
    )
  }
  return (
    <View className='record-form' id='violation-appeal-form'>
      <Text className='record-form__title'>申诉</Text>
      <Text className='record-form__text'>每条记录只能申诉一次，请一次写清理由，必要时说明可以证明的同事或记录。管理员处理前，该记录仍计入考核。</Text>
      <FormField id='violation-appeal-reason' label='申诉理由' required error={error}>
        <TextArea
          placeholder='为什么认为这条记录不成立'
          maxLength={500}
          showCount
          rows={4}
          value={reason}
          onChange={(text: string) => {
            setReason(text)
            setTouched(true)
            setServerError(null)
          }}
        />
      </FormField>
      <FormActions idPrefix='violation-appeal-form' confirmId='violation-appeal-submit' confirmText='提交申诉' busy={busy} onCancel={() => setOpen(false)} onConfirm={() => void submit()} />
    </View>
  )
}

function DecisionForm({ detail, onOutcome }: ActionsProps) {
  const [comment, setComment] = useState('')
  const [touched, setTouched] = useState(false)
  const [busy, setBusy] = useState<'upheld' | 'overturned' | null>(null)
  // Overturning must say why; the same schema as the server's tells which outcome needs what.
  const overturnIssue = firstIssue(decideViolationAppealInput.safeParse({ id: detail.id, outcome: 'overturned', comment }), 'comment')
  const upholdIssue = firstIssue(decideViolationAppealInput.safeParse({ id: detail.id, outcome: 'upheld', comment }), 'comment')
  const [attempted, setAttempted] = useState<'upheld' | 'overturned' | null>(null)
  const error = attempted === 'overturned' ? overturnIssue : touched ? upholdIssue : null

  const decide = async (outcome: 'upheld' | 'overturned') => {
    setAttempted(outcome)
    setTouched(true)
    if (busy || (outcome === 'overturned' ? overturnIssue : upholdIssue)) return
    setBusy(outcome)
    await perform(() => (outcome === 'upheld' ? upholdViolation(detail.id, comment) : overturnViolation(detail.id, comment)), outcome === 'upheld' ? '已维持原记录' : '已撤销', onOutcome)
    setBusy(null)
  }

  return (
    <View className='record-form' id='violation-decision-form'>
      <Text className='record-form__title'>处理申诉</Text>
      <Text className='record-form__text'>维持后该记录照常计入考核；撤销后不再计入，须写明理由。结果会通知当事人。</Text>
      <FormField id='violation-decision-comment' label='处理说明' required={attempted === 'overturned'} hint='撤销时必填' error={error}>
        <TextArea
          placeholder='核实情况与处理理由'
          maxLength={300}
          rows={3}
          value={comment}
          onChange={(text: string) => {
            setComment(text)
            setTouched(true)
          }}
        />
      </FormField>
      <View className='record__buttons'>
        <Button id='violation-uphold' className='record__button' type='danger' fill='outline' loading={busy === 'upheld'} disabled={busy !== null} onClick={() => void decide('upheld')}>
          维持原记录
        </Button>
        <Button id='violation-overturn' className='record__button' type='success' loading={busy === 'overturned'} disabled={busy !== null} onClick={() => void decide('overturned')}>
          撤销记录
        </Button>
      </View>
    </View>
  )
}
