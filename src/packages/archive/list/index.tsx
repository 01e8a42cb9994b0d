import { useCallback, useMemo, useState } from 'react'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { archiveCategories, archiveCategoryLabels, type ArchiveCategory, type ArchiveRecord, type ArchiveScope, type Role } from '@contract'
import { listArchives } from '@/services/archives'
import { formatShanghaiTime } from '@/services/accounts'
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
import { CategoryTag, whereLine } from '../components/category-tag'
import { archiveDetail, archiveEdit, archivePaths } from '../paths'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/archive.scss'

const PAGE_SIZE = 20

const categoryOptions: Array<{ value: ArchiveCategory | ''; label: string }> = [
  { value: '', label: '全部' },
  ...archiveCategories.map((value) => ({ value, label: archiveCategoryLabels[value] })),
]

/** Heads look over their department, admins over everyone; everybody keeps their own register. */
function scopesFor(role: Role): Array<{ value: ArchiveScope; label: string }> {
  if (role === 'head') return [{ value: 'mine', label: '我的' }, { value: 'department', label: '本部门' }]
  if (role === 'admin') return [{ value: 'mine', label: '我的' }, { value: 'all', label: '全公司' }]
  return []
}

function initialScope(role: Role, asked: string | undefined): ArchiveScope {
  return scopesFor(role).some((s) => s.value === asked) ? (asked as ArchiveScope) : 'mine'
}

function Row({ record, showOwner }: { record: ArchiveRecord; showOwner: boolean }) {
  return (
    <View className='account-list__row' id={`archive-row-${record.id}`} onClick={() => void Taro.navigateTo({ url: archiveDetail(record.id) })}>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>{record.title}</Text>
        <CategoryTag category={record.category} />
      </View>
      <Text className='archive-row__where'>{whereLine(record)}</Text>
      <View className='account-list__meta'>
        <Text>备份于 {record.backedUpOn}</Text>
        {record.customerName ? <Text>客户 {record.customerName}</Text> : null}
        {showOwner ? (
          <Text>
            {record.ownerName} · {record.departmentName}
          </Text>
        ) : (
          <Text>登记于 {formatShanghaiTime(record.createdAt)}</Text>
        )}
      </View>
    </View>
  )
}

function Archives({ role, asked }: { role: Role; asked: string | undefined }) {
  const scopes = scopesFor(role)
  const [scope, setScope] = useState<ArchiveScope>(() => initialScope(role, asked))
  const [category, setCategory] = useState<ArchiveCategory | ''>('')
  const search = useSearchKeyword()
  const { keyword } = search

  const fetchPage = useCallback(
    (page: number, pageSize: number) => listArchives({ page, pageSize, scope, category: category || undefined, keyword }),
    [scope, category, keyword],
  )
  const key = useMemo(() => JSON.stringify([scope, category, keyword]), [scope, category, keyword])
  const list = usePagedList(key, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  // Back from a record just added, edited or deleted: the list must show it as it is now.
  useRefreshOnShow(list.reload)
  useListPullDown(list)

  const filtered = Boolean(category || keyword)
  return (
    <View className='account-page archive-list' id='archive-list'>
      <Watermark />
      {scopes.length > 0 ? <FilterChips id='archive-scope' options={scopes} selected={scope} onSelect={setScope} /> : null}
      <SearchField id='archive-search' placeholder='搜索资料名称、客户、登记人或存放位置' search={search} />
      <FilterChips<ArchiveCategory | ''> id='archive-filter' options={categoryOptions} selected={category} onSelect={setCategory} />
      <View className='archive-links'>
        <Button className='archive-links__link' id='archive-add' type='primary' onClick={() => void Taro.navigateTo({ url: archiveEdit() })}>
          登记备份
        </Button>
        <Button className='archive-links__link' id='archive-monthly-entry' fill='outline' type='primary' onClick={() => void Taro.navigateTo({ url: archivePaths.monthly })}>
          本月整理确认
        </Button>
      </View>

      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='archive-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState
          id='archive-empty'
          title={filtered ? '没有符合条件的记录' : scope === 'mine' ? '你还没有登记过备份' : '还没有人登记备份'}
          description={filtered ? '换个类别或关键词试试' : scope === 'mine' ? '合同文件、客户沟通记录等重要资料备份后，在这里登记存放位置' : undefined}
        />
      ) : (
        <View className='account-list' id='archive-items'>
          <Text className='account-list__total' id='archive-total'>
            共 {list.total} 条记录
          </Text>
          {list.items.map((record) => (
            <Row key={record.id} record={record} showOwner={scope !== 'mine'} />
          ))}
          <ListFooter list={list} idPrefix='archive' />
        </View>
      )}
    </View>
  )
}

export default function ArchiveListPage() {
  const router = useRouter()
  const asked = typeof router.params.scope === 'string' ? router.params.scope : undefined
  return <SessionGate>{(person) => <Archives role={person.role} asked={asked} />}</SessionGate>
}
