import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'
import { ackWindowChoices, addWorkingMinutes, type WorkingTimeSettings } from '@contract'
import { getWorkingTimeSettings } from '@/services/worktime'
import { useLoaded } from '@/hooks/use-loaded'
import { ChoiceChips } from '@/components/record/filter-chips'
import { formatDeadline } from '@/components/notice/format'

const windowOptions = ackWindowChoices.map((minutes) => ({ value: String(minutes), label: `${minutes / 60}个工作小时` }))

/** The clock moves while the sender writes; a minute is as fine as the preview reads. */
function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}

function preview(minutes: number, settings: WorkingTimeSettings | null, failed: boolean, now: Date): string {
  if (failed) return '确认截止按工作时间计算，发送后可在通知中查看'
  if (!settings) return '确认截止：计算中…'
  try {
    // The same arithmetic the server uses, so what the sender reads here is the deadline recipients get.
    return `确认截止：${formatDeadline(addWorkingMinutes(now, minutes, settings).toISOString(), now)}`
  } catch {
    return '工作时间设置有误，暂时无法计算确认截止时间'
  }
}

/** Whether recipients must acknowledge, and within how much working time. */
export function AckWindowField({
  requireAck,
  minutes,
  onRequireAckChange,
  onMinutesChange,
}: {
  requireAck: boolean
  minutes: number
  onRequireAckChange: (requireAck: boolean) => void
  onMinutesChange: (minutes: number) => void
}) {
  const settings = useLoaded(getWorkingTimeSettings)
  const now = useNow()
  return (
    <View className='ack-window'>
      {/* The whole row is the control: a tap anywhere flips it; the switch only shows the answer. */}
      <View id='notice-require-ack' className='switch-row' onClick={() => onRequireAckChange(!requireAck)}>
        <View className='switch-row__text'>
          <Text className='switch-row__title'>需要确认</Text>
          <Text className='switch-row__hint'>接收人须在时限内点“确认收到”，用时计入考核</Text>
        </View>
        <Switch checked={requireAck} loadingIcon={null} />
      </View>
      {requireAck ? (
        <>
          <Text className='ack-window__label'>确认时限（只计工作时间）</Text>
          <ChoiceChips idPrefix='ack-window' options={windowOptions} selected={String(minutes)} onSelect={(value) => onMinutesChange(Number(value))} />
          <Text className='ack-window__preview' id='ack-deadline-preview'>
            {preview(minutes, settings.data, settings.error !== null, now)}
          </Text>
        </>
      ) : null}
    </View>
  )
}
