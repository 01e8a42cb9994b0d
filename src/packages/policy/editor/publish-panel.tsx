import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { Input, TextArea } from '@nutui/nutui-react-taro'
import { changeSummarySchema, errorMessages, publishPolicyInput, shanghaiDate } from '@contract'
import { FormField } from '@/components/record/form-field'
import { FormActions } from '@/components/record/form-actions'
import { firstIssue } from '@/components/record/outcome'

export const DEFAULT_ACK_DAYS = 7

export type PublishField = 'effectiveFrom' | 'ackWithinDays' | 'changeSummary'

export interface PublishChoice {
  effectiveFrom: string
  ackWithinDays: number
  changeSummary: string
}

function parseDays(value: string): number {
  return /^\d{1,3}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN
}

function check(field: PublishField, values: { effectiveFrom: string; ackDays: string; summary: string }, today: string): string | null {
  if (field === 'effectiveFrom') {
    const format = firstIssue(publishPolicyInput.shape.effectiveFrom.safeParse(values.effectiveFrom))
    if (format) return format
    return values.effectiveFrom < today ? errorMessages.EFFECTIVE_DATE_PAST : null
  }
  if (field === 'ackWithinDays') {
    const days = parseDays(values.ackDays)
    return Number.isNaN(days) ? '请输入天数' : firstIssue(publishPolicyInput.shape.ackWithinDays.safeParse(days))
  }
  return firstIssue(changeSummarySchema.safeParse(values.summary))
}

interface PublishPanelProps {
  initialSummary: string
  busy: boolean
  /** The server's word on a field (a date before the previous version's), shown until the field changes. */
  serverErrors: Partial<Record<PublishField, string>>
  onFieldChange: (field: PublishField) => void
  onCancel: () => void
  onConfirm: (choice: PublishChoice) => void
}

/** When the new version takes effect and how long people have to acknowledge it; everyone must acknowledge again. */
export function PublishPanel({ initialSummary, busy, serverErrors, onFieldChange, onCancel, onConfirm }: PublishPanelProps) {
  const [today] = useState(() => shanghaiDate(new Date()))
  const [values, setValues] = useState({ effectiveFrom: today, ackDays: String(DEFAULT_ACK_DAYS), summary: initialSummary })
  const [attempted, setAttempted] = useState(false)
  const errorOf = (field: PublishField) => serverErrors[field] ?? (attempted || field !== 'changeSummary' ? check(field, values, today) : null)
  const change = (field: PublishField, key: keyof typeof values) => (value: string) => {
    setValues((previous) => ({ ...previous, [key]: value }))
    onFieldChange(field)
  }

  const confirm = () => {
    setAttempted(true)
    const fields: PublishField[] = ['effectiveFrom', 'ackWithinDays', 'changeSummary']
    if (fields.some((field) => check(field, values, today))) return
    onConfirm({ effectiveFrom: values.effectiveFrom, ackWithinDays: parseDays(values.ackDays), changeSummary: values.summary.trim() })
  }

  return (
    <View id='publish-panel' className='edit-publish card'>
      <Text className='edit-publish__title'>发布新版本</Text>
      <Text className='edit-publish__text'>发布后，所有在职员工须在生效后限期内重新阅读并确认；生效前仍执行现行版本。</Text>
      <FormField id='publish-effective-from' label='生效日期' required hint='今天或以后，北京时间' error={errorOf('effectiveFrom')}>
        <Picker mode='date' value={values.effectiveFrom} start={today} onChange={(event) => change('effectiveFrom', 'effectiveFrom')(String(event.detail.value))}>
          <View className='record__picker'>
            <Text>{values.effectiveFrom}</Text>
            <Text className='record__picker-arrow'>›</Text>
          </View>
        </Picker>
      </FormField>
      <FormField id='publish-ack-days' label='确认期限（天）' required hint='生效后多少天内完成确认，1-60 天' error={errorOf('ackWithinDays')}>
        <Input type='number' maxLength={2} value={values.ackDays} onChange={change('ackWithinDays', 'ackDays')} />
      </FormField>
      <FormField id='publish-summary' label='本版改动说明' required hint='员工阅读时会先看到这段说明' error={errorOf('changeSummary')}>
        <TextArea placeholder='如：新增“添加客户”一节，明确不得索要验证码' maxLength={300} showCount autoSize rows={3} value={values.summary} onChange={change('changeSummary', 'summary')} />
      </FormField>
      <FormActions idPrefix='publish' confirmId='publish-confirm' confirmText='确认发布' busy={busy} onCancel={onCancel} onConfirm={confirm} />
    </View>
  )
}
