import { useCallback, useEffect, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { SearchBar } from '@nutui/nutui-react-taro'
import type { PersonSummary } from '@contract'
import { listPeople } from '@/services/roster'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { usePagedList } from '@/hooks/use-paged-list'
import { ListFooter } from './list-footer'
import './person-picker.scss'

const PAGE_SIZE = 10

interface PersonPickerProps {
  /**
   * Each row is `<idPrefix>-<personId>`; the search box is inside `<idPrefix>-search`, the closed
   * empty field is `<idPrefix>-open`, and `<idPrefix>-change` reopens the list after a choice.
   */
  idPrefix: string
  /** Narrows to one department; the server holds non-admins to their own anyway. */
  departmentId?: string
  /** People who cannot be chosen (the holder themself). */
  excludeIds?: string[]
  selected: PersonSummary | null
  onSelect: (person: PersonSummary) => void
  /** Whether the list shows; closed, the field is one line, so the rest of the form stays in view. */
  open: boolean
  onOpenChange: (open: boolean) => void
  placeholder: string
  /** Id of the line that shows the chosen person; `<idPrefix>-chosen` unless the form names it. */
  chosenId?: string
}

/** Staff in service, searchable by name, a few at a time. */
export function PersonPicker({ idPrefix, departmentId, excludeIds = [], selected, onSelect, open, onOpenChange, placeholder, chosenId }: PersonPickerProps) {
  if (!open) {
    if (selected) {
      return (
        <View className='person-picker__chosen' id={chosenId ?? `${idPrefix}-chosen`}>
          <View className='person-picker__who'>
            <Text className='person-picker__name'>{selected.name}</Text>
            <Text className='person-picker__department'>{selected.departmentName}</Text>
          </View>
          <Text className='person-picker__change' id={`${idPrefix}-change`} onClick={() => onOpenChange(true)}>
            更换
          </Text>
        </View>
      )
    }
    return (
      <View className='person-picker__closed' id={`${idPrefix}-open`} onClick={() => onOpenChange(true)}>
        <Text className='person-picker__placeholder'>{placeholder}</Text>
        <Text className='person-picker__arrow'>›</Text>
      </View>
    )
  }
  return (
    <PeopleList
      idPrefix={idPrefix}
      departmentId={departmentId}
      excludeIds={excludeIds}
      selectedIds={selected ? [selected.id] : []}
      onSelect={(person) => {
        onSelect(person)
        onOpenChange(false)
      }}
    />
  )
}

/**
 * The searchable list itself, for forms that choose one person (PersonPicker) or several (a tap
 * on a chosen row is then the way to take it back). Rows are `<idPrefix>-<personId>`; the search
 * box is inside `searchId`, `<idPrefix>-search` unless the form names it.
 */
export function PeopleList({ idPrefix, searchId, departmentId, excludeIds = [], selectedIds, onSelect }: {
  idPrefix: string
  searchId?: string
  departmentId?: string
  excludeIds?: string[]
  selectedIds: string[]
  onSelect: (person: PersonSummary) => void
}) {
  const [draft, setDraft] = useState('')
  const [keyword, setKeyword] = useState('')

  // Search as the user pauses typing, not on every keystroke.
  useEffect(() => {
    if (draft.trim() === keyword) return undefined
    const timer = setTimeout(() => setKeyword(draft.trim()), 400)
    return () => clearTimeout(timer)
  }, [draft, keyword])

  const fetchPage = useCallback(
    (page: number, pageSize: number) => listPeople({ page, pageSize, keyword, departmentId, status: 'active' }),
    [keyword, departmentId],
  )
  const key = useMemo(() => JSON.stringify([keyword, departmentId]), [keyword, departmentId])
  const list = usePagedList(key, fetchPage, PAGE_SIZE)
  const people = list.items.filter((person) => !excludeIds.includes(person.id))

  return (
    <View className='person-picker'>
      <View id={searchId ?? `${idPrefix}-search`}>
        <SearchBar
          placeholder='搜索姓名'
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
      ) : people.length === 0 ? (
        <EmptyState id={`${idPrefix}-empty`} title={keyword ? '没有匹配的同事' : '没有可选的同事'} description={keyword ? '换个姓名试试' : undefined} />
      ) : (
        <View className='person-picker__list'>
          {people.map((person) => {
            const selected = selectedIds.includes(person.id)
            return (
              <View
                key={person.id}
                id={`${idPrefix}-${person.id}`}
                className={`person-picker__row${selected ? ' person-picker__row--selected' : ''}`}
                onClick={() => onSelect(person)}
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
