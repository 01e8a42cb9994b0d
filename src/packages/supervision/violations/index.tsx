import { useCallback, useMemo, useState } from 'react'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { violationScopes, violationStatuses, violationStatusLabels, type Role, type ViolationScope, type ViolationStatus, type ViolationSummary } from '@contract'
import { listViolations } from '@/services/violations'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { useListPullDown } from '@/hooks/use-list-pull-down'
import { useSearchKeyword } from '@/hooks/use-search-keyword'
import { FilterChips } from '@/components/record/filter-chips'
import { ListFooter } from '@/components/record/list-footer'
import { SearchField } from '@/components/record/search-field'
import { ActiveFilters, param, useDepartmentName } from '@/components/record/active-filters'
import { Watermark } from '@/components/watermark'
import { ViolationStatusTag } from '../violation-parts/status-tag'
import { PointsText } from '../violation-parts/points'
import { violationDetailPage, violationPages } from '../violation-paths'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../violation-parts/violation.scss'

const PAGE_SIZE = 20

/** Heads look after their department and admins everyone, appeals first; everyone has their own. */
function scopesFor(role: Role): Array<{ value: ViolationScope; label: string }> {
  const mine = { value: 'mine' as const, label: '我的' }
  if (role === 'head') return [{ value: 'department', label: '本部门' }, mine]
  if (role === 'admin') return [{ value: 'appeals', label: '待处理申诉' }, { value: 'all', label: '全部' }, mine]
  return [mine]
}

const statusOptions: Array<{ value: ViolationStatus | ''; label: string }> = [{ value: '', label: '全部状态' }, ...violationStatuses.map((value) => ({ value, label: violationStatusLabels[value] }))]

function ViolationRow({ item, showPerson }: { item: ViolationSummary; showPerson: boolean }) {
  return (
    <View className='account-list__row' id={`violation-${item.id}`} onClick={() => void Taro.navigateTo({ url: violationDetailPage(item.id) })}>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>{showPerson ? `${item.personName} · ${item.departmentName}` : item.clause.label}</Text>
        <ViolationStatusTag status={item.status} />
      </View>
      {showPerson ? (
        <View className='account-list__meta'>
          <Text>{item.clause.label}</Text>
        </View>
      ) : null}
      <View className='account-list__meta'>
        <Text>
          {item.occurredOn} · {item.penalty}
        </Text>
        <PointsText points={item.points} stands={item.stands} />
      </View>
    </View>
  )
}

function emptyTitle(scope: ViolationScope, filtered: boolean): string {
  if (filtered) return '没有符合条件的记录'
  if (scope === 'appeals') return '没有待处理的申诉'
  return scope === 'mine' ? '你没有违规记录' : '暂无违规记录'
}

function isScope(value: unknown): value is ViolationScope {
  return typeof value === 'string' && (violationScopes as readonly string[]).includes(value)
}

function isStatus(value: string | undefined): value is ViolationStatus {
  return (violationStatuses as readonly string[]).includes(value ?? '')
}

interface Initial {
  scope?: ViolationScope
  status?: string
  departmentId?: string
}

/** Opened from a figure, the list starts on `scope`, `status` and (admins) `departmentId`. */
function Violations({ role, initial }: { role: Role; initial: Initial }) {
  const scopes = scopesFor(role)
  const [scope, setScope] = useState<ViolationScope>(scopes.some((s) => s.value === initial.scope) ? (initial.scope as ViolationScope) : scopes[0].value)
  const [status, setStatus] = useState<ViolationStatus | ''>(isStatus(initial.status) ? initial.status : '')
  // Heads see their own department whatever is asked; admins may narrow any list but their own.
  const [departmentId, setDepartmentId] = useState(role === 'admin' ? initial.departmentId : undefined)
  const departmentName = useDepartmentName(departmentId)
  const effectiveDepartment = scope === 'mine' ? undefined : departmentId
  const search = useSearchKeyword()
  const { keyword } = search
  // Appeals are one status already; one's own list needs no name search.
  const filtersShown = scope !== 'appeals'
  const searchShown = scope !== 'mine'
  const effectiveStatus = filtersShown ? status : ''
  const effectiveKeyword = searchShown ? keyword : ''

  const fetchPage = useCallback(
    (page: number, pageSize: number) =>
      listViolations({ scope, page, pageSize, status: effectiveStatus || undefined, keyword: effectiveKeyword, departmentId: effectiveDepartment }),
    [scope, effectiveStatus, effectiveKeyword, effectiveDepartment],
  )
  const key = useMemo(() => JSON.stringify([scope, effectiveStatus, effectiveKeyword, effectiveDepartment]), [scope, effectiveStatus, effectiveKeyword, effectiveDepartment])
  const list = usePagedList(key, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  // Back from a record just appealed or decided: the row must say so.
  useRefreshOnShow(list.reload)
  useListPullDown(list)

  return (
    <View className='account-page violation-list'>
      <Watermark />
      {scopes.length > 1 ? <FilterChips id='violations-scope' options={scopes} selected={scope} onSelect={setScope} /> : null}
      {filtersShown ? <FilterChips id='violations-status' options={statusOptions} selected={status} onSelect={setStatus} /> : null}
      <ActiveFilters
        id='violations-active'
        filters={[effectiveDepartment ? { key: 'department', label: '部门', value: departmentName, onClear: () => setDepartmentId(undefined) } : null]}
      />
      {searchShown ? <SearchField className='violation-list__search' id='violations-search' placeholder='搜索姓名' search={search} /> : null}
      {role === 'employee' ? null : (
        <View className='violation-list__record'>
          <Button id='violations-record' type='primary' fill='outline' block onClick={() => void Taro.navigateTo({ url: violationPages.record })}>
            记录违规
          </Button>
        </View>
      )}

      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='violations-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState id='violations-empty' title={emptyTitle(scope, Boolean(effectiveStatus || effectiveKeyword || effectiveDepartment))} />
      ) : (
        <View className='account-list' id='violations-list'>
          <Text className='account-list__total' id='violations-total'>
            共 {list.total} 条{scope === 'appeals' ? '待处理申诉' : '记录'}
          </Text>
          {list.items.map((item) => (
            <ViolationRow key={item.id} item={item} showPerson={scope !== 'mine'} />
          ))}
          <ListFooter list={list} idPrefix='violations' />
        </View>
      )}
    </View>
  )
}

export default function ViolationListPage() {
  const { params } = useRouter()
  const initial: Initial = { scope: isScope(params.scope) ? params.scope : undefined, status: param(params.status), departmentId: param(params.departmentId) }
  return <SessionGate>{(person) => <Violations role={person.role} initial={initial} />}</SessionGate>
}
