import { useCallback, useRef, useState } from 'react'
import Taro, { useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { listMyNotices, type Receipt } from '@/services/notices'
import { formatShanghaiTime } from '@/services/accounts'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { useListPullDown } from '@/hooks/use-list-pull-down'
import { FilterChips } from '@/components/record/filter-chips'
import { ListFooter } from '@/components/record/list-footer'
import { ReceiptTag, receiptState } from '@/components/notice/receipt-tag'
import { formatMonthDayTime } from '@/components/notice/format'
import { noticeDetail } from '@/routes'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/notice.scss'

const PAGE_SIZE = 20

type Filter = '' | 'pending'

function StateLine({ receipt }: { receipt: Receipt }) {
  const state = receiptState(receipt)
  if (state === 'noAck') return null
  if (receipt.acknowledgedAt) return <Text className='notice-list__line'>已于 {formatMonthDayTime(receipt.acknowledgedAt)} 确认</Text>
  const deadline = receipt.deadlineAt ? formatMonthDayTime(receipt.deadlineAt) : ''
  if (state === 'overdue') return <Text className='notice-list__line notice-list__line--overdue'>确认时限 {deadline} 已过，请尽快确认</Text>
  return <Text className='notice-list__line'>{deadline ? `请在 ${deadline} 前确认` : '请尽快确认'}</Text>
}

function Row({ receipt }: { receipt: Receipt }) {
  return (
    <View className='account-list__row' id={`notice-${receipt.noticeId}`} onClick={() => void Taro.navigateTo({ url: noticeDetail(receipt.noticeId) })}>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>{receipt.title}</Text>
        <ReceiptTag state={receiptState(receipt)} />
      </View>
      <View className='account-list__meta'>
        <Text>{receipt.senderName}</Text>
        <Text>发送于 {formatShanghaiTime(receipt.sentAt)}</Text>
      </View>
      <StateLine receipt={receipt} />
    </View>
  )
}

function Inbox() {
  const [filter, setFilter] = useState<Filter>('')
  // Every page carries the count of notices waiting; the chip shows the latest.
  const pendingCount = useRef<number | null>(null)
  const fetchPage = useCallback(
    async (page: number, pageSize: number) => {
      const result = await listMyNotices({ page, pageSize, pendingOnly: filter === 'pending' })
      pendingCount.current = result.pendingCount
      return result
    },
    [filter],
  )
  const list = usePagedList(filter, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  // Back from a notice just acknowledged: its tag must say so.
  useRefreshOnShow(list.reload)
  useListPullDown(list)

  const waiting = pendingCount.current
  const options: Array<{ value: Filter; label: string }> = [
    { value: '', label: '全部' },
    { value: 'pending', label: waiting ? `待确认（${waiting}）` : '待确认' },
  ]

  return (
    <View className='account-page notice-inbox'>
      <FilterChips id='notices-filter' options={options} selected={filter} onSelect={setFilter} />
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='notices-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState
          id='notices-empty'
          title={filter === 'pending' ? '没有待确认的通知' : '还没有收到通知'}
          description={filter === 'pending' ? '需要你确认的工作通知会显示在这里' : undefined}
        />
      ) : (
        <View className='account-list' id='notices-list'>
          {list.items.map((receipt) => (
            <Row key={receipt.noticeId} receipt={receipt} />
          ))}
          <ListFooter list={list} idPrefix='notices' />
        </View>
      )}
    </View>
  )
}

export default function NoticeInboxPage() {
  return <SessionGate>{() => <Inbox />}</SessionGate>
}
