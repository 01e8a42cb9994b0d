import {
  appendBounded,
  availableTaskEvents,
  completedOnTime,
  decideTask,
  dueLabel,
  isTaskOverdue,
  planAssignment,
  taskOverdueDays,
  type AssigneeCandidate,
  type TaskViewer,
} from './task'

describe('overdue', () => {
  it('is late only from the day after the due date, and only while work remains', () => {
    expect(isTaskOverdue({ status: 'open', dueOn: '2026-11-27' }, '2026-11-27')).toBe(false)
    expect(isTaskOverdue({ status: 'open', dueOn: '2026-11-27' }, '2026-11-28')).toBe(true)
    expect(isTaskOverdue({ status: 'in_progress', dueOn: '2026-11-27' }, '2026-12-01')).toBe(true)
    expect(isTaskOverdue({ status: 'done', dueOn: '2026-11-27' }, '2026-12-01')).toBe(false)
    expect(isTaskOverdue({ status: 'cancelled', dueOn: '2026-11-27' }, '2026-12-01')).toBe(false)
  })

  it('counts whole days late across a month end, and none when not late', () => {
    expect(taskOverdueDays({ status: 'open', dueOn: '2026-11-29' }, '2026-12-02')).toBe(3)
    expect(taskOverdueDays({ status: 'open', dueOn: '2026-11-29' }, '2026-11-29')).toBe(0)
    expect(taskOverdueDays({ status: 'done', dueOn: '2026-11-01' }, '2026-11-29')).toBe(0)
  })

  it('words the time left for a to-do line', () => {
    expect(dueLabel('2026-11-26', '2026-11-27')).toBe('已逾期1天')
    expect(dueLabel('2026-11-20', '2026-11-27')).toBe('已逾期7天')
    expect(dueLabel('2026-11-27', '2026-11-27')).toBe('今天到期')
    expect(dueLabel('2026-11-28', '2026-11-27')).toBe('明天到期')
    expect(dueLabel('2026-12-05', '2026-11-27')).toBe('2026-12-05到期')
  })
})

describe('completedOnTime', () => {
  it('reads the moment of completion on the Shanghai calendar', () => {
    // 23:30 on the due date in Shanghai is 15:30 UTC the same day: on time.
    expect(completedOnTime('2026-11-27', new Date('2026-11-27T15:30:00Z'))).toBe(true)
    // 00:30 the next day in Shanghai is still the 27th in UTC: late all the same.
    expect(completedOnTime('2026-11-27', new Date('2026-11-27T16:30:00Z'))).toBe(false)
    expect(completedOnTime('2026-11-27', new Date('2026-11-20T02:00:00Z'))).toBe(true)
  })
})

describe('planAssignment', () => {
  const east = (id: string, status: 'active' | 'left' = 'active'): AssigneeCandidate => ({ id, name: id, departmentId: 'd-east', status })
  const south = (id: string): AssigneeCandidate => ({ id, name: id, departmentId: 'd-south', status: 'active' })

  it('takes one department without a lead, in the order people were chosen', () => {
    expect(planAssignment(['e2', 'e1'], [east('e1'), east('e2')], [])).toEqual({ ok: true, departmentIds: ['d-east'], owners: [] })
  })

  it('keeps an optional lead for a single department when it is one of its assignees', () => {
    expect(planAssignment(['e1', 'e2'], [east('e1'), east('e2')], [{ departmentId: 'd-east', personId: 'e2' }])).toEqual({
      ok: true,
      departmentIds: ['d-east'],
      owners: [{ departmentId: 'd-east', personId: 'e2' }],
    })
  })

  it('needs a lead from each department when the assignees span several', () => {
    const people = [east('e1'), east('e2'), south('s1')]
    expect(planAssignment(['s1', 'e1', 'e2'], people, [{ departmentId: 'd-east', personId: 'e2' }])).toEqual({ ok: false, refusal: 'TASK_OWNERS_INVALID' })
    expect(
      planAssignment(['s1', 'e1', 'e2'], people, [
        { departmentId: 'd-east', personId: 'e2' },
        { departmentId: 'd-south', personId: 's1' },
      ]),
    ).toEqual({
      ok: true,
      departmentIds: ['d-south', 'd-east'],
      owners: [
        { departmentId: 'd-south', personId: 's1' },
        { departmentId: 'd-east', personId: 'e2' },
      ],
    })
  })

  it('refuses a lead from another department, a lead who is not assigned, and two leads for one department', () => {
    const people = [east('e1'), east('e2'), south('s1'), east('e3')]
    const bad = [
      [{ departmentId: 'd-east', personId: 's1' }, { departmentId: 'd-south', personId: 's1' }],
      [{ departmentId: 'd-east', personId: 'e3' }, { departmentId: 'd-south', personId: 's1' }],
      [{ departmentId: 'd-east', personId: 'e1' }, { departmentId: 'd-east', personId: 'e2' }, { departmentId: 'd-south', personId: 's1' }],
      [{ departmentId: 'd-north', personId: 'e1' }, { departmentId: 'd-east', personId: 'e1' }, { departmentId: 'd-south', personId: 's1' }],
    ]
    for (const owners of bad) expect(planAssignment(['e1', 'e2', 's1'], people, owners)).toEqual({ ok: false, refusal: 'TASK_OWNERS_INVALID' })
  })

  it('refuses anyone not on the roster or no longer in service', () => {
    expect(planAssignment(['e1', 'ghost'], [east('e1')], [])).toEqual({ ok: false, refusal: 'ASSIGNEE_INVALID' })
    expect(planAssignment(['e1', 'e2'], [east('e1'), east('e2', 'left')], [])).toEqual({ ok: false, refusal: 'ASSIGNEE_INVALID' })
  })
})

describe('who may do what', () => {
  const task = { creatorId: 'creator', assigneeIds: ['a1', 'a2'], departmentIds: ['d-east', 'd-south'], status: 'open' as const }
  const viewer = (id: string, role: TaskViewer['role'] = 'employee', departmentId = 'd-east'): TaskViewer => ({ id, role, departmentId })

  it('lets assignees report and complete, and the creator cancel and move the due date', () => {
    expect(availableTaskEvents(viewer('a1'), task)).toEqual(['update', 'complete'])
    expect(availableTaskEvents(viewer('creator'), task)).toEqual(['cancel', 'changeDue'])
    expect(availableTaskEvents(viewer('creator'), { ...task, assigneeIds: ['creator'] })).toEqual(['update', 'complete', 'cancel', 'changeDue'])
    expect(decideTask(viewer('a1'), task, 'update')).toEqual({ ok: true, next: 'in_progress' })
    expect(decideTask(viewer('a1'), { ...task, status: 'in_progress' }, 'complete')).toEqual({ ok: true, next: 'done' })
    expect(decideTask(viewer('creator'), task, 'cancel')).toEqual({ ok: true, next: 'cancelled' })
    expect(decideTask(viewer('creator'), { ...task, status: 'in_progress' }, 'changeDue')).toEqual({ ok: true, next: 'in_progress' })
  })

  it('lets heads of involved departments and admins look but not act', () => {
    for (const who of [viewer('h', 'head', 'd-south'), viewer('adm', 'admin', 'd-admin')]) {
      expect(availableTaskEvents(who, task)).toEqual([])
      expect(decideTask(who, task, 'update')).toEqual({ ok: false, refusal: 'FORBIDDEN' })
      expect(decideTask(who, task, 'cancel')).toEqual({ ok: false, refusal: 'FORBIDDEN' })
    }
  })

  it('tells an uninvolved head it is outside their department, and hides it from anyone else', () => {
    expect(decideTask(viewer('h', 'head', 'd-service'), task, 'update')).toEqual({ ok: false, refusal: 'OUT_OF_SCOPE' })
    expect(decideTask(viewer('x', 'employee', 'd-east'), task, 'update')).toEqual({ ok: false, refusal: 'NOT_FOUND' })
  })

  it('allows nothing once a task is done or cancelled', () => {
    for (const status of ['done', 'cancelled'] as const) {
      expect(availableTaskEvents(viewer('a1'), { ...task, status })).toEqual([])
      expect(decideTask(viewer('a1'), { ...task, status }, 'update')).toEqual({ ok: false, refusal: 'INVALID_STATE' })
      expect(decideTask(viewer('creator'), { ...task, status }, 'cancel')).toEqual({ ok: false, refusal: 'INVALID_STATE' })
    }
  })
})

describe('appendBounded', () => {
  it('keeps the newest entries, oldest first', () => {
    expect(appendBounded([1, 2], 3, 5)).toEqual([1, 2, 3])
    expect(appendBounded([1, 2, 3], 4, 3)).toEqual([2, 3, 4])
  })
})
