import { useCallback, useMemo, useState } from 'react'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { delegationStatusLabels, delegationStatuses, type DelegationStatus, type DelegationSummary, type PersonSummary } from '@contract'
import { listDelegations } from '@/services/delegations'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { delegationDetail } from '@/routes'
import { DelegationStatusTag } from '../components/status-tag'
import { FilterChips } from '@/components/record/filter-chips'
import { ListFooter } from '@/components/record/list-footer'
import { ActiveFilters, param, useDepartmentName } from '@/components/record/active-filters'
import '@/components/record/page.scss'
import '@/components/record/record.scss'

const PAGE_SIZE = 20

type Scope = 'mine' | 'pending' | 'all'

function DelegationRow({ delegation, me }: { delegation: DelegationSummary; me: string }) {
  const role = delegation.holderId === me ? `委托 ${delegation.delegateName}` : delegation.delegateId === me ? `受 ${delegation.holderName} 委托` : `${delegation.holderName} 委托 ${delegation.delegateName}`
  return (
    <View className='account-list__row' id={`delegation-${delegation.id}`} onClick={() => void Taro.navigateTo({ url: delegationDetail(delegation.id) })}>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>{delegation.accountWechatId}</Text>
        <View className='record__tags'>
          {delegation.inEffect ? <Tag type='primary'>生效中</Tag> : null}
          <DelegationStatusTag status={delegation.status} />
        </View>
      </View>
      <View className='account-list__meta'>
        <Text>{role}</Text>
        <Text>{delegation.departmentName}</Text>
      </View>
      <View className='account-list__meta'>
        <Text>
          {delegation.startsOn} 至 {delegation.endsOn}
        </Text>
      </View>
    </View>
  )
}

function isStatus(value: string | undefined): value is DelegationStatus {
  return (delegationStatuses as readonly string[]).includes(value ?? '')
}

interface Initial {
  scope: Scope
  status?: string
  departmentId?: string
}

/** Opened from a figure, the list starts on its `scope`, `status` and (admins, whole-company list) `departmentId`. */
function Delegations({ person, initial }: { person: PersonSummary; initial: Initial }) {
  const reviewer = person.role !== 'employee'
  const [scope, setScope] = useState<Scope>(reviewer ? initial.scope : 'mine')
  const [status, setStatus] = useState<DelegationStatus | undefined>(isStatus(initial.status) ? initial.status : undefined)
  const [departmentId, setDepartmentId] = useState(person.role === 'admin' ? initial.departmentId : undefined)
  const departmentName = useDepartmentName(departmentId)
  const effectiveDepartment = scope === 'all' ? departmentId : undefined
  const fetchPage = useCallback(
    (page: number, pageSize: number) => listDelegations({ scope, page, pageSize, status, departmentId: effectiveDepartment }),
    [scope, status, effectiveDepartment],
  )
  const key = useMemo(() => JSON.stringify([scope, status, effectiveDepartment]), [scope, status, effectiveDepartment])
  const list = usePagedList(key, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  useRefreshOnShow(list.reload)

  const scopes: Array<{ value: Scope; label: string }> = [
    { value: 'mine', label: '与我有关' },
    { value: 'pending', label: '待我审批' },
    { value: 'all', label: person.role === 'admin' ? '全公司' : '本部门' },
  ]

  return (
    <View className='account-page delegations'>
      {reviewer ? <FilterChips id='delegations-scope' options={scopes} selected={scope} onSelect={setScope} /> : null}
      <ActiveFilters
        id='delegations-active'
        filters={[
          status ? { key: 'status', label: '状态', value: delegationStatusLabels[status], onClear: () => setStatus(undefined) } : null,
          effectiveDepartment ? { key: 'department', label: '部门', value: departmentName, onClear: () => setDepartmentId(undefined) } : null,
        ]}
      />
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='delegations-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState
          id='delegations-empty'
          title={scope === 'pending' ? '暂无待审批的代操作' : status || effectiveDepartment ? '没有符合条件的代操作' : '还没有代操作记录'}
          description={scope === 'mine' ? '在“我的业务微信”中可委托同事代为操作账号' : undefined}
        />
      ) : (
        <View className='account-list' id='delegations-list'>
          <Text className='account-list__total' id='delegations-total'>
            共 {list.total} 条
          </Text>
          {list.items.map((delegation) => (
            <DelegationRow key={delegation.id} delegation={delegation} me={person.id} />
          ))}
          <ListFooter list={list} idPrefix='delegations' />
        </View>
      )}
    </View>
  )
}

export default function DelegationsPage() {
  const router = useRouter()
  const { params } = router
  const scope = params.scope
  const initial: Initial = { scope: scope === 'pending' || scope === 'all' ? scope : 'mine', status: param(params.status), departmentId: param(params.departmentId) }
  return <SessionGate>{(person) => <Delegations person={person} initial={initial} />}</SessionGate>
}
