import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { Input, Switch, TextArea } from '@nutui/nutui-react-taro'
import {
  addDays,
  addFeedbackInput,
  contactChannelLabels,
  contactChannels,
  errorMessages,
  FOLLOW_UP_MAX_DAYS_AHEAD,
  logContactInput,
  planFollowUpInput,
  satisfactionLabels,
  shanghaiDate,
  type ContactChannel,
  type CustomerDetail,
} from '@contract'
import { fieldIssues, hasCode } from '@/services/accounts'
import { addFeedback, logContact, planFollowUp } from '@/services/customers'
import { messageOf } from '@/services/feedback'
import { FormField } from '@/components/record/form-field'
import { FormActions } from '@/components/record/form-actions'
import { ChoiceChips } from '@/components/record/filter-chips'
import { firstIssue, perform, type ActionOutcome } from '@/components/record/outcome'

type Outcome = ActionOutcome<CustomerDetail>

interface FormProps {
  customerId: string
  onCancel: () => void
  onOutcome: (outcome: Outcome) => void
}

const channelOptions = contactChannels.map((channel) => ({ value: channel, label: contactChannelLabels[channel] }))
const satisfactionOptions = [1, 2, 3, 4, 5].map((score) => ({ value: String(score), label: `${score} ${satisfactionLabels[score]}` }))

function DatePicker({ id, value, start, end, onChange }: { id: string; value: string; start?: string; end?: string; onChange: (date: string) => void }) {
  return (
    <Picker mode='date' value={value} start={start} end={end} onChange={(event) => onChange(String(event.detail.value))}>
      <View className='record__picker' id={id}>
        <Text>{value}</Text>
        <Text className='record__picker-arrow'>›</Text>
      </View>
    </Picker>
  )
}

/**
 * Server messages for fields the form shows, keyed by field; `dateField` takes the date
 * refusals, which arrive as codes rather than field issues.
 */
function serverFieldErrors(err: unknown, fields: string[], dateField: string): Record<string, string> | null {
  if (hasCode(err, 'DATE_IN_FUTURE', 'FOLLOW_UP_DATE_INVALID')) return { [dateField]: messageOf(err) }
  const issues = fieldIssues(err)
  const known = fields.filter((field) => issues[field])
  return known.length > 0 ? Object.fromEntries(known.map((field) => [field, issues[field] as string])) : null
}

export function ContactForm({ customerId, onCancel, onOutcome }: FormProps) {
  const today = shanghaiDate(new Date())
  const [on, setOn] = useState(today)
  const [channel, setChannel] = useState<ContactChannel>('wechat')
  const [summary, setSummary] = useState('')
  const [nextStep, setNextStep] = useState('')
  const [touched, setTouched] = useState(false)
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const errors: Record<string, string | null> = {
    on: on > today ? errorMessages.DATE_IN_FUTURE : null,
    summary: firstIssue(logContactInput.shape.summary.safeParse(summary)),
    nextStep: firstIssue(logContactInput.shape.nextStep.safeParse(nextStep)),
  }
  const shown = (field: string) => serverErrors[field] ?? (touched || field !== 'summary' ? errors[field] : null)

  const confirm = async () => {
    setTouched(true)
    if (busy || Object.values(errors).some(Boolean)) return
    setBusy(true)
    await perform(() => logContact({ customerId, on, channel, summary, nextStep }), '已记录', onOutcome, (err) => {
      const found = serverFieldErrors(err, ['on', 'summary', 'nextStep'], 'on')
      if (found) setServerErrors(found)
      return Boolean(found)
    })
    setBusy(false)
  }

  return (
    <View className='record-form' id='contact-form'>
      <Text className='record-form__title'>记录沟通</Text>
      <FormField id='contact-on' label='沟通日期' required error={shown('on')}>
        <DatePicker
          id='contact-on-date'
          value={on}
          end={today}
          onChange={(value) => {
            setOn(value)
            setServerErrors({})
          }}
        />
      </FormField>
      <FormField id='contact-channel' label='沟通方式' required>
        <ChoiceChips idPrefix='contact-channel' options={channelOptions} selected={channel} onSelect={setChannel} />
      </FormField>
      <FormField id='contact-summary' label='沟通要点' required error={shown('summary')}>
        <TextArea
          placeholder='客户的需求、疑问和你的答复'
          maxLength={300}
          showCount
          rows={3}
          value={summary}
          onChange={(value: string) => {
            setSummary(value)
            setTouched(true)
            setServerErrors({})
          }}
        />
      </FormField>
      <FormField id='contact-next-step' label='下一步' error={shown('nextStep')}>
        <Input
          placeholder='如 周五前发报价'
          maxLength={120}
          value={nextStep}
          onChange={(value: string) => {
            setNextStep(value)
            setServerErrors({})
          }}
        />
      </FormField>
      <FormActions idPrefix='contact' confirmId='contact-confirm' confirmText='保存记录' busy={busy} onCancel={onCancel} onConfirm={() => void confirm()} />
    </View>
  )
}

export function FollowUpForm({ customerId, onCancel, onOutcome }: FormProps) {
  const today = shanghaiDate(new Date())
  const latest = addDays(today, FOLLOW_UP_MAX_DAYS_AHEAD)
  const [dueOn, setDueOn] = useState(addDays(today, 1))
  const [what, setWhat] = useState('')
  const [touched, setTouched] = useState(false)
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const errors: Record<string, string | null> = {
    dueOn: dueOn < today || dueOn > latest ? errorMessages.FOLLOW_UP_DATE_INVALID : null,
    what: firstIssue(planFollowUpInput.shape.what.safeParse(what)),
  }
  const shown = (field: string) => serverErrors[field] ?? (touched || field !== 'what' ? errors[field] : null)

  const confirm = async () => {
    setTouched(true)
    if (busy || Object.values(errors).some(Boolean)) return
    setBusy(true)
    await perform(() => planFollowUp(customerId, dueOn, what), '已计划', onOutcome, (err) => {
      const found = serverFieldErrors(err, ['dueOn', 'what'], 'dueOn')
      if (found) setServerErrors(found)
      return Boolean(found)
    })
    setBusy(false)
  }

  return (
    <View className='record-form' id='follow-up-form'>
      <Text className='record-form__title'>计划跟进</Text>
      <FormField id='follow-up-due' label='跟进日期' required hint='到期当天和逾期后会出现在你的待办中' error={shown('dueOn')}>
        <DatePicker
          id='follow-up-due-date'
          value={dueOn}
          start={today}
          end={latest}
          onChange={(value) => {
            setDueOn(value)
            setServerErrors({})
          }}
        />
      </FormField>
      <FormField id='follow-up-what' label='跟进内容' required error={shown('what')}>
        <Input
          placeholder='如 电话确认报价、回访使用情况'
          maxLength={120}
          value={what}
          onChange={(value: string) => {
            setWhat(value)
            setTouched(true)
            setServerErrors({})
          }}
        />
      </FormField>
      <FormActions idPrefix='follow-up' confirmId='follow-up-confirm' confirmText='保存计划' busy={busy} onCancel={onCancel} onConfirm={() => void confirm()} />
    </View>
  )
}

export function FeedbackForm({ customerId, onCancel, onOutcome }: FormProps) {
  const today = shanghaiDate(new Date())
  const [on, setOn] = useState(today)
  const [satisfaction, setSatisfaction] = useState<number | null>(null)
  const [complaint, setComplaint] = useState(false)
  const [content, setContent] = useState('')
  const [touched, setTouched] = useState(false)
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  // The whole input at once: the complaint rule spans two fields.
  const parsed = addFeedbackInput.safeParse({ customerId, on, satisfaction: satisfaction ?? undefined, complaint, content: content.trim() || undefined })
  const errors: Record<string, string | null> = {
    on: on > today ? errorMessages.DATE_IN_FUTURE : null,
    satisfaction: satisfaction === null ? '请选择满意度' : null,
    content: firstIssue(parsed, 'content'),
  }
  const shown = (field: string) => serverErrors[field] ?? (touched || field === 'on' ? errors[field] : null)

  const confirm = async () => {
    setTouched(true)
    if (busy || satisfaction === null || Object.values(errors).some(Boolean)) return
    setBusy(true)
    await perform(() => addFeedback({ customerId, on, satisfaction, complaint, content }), '已记录', onOutcome, (err) => {
      const found = serverFieldErrors(err, ['on', 'satisfaction', 'content'], 'on')
      if (found) setServerErrors(found)
      return Boolean(found)
    })
    setBusy(false)
  }

  return (
    <View className='record-form' id='feedback-form'>
      <Text className='record-form__title'>客户反馈</Text>
      <FormField id='feedback-on' label='反馈日期' required error={shown('on')}>
        <DatePicker
          id='feedback-on-date'
          value={on}
          end={today}
          onChange={(value) => {
            setOn(value)
            setServerErrors({})
          }}
        />
      </FormField>
      <FormField id='feedback-satisfaction' label='满意度' required error={shown('satisfaction')}>
        <ChoiceChips
          idPrefix='feedback-satisfaction'
          options={satisfactionOptions}
          selected={satisfaction === null ? null : String(satisfaction)}
          danger={['1', '2']}
          onSelect={(value) => {
            setSatisfaction(Number(value))
            setServerErrors({})
          }}
        />
      </FormField>
      <View
        className='switch-row'
        id='feedback-complaint'
        onClick={() => {
          setComplaint(!complaint)
          setServerErrors({})
        }}
      >
        <View className='switch-row__text'>
          <Text className='switch-row__title'>这是一次投诉</Text>
          <Text className='switch-row__hint'>投诉须写明内容，部门负责人和行政部可在档案中看到</Text>
        </View>
        <Switch checked={complaint} loadingIcon={null} />
      </View>
      <FormField id='feedback-content' label={complaint ? '投诉内容' : '反馈内容'} required={complaint} error={shown('content')}>
        <TextArea
          placeholder={complaint ? '客户投诉的事情和诉求' : '客户的意见和建议'}
          maxLength={300}
          showCount
          rows={3}
          value={content}
          onChange={(value: string) => {
            setContent(value)
            setServerErrors({})
          }}
        />
      </FormField>
      <FormActions idPrefix='feedback' confirmId='feedback-confirm' confirmText='保存反馈' busy={busy} onCancel={onCancel} onConfirm={() => void confirm()} />
    </View>
  )
}
