import { useCallback, useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import type { PersonSummary } from '@contract'
import { listPeople } from '@/services/roster'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { usePagedList, type Page } from '@/hooks/use-paged-list'
import { useSearchKeyword } from '@/hooks/use-search-keyword'
import { ListFooter } from './list-footer'
import { SearchField } from './search-field'
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

/** What a row needs to show a colleague. */
interface Colleague {
  id: string
  name: string
  departmentName: string
}

/** One page of colleagues matching the keyword. */
export type ColleagueSource<T extends Colleague> = (query: { page: number; pageSize: number; keyword: string }) => Promise<Page<T>>

interface PeopleListProps<T extends Colleague> {
  idPrefix: string
  searchId?: string
  placeholder?: string
  /** Narrows the roster to one department; with `fetchPage`, the source decides. */
  departmentId?: string
  excludeIds?: string[]
  selectedIds: string[]
  onSelect: (person: T) => void
  fetchPage?: ColleagueSource<T>
}

const activeStaff = (departmentId: string | undefined): ColleagueSource<PersonSummary> => (query) => listPeople({ ...query, departmentId, status: 'active' })

/**
 * The searchable list itself, for forms that choose one person (PersonPicker) or several (a tap
 * on a chosen row is then the way to take it back). Rows are `<idPrefix>-<personId>`; the search
 * box is inside `searchId`, `<idPrefix>-search` unless the form names it. People come from the
 * roster's staff in service unless the form passes `fetchPage`.
 */
export function PeopleList(props: PeopleListProps<PersonSummary>): JSX.Element
export function PeopleList<T extends Colleague>(props: PeopleListProps<T> & { fetchPage: ColleagueSource<T> }): JSX.Element
export function PeopleList<T extends Colleague>({ idPrefix, searchId, placeholder = '搜索姓名', departmentId, excludeIds = [], selectedIds, onSelect, fetchPage: source }: PeopleListProps<T>) {
  const search = useSearchKeyword()
  const { keyword } = search

  const fetchPage = useCallback(
    // The overloads let `fetchPage` be left out only where T is PersonSummary.
    (page: number, pageSize: number) => (source ?? (activeStaff(departmentId) as unknown as ColleagueSource<T>))({ page, pageSize, keyword }),
    [source, keyword, departmentId],
  )
  const key = useMemo(() => JSON.stringify([keyword, departmentId]), [keyword, departmentId])
  const list = usePagedList(key, fetchPage, PAGE_SIZE)
  const people = list.items.filter((person) => !excludeIds.includes(person.id))

  return (
    <View className='person-picker'>
      <SearchField id={searchId ?? `${idPrefix}-search`} placeholder={placeholder} search={search} />
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
