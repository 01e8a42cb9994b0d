import { Text, View } from '@tarojs/components'
import type { NoticeAudience, PersonSummary } from '@contract'
import { listDepartments } from '@/services/roster'
import { useLoaded } from '@/hooks/use-loaded'
import { ErrorState, PageLoading } from '@/components/state-views'
import { ChoiceChips } from '@/components/record/filter-chips'
import { PeopleList } from '@/components/record/person-picker'

export type AudienceKind = NoticeAudience['kind']

/** What the form holds; each kind keeps its own choices so switching back and forth loses nothing. */
export interface AudienceDraft {
  kind: AudienceKind
  departmentIds: string[]
  people: PersonSummary[]
}

export function initialAudience(sender: PersonSummary): AudienceDraft {
  return { kind: sender.role === 'admin' ? 'all' : 'departments', departmentIds: [], people: [] }
}

/** The audience the server is asked for. Heads can only reach their own department, so that is what "departments" means for them. */
export function toAudience(draft: AudienceDraft, sender: PersonSummary): NoticeAudience {
  if (draft.kind === 'people') return { kind: 'people', personIds: draft.people.map((p) => p.id) }
  if (sender.role !== 'admin') return { kind: 'departments', departmentIds: [sender.departmentId] }
  if (draft.kind === 'departments') return { kind: 'departments', departmentIds: draft.departmentIds }
  return { kind: 'all' }
}

function kindOptions(sender: PersonSummary): Array<{ value: AudienceKind; label: string }> {
  if (sender.role === 'admin') {
    return [
      { value: 'all', label: '全体员工' },
      { value: 'departments', label: '按部门' },
      { value: 'people', label: '指定人员' },
    ]
  }
  return [
    { value: 'departments', label: '本部门全体' },
    { value: 'people', label: '本部门指定人员' },
  ]
}

function toggled<T>(list: T[], item: T, same: (a: T, b: T) => boolean): T[] {
  return list.some((x) => same(x, item)) ? list.filter((x) => !same(x, item)) : [...list, item]
}

function DepartmentOptions({ selected, onChange }: { selected: string[]; onChange: (ids: string[]) => void }) {
  const { data, error, reload } = useLoaded(listDepartments)
  if (error) return <ErrorState id='audience-departments-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading text='正在加载部门…' />
  return (
    <View className='audience__options' id='audience-department-list'>
      {data.map((department) => {
        const chosen = selected.includes(department.id)
        return (
          <View
            key={department.id}
            id={`audience-dept-${department.id}`}
            className={`audience__option${chosen ? ' audience__option--chosen' : ''}`}
            onClick={() => onChange(toggled(selected, department.id, (a, b) => a === b))}
          >
            <Text>{department.name}</Text>
            <Text className='audience__option-count'>{department.staffCount}人</Text>
          </View>
        )
      })}
    </View>
  )
}

function ChosenPeople({ people, onRemove }: { people: PersonSummary[]; onRemove: (person: PersonSummary) => void }) {
  if (people.length === 0) return <Text className='audience__hint'>在下方搜索并点选接收人，可多选</Text>
  return (
    <View className='audience__chosen' id='audience-chosen'>
      <Text className='audience__hint'>已选 {people.length} 人，点姓名可移除</Text>
      <View className='audience__options'>
        {people.map((person) => (
          <View key={person.id} id={`audience-chosen-${person.id}`} className='audience__option audience__option--chosen' onClick={() => onRemove(person)}>
            <Text>{person.name}</Text>
            <Text className='audience__option-remove'>×</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

/** Who receives the notice: admins reach anyone, heads their own department (the server enforces the same). */
export function AudienceField({ sender, draft, onChange }: { sender: PersonSummary; draft: AudienceDraft; onChange: (draft: AudienceDraft) => void }) {
  const isAdmin = sender.role === 'admin'
  const togglePerson = (person: PersonSummary) => onChange({ ...draft, people: toggled(draft.people, person, (a, b) => a.id === b.id) })
  return (
    <View className='audience'>
      <ChoiceChips idPrefix='audience' options={kindOptions(sender)} selected={draft.kind} onSelect={(kind) => onChange({ ...draft, kind })} />
      {draft.kind === 'all' ? <Text className='audience__hint'>发送给全公司在职员工</Text> : null}
      {draft.kind === 'departments' && !isAdmin ? <Text className='audience__hint'>发送给{sender.departmentName}全体在职员工</Text> : null}
      {draft.kind === 'departments' && isAdmin ? (
        <DepartmentOptions selected={draft.departmentIds} onChange={(departmentIds) => onChange({ ...draft, departmentIds })} />
      ) : null}
      {draft.kind === 'people' ? (
        <>
          <ChosenPeople people={draft.people} onRemove={togglePerson} />
          <PeopleList
            idPrefix='audience-person'
            searchId='audience-people-search'
            departmentId={isAdmin ? undefined : sender.departmentId}
            excludeIds={[sender.id]}
            selectedIds={draft.people.map((p) => p.id)}
            onSelect={togglePerson}
          />
        </>
      ) : null}
    </View>
  )
}
