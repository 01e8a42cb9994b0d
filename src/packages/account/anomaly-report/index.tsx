import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { TextArea } from '@nutui/nutui-react-taro'
import {
  anomalyTypeLabels,
  anomalyTypes,
  errorMessages,
  MAX_SCREENSHOTS,
  reportAnomalyInput,
  type AccountSummary,
  type AnomalyType,
  type PersonSummary,
} from '@contract'
import { fieldIssues, hasCode, listAccounts, shanghaiClock, shanghaiInstant } from '@/services/accounts'
import { reportAnomaly } from '@/services/anomalies'
import { askConsent, prepareConsent } from '@/services/consent'
import { messageOf, showSuccess } from '@/services/feedback'
import { uploadScreenshot } from '@/services/storage'
import { SessionGate } from '@/components/session-gate'
import { anomalyDetail } from '@/routes'
import { FormField } from '@/components/record/form-field'
import { ChoiceChips } from '@/components/record/filter-chips'
import { firstIssue } from '@/components/record/outcome'
import { SubmitFooter } from '@/components/record/form-actions'
import { ImageUploadField, type Shot } from '@/components/record/images'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import './index.scss'

/** Phones and servers disagree on the time by a little; the server allows the same. */
const CLOCK_SKEW_MS = 5 * 60_000

/** Accounts a report can concern: anything the reporter still holds. */
const HELD = ['active', 'delegated', 'handing_over', 'suspended']

type Field = 'type' | 'occurredAt' | 'description'

const typeOptions = anomalyTypes.map((type) => ({ value: type, label: anomalyTypeLabels[type] }))

function checkType(type: AnomalyType | null): string | null {
  return type ? null : '请选择异常类型'
}

function checkOccurred(date: string, time: string, now: Date): string | null {
  const instant = shanghaiInstant(date, time)
  const format = firstIssue(reportAnomalyInput.shape.occurredAt.safeParse(instant))
  if (format) return format
  return new Date(instant).getTime() > now.getTime() + CLOCK_SKEW_MS ? errorMessages.OCCURRED_IN_FUTURE : null
}

function checkDescription(value: string): string | null {
  return firstIssue(reportAnomalyInput.shape.description.safeParse(value))
}

/** The reporter's own accounts, so a report names the one it is about; a failure here only means the server picks. */
function useHeldAccounts(person: PersonSummary): AccountSummary[] {
  const [accounts, setAccounts] = useState<AccountSummary[]>([])
  useEffect(() => {
    let live = true
    listAccounts({ page: 1, pageSize: 20, keyword: person.name })
      .then((page) => {
        if (live) setAccounts(page.items.filter((a) => a.holderId === person.id && HELD.includes(a.status)))
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [person.id, person.name])
  return accounts
}

function Report({ person }: { person: PersonSummary }) {
  const [opened] = useState(() => shanghaiClock())
  const [type, setType] = useState<AnomalyType | null>(null)
  const [date, setDate] = useState(opened.date)
  const [time, setTime] = useState(opened.time)
  const [description, setDescription] = useState('')
  const [shots, setShots] = useState<Shot[]>([])
  const [uploading, setUploading] = useState(0)
  const [accountId, setAccountId] = useState<string | null>(null)
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({})
  const [serverErrors, setServerErrors] = useState<Partial<Record<Field, string>>>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const accounts = useHeldAccounts(person)

  useEffect(() => {
    prepareConsent()
  }, [])

  useEffect(() => {
    if (accounts.length > 0 && !accountId) setAccountId(accounts[0]?.id ?? null)
  }, [accounts, accountId])

  const check = (field: Field): string | null => {
    if (field === 'type') return checkType(type)
    if (field === 'occurredAt') return checkOccurred(date, time, new Date())
    return checkDescription(description)
  }
  const errorOf = (field: Field) => (touched[field] ? (serverErrors[field] ?? check(field)) : null)
  const touch = (field: Field) => {
    setTouched((previous) => ({ ...previous, [field]: true }))
    setServerErrors((previous) => ({ ...previous, [field]: undefined }))
  }

  const submit = async () => {
    if (submitting) return
    setTouched({ type: true, occurredAt: true, description: true })
    const invalid = (['type', 'occurredAt', 'description'] as Field[]).some((field) => check(field) !== null)
    if (invalid || !type) {
      void Taro.showToast({ title: '请先修正标红的内容', icon: 'none', duration: 2000 })
      return
    }
    if (uploading > 0) {
      void Taro.showToast({ title: '截图还在上传，请稍候', icon: 'none', duration: 2000 })
      return
    }
    // Inside the tap, before anything is awaited: WeChat asks for consent only then.
    void askConsent('reportAnomaly')
    setSubmitting(true)
    setRefusal(null)
    setServerErrors({})
    try {
      const detail = await reportAnomaly({
        type,
        occurredAt: shanghaiInstant(date, time),
        description,
        screenshots: shots.flatMap((shot) => (shot.fileID ? [shot.fileID] : [])),
        ...(accountId ? { accountId } : {}),
      })
      showSuccess('已报告')
      void Taro.redirectTo({ url: anomalyDetail(detail.id) })
    } catch (err) {
      if (hasCode(err, 'OCCURRED_IN_FUTURE')) {
        setServerErrors({ occurredAt: messageOf(err) })
      } else {
        const issues = fieldIssues(err)
        const known = (['type', 'occurredAt', 'description'] as Field[]).filter((field) => issues[field])
        if (known.length > 0) setServerErrors(Object.fromEntries(known.map((field) => [field, issues[field]])))
        else setRefusal(messageOf(err))
      }
    } finally {
      setSubmitting(false)
    }
  }

  const today = shanghaiClock()
  return (
    <View className='account-page record anomaly-report'>
      <View className='anomaly-report__alert'>
        <Text className='anomaly-report__alert-title'>发现账号异常，请立即报告</Text>
        <Text className='anomaly-report__alert-text'>提交后部门负责人会马上收到通知并处理。如账号已被盗用，请同时提醒客户不要转账、不要点击陌生链接。</Text>
      </View>

      <View className='record__form card' id='anomaly-form'>
        <FormField id='anomaly-type' label='异常类型' required error={errorOf('type')}>
          <ChoiceChips
            idPrefix='anomaly-type'
            options={typeOptions}
            selected={type}
            onSelect={(value) => {
              setType(value)
              touch('type')
            }}
          />
        </FormField>

        <FormField id='anomaly-occurred' label='发生时间' required hint='北京时间，默认为现在' error={errorOf('occurredAt')}>
          <View className='anomaly-report__when'>
            <Picker
              className='anomaly-report__when-part'
              mode='date'
              value={date}
              end={today.date}
              onChange={(event) => {
                setDate(String(event.detail.value))
                touch('occurredAt')
              }}
            >
              <View className='record__picker' id='anomaly-occurred-date'>
                <Text>{date}</Text>
                <Text className='record__picker-arrow'>›</Text>
              </View>
            </Picker>
            <Picker
              className='anomaly-report__when-part'
              mode='time'
              value={time}
              onChange={(event) => {
                setTime(String(event.detail.value))
                touch('occurredAt')
              }}
            >
              <View className='record__picker' id='anomaly-occurred-time'>
                <Text>{time}</Text>
                <Text className='record__picker-arrow'>›</Text>
              </View>
            </Picker>
          </View>
        </FormField>

        {accounts.length > 1 ? (
          <FormField id='anomaly-account' label='涉及账号' required>
            <ChoiceChips
              idPrefix='anomaly-account'
              options={accounts.map((account) => ({ value: account.id, label: account.wechatId }))}
              selected={accountId}
              onSelect={setAccountId}
            />
          </FormField>
        ) : accounts.length === 1 ? (
          <View className='anomaly-report__account' id='anomaly-account'>
            <Text>涉及账号：{accounts[0]?.wechatId}</Text>
          </View>
        ) : null}

        <FormField id='anomaly-description' label='情况描述' required error={errorOf('description')}>
          <TextArea
            placeholder='发生了什么、何时发现、已做了什么，至少10个字'
            maxLength={1000}
            showCount
            rows={4}
            value={description}
            onChange={(value: string) => {
              setDescription(value)
              touch('description')
            }}
            onBlur={() => touch('description')}
          />
        </FormField>

        <FormField id='anomaly-screenshots' label={`截图（最多${MAX_SCREENSHOTS}张）`} hint='聊天记录、登录提示等截图有助于尽快处理'>
          <ImageUploadField
            idPrefix='anomaly-shot'
            addId='anomaly-upload'
            addText='添加截图'
            errorId='anomaly-upload-error'
            max={MAX_SCREENSHOTS}
            upload={uploadScreenshot}
            shots={shots}
            onChange={setShots}
            onUploadingChange={(delta) => setUploading((count) => count + delta)}
          />
        </FormField>
      </View>

      <SubmitFooter errorId='anomaly-error' refusal={refusal} submitId='anomaly-submit' danger busy={submitting} onSubmit={() => void submit()}>
        {uploading > 0 ? '截图上传中…' : '立即报告'}
      </SubmitFooter>
    </View>
  )
}

export default function AnomalyReportPage() {
  return <SessionGate>{(person) => <Report person={person} />}</SessionGate>
}
