import { useCallback, useMemo, useRef, useState } from 'react'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { GroupSummary, Role } from '@contract'
import { listGroups } from '@/services/groups'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { useListPullDown } from '@/hooks/use-list-pull-down'
import { useSearchKeyword } from '@/hooks/use-search-keyword'
import { FilterChips } from '@/components/record/filter-chips'
import { ListFooter } from '@/components/record/list-footer'
import { SearchField } from '@/components/record/search-field'
import { GroupFlagTags, GroupStatusTag } from '../components/status-tags'
import { groupDetail, groupEdit } from '../paths'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/marketing.scss'

const PAGE_SIZE = 20

type Scope = 'mine' | 'department' | 'all'
type Filter = 'active' | 'flagged' | 'dissolved'

/** Which scopes each role may list; the server refuses the others. */
const scopesOf: Record<Role, Scope[]> = { employee: ['mine'], head: ['department', 'mine'], admin: ['all', 'mine'] }
const scopeLabels: Record<Scope, string> = { mine: '我负责的', department: '本部门', all: '全公司' }

function GroupRow({ group, showOwner }: { group: GroupSummary; showOwner: boolean }) {
  return (
    <View className='account-list__row' id={`group-${group.id}`} onClick={() => void Taro.navigateTo({ url: groupDetail(group.id) })}>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>{group.name}</Text>
        <GroupStatusTag status={group.status} />
      </View>
      <Text className='marketing-row__preview'>{group.purpose ?? '未写明建群目的'}</Text>
      <View className='account-list__meta'>
        {showOwner ? (
          <Text>
            {group.ownerName} · {group.departmentName}
          </Text>
        ) : null}
        <Text>约 {group.memberCount} 人</Text>
        {group.status === 'active' ? <Text>复核截止 {group.reviewDueOn}</Text> : null}
      </View>
      <GroupFlagTags flags={group.flags} idPrefix={`group-${group.id}-flags`} />
    </View>
  )
}

function Groups({ role, initialScope, initialFilter }: { role: Role; initialScope: Scope; initialFilter: Filter }) {
  const scopes = scopesOf[role]
  const [scope, setScope] = useState<Scope>(scopes.includes(initialScope) ? initialScope : (scopes[0] as Scope))
  const [filter, setFilter] = useState<Filter>(initialFilter)
  const search = useSearchKeyword()
  const { keyword } = search
  // Every page carries how many groups need attention; the chip shows the latest.
  const flaggedCount = useRef<number | null>(null)

  const fetchPage = useCallback(
    async (page: number, pageSize: number) => {
      const result = await listGroups({
        scope,
        page,
        pageSize,
        keyword,
        flaggedOnly: filter === 'flagged',
        status: filter === 'dissolved' ? 'dissolved' : filter === 'active' ? 'active' : undefined,
      })
      flaggedCount.current = result.flaggedCount
      return result
    },
    [scope, filter, keyword],
  )
  const key = useMemo(() => JSON.stringify([scope, filter, keyword]), [scope, filter, keyword])
  const list = usePagedList(key, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  // Back from a review or a dissolution: flags and status must show it.
  useRefreshOnShow(list.reload)
  useListPullDown(list)

  const flagged = flaggedCount.current
  const filters: Array<{ value: Filter; label: string }> = [
    { value: 'active', label: '使用中' },
    { value: 'flagged', label: flagged ? `需关注（${flagged}）` : '需关注' },
    { value: 'dissolved', label: '已解散' },
  ]

  return (
    <View className='account-page marketing-groups'>
      {scopes.length > 1 ? <FilterChips id='groups-scope' options={scopes.map((value) => ({ value, label: scopeLabels[value] }))} selected={scope} onSelect={setScope} /> : null}
      <FilterChips id='groups-filter' options={filters} selected={filter} onSelect={setFilter} />
      <SearchField id='groups-search' placeholder='按群名称搜索' search={search} />
      <View className='record__submit'>
        <Button id='groups-add' type='primary' fill='outline' block onClick={() => void Taro.navigateTo({ url: groupEdit() })}>
          登记业务群
        </Button>
      </View>
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='groups-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState
          id='groups-empty'
          title={filter === 'flagged' ? '没有需要关注的群' : keyword ? '没有匹配的群' : filter === 'dissolved' ? '没有已解散的群' : '还没有登记业务群'}
          description={filter === 'active' && !keyword ? '新建客户群或合作群后，请在这里登记群名称和用途' : undefined}
        />
      ) : (
        <View className='account-list' id='groups-list'>
          <Text className='account-list__total' id='groups-total'>
            共 {list.total} 个群
          </Text>
          {list.items.map((group) => (
            <GroupRow key={group.id} group={group} showOwner={scope !== 'mine'} />
          ))}
          <ListFooter list={list} idPrefix='groups' />
        </View>
      )}
    </View>
  )
}

export default function GroupsPage() {
  const router = useRouter()
  const scope = router.params.scope
  const initialScope: Scope = scope === 'department' || scope === 'all' ? scope : 'mine'
  const initialFilter: Filter = router.params.flagged === '1' ? 'flagged' : 'active'
  return <SessionGate>{(person) => <Groups role={person.role} initialScope={scope ? initialScope : (scopesOf[person.role][0] as Scope)} initialFilter={initialFilter} />}</SessionGate>
}
