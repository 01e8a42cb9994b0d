import { useCallback, useMemo, useRef, useState } from 'react'
import { useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import type { Role } from '@contract'
import { formatShanghaiTime } from '@/services/accounts'
import { listSelfChecks, type SelfCheckRow } from '@/services/security'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { FilterChips } from '@/components/record/filter-chips'
import { ListFooter } from '@/components/record/list-footer'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import './index.scss'

const PAGE_SIZE = 20

type Done = '' | 'done' | 'undone'

const doneOptions: Array<{ value: Done; label: string }> = [
  { value: '', label: '全部' },
  { value: 'undone', label: '未完成' },
  { value: 'done', label: '已完成' },
]

function Row({ row }: { row: SelfCheckRow }) {
  return (
    <View className='account-list__row' id={`self-check-${row.personId}`}>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>{row.personName}</Text>
        {row.done ? <Tag type={row.passed ? 'success' : 'warning'}>{row.passed ? '已完成 · 通过' : '已完成 · 有问题'}</Tag> : <Tag type='danger'>未完成</Tag>}
      </View>
      <View className='account-list__meta'>
        <Text>{row.departmentName}</Text>
        {row.submittedAt ? <Text>提交于 {formatShanghaiTime(row.submittedAt)}</Text> : null}
      </View>
    </View>
  )
}

function SelfChecks({ role }: { role: Role }) {
  const [done, setDone] = useState<Done>('')
  // The counts come with every page; keep the latest for the summary.
  const counts = useRef<{ month: string; doneCount: number; staffCount: number } | null>(null)
  const fetchPage = useCallback(
    async (page: number, pageSize: number) => {
      const result = await listSelfChecks({ page, pageSize, ...(done ? { done: done === 'done' } : {}) })
      counts.current = { month: result.month, doneCount: result.doneCount, staffCount: result.staffCount }
      return result
    },
    [done],
  )
  const key = useMemo(() => done, [done])
  const list = usePagedList(key, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  useRefreshOnShow(list.reload)
  const summary = list.status === 'ready' ? counts.current : null

  return (
    <View className='account-page self-checks'>
      <View className='self-checks__summary card' id='self-checks-summary'>
        <Text className='self-checks__scope'>{role === 'admin' ? '全公司' : '本部门'}{summary ? ` · ${summary.month}` : ''}</Text>
        <Text className='self-checks__count' id='self-checks-count'>
          {summary ? `已完成 ${summary.doneCount} / 应完成 ${summary.staffCount}` : '统计中…'}
        </Text>
      </View>
      <FilterChips id='self-checks-filter' options={doneOptions} selected={done} onSelect={setDone} />
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='self-checks-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState id='self-checks-empty' title={done === 'undone' ? '本月人人都已完成自查' : done === 'done' ? '本月还没有人完成自查' : '没有需要自查的员工'} />
      ) : (
        <View className='account-list' id='self-check-list'>
          {list.items.map((row) => (
            <Row key={row.personId} row={row} />
          ))}
          <ListFooter list={list} idPrefix='self-checks' />
        </View>
      )}
    </View>
  )
}

export default function SelfChecksPage() {
  return <SessionGate roles={['head', 'admin']}>{(person) => <SelfChecks role={person.role} />}</SessionGate>
}
