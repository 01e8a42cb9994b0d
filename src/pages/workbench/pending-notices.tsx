import { useCallback, useRef, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { acknowledgeNotice, listMyNotices, type Receipt } from '@/services/notices'
import { showError, showSuccess } from '@/services/feedback'
import { useLoaded } from '@/hooks/use-loaded'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { formatMonthDayTime } from '@/components/notice/format'
import { noticeDetail, routes } from '@/routes'

/** The card is a reminder, not the inbox: a few at most, the rest behind a link. */
const SHOWN = 3

const loadPending = () => listMyNotices({ pendingOnly: true, page: 1, pageSize: SHOWN })

function Due({ receipt }: { receipt: Receipt }) {
  if (receipt.overdue) return <Text className='pending-notices__overdue'>已逾期</Text>
  return <Text>{receipt.deadlineAt ? `请在 ${formatMonthDayTime(receipt.deadlineAt)} 前确认` : '请尽快确认'}</Text>
}

/** Notices waiting for the caller's acknowledgement, acknowledged right here; absent when there are none. */
export function PendingNotices() {
  const { data, error, reload, setData } = useLoaded(loadPending)
  const [acking, setAcking] = useState<string | null>(null)
  const latest = useRef({ data, error, reload, setData })
  latest.current = { data, error, reload, setData }

  const refresh = useCallback(async () => {
    const current = latest.current
    if (current.error) {
      current.reload()
      return
    }
    try {
      current.setData(await loadPending())
    } catch {
      // The card is a courtesy: a failed background refresh keeps what is on screen.
    }
  }, [])

  useRefreshOnShow(() => void refresh())
  usePullDownRefresh(() => void refresh())

  const acknowledge = async (noticeId: string) => {
    if (acking) return
    setAcking(noticeId)
    try {
      await acknowledgeNotice(noticeId)
      showSuccess('已确认')
      const current = latest.current.data
      if (current) {
        setData({ ...current, items: current.items.filter((r) => r.noticeId !== noticeId), pendingCount: Math.max(0, current.pendingCount - 1) })
      }
      // The next notice in line moves up into the card.
      void refresh()
    } catch (err) {
      showError(err)
    } finally {
      setAcking(null)
    }
  }

  if (error) {
    return (
      <View className='page-section'>
        <Text className='pending-notices__error' id='pending-notices-error'>
          待确认通知加载失败，下拉刷新重试
        </Text>
      </View>
    )
  }
  if (!data || data.items.length === 0) return null

  return (
    <View className='page-section'>
      <View className='pending-notices card' id='pending-notices'>
        <View className='pending-notices__head'>
          <Text className='pending-notices__title'>待确认的通知</Text>
          {data.pendingCount > SHOWN ? (
            <Text className='pending-notices__all' id='pending-notices-all' onClick={() => void Taro.navigateTo({ url: routes.notices })}>
              全部通知（{data.pendingCount}）›
            </Text>
          ) : null}
        </View>
        {data.items.map((receipt) => (
          <View
            key={receipt.noticeId}
            id={`pending-notice-${receipt.noticeId}`}
            className='pending-notices__row'
            onClick={() => void Taro.navigateTo({ url: noticeDetail(receipt.noticeId) })}
          >
            <View className='pending-notices__text'>
              <Text className='pending-notices__name'>{receipt.title}</Text>
              <View className='pending-notices__meta'>
                <Text>{receipt.senderName}</Text>
                <Due receipt={receipt} />
              </View>
            </View>
            <Button
              id={`notice-ack-${receipt.noticeId}`}
              size='small'
              type='primary'
              loading={acking === receipt.noticeId}
              disabled={acking !== null}
              onClick={(event: { stopPropagation?: () => void }) => {
                // The row opens the notice; the button only acknowledges it.
                event?.stopPropagation?.()
                void acknowledge(receipt.noticeId)
              }}
            >
              确认
            </Button>
          </View>
        ))}
      </View>
    </View>
  )
}
