import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { Input, TextArea } from '@nutui/nutui-react-taro'
import { createTaskInput, errorMessages, MAX_TASK_ASSIGNEES, type TaskCandidate } from '@contract'
import { addDays, shanghaiToday } from '@/services/accounts'
import { showSuccess } from '@/services/feedback'
import { createTask } from '@/services/tasks'
import { SessionGate } from '@/components/session-gate'
import { FormField } from '@/components/record/form-field'
import { firstIssue } from '@/components/record/outcome'
import { useSchemaForm } from '@/components/record/use-schema-form'
import { SubmitFooter } from '@/components/record/form-actions'
import { taskDetailPage } from '../paths'
import { AssigneeField, groupByDepartment, leadsOf, OwnersField } from './assignees'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/task.scss'

/** Most hand-offs are for the next few days; the picker moves it in one gesture. */
const DEFAULT_DAYS = 3

type Field = 'title' | 'details' | 'assigneeIds' | 'dueOn' | 'owners'
const FIELDS: Field[] = ['title', 'details', 'assigneeIds', 'dueOn', 'owners']

/** Refusals that belong next to a field rather than above the button. */
const FIELD_OF_CODE: Record<string, Field> = { ASSIGNEE_INVALID: 'assigneeIds', TASK_OWNERS_INVALID: 'owners', DUE_DATE_PAST: 'dueOn' }

function CreateForm() {
  const [today] = useState(() => shanghaiToday())
  const [title, setTitle] = useState('')
  const [details, setDetails] = useState('')
  const [dueOn, setDueOn] = useState(() => addDays(today, DEFAULT_DAYS))
  const [assignees, setAssignees] = useState<TaskCandidate[]>([])
  const [picked, setPicked] = useState<Record<string, string>>({})

  const groups = groupByDepartment(assignees)
  const cross = groups.length > 1
  const leads = cross ? leadsOf(groups, picked) : []
  // The server parses the same schema, so a form that passes here is not refused for its shape.
  const parsed = createTaskInput.safeParse({ title, details, assigneeIds: assignees.map((a) => a.id), dueOn, owners: leads })

  const check = (field: Field): string | null => {
    if (field === 'dueOn') return firstIssue(parsed, 'dueOn') ?? (dueOn < today ? errorMessages.DUE_DATE_PAST : null)
    if (field === 'owners' && cross && leads.length < groups.length) return '请为每个部门指定一名牵头人'
    return firstIssue(parsed, field)
  }
  const { errorOf, touch, validate, run, busy, refusal } = useSchemaForm(FIELDS, parsed, { check, fieldOfCode: FIELD_OF_CODE })

  const toggle = (person: TaskCandidate) => {
    const removing = assignees.some((p) => p.id === person.id)
    if (!removing) {
      // Whoever was alone in the department so far stays its lead when a colleague joins, until changed.
      const before = assignees.filter((p) => p.departmentId === person.departmentId)
      const alone = before.length === 1 ? before[0] : undefined
      if (alone && !before.some((p) => p.id === picked[person.departmentId])) setPicked((previous) => ({ ...previous, [person.departmentId]: alone.id }))
    }
    setAssignees(removing ? assignees.filter((p) => p.id !== person.id) : [...assignees, person])
    touch('assigneeIds', 'owners')
  }

  const submit = async () => {
    if (busy) return
    const input = validate()
    if (!input) return
    await run(async () => {
      const task = await createTask(input)
      showSuccess('已分派')
      void Taro.redirectTo({ url: taskDetailPage(task.id) })
    })
  }

  return (
    <View className='account-page record task-create'>
      <View className='record__form card' id='task-form'>
        <FormField id='task-title' label='任务' required error={errorOf('title')}>
          <Input
            placeholder='要做什么，最多40个字'
            maxLength={40}
            value={title}
            onChange={(value: string) => {
              setTitle(value)
              touch('title')
            }}
            onBlur={() => touch('title')}
          />
        </FormField>
        <FormField id='task-due' label='截止日期' required error={errorOf('dueOn')}>
          <Picker
            mode='date'
            value={dueOn}
            start={today}
            onChange={(event) => {
              setDueOn(String(event.detail.value))
              touch('dueOn')
            }}
          >
            <View className='record__picker'>
              <Text id='task-due-value'>{dueOn}</Text>
              <Text className='record__picker-arrow'>›</Text>
            </View>
          </Picker>
        </FormField>
        <FormField id='task-details' label='说明' error={errorOf('details')}>
          <TextArea
            placeholder='要求、交付物、注意事项'
            maxLength={1000}
            showCount
            rows={4}
            value={details}
            onChange={(value: string) => {
              setDetails(value)
              touch('details')
            }}
          />
        </FormField>
        <FormField id='task-assignees' label='执行人' required hint={`最多${MAX_TASK_ASSIGNEES}人`} error={errorOf('assigneeIds')}>
          <AssigneeField chosen={assignees} onToggle={toggle} />
        </FormField>
        {cross ? (
          <FormField id='task-owners' label='各部门牵头人' required hint='跨部门任务由每个部门的一名执行人牵头' error={errorOf('owners')}>
            <OwnersField
              groups={groups}
              leads={leads}
              onPick={(departmentId, personId) => {
                setPicked((previous) => ({ ...previous, [departmentId]: personId }))
                touch('owners')
              }}
            />
          </FormField>
        ) : null}
      </View>

      <SubmitFooter errorId='task-create-error' refusal={refusal} submitId='task-create' busy={busy} onSubmit={() => void submit()}>
        分派任务
      </SubmitFooter>
    </View>
  )
}

export default function TaskCreatePage() {
  return <SessionGate>{() => <CreateForm />}</SessionGate>
}
