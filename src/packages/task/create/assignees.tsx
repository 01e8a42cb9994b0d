import { Text, View } from '@tarojs/components'
import type { TaskCandidate } from '@contract'
import { ChoiceChips } from '@/components/record/filter-chips'
import { PeopleList } from '@/components/record/person-picker'
import { listAssignable } from '@/services/tasks'

export interface DepartmentGroup {
  id: string
  name: string
  people: TaskCandidate[]
}

/** The chosen people by department, departments in the order their first person was chosen (as the server stores them). */
export function groupByDepartment(people: TaskCandidate[]): DepartmentGroup[] {
  const groups: DepartmentGroup[] = []
  for (const person of people) {
    const group = groups.find((g) => g.id === person.departmentId)
    if (group) group.people.push(person)
    else groups.push({ id: person.departmentId, name: person.departmentName, people: [person] })
  }
  return groups
}

/**
 * The lead of each department: the one picked, or the only assignee there when there is just
 * one, so a lead is asked for only where there is a choice.
 */
export function leadsOf(groups: DepartmentGroup[], picked: Record<string, string>): Array<{ departmentId: string; personId: string }> {
  return groups.flatMap((group) => {
    const choice = group.people.some((p) => p.id === picked[group.id]) ? picked[group.id] : group.people.length === 1 ? group.people[0]?.id : undefined
    return choice ? [{ departmentId: group.id, personId: choice }] : []
  })
}

export function AssigneeField({ chosen, onToggle }: { chosen: TaskCandidate[]; onToggle: (person: TaskCandidate) => void }) {
  return (
    <View>
      {chosen.length === 0 ? (
        <Text className='task-chosen__hint'>在下方搜索并点选执行人，可多选，可选其他部门的同事</Text>
      ) : (
        <>
          <Text className='task-chosen__hint' id='task-assignee-count'>
            已选 {chosen.length} 人，点姓名可移除
          </Text>
          <View className='task-chosen'>
            {chosen.map((person) => (
              <View key={person.id} id={`task-assignee-chosen-${person.id}`} className='task-chosen__person' onClick={() => onToggle(person)}>
                <Text>{person.name}</Text>
                <Text className='task-chosen__remove'>×</Text>
              </View>
            ))}
          </View>
        </>
      )}
      {/* Not the roster, which holds non-admins to their own department: a task may go to anyone in service. */}
      <PeopleList idPrefix='task-assignee' placeholder='搜索姓名，可选其他部门的同事' fetchPage={listAssignable} selectedIds={chosen.map((p) => p.id)} onSelect={onToggle} />
    </View>
  )
}

/** One lead per department for a task spanning several; chips are `task-owner-<departmentId>-<personId>`. */
export function OwnersField({ groups, leads, onPick }: { groups: DepartmentGroup[]; leads: Array<{ departmentId: string; personId: string }>; onPick: (departmentId: string, personId: string) => void }) {
  return (
    <View className='task-owners'>
      {groups.map((group) => (
        <View key={group.id} id={`task-owners-${group.id}`}>
          <Text className='task-owners__department'>{group.name}</Text>
          <ChoiceChips
            idPrefix={`task-owner-${group.id}`}
            options={group.people.map((p) => ({ value: p.id, label: p.name }))}
            selected={leads.find((l) => l.departmentId === group.id)?.personId ?? null}
            onSelect={(personId) => onPick(group.id, personId)}
          />
        </View>
      ))}
    </View>
  )
}
