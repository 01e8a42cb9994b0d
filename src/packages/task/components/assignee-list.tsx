import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { SearchBar } from '@nutui/nutui-react-taro'
import type { TaskCandidate } from '@contract'
import { listAssignable } from '@/services/tasks'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { usePagedList } from '@/hooks/use-paged-list'
import { ListFooter } from '@/components/record/list-footer'
import '@/components/record/person-picker.scss'

const PAGE_SIZE = 10

/**
 * Colleagues in every department, searchable by name; a tap chooses, a second tap takes back.
 * Built like the roster's PeopleList, which holds non-admins to their own department: a task
 * may go to anyone in service. Rows are `<idPrefix>-<personId>`, the search box `<idPrefix>-search`.
 */
export function AssigneeList({ idPrefix, selectedIds, onToggle }: { idPrefix: string; selectedIds: string[]; onToggle: (person: TaskCandidate) => void }) {
  const [draft, setDraft] = useState('')
  const [keyword, setKeyword] = useState('')

  // Search as the user pauses typing, not on every keystroke.
  useEffect(() => {
    if (draft.trim() === keyword) return undefined
    const timer = setTimeout(() => setKeyword(draft.trim()), 400)
    return () => clearTimeout(timer)
  }, [draft, keyword])

  const fetchPage = useCallback((page: number, pageSize: number) => listAssignable({ page, pageSize, keyword }), [keyword])
  const list = usePagedList(keyword, fetchPage, PAGE_SIZE)

  return (
    <View className='person-picker'>
      <View id={`${idPrefix}-search`}>
        <SearchBar
          placeholder='搜索姓名，可选其他部门的同事'
          value={draft}
          onChange={(value: string) => setDraft(value)}
          onSearch={(value: string) => {
            setDraft(value)
            setKeyword(value.trim())
          }}
          onClear={() => {
            setDraft('')
            setKeyword('')
          }}
        />
      </View>
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id={`${idPrefix}-error`} message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState id={`${idPrefix}-empty`} title={keyword ? '没有匹配的同事' : '没有可选的同事'} description={keyword ? '换个姓名试试' : undefined} />
      ) : (
        <View className='person-picker__list'>
          {list.items.map((person) => {
            const selected = selectedIds.includes(person.id)
            return (
              <View
                key={person.id}
                id={`${idPrefix}-${person.id}`}
                className={`person-picker__row${selected ? ' person-picker__row--selected' : ''}`}
                onClick={() => onToggle(person)}
              >
                <View className='person-picker__who'>
                  <Text className='person-picker__name'>{person.name}</Text>
                  <Text className='person-picker__department'>{person.departmentName}</Text>
                </View>
                <Text className='person-picker__mark'>{selected ? '已选' : '选择'}</Text>
              </View>
            )
          })}
          <ListFooter list={list} idPrefix={idPrefix} />
        </View>
      )}
    </View>
  )
}
