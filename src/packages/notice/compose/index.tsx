import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { DEFAULT_ACK_WORKING_MINUTES, sendNoticeInput, type PersonSummary } from '@contract'
import { fieldIssues } from '@/services/accounts'
import { messageOf, showSuccess } from '@/services/feedback'
import { sendNotice } from '@/services/notices'
import { SessionGate } from '@/components/session-gate'
import { InlineError } from '@/components/state-views'
import { FormField } from '@/components/record/form-field'
import { firstIssue } from '@/components/record/outcome'
import { noticeDetail } from '@/routes'
import { AudienceField, initialAudience, toAudience, type AudienceDraft } from './audience'
import { AckWindowField } from './ack-window'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import './index.scss'

type Field = 'title' | 'body' | 'audience' | 'ackWithinWorkingMinutes'
const FIELDS: Field[] = ['title', 'body', 'audience', 'ackWithinWorkingMinutes']

function Compose({ sender }: { sender: PersonSummary }) {
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [audience, setAudience] = useState<AudienceDraft>(() => initialAudience(sender))
  const [requireAck, setRequireAck] = useState(true)
  const [minutes, setMinutes] = useState<number>(DEFAULT_ACK_WORKING_MINUTES)
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({})
  const [serverErrors, setServerErrors] = useState<Partial<Record<Field, string>>>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [sending, setSending] = useState(false)

  // The server parses the same schema, so a form that passes here is not refused for its shape.
  const parsed = sendNoticeInput.safeParse({ title, body, audience: toAudience(audience, sender), requireAck, ackWithinWorkingMinutes: minutes })
  const errorOf = (field: Field) => (touched[field] ? (serverErrors[field] ?? firstIssue(parsed, field)) : null)
  const touch = (field: Field) => {
    setTouched((previous) => ({ ...previous, [field]: true }))
    setServerErrors((previous) => ({ ...previous, [field]: undefined }))
  }

  const send = async () => {
    if (sending) return
    setTouched({ title: true, body: true, audience: true, ackWithinWorkingMinutes: true })
    if (!parsed.success) {
      void Taro.showToast({ title: '请先修正标红的内容', icon: 'none', duration: 2000 })
      return
    }
    setSending(true)
    setRefusal(null)
    setServerErrors({})
    try {
      const notice = await sendNotice(parsed.data)
      showSuccess('已发送')
      void Taro.redirectTo({ url: noticeDetail(notice.id) })
    } catch (err) {
      const issues = fieldIssues(err)
      const known = FIELDS.filter((field) => issues[field])
      if (known.length > 0) setServerErrors(Object.fromEntries(known.map((field) => [field, issues[field]])))
      else setRefusal(messageOf(err))
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='account-page record notice-compose'>
      <View className='record__form card' id='notice-form'>
        <FormField id='notice-title' label='标题' required error={errorOf('title')}>
          <Input
            placeholder='一句话说明要做什么，最多40个字'
            maxLength={40}
            value={title}
            onChange={(value: string) => {
              setTitle(value)
              touch('title')
            }}
            onBlur={() => touch('title')}
          />
        </FormField>
        <FormField id='notice-body' label='内容' required error={errorOf('body')}>
          <TextArea
            placeholder='要求、时间、注意事项；换行会原样显示'
            maxLength={2000}
            showCount
            rows={6}
            value={body}
            onChange={(value: string) => {
              setBody(value)
              touch('body')
            }}
            onBlur={() => touch('body')}
          />
        </FormField>
        <FormField id='notice-audience' label='接收人' required error={errorOf('audience')}>
          <AudienceField
            sender={sender}
            draft={audience}
            onChange={(draft) => {
              setAudience(draft)
              touch('audience')
            }}
          />
        </FormField>
        <AckWindowField
          requireAck={requireAck}
          minutes={minutes}
          onRequireAckChange={setRequireAck}
          onMinutesChange={(value) => {
            setMinutes(value)
            touch('ackWithinWorkingMinutes')
          }}
        />
        <InlineError id='notice-ack-window-error' message={requireAck ? errorOf('ackWithinWorkingMinutes') : null} />
      </View>

      {refusal ? (
        <View className='account-notice account-notice--error' id='notice-send-error'>
          <Text>{refusal}</Text>
        </View>
      ) : null}

      <View className='record__submit'>
        <Button id='notice-send' type='primary' block loading={sending} disabled={sending} onClick={() => void send()}>
          发送通知
        </Button>
      </View>
    </View>
  )
}

export default function NoticeComposePage() {
  return <SessionGate roles={['head', 'admin']}>{(person) => <Compose sender={person} />}</SessionGate>
}
