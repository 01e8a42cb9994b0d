import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Input, TextArea } from '@nutui/nutui-react-taro'
import { DEFAULT_ACK_WORKING_MINUTES, sendNoticeInput, type PersonSummary } from '@contract'
import { showSuccess } from '@/services/feedback'
import { sendNotice } from '@/services/notices'
import { SessionGate } from '@/components/session-gate'
import { InlineError } from '@/components/state-views'
import { FormField } from '@/components/record/form-field'
import { useSchemaForm } from '@/components/record/use-schema-form'
import { SubmitFooter } from '@/components/record/form-actions'
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
  const parsed = sendNoticeInput.safeParse({ title, body, audience: toAudience(audience, sender), requireAck, ackWithinWorkingMinutes: minutes })
  const { errorOf, touch, validate, run, busy, refusal } = useSchemaForm(FIELDS, parsed)

  const send = async () => {
    if (busy) return
    const input = validate()
    if (!input) return
    await run(async () => {
      const notice = await sendNotice(input)
      showSuccess('已发送')
      void Taro.redirectTo({ url: noticeDetail(notice.id) })
    })
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

      <SubmitFooter errorId='notice-send-error' refusal={refusal} submitId='notice-send' busy={busy} onSubmit={() => void send()}>
        发送通知
      </SubmitFooter>
    </View>
  )
}

export default function NoticeComposePage() {
  return <SessionGate roles={['head', 'admin']}>{(person) => <Compose sender={person} />}</SessionGate>
}
