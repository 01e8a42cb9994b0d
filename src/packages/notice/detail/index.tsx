import { useCallback, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { formatWorkingDuration, type NoticeDetail, type Receipt } from '@contract'
import { acknowledgeNotice, getNotice } from '@/services/notices'
import { formatShanghaiTime } from '@/services/accounts'
import { messageOf, showSuccess } from '@/services/feedback'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, InlineError, PageLoading } from '@/components/state-views'
import { useLoaded } from '@/hooks/use-loaded'
import { ReceiptTag, myReceiptLabels, receiptState } from '@/components/notice/receipt-tag'
import { formatDeadline } from '@/components/notice/format'
import { Receipts } from './receipts'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/notice.scss'
import './index.scss'

/** Once acknowledged, what matters is whether it was in time. */
const verdictLabels = { ...myReceiptLabels, onTime: '按时', late: '逾期' }

function MyReceipt({ receipt, within, acking, error, onAcknowledge }: {
  receipt: Receipt
  within: number | null
  acking: boolean
  error: string | null
  onAcknowledge: () => void
}) {
  const state = receiptState(receipt)
  if (state === 'noAck') {
    return (
      <Text className='notice-detail__no-ack' id='notice-no-ack'>
        本通知无需确认
      </Text>
    )
  }
  if (receipt.acknowledgedAt) {
    const took = receipt.workingMinutes === null ? '' : ` · 用时 ${formatWorkingDuration(receipt.workingMinutes)}（工作时间）`
    return (
      <View className='notice-detail__receipt card' id='notice-receipt'>
        <Text className='notice-detail__receipt-text'>
          已于 {formatShanghaiTime(receipt.acknowledgedAt)} 确认{took}
        </Text>
        <ReceiptTag id='notice-receipt-tag' state={state} labels={verdictLabels} />
      </View>
    )
  }
  const deadline = receipt.deadlineAt
  return (
    <View className={`notice-detail__ack card${receipt.overdue ? ' notice-detail__ack--overdue' : ''}`}>
      <Text className='notice-detail__deadline' id='notice-deadline'>
        {receipt.overdue
          ? `确认时限 ${deadline ? formatShanghaiTime(deadline) : ''} 已过，请尽快确认`
          : deadline
            ? `请在 ${formatDeadline(deadline)} 前确认${within ? `（${formatWorkingDuration(within)}工作时间内）` : ''}`
            : '请尽快确认'}
      </Text>
      <Button id='notice-acknowledge' type='primary' block loading={acking} disabled={acking} onClick={onAcknowledge}>
        确认收到
      </Button>
      <InlineError id='notice-acknowledge-error' message={error} />
    </View>
  )
}

function Detail({ detail, version, acking, ackError, onAcknowledge }: {
  detail: NoticeDetail
  version: number
  acking: boolean
  ackError: string | null
  onAcknowledge: () => void
}) {
  const { notice, receipt } = detail
  return (
    <View className='account-page record notice-detail' id='notice-detail'>
      <View className='record__head card'>
        <View className='record__head-row'>
          <Text className='record__title' id='notice-detail-title'>
            {notice.title}
          </Text>
          {receipt ? <ReceiptTag id='notice-detail-state' state={receiptState(receipt)} /> : null}
        </View>
        <Text className='record__who' id='notice-detail-sender'>
          {notice.senderName} · 发给{notice.audienceLabel}
        </Text>
        <Text className='record__when' id='notice-detail-sent-at'>
          发送于 {formatShanghaiTime(notice.sentAt)}
        </Text>
        <Text className='notice-detail__body' id='notice-detail-body' userSelect>
          {notice.body}
        </Text>
      </View>
      {receipt ? (
        <View className='page-section'>
          <MyReceipt receipt={receipt} within={notice.ackWithinWorkingMinutes} acking={acking} error={ackError} onAcknowledge={onAcknowledge} />
        </View>
      ) : null}
      {detail.canSeeReceipts ? <Receipts notice={notice} version={version} /> : null}
    </View>
  )
}

function NoticeScreen({ id }: { id: string }) {
  const load = useCallback(() => getNotice(id), [id])
  const { data, error, reload, setData } = useLoaded(load)
  // Bumped whenever the counts are fetched again, so the receipts below start over with them.
  const [version, setVersion] = useState(0)
  const [acking, setAcking] = useState(false)
  const [ackError, setAckError] = useState<string | null>(null)

  const refresh = useCallback(
    () =>
      load().then(
        (fresh) => {
          setData(fresh)
          setVersion((v) => v + 1)
        },
        () => undefined,
      ),
    [load, setData],
  )

  usePullDownRefresh(() => {
    void refresh().finally(() => void Taro.stopPullDownRefresh())
  })

  if (error) return <ErrorState id='notice-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />

  const acknowledge = async () => {
    if (acking) return
    setAcking(true)
    setAckError(null)
    try {
      const receipt = await acknowledgeNotice(id)
      showSuccess('已确认')
      setData({ ...data, receipt })
      // A sender who is also a recipient sees their own acknowledgement in the counts.
      if (data.canSeeReceipts) void refresh()
    } catch (err) {
      setAckError(messageOf(err))
    } finally {
      setAcking(false)
    }
  }

  return <Detail detail={data} version={version} acking={acking} ackError={ackError} onAcknowledge={() => void acknowledge()} />
}

export default function NoticeDetailPage() {
  const router = useRouter()
  const id = typeof router.params.id === 'string' ? router.params.id : ''
  return (
    <SessionGate>{() => (id ? <NoticeScreen id={id} /> : <ErrorState id='notice-error' message='缺少通知编号，请从列表重新打开' />)}</SessionGate>
  )
}
