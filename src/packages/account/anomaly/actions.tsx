import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import {
  measureTypeLabels,
  measureTypes,
  recordMeasureInput,
  resolveAnomalyInput,
  type AnomalyDetail,
  type AnomalyEvent,
  type MeasureType,
} from '@contract'
import { fieldIssues } from '@/services/accounts'
import { acknowledgeAnomaly, recordMeasure, resolveAnomaly } from '@/services/anomalies'
import { FormField } from '@/components/record/form-field'
import { FormActions } from '@/components/record/form-actions'
import { ChoiceChips } from '@/components/record/filter-chips'
import { firstIssue, perform, type ActionOutcome } from '@/components/record/outcome'

type Outcome = ActionOutcome<AnomalyDetail>
type Mode = 'measure' | 'resolve'

/** The server suspends only accounts still in use; offering it otherwise would only earn a refusal. */
const SUSPENDABLE = ['active', 'delegated', 'handing_over']

interface ActionsProps {
  detail: AnomalyDetail
  onOutcome: (outcome: Outcome) => void
}

export function AnomalyActions({ detail, onOutcome }: ActionsProps) {
  const [mode, setMode] = useState<Mode | null>(null)
  const [acknowledging, setAcknowledging] = useState(false)
  const can = (event: AnomalyEvent) => detail.available.includes(event)

  const finish = (outcome: Outcome) => {
    if (outcome.done || outcome.stale) setMode(null)
    onOutcome(outcome)
  }

  const acknowledge = async () => {
    if (acknowledging) return
    setAcknowledging(true)
    await perform(() => acknowledgeAnomaly(detail.id), '已受理', finish)
    setAcknowledging(false)
  }

  const toggle = (next: Mode) => setMode(mode === next ? null : next)

  return (
    <View className='record__actions card' id='anomaly-actions'>
      <View className='record__buttons'>
        {can('acknowledge') ? (
          <Button
            id='anomaly-acknowledge'
            className='record__button'
            type='primary'
            loading={acknowledging}
            disabled={acknowledging}
            onClick={() => void acknowledge()}
          >
            受理
          </Button>
        ) : null}
        {can('recordMeasure') ? (
          <Button
            id='anomaly-measure'
            className='record__button'
            type='primary'
            fill={mode === 'measure' ? 'solid' : 'outline'}
            onClick={() => toggle('measure')}
          >
            记录措施
          </Button>
        ) : null}
        {can('resolve') ? (
          <Button
            id='anomaly-resolve'
            className='record__button'
            type='success'
            fill={mode === 'resolve' ? 'solid' : 'outline'}
            onClick={() => toggle('resolve')}
          >
            办结
          </Button>
        ) : null}
      </View>
      {mode === 'measure' && can('recordMeasure') ? <MeasureForm detail={detail} onCancel={() => setMode(null)} onOutcome={finish} /> : null}
      {mode === 'resolve' && can('resolve') ? <ResolveForm detail={detail} onCancel={() => setMode(null)} onOutcome={finish} /> : null}
    </View>
  )
}

interface FormProps {
  detail: AnomalyDetail
  onCancel: () => void
  onOutcome: (outcome: Outcome) => void
}

function MeasureForm({ detail, onCancel, onOutcome }: FormProps) {
  const suspendable = Boolean(detail.accountId) && SUSPENDABLE.includes(detail.accountStatus ?? '')
  const options = measureTypes
    .filter((type) => type !== 'suspend_account' || suspendable)
    .map((type) => ({ value: type, label: measureTypeLabels[type] }))
  const [type, setType] = useState<MeasureType | null>(null)
  const [note, setNote] = useState('')
  const [touched, setTouched] = useState(false)
  const [serverError, setServerError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const typeError = touched && !type ? '请选择措施类型' : null
  const noteError = touched ? (serverError ?? firstIssue(recordMeasureInput.shape.note.safeParse(note))) : null
  const suspending = type === 'suspend_account'

  const confirm = async () => {
    setTouched(true)
    if (busy || !type || firstIssue(recordMeasureInput.shape.note.safeParse(note))) return
    setBusy(true)
    await perform(() => recordMeasure(detail.id, type, note), suspending ? '账号已停用' : '已记录', onOutcome, (err) => {
      const message = fieldIssues(err).note
      if (message) setServerError(message)
      return Boolean(message)
    })
    setBusy(false)
  }

  return (
    <View className='record-form' id='measure-form'>
      <Text className='record-form__title'>记录处置措施</Text>
      <FormField id='measure-type' label='措施类型' required error={typeError}>
        <ChoiceChips idPrefix='measure-type' options={options} selected={type} danger={['suspend_account']} onSelect={setType} />
      </FormField>
      {suspending ? (
        // Choosing it is the first step, this button the second: the account stops working the moment it is pressed.
        <Text className='record-form__warning' id='measure-suspend-warning'>
          确认后将立即停用账号 {detail.accountWechatId}，该账号不能再使用，恢复须联系行政部。
        </Text>
      ) : null}
      <FormField id='measure-note' label='说明' error={noteError}>
        <TextArea
          placeholder='做了什么、结果如何'
          maxLength={300}
          rows={3}
          value={note}
          onChange={(value: string) => {
            setNote(value)
            setServerError(null)
          }}
        />
      </FormField>
      <FormActions
        idPrefix='measure'
        confirmId='measure-confirm'
        confirmText={suspending ? '确认停用账号' : '记录措施'}
        danger={suspending}
        busy={busy}
        onCancel={onCancel}
        onConfirm={() => void confirm()}
      />
    </View>
  )
}

function ResolveForm({ detail, onCancel, onOutcome }: FormProps) {
  const [text, setText] = useState('')
  const [touched, setTouched] = useState(false)
  const [serverError, setServerError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const check = (value: string) => firstIssue(resolveAnomalyInput.shape.resolution.safeParse(value))
  const error = touched ? (serverError ?? check(text)) : null

  const confirm = async () => {
    setTouched(true)
    if (busy || check(text)) return
    setBusy(true)
    await perform(() => resolveAnomaly(detail.id, text), '已办结', onOutcome, (err) => {
      const message = fieldIssues(err).resolution
      if (message) setServerError(message)
      return Boolean(message)
    })
    setBusy(false)
  }

  return (
    <View className='record-form' id='resolve-form'>
      <Text className='record-form__title'>办结</Text>
      <FormField id='resolve-text' label='处理结果' required error={error}>
        <TextArea
          placeholder='例如：账号已找回并修改密码，已提醒客户'
          maxLength={500}
          rows={3}
          value={text}
          onChange={(value: string) => {
            setText(value)
            setServerError(null)
            setTouched(true)
          }}
        />
      </FormField>
      <FormActions idPrefix='resolve' confirmId='resolve-confirm' confirmText='确认办结' busy={busy} onCancel={onCancel} onConfirm={() => void confirm()} />
    </View>
  )
}
