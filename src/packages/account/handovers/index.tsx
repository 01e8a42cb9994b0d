import { useCallback, useMemo, useState } from 'react'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { handoverStatuses, handoverStatusLabels, type HandoverStatus, type HandoverSummary, type Role } from '@contract'
import { formatShanghaiTime } from '@/services/accounts'
import { listHandovers } from '@/services/handovers'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { handoverDetail } from '@/routes'
import { HandoverStatusTag } from '../components/status-tag'
import { FilterChips } from '@/components/record/filter-chips'
import { ListFooter } from '@/components/record/list-footer'
import '@/components/record/page.scss'
import '@/components/record/record.scss'

const PAGE_SIZE = 20

type Scope = 'mine' | 'handling'

function HandoverRow({ handover }: { handover: HandoverSummary }) {
  return (
    <View className='account-list__row' id={`handover-${handover.id}`} onClick={() => void Taro.navigateTo({ url: handoverDetail(handover.id) })}>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>{handover.accountWechatId}</Text>
        <HandoverStatusTag status={handover.status} />
      </View>
      <View className='account-list__meta'>
        <Text>
          {handover.holderName} → {handover.receiverName ?? '待指定'}
        </Text>
        <Text>{handover.departmentName}</Text>
        <Text>
          清单 {handover.done}/{handover.total}
        </Text>
      </View>
      <View className='account-list__meta'>
        <Text>发起于 {formatShanghaiTime(handover.startedAt)}</Text>
        {handover.leaving ? <Text>持有人离职</Text> : null}
      </View>
    </View>
  )
}

function Handovers({ role, initialScope }: { role: Role; initialScope: Scope }) {
  const handles = role !== 'employee'
  const [scope, setScope] = useState<Scope>(handles ? initialScope : 'mine')
  const [status, setStatus] = useState<HandoverStatus | ''>('')
  const fetchPage = useCallback(
    (page: number, pageSize: number) => listHandovers({ scope, page, pageSize, status: status || undefined }),
    [scope, status],
  )
  const key = useMemo(() => JSON.stringify([scope, status]), [scope, status])
  const list = usePagedList(key, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  useRefreshOnShow(list.reload)

  const scopes: Array<{ value: Scope; label: string }> = [
    { value: 'handling', label: role === 'admin' ? '全公司' : '本部门' },
    { value: 'mine', label: '与我有关' },
  ]
  const statusOptions = [{ value: '' as const, label: '全部' }, ...handoverStatuses.map((value) => ({ value, label: handoverStatusLabels[value] }))]

  return (
    <View className='account-page handovers'>
      {handles ? <FilterChips id='handovers-scope' options={scopes} selected={scope} onSelect={setScope} /> : null}
      <FilterChips<HandoverStatus | ''> id='handovers-filter' options={statusOptions} selected={status} onSelect={setStatus} />
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='handovers-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState id='handovers-empty' title='没有账号交接' description='在账号台账中可为账号发起交接' />
      ) : (
        <View className='account-list' id='handovers-list'>
          <Text className='account-list__total' id='handovers-total'>
            共 {list.total} 条
          </Text>
          {list.items.map((handover) => (
            <HandoverRow key={handover.id} handover={handover} />
          ))}
          <ListFooter list={list} idPrefix='handovers' />
        </View>
      )}
    </View>
  )
}

export default function HandoversPage() {
  const router = useRouter()
  const initialScope: Scope = router.params.scope === 'mine' ? 'mine' : 'handling'
  return <SessionGate>{(person) => <Handovers role={person.role} initialScope={initialScope} />}</SessionGate>
}
