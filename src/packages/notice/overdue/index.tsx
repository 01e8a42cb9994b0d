import { useCallback, useState } from 'react'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { shanghaiMonth, type OverdueReceiptRow, type Role } from '@contract'
import { listOverdueReceipts } from '@/services/notices'
import { formatShanghaiTime } from '@/services/accounts'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { useListPullDown } from '@/hooks/use-list-pull-down'
import { ListFooter } from '@/components/record/list-footer'
import { ActiveFilters, param, useDepartmentName } from '@/components/record/active-filters'
import { noticeDetail } from '@/routes'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/notice.scss'

const PAGE_SIZE = 20
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

function monthLabel(month: string): string {
  const [year, m] = month.split('-')
  return `${year}年${Number(m)}月`
}

/** How long past the deadline: days and hours, hours and minutes, or minutes. */
export function lateText(minutes: number): string {
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  if (days > 0) return `逾期 ${days} 天${hours > 0 ? ` ${hours} 小时` : ''}`
  if (hours > 0) return `逾期 ${hours} 小时${mins > 0 ? ` ${mins} 分` : ''}`
  return `逾期 ${mins} 分钟`
}

function Row({ row, opens }: { row: OverdueReceiptRow; opens: boolean }) {
  const id = `overdue-${row.noticeId}-${row.personId}`
  return (
    <View className='account-list__row' id={id} onClick={opens ? () => void Taro.navigateTo({ url: noticeDetail(row.noticeId) }) : undefined}>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>
          {row.personName} · {row.departmentName}
        </Text>
        <Tag type='danger'>{lateText(row.lateMinutes)}</Tag>
      </View>
      <View className='account-list__meta'>
        <Text>{row.noticeTitle}</Text>
      </View>
      <View className='account-list__meta'>
        <Text>截止 {formatShanghaiTime(row.deadlineAt)}</Text>
        <Text>发出 {formatShanghaiTime(row.sentAt)}</Text>
      </View>
    </View>
  )
}

interface Initial {
  month?: string
  departmentId?: string
}

/**
 * Who has not acknowledged a notice of the month although its deadline has passed, across
 * notices: heads their own department, admins everyone or (opened from a figure) one department.
 */
function OverdueReceipts({ role, initial }: { role: Role; initial: Initial }) {
  const [month] = useState(() => (initial.month && MONTH.test(initial.month) ? initial.month : shanghaiMonth(new Date())))
  const [departmentId, setDepartmentId] = useState(role === 'admin' ? initial.departmentId : undefined)
  const departmentName = useDepartmentName(departmentId)
  const fetchPage = useCallback(
    (page: number, pageSize: number) => listOverdueReceipts({ month, page, pageSize, ...(departmentId ? { departmentId } : {}) }),
    [month, departmentId],
  )
  const list = usePagedList(`${month}|${departmentId ?? ''}`, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  // Back from a notice: someone may have acknowledged meanwhile.
  useRefreshOnShow(list.reload)
  useListPullDown(list)
  // Admins see every notice's receipts; a head may not have sent the notice.
  const opens = role === 'admin'

  return (
    <View className='account-page notice-overdue'>
      <Text className='page-section__title' id='overdue-title'>
        {monthLabel(month)}发出的通知中逾期未确认
      </Text>
      <ActiveFilters
        id='overdue-active'
        filters={[departmentId ? { key: 'department', label: '部门', value: departmentName, onClear: () => setDepartmentId(undefined) } : null]}
      />
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='overdue-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState id='overdue-empty' title='没有逾期未确认的人员' description='截止时间已过仍未确认的通知会显示在这里' />
      ) : (
        <View className='account-list' id='overdue-list'>
          <Text className='account-list__total' id='overdue-total'>
            共 {list.total} 人次
          </Text>
          {list.items.map((row) => (
            <Row key={`${row.noticeId}-${row.personId}`} row={row} opens={opens} />
          ))}
          <ListFooter list={list} idPrefix='overdue' />
        </View>
      )}
    </View>
  )
}

export default function OverdueReceiptsPage() {
  const { params } = useRouter()
  const initial: Initial = { month: param(params.month), departmentId: param(params.departmentId) }
  return <SessionGate roles={['head', 'admin']}>{(person) => <OverdueReceipts role={person.role} initial={initial} />}</SessionGate>
}
