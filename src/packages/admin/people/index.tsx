import { useCallback, useEffect, useMemo, useState } from 'react'
import { useReachBottom, useRouter } from '@tarojs/taro'
import { ScrollView, Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import type { PersonSummary } from '@contract'
import { listDepartments, listPeople, type Department } from '@/services/roster'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, InlineError, PageLoading } from '@/components/state-views'
import { RoleTag } from '@/components/role-tag'
import { SearchField } from '@/components/record/search-field'
import { usePagedList } from '@/hooks/use-paged-list'
import { useSearchKeyword } from '@/hooks/use-search-keyword'
import './index.scss'

const PAGE_SIZE = 20

function DepartmentFilter({ selected, onSelect }: { selected: string; onSelect: (id: string) => void }) {
  const [departments, setDepartments] = useState<Department[]>([])

  useEffect(() => {
    // The filter is a convenience: without it the list still works, so a failure stays quiet.
    listDepartments().then(setDepartments, () => setDepartments([]))
  }, [])

  const options = [{ id: '', name: '全部部门' }, ...departments]
  return (
    <ScrollView scrollX className='people__filter' id='people-filter'>
      {options.map((option) => (
        <View
          key={option.id || 'all'}
          id={`people-filter-${option.id || 'all'}`}
          className={`people__chip${option.id === selected ? ' people__chip--active' : ''}`}
          onClick={() => onSelect(option.id)}
        >
          <Text>{option.name}</Text>
        </View>
      ))}
    </ScrollView>
  )
}

function PersonRow({ person }: { person: PersonSummary }) {
  return (
    <View className='people__row' id={`staff-${person.id}`}>
      <View className='people__row-head'>
        <Text className='people__name'>{person.name}</Text>
        <RoleTag role={person.role} />
        {person.status === 'left' ? (
          <Tag type='danger' plain>
            已离职
          </Tag>
        ) : null}
        {person.bound ? null : (
          <Tag type='default' plain>
            未绑定
          </Tag>
        )}
      </View>
      <Text className='people__department'>{person.departmentName}</Text>
      <View className='people__contacts'>
        <Text>手机 {person.mobileMasked || '未登记'}</Text>
        <Text>邮箱 {person.emailMasked || '未登记'}</Text>
      </View>
    </View>
  )
}

function People({ canFilter, initialDepartmentId }: { canFilter: boolean; initialDepartmentId: string }) {
  const search = useSearchKeyword()
  const { keyword } = search
  const [departmentId, setDepartmentId] = useState(initialDepartmentId)

  const fetchPage = useCallback(
    (page: number, pageSize: number) => listPeople({ page, pageSize, keyword, departmentId: departmentId || undefined }),
    [keyword, departmentId],
  )
  const key = useMemo(() => JSON.stringify([keyword, departmentId]), [keyword, departmentId])
  const list = usePagedList(key, fetchPage, PAGE_SIZE)

  useReachBottom(() => list.loadMore())

  return (
    <View className='people'>
      <SearchField className='people__search' id='people-search' placeholder='搜索姓名' search={search} />
      {canFilter ? <DepartmentFilter selected={departmentId} onSelect={setDepartmentId} /> : null}

      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='people-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState
          id='people-empty'
          title={keyword || departmentId ? '没有符合条件的员工' : '还没有员工'}
          description={keyword || departmentId ? '换个关键词或部门试试' : '管理员导入花名册后，员工会显示在这里'}
        />
      ) : (
        <View className='people__list' id='people-list'>
          <Text className='people__total' id='people-total'>
            共 {list.total} 人，已显示 {list.items.length} 人
          </Text>
          {list.items.map((person) => (
            <PersonRow key={person.id} person={person} />
          ))}
          <View className='people__footer'>
            {list.hasMore ? (
              <Button id='people-more' size='small' fill='outline' loading={list.loadingMore} onClick={list.loadMore}>
                加载更多
              </Button>
            ) : (
              <Text className='people__end'>没有更多了</Text>
            )}
            <InlineError id='people-more-error' message={list.moreError} />
          </View>
        </View>
      )}
    </View>
  )
}

export default function PeoplePage() {
  const router = useRouter()
  const initialDepartmentId = typeof router.params.departmentId === 'string' ? router.params.departmentId : ''
  return (
    <SessionGate roles={['head', 'admin']}>
      {/* A head's list is already limited to their own department by the server. */}
      {(person) => <People canFilter={person.role === 'admin'} initialDepartmentId={initialDepartmentId} />}
    </SessionGate>
  )
}
