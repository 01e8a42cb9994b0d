import { useCallback, useState } from 'react'
import { useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Role } from '@contract'
import { listMarketing } from '@/services/marketing'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { useListPullDown } from '@/hooks/use-list-pull-down'
import { ListFooter } from '@/components/record/list-footer'
import { ActiveFilters, param, useDepartmentName } from '@/components/record/active-filters'
import { ItemRow } from '../components/item-row'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/marketing.scss'

const PAGE_SIZE = 20

/** Opened from a figure, an admin's queue starts on one department's items (`departmentId`). */
function Review({ role, initialDepartmentId }: { role: Role; initialDepartmentId?: string }) {
  // A head's queue is their own department already.
  const [departmentId, setDepartmentId] = useState(role === 'admin' ? initialDepartmentId : undefined)
  const departmentName = useDepartmentName(departmentId)
  const fetchPage = useCallback((page: number, pageSize: number) => listMarketing({ scope: 'review', page, pageSize, departmentId }), [departmentId])
  const list = usePagedList(`review|${departmentId ?? ''}`, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  // Back from a decision: the item is no longer waiting.
  useRefreshOnShow(list.reload)
  useListPullDown(list)

  return (
    <View className='account-page marketing-review'>
      <ActiveFilters
        id='marketing-review-active'
        filters={[departmentId ? { key: 'department', label: '部门', value: departmentName, onClear: () => setDepartmentId(undefined) } : null]}
      />
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='marketing-review-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState id='marketing-review-empty' title='没有待审核的素材' description={role === 'admin' ? '各部门提交的素材会显示在这里' : '本部门员工提交的素材会显示在这里'} />
      ) : (
        <View className='account-list' id='marketing-review-list'>
          <Text className='account-list__total' id='marketing-review-total'>
            共 {list.total} 份待审核，最早提交的在前
          </Text>
          {list.items.map((item) => (
            <ItemRow key={item.id} item={item} who />
          ))}
          <ListFooter list={list} idPrefix='marketing-review' />
        </View>
      )}
    </View>
  )
}

export default function MarketingReviewPage() {
  const { params } = useRouter()
  const departmentId = param(params.departmentId)
  return <SessionGate roles={['head', 'admin']}>{(person) => <Review role={person.role} initialDepartmentId={departmentId} />}</SessionGate>
}
