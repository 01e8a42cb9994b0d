import { useCallback, useMemo, useState } from 'react'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { handoverStatuses, handoverStatusLabels, type HandoverListStatus, type HandoverSummary, type Role } from '@contract'
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
import { ActiveFilters, param, useDepartmentName } from '@/components/record/active-filters'
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

const statusLabels: Record<HandoverListStatus, string> = { unfinished: '未完成', ...handoverStatusLabels }

function isStatus(value: string | undefined): value is HandoverListStatus {
  return value !== undefined && value in statusLabels
}

interface Initial {
  scope: Scope
  status?: string
  departmentId?: string
}

/** Opened from a figure, the list starts on its `scope`, `status` and (admins) `departmentId`. */
function Handovers({ role, initial }: { role: Role; initial: Initial }) {
  const handles = role !== 'employee'
  const [scope, setScope] = useState<Scope>(handles ? initial.scope : 'mine')
  const [status, setStatus] = useState<HandoverListStatus | ''>(isStatus(initial.status) ? initial.status : '')
  // A head handles their own department only; the department narrows an admin's list.
  const [departmentId, setDepartmentId] = useState(role === 'admin' ? initial.departmentId : undefined)
  const departmentName = useDepartmentName(departmentId)
  const effectiveDepartment = scope === 'handling' ? departmentId : undefined
  const fetchPage = useCallback(
    (page: number, pageSize: number) => listHandovers({ scope, page, pageSize, status: status || undefined, departmentId: effectiveDepartment }),
    [scope, status, effectiveDepartment],
  )
  const key = useMemo(() => JSON.stringify([scope, status, effectiveDepartment]), [scope, status, effectiveDepartment])
  const list = usePagedList(key, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  useRefreshOnShow(list.reload)

  const scopes: Array<{ value: Scope; label: string }> = [
    { value: 'handling', label: role === 'admin' ? '全公司' : '本部门' },
    { value: 'mine', label: '与我有关' },
  ]
  const statusOptions = [
    { value: '' as const, label: '全部' },
    { value: 'unfinished' as const, label: statusLabels.unfinished },
    ...handoverStatuses.map((value) => ({ value, label: handoverStatusLabels[value] })),
  ]

  return (
    <View className='account-page handovers'>
      {handles ? <FilterChips id='handovers-scope' options={scopes} selected={scope} onSelect={setScope} /> : null}
      <FilterChips<HandoverListStatus | ''> id='handovers-filter' options={statusOptions} selected={status} onSelect={setStatus} />
      <ActiveFilters
        id='handovers-active'
        filters={[effectiveDepartment ? { key: 'department', label: '部门', value: departmentName, onClear: () => setDepartmentId(undefined) } : null]}
      />
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
  const { params } = router
  const initial: Initial = { scope: params.scope === 'mine' ? 'mine' : 'handling', status: param(params.status), departmentId: param(params.departmentId) }
  return <SessionGate>{(person) => <Handovers role={person.role} initial={initial} />}</SessionGate>
}
