import { useCallback, useMemo, useState } from 'react'
import { useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatWorkingDuration, type Notice, type ReceiptRow } from '@contract'
import { listReceipts } from '@/services/notices'
import { formatShanghaiTime } from '@/services/accounts'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { usePagedList } from '@/hooks/use-paged-list'
import { FilterChips } from '@/components/record/filter-chips'
import { ListFooter } from '@/components/record/list-footer'
import { ReceiptTag, receiptState, recipientLabels } from '@/components/notice/receipt-tag'

const PAGE_SIZE = 20

type Filter = 'all' | 'onTime' | 'late' | 'pending' | 'overdue'

const filterOptions: Array<{ value: Filter; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'onTime', label: '按时' },
  { value: 'late', label: '逾期确认' },
  { value: 'pending', label: '未确认' },
  { value: 'overdue', label: '已逾期' },
]

const emptyTitles: Record<Filter, string> = {
  all: '没有接收人',
  onTime: '还没有人按时确认',
  late: '没有人逾期确认',
  pending: '没有未确认的人',
  overdue: '没有人逾期未确认',
}

/** Everyone not yet acknowledged, overdue or not, as the 未确认 filter lists them. */
function notAcknowledged(notice: Notice): number {
  return Math.max(0, notice.recipientCount - notice.acknowledgedCount)
}

function Stats({ notice }: { notice: Notice }) {
  const text = notice.requireAck
    ? `接收 ${notice.recipientCount} · 已确认 ${notice.acknowledgedCount} · 逾期确认 ${notice.lateCount} · 未确认 ${notAcknowledged(notice)} · 已逾期 ${notice.overdueCount}`
    : `接收 ${notice.recipientCount} · 无需确认`
  return (
    <Text className='notice-detail__stats' id='notice-stats'>
      {text}
    </Text>
  )
}

function Row({ row, requireAck }: { row: ReceiptRow; requireAck: boolean }) {
  return (
    <View className='account-list__row' id={`receipt-${row.personId}`}>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>{row.personName}</Text>
        <ReceiptTag state={receiptState({ ...row, requireAck })} labels={recipientLabels} />
      </View>
      <View className='account-list__meta'>
        <Text>{row.departmentName}</Text>
        {row.acknowledgedAt ? <Text>确认于 {formatShanghaiTime(row.acknowledgedAt)}</Text> : null}
        {row.workingMinutes !== null && row.acknowledgedAt ? <Text>用时 {formatWorkingDuration(row.workingMinutes)}</Text> : null}
      </View>
    </View>
  )
}

/** Who acknowledged and how fast, for the sender and admins. `version` changes when the counts above were refreshed. */
export function Receipts({ notice, version }: { notice: Notice; version: number }) {
  const [filter, setFilter] = useState<Filter>('all')
  const fetchPage = useCallback(
    (page: number, pageSize: number) => listReceipts({ noticeId: notice.id, filter, page, pageSize }),
    [notice.id, filter],
  )
  const key = useMemo(() => JSON.stringify([notice.id, filter, version]), [notice.id, filter, version])
  const list = usePagedList(key, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())

  return (
    <View className='notice-detail__receipts' id='notice-receipts'>
      <Text className='page-section__title'>确认情况</Text>
      <View className='page-section'>
        <View className='card'>
          <Stats notice={notice} />
        </View>
      </View>
      {notice.requireAck ? <FilterChips id='receipt-filter' options={filterOptions} selected={filter} onSelect={setFilter} /> : <View className='notice-detail__gap' />}
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='receipts-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState id='receipts-empty' title={emptyTitles[filter]} />
      ) : (
        <View className='account-list' id='receipts-list'>
          {list.items.map((row) => (
            <Row key={row.personId} row={row} requireAck={notice.requireAck} />
          ))}
          <ListFooter list={list} idPrefix='receipts' />
        </View>
      )}
    </View>
  )
}
