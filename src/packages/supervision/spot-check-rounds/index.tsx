import { useCallback, useMemo, useState } from 'react'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Role, RoundSummary, SpotCheckScope, SpotCheckStatus, SpotCheckSummary } from '@contract'
import { formatShanghaiTime } from '@/services/accounts'
import { listRounds, listSpotChecks } from '@/services/spot-checks'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { Watermark } from '@/components/watermark'
import { FilterChips } from '@/components/record/filter-chips'
import { ListFooter } from '@/components/record/list-footer'
import { SearchField } from '@/components/record/search-field'
import { ActiveFilters, param, useDepartmentName } from '@/components/record/active-filters'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { useListPullDown } from '@/hooks/use-list-pull-down'
import { useSearchKeyword } from '@/hooks/use-search-keyword'
import { CheckRow } from '../spot-check-parts/check-row'
import { roundLine } from '../spot-check-parts/format'
import { spotCheckPages, spotCheckRoundPage, type RoundsTab } from '../spot-check-paths'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../spot-check-parts/spot-check.scss'

const PAGE_SIZE = 20
const tabs: RoundsTab[] = ['rounds', 'toScore', 'results']

function tabOptions(role: Role): Array<{ value: RoundsTab; label: string }> {
  return [
    { value: 'rounds', label: '抽查批次' },
    { value: 'toScore', label: '待我评分' },
    { value: 'results', label: role === 'admin' ? '全部抽查' : '本部门抽查' },
  ]
}

const statusOptions: Array<{ value: SpotCheckStatus | ''; label: string }> = [
  { value: '', label: '全部' },
  { value: 'pending', label: '待评分' },
  { value: 'scored', label: '已评分' },
]

function RoundRow({ round }: { round: RoundSummary }) {
  return (
    <View className='account-list__row' id={`round-${round.id}`} onClick={() => void Taro.navigateTo({ url: spotCheckRoundPage(round.id) })}>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>{roundLine(round)}</Text>
      </View>
      <View className='account-list__meta'>
        <Text>{round.createdByName}发起</Text>
        <Text>{formatShanghaiTime(round.createdAt)}</Text>
      </View>
      <Text className='spot-rounds__line'>
        抽中 {round.sampledCount} 人 · 已评分 {round.scoredCount} 人
      </Text>
    </View>
  )
}

/** Rounds and checks share one list, so one set of page hooks serves every tab. */
type Item = { kind: 'round'; round: RoundSummary } | { kind: 'check'; check: SpotCheckSummary }

function ItemRow({ item }: { item: Item }) {
  return item.kind === 'round' ? <RoundRow round={item.round} /> : <CheckRow check={item.check} id={`check-row-${item.check.id}`} />
}

function emptyText(tab: RoundsTab, keyword: string): { title: string; description?: string } {
  if (tab === 'rounds') return { title: '还没有抽查批次', description: '点“发起抽查”随机抽取人员' }
  if (keyword) return { title: '没有匹配的人员', description: '换个姓名试试' }
  return { title: tab === 'toScore' ? '没有等你评分的抽查' : '暂无抽查记录' }
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

interface Initial {
  tab: RoundsTab
  roundMonth?: string
  departmentId?: string
}

function monthLabel(month: string): string {
  const [year, m] = month.split('-')
  return `${year}年${Number(m)}月`
}

/** Opened from a figure, the results start on the checks of `roundMonth`'s rounds and (admins) `departmentId`. */
function Rounds({ role, initial }: { role: Role; initial: Initial }) {
  const [tab, setTab] = useState<RoundsTab>(initial.tab)
  const [status, setStatus] = useState<SpotCheckStatus | ''>('')
  const [roundMonth, setRoundMonth] = useState(initial.roundMonth && MONTH.test(initial.roundMonth) ? initial.roundMonth : undefined)
  // Heads' results are their own department's already.
  const [departmentId, setDepartmentId] = useState(role === 'admin' ? initial.departmentId : undefined)
  const departmentName = useDepartmentName(departmentId)
  const results = tab === 'results'
  const resultMonth = results ? roundMonth : undefined
  const resultDepartment = results ? departmentId : undefined
  const search = useSearchKeyword()
  const { keyword } = search
  const scope: SpotCheckScope = tab === 'toScore' ? 'toScore' : role === 'admin' ? 'all' : 'department'

  const fetchPage = useCallback(
    async (page: number, pageSize: number): Promise<{ items: Item[]; total: number }> => {
      if (tab === 'rounds') {
        const result = await listRounds({ page, pageSize })
        return { items: result.items.map((round) => ({ kind: 'round', round })), total: result.total }
      }
      const result = await listSpotChecks({ scope, page, pageSize, keyword, ...(results && status ? { status } : {}), roundMonth: resultMonth, departmentId: resultDepartment })
      return { items: result.items.map((check) => ({ kind: 'check', check })), total: result.total }
    },
    [tab, scope, status, keyword, results, resultMonth, resultDepartment],
  )
  const key = useMemo(() => JSON.stringify([tab, status, keyword, resultMonth, resultDepartment]), [tab, status, keyword, resultMonth, resultDepartment])
  const list = usePagedList(key, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  // Back from a check just scored: it must leave 待我评分.
  useRefreshOnShow(list.reload)
  useListPullDown(list)
  const empty = emptyText(tab, keyword)

  return (
    <View className='account-page spot-rounds'>
      {tab === 'rounds' ? null : <Watermark />}
      <FilterChips id='spot-tabs' options={tabOptions(role)} selected={tab} onSelect={setTab} />
      {results ? <FilterChips id='spot-status' options={statusOptions} selected={status} onSelect={setStatus} /> : null}
      {results ? (
        <ActiveFilters
          id='spot-active'
          filters={[
            roundMonth ? { key: 'month', label: '批次月份', value: monthLabel(roundMonth), onClear: () => setRoundMonth(undefined) } : null,
            departmentId ? { key: 'department', label: '部门', value: departmentName, onClear: () => setDepartmentId(undefined) } : null,
          ]}
        />
      ) : null}
      {tab === 'rounds' ? (
        <View className='spot-rounds__start'>
          <Button id='rounds-start' type='primary' fill='outline' block onClick={() => void Taro.navigateTo({ url: spotCheckPages.start })}>
            发起抽查
          </Button>
        </View>
      ) : (
        <SearchField className='spot-rounds__search' id='spot-search' placeholder='搜索姓名' search={search} />
      )}
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='spot-list-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState id='spot-list-empty' title={empty.title} description={empty.description} />
      ) : (
        <View className='account-list' id='spot-list'>
          <Text className='account-list__total' id='spot-list-total'>
            共 {list.total} {tab === 'rounds' ? '批' : '人'}
          </Text>
          {list.items.map((item) => (
            <ItemRow key={item.kind === 'round' ? item.round.id : item.check.id} item={item} />
          ))}
          <ListFooter list={list} idPrefix='spot-list' />
        </View>
      )}
    </View>
  )
}

function isTab(value: unknown): value is RoundsTab {
  return typeof value === 'string' && (tabs as readonly string[]).includes(value)
}

export default function SpotCheckRoundsPage() {
  const router = useRouter()
  const { params } = router
  const initial: Initial = { tab: isTab(params.tab) ? params.tab : 'rounds', roundMonth: param(params.roundMonth), departmentId: param(params.departmentId) }
  return <SessionGate roles={['head', 'admin']}>{(person) => <Rounds role={person.role} initial={initial} />}</SessionGate>
}
