import { useCallback, useMemo, useState } from 'react'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { shanghaiDate, type CustomerListFilter, type CustomerScope, type CustomerSummary, type PersonSummary } from '@contract'
import { listCustomers } from '@/services/customers'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { Watermark } from '@/components/watermark'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { useListPullDown } from '@/hooks/use-list-pull-down'
import { useSearchKeyword } from '@/hooks/use-search-keyword'
import { FilterChips } from '@/components/record/filter-chips'
import { ListFooter } from '@/components/record/list-footer'
import { SearchField } from '@/components/record/search-field'
import { CustomerTags } from '../components/tags'
import { formatDay } from '../components/format'
import { useDepartments } from '../components/use-departments'
import { customerDetail, customerPaths } from '../paths'
import '@/components/record/page.scss'
import '../components/customer.scss'

const PAGE_SIZE = 20

const filterOptions: Array<{ value: CustomerListFilter | ''; label: string }> = [
  { value: '', label: '全部' },
  { value: 'due', label: '待跟进' },
  { value: 'complaints', label: '有投诉' },
]

function Row({ customer, showOwner }: { customer: CustomerSummary; showOwner: boolean }) {
  const today = shanghaiDate(new Date())
  const due = customer.nextFollowUpOn !== null && customer.nextFollowUpOn <= today
  return (
    <View className='account-list__row' id={`customer-${customer.id}`} onClick={() => void Taro.navigateTo({ url: customerDetail(customer.id) })}>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>{customer.name}</Text>
        {customer.phoneMasked ? <Text id={`customer-${customer.id}-phone`}>{customer.phoneMasked}</Text> : null}
      </View>
      <View className='account-list__meta'>
        {customer.company ? <Text>{customer.company}</Text> : null}
        {showOwner ? (
          <Text>
            {customer.ownerName} · {customer.departmentName}
          </Text>
        ) : null}
      </View>
      <View className='account-list__meta'>
        <Text>{customer.lastContactOn ? `上次沟通 ${formatDay(customer.lastContactOn)}` : '尚无沟通记录'}</Text>
        {customer.nextFollowUpOn ? (
          <Text className={due ? 'customers__due' : ''} id={`customer-${customer.id}-next`}>
            {customer.nextFollowUpOn < today ? `跟进已逾期（${formatDay(customer.nextFollowUpOn)}）` : `下次跟进 ${formatDay(customer.nextFollowUpOn)}`}
          </Text>
        ) : null}
        {customer.complaintCount > 0 ? <Text className='customers__complaint'>投诉 {customer.complaintCount}</Text> : null}
      </View>
      <CustomerTags tags={customer.tags} />
    </View>
  )
}

function Customers({ person }: { person: PersonSummary }) {
  const router = useRouter()
  const manager = person.role !== 'employee'
  const [scope, setScope] = useState<CustomerScope>(manager && router.params.scope === 'managed' ? 'managed' : 'mine')
  const search = useSearchKeyword()
  const { keyword } = search
  const [filter, setFilter] = useState<CustomerListFilter | ''>('')
  const [departmentId, setDepartmentId] = useState('')
  const departments = useDepartments(person.role === 'admin')
  const managed = scope === 'managed'

  // Only an admin looking at everyone narrows by department; a head's list is their department already.
  const department = managed && person.role === 'admin' && departmentId ? departmentId : undefined
  const fetchPage = useCallback(
    (page: number, pageSize: number) => listCustomers({ page, pageSize, scope, keyword, filter: filter || undefined, departmentId: department }),
    [scope, keyword, filter, department],
  )
  const key = useMemo(() => JSON.stringify([scope, keyword, filter, departmentId]), [scope, keyword, filter, departmentId])
  const list = usePagedList(key, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  // Back from a customer just worked on: its dates have moved.
  useRefreshOnShow(list.reload)
  useListPullDown(list)

  const scopeOptions: Array<{ value: CustomerScope; label: string }> = [
    { value: 'mine', label: '我的客户' },
    { value: 'managed', label: person.role === 'admin' ? '全公司' : '本部门' },
  ]
  const filtered = Boolean(keyword || filter || (managed && departmentId))

  return (
    <View className='account-page customers' id='customers'>
      <Watermark />
      <SearchField className='customers__search' id='customers-search' placeholder='搜索姓名、公司、标签或手机号' search={search} />
      {manager ? <FilterChips id='customers-scope' options={scopeOptions} selected={scope} onSelect={setScope} /> : null}
      {managed && person.role === 'admin' && departments.length > 0 ? (
        <FilterChips
          id='customers-department'
          options={[{ value: '', label: '全部部门' }, ...departments.map((d) => ({ value: d.id, label: d.name }))]}
          selected={departmentId}
          onSelect={setDepartmentId}
        />
      ) : null}
      <FilterChips id='customers-filter' options={filterOptions} selected={filter} onSelect={setFilter} />

      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='customers-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState
          id='customers-empty'
          title={filtered ? '没有符合条件的客户' : managed ? '还没有客户档案' : '你还没有客户档案'}
          description={filtered ? '换个关键词或筛选条件试试' : managed ? undefined : '添加客户微信后，在这里建立客户档案'}
        />
      ) : (
        <View className='account-list' id='customers-list'>
          <Text className='account-list__total' id='customers-total'>
            共 {list.total} 位客户
          </Text>
          {list.items.map((customer) => (
            <Row key={customer.id} customer={customer} showOwner={managed} />
          ))}
          <ListFooter list={list} idPrefix='customers' />
        </View>
      )}
      {managed ? null : (
        <View className='customers__add' id='customers-add' onClick={() => void Taro.navigateTo({ url: customerPaths.add })}>
          <Text>＋ 添加客户</Text>
        </View>
      )}
    </View>
  )
}

export default function CustomerListPage() {
  return <SessionGate>{(person) => <Customers person={person} />}</SessionGate>
}
