import type { TaskDetail, TodoItem } from '../../types/contract'
import type { ActionContext } from '../../cloudfunctions/src/core/context'
import type { PersonDoc } from '../../cloudfunctions/src/repos/people'
import { taskTodos } from '../../cloudfunctions/src/actions/task'
import { cast, openidOf } from '../support/company'
import { useScenario } from '../support/scenario'

const world = useScenario()
const as = world.as

/** A Shanghai wall-clock time; the scenario starts on Friday 2026-11-27 at 10:00. */
const sh = (local: string) => new Date(`${local}+08:00`)
const TODAY = '2026-11-27'

const east = (n: number) => `p-sales-east-${String(n).padStart(2, '0')}`
const south = (n: number) => `p-sales-south-${String(n).padStart(2, '0')}`

const brief = {
  title: '整理华东区重点客户名单',
  details: '按近三个月成交额排序，标注需要回访的客户。',
  assigneeIds: [cast.eastEmployee, cast.eastColleague],
  dueOn: '2026-11-30',
}

async function create(personId: string, extra: Record<string, unknown> = {}): Promise<TaskDetail> {
  const res = await as(personId)('task.create', { ...brief, ...extra })
  if (!res.ok) throw new Error(`task.create refused: ${res.error.code}`)
  return res.data as TaskDetail
}

async function stored(id: string): Promise<Record<string, any>> {
  return (await world.db.collection('tasks').doc(id).get()).data as Record<string, any>
}

async function auditOf(targetId: string): Promise<string[]> {
  const { data } = await world.db.collection('audit_log').where({ targetId }).orderBy('at', 'asc').get()
  return data.map((a) => a.action as string)
}

/** Calls expected to be refused, each leaving the database exactly as it was. */
async function refusedWithoutWriting(call: () => Promise<{ ok: boolean; error?: { code: string } }>, code: string): Promise<void> {
  const before = world.cloud.database.digest()
  const res = await call()
  expect(res).toMatchObject({ ok: false, error: { code } })
  expect(world.cloud.database.digest()).toBe(before)
}

async function todosOf(personId: string): Promise<TodoItem[]> {
  const person = (await world.db.collection('people').doc(personId).get()).data as unknown as PersonDoc
  const ctx: ActionContext = {
    db: world.db,
    now: () => world.now,
    openid: () => openidOf(personId),
    phone: { resolve: async () => null },
    messages: { send: async () => undefined },
    templateIds: {},
    caller: { kind: 'person', openid: openidOf(personId), person },
    action: 'todo.list',
  }
  return taskTodos(ctx)
}

describe('task.create', () => {
  it('hands a task to colleagues of one department, recording who, until when and that it was handed out', async () => {
    const task = await create(cast.eastHead)
    expect(task).toEqual({
      id: expect.stringMatching(/^task-/),
      title: '整理华东区重点客户名单',
      details: '按近三个月成交额排序，标注需要回访的客户。',
      status: 'open',
      progress: 0,
      dueOn: '2026-11-30',
      overdue: false,
      overdueDays: 0,
      creatorId: cast.eastHead,
      creatorName: '王磊',
      assignees: [
        { personId: cast.eastEmployee, name: '李娜', departmentId: 'dept-sales-east', departmentName: '华东销售部', isOwner: false },
        { personId: cast.eastColleague, name: '张伟', departmentId: 'dept-sales-east', departmentName: '华东销售部', isOwner: false },
      ],
      departmentIds: ['dept-sales-east'],
      crossDepartment: false,
      doneAt: null,
      onTime: null,
      cancelledAt: null,
      cancelReason: null,
      history: [
        { at: sh('2026-11-27T10:00:00').toISOString(), actorId: cast.eastHead, actorName: '王磊', kind: 'create', progress: null, note: null, fromDueOn: null, toDueOn: '2026-11-30' },
      ],
      historyCount: 1,
      revision: 0,
      available: ['cancel', 'changeDue'],
      createdAt: sh('2026-11-27T10:00:00').toISOString(),
      updatedAt: sh('2026-11-27T10:00:00').toISOString(),
    })
    const doc = await stored(task.id)
    expect(doc).toMatchObject({ assigneeIds: [cast.eastEmployee, cast.eastColleague], departmentIds: ['dept-sales-east'], creatorId: cast.eastHead, owners: [], status: 'open' })
    expect(await auditOf(task.id)).toEqual(['task.create'])
    // Each assignee is told (or, without a subscription, the attempt is logged); the creator is not.
    const { data: notifications } = await world.db.collection('notifications').where({ recordId: task.id }).orderBy('recipientId', 'asc').get()
    expect(notifications.map((n) => [n.recipientId, n.template, n.kind, n.title])).toEqual([
      [cast.eastEmployee, 'workNotice', 'task', '新任务：整理华东区重点客户名单'],
      [cast.eastColleague, 'workNotice', 'task', '新任务：整理华东区重点客户名单'],
    ])
    expect(await as(cast.eastEmployee)('task.get', { id: task.id })).toMatchObject({ ok: true, data: { available: ['update', 'complete'] } })
  })

  it('lets an employee hand work to someone in another department, due today', async () => {
    const task = await create(cast.eastEmployee, { assigneeIds: [cast.serviceEmployee], dueOn: TODAY, details: undefined })
    expect(task).toMatchObject({
      details: '',
      dueOn: TODAY,
      departmentIds: ['dept-service'],
      assignees: [{ personId: cast.serviceEmployee, name: '韩冰', departmentName: '客户服务部', isOwner: false }],
    })
    expect(await as(cast.serviceEmployee)('task.get', { id: task.id })).toMatchObject({ ok: true, data: { available: ['update', 'complete'] } })
  })

  it('names a lead for each department of a cross-department task', async () => {
    const payload = { assigneeIds: [cast.eastEmployee, cast.eastColleague, south(2)] }
    await refusedWithoutWriting(() => as(cast.eastHead)('task.create', { ...brief, ...payload }), 'TASK_OWNERS_INVALID')
    await refusedWithoutWriting(
      () => as(cast.eastHead)('task.create', { ...brief, ...payload, owners: [{ departmentId: 'dept-sales-east', personId: cast.eastColleague }] }),
      'TASK_OWNERS_INVALID',
    )
    // A lead must be one of that department's own assignees.
    await refusedWithoutWriting(
      () =>
        as(cast.eastHead)('task.create', {
          ...brief,
          ...payload,
          owners: [
            { departmentId: 'dept-sales-east', personId: south(2) },
            { departmentId: 'dept-sales-south', personId: south(2) },
          ],
        }),
      'TASK_OWNERS_INVALID',
    )
    const task = await create(cast.eastHead, {
      ...payload,
      owners: [
        { departmentId: 'dept-sales-south', personId: south(2) },
        { departmentId: 'dept-sales-east', personId: cast.eastColleague },
      ],
    })
    expect(task).toMatchObject({
      crossDepartment: true,
      departmentIds: ['dept-sales-east', 'dept-sales-south'],
      assignees: [
        { personId: cast.eastEmployee, isOwner: false },
        { personId: cast.eastColleague, isOwner: true },
        { personId: south(2), name: '何佳', departmentName: '华南销售部', isOwner: true },
      ],
    })
    expect((await stored(task.id)).owners).toEqual([
      { departmentId: 'dept-sales-east', personId: cast.eastColleague },
      { departmentId: 'dept-sales-south', personId: south(2) },
    ])
  })

  it('refuses, writing nothing, a past due date, people who left or do not exist, and malformed input', async () => {
    await world.db.collection('people').doc(east(9)).update({ data: { status: 'left' } })
    const refusals: Array<[Record<string, unknown>, string]> = [
      [{ dueOn: '2026-11-26' }, 'DUE_DATE_PAST'],
      [{ assigneeIds: [cast.eastEmployee, east(9)] }, 'ASSIGNEE_INVALID'],
      [{ assigneeIds: ['p-nobody'] }, 'ASSIGNEE_INVALID'],
      [{ title: '' }, 'BAD_INPUT'],
      [{ title: '长'.repeat(41) }, 'BAD_INPUT'],
      [{ details: '长'.repeat(1001) }, 'BAD_INPUT'],
      [{ assigneeIds: [] }, 'BAD_INPUT'],
      [{ assigneeIds: [cast.eastEmployee, cast.eastEmployee] }, 'BAD_INPUT'],
      [{ assigneeIds: Array.from({ length: 21 }, (_, i) => `p-x-${i}`) }, 'BAD_INPUT'],
      [{ dueOn: '2026-11-31' }, 'BAD_INPUT'],
      [{ creatorId: cast.admin }, 'BAD_INPUT'],
    ]
    for (const [extra, code] of refusals) await refusedWithoutWriting(() => as(cast.eastEmployee)('task.create', { ...brief, ...extra }), code)
    const badTitle = await as(cast.eastEmployee)('task.create', { ...brief, title: '长'.repeat(41) })
    expect(badTitle).toMatchObject({ ok: false, error: { message: '提交的内容不符合要求（title）：任务标题不能超过40个字' } })
  })
})

describe('progress, completion and cancellation', () => {
  it('starts with the first report, keeps every report with its note, and completes on time', async () => {
    const task = await create(cast.eastHead)
    world.now = sh('2026-11-27T15:00:00')
    const first = await as(cast.eastEmployee)('task.updateProgress', { id: task.id, progress: 30, note: '已导出成交数据' })
    expect(first).toMatchObject({ ok: true, data: { status: 'in_progress', progress: 30, revision: 1, historyCount: 2 } })
    world.now = sh('2026-11-30T09:00:00')
    const second = await as(cast.eastColleague)('task.updateProgress', { id: task.id, progress: 20, note: '  回访名单核对中  ' })
    expect(second).toMatchObject({ ok: true, data: { status: 'in_progress', progress: 20, revision: 2 } })
    world.now = sh('2026-11-30T23:30:00')
    const done = await as(cast.eastColleague)('task.complete', { id: task.id, note: '名单已发群里' })
    if (!done.ok) throw new Error(done.error.code)
    expect(done.data).toMatchObject({
      status: 'done',
      progress: 100,
      doneAt: sh('2026-11-30T23:30:00').toISOString(),
      onTime: true,
      overdue: false,
      revision: 3,
      available: [],
    })
    expect((done.data as TaskDetail).history.map((h) => [h.kind, h.actorName, h.progress, h.note])).toEqual([
      ['create', '王磊', null, null],
      ['progress', '李娜', 30, '已导出成交数据'],
      ['progress', '张伟', 20, '回访名单核对中'],
      ['complete', '张伟', 100, '名单已发群里'],
    ])
    expect(await auditOf(task.id)).toEqual(['task.create', 'task.updateProgress', 'task.updateProgress', 'task.complete'])
    const { data: audits } = await world.db.collection('audit_log').where({ targetId: task.id, action: 'task.complete' }).get()
    expect(audits[0]).toMatchObject({ actorId: cast.eastColleague, before: { status: 'in_progress', progress: 20 }, after: { status: 'done', onTime: true, dueOn: '2026-11-30' } })

    await refusedWithoutWriting(() => as(cast.eastEmployee)('task.updateProgress', { id: task.id, progress: 50, note: '再补充' }), 'INVALID_STATE')
    await refusedWithoutWriting(() => as(cast.eastEmployee)('task.complete', { id: task.id }), 'INVALID_STATE')
    await refusedWithoutWriting(() => as(cast.eastHead)('task.cancel', { id: task.id }), 'INVALID_STATE')
  })

  it('records a completion after the due date (Shanghai) as late, straight from open', async () => {
    const task = await create(cast.eastHead)
    world.now = sh('2026-12-01T00:10:00')
    expect(await as(cast.eastHead)('task.get', { id: task.id })).toMatchObject({ ok: true, data: { overdue: true, overdueDays: 1 } })
    const done = await as(cast.eastEmployee)('task.complete', { id: task.id })
    expect(done).toMatchObject({ ok: true, data: { status: 'done', onTime: false, overdue: false, overdueDays: 0, doneAt: sh('2026-12-01T00:10:00').toISOString() } })
    expect((await stored(task.id)).history.at(-1)).toMatchObject({ kind: 'complete', note: null, progress: 100 })
  })

  it('keeps both of two reports made at the same moment', async () => {
    const task = await create(cast.eastHead)
    const [a, b] = await Promise.all([
      as(cast.eastEmployee)('task.updateProgress', { id: task.id, progress: 40, note: '李娜的进展' }),
      as(cast.eastColleague)('task.updateProgress', { id: task.id, progress: 50, note: '张伟的进展' }),
    ])
    expect(a.ok && b.ok).toBe(true)
    const doc = await stored(task.id)
    expect(doc.revision).toBe(2)
    expect(doc.historyCount).toBe(3)
    expect(doc.history.map((h: { note: string | null }) => h.note).sort()).toEqual([null, '张伟的进展', '李娜的进展'].sort())
    expect(await auditOf(task.id)).toEqual(['task.create', 'task.updateProgress', 'task.updateProgress'])
  })

  it('keeps the latest 50 history entries on the task and counts them all', async () => {
    const task = await create(cast.eastHead, { assigneeIds: [cast.eastEmployee] })
    for (let i = 1; i <= 55; i += 1) {
      const res = await as(cast.eastEmployee)('task.updateProgress', { id: task.id, progress: i, note: `第${i}次` })
      if (!res.ok) throw new Error(res.error.code)
    }
    const res = await as(cast.eastHead)('task.get', { id: task.id })
    if (!res.ok) throw new Error(res.error.code)
    const detail = res.data as TaskDetail
    expect(detail.historyCount).toBe(56)
    expect(detail.history).toHaveLength(50)
    expect(detail.history[0]?.note).toBe('第6次')
    expect(detail.history.at(-1)?.note).toBe('第55次')
    expect(detail.progress).toBe(55)
  })

  it('lets only the creator cancel, and a cancelled task takes nothing more', async () => {
    const task = await create(cast.eastEmployee, { assigneeIds: [cast.eastColleague] })
    await refusedWithoutWriting(() => as(cast.eastColleague)('task.cancel', { id: task.id }), 'FORBIDDEN')
    await refusedWithoutWriting(() => as(cast.eastHead)('task.cancel', { id: task.id }), 'FORBIDDEN')
    await refusedWithoutWriting(() => as(cast.admin)('task.cancel', { id: task.id }), 'FORBIDDEN')
    world.now = sh('2026-11-27T11:00:00')
    const cancelled = await as(cast.eastEmployee)('task.cancel', { id: task.id, reason: '客户已取消需求' })
    expect(cancelled).toMatchObject({
      ok: true,
      data: { status: 'cancelled', cancelledAt: sh('2026-11-27T11:00:00').toISOString(), cancelReason: '客户已取消需求', available: [], history: [{ kind: 'create' }, { kind: 'cancel', note: '客户已取消需求' }] },
    })
    await refusedWithoutWriting(() => as(cast.eastColleague)('task.complete', { id: task.id }), 'INVALID_STATE')
    await refusedWithoutWriting(() => as(cast.eastEmployee)('task.changeDue', { id: task.id, dueOn: '2026-12-05' }), 'INVALID_STATE')
  })

  it('keeps hands off for those who may look, and tells others nothing', async () => {
    const task = await create(cast.eastEmployee, { assigneeIds: [cast.eastColleague] })
    const update = (personId: string) => () => as(personId)('task.updateProgress', { id: task.id, progress: 10, note: '开始' })
    await refusedWithoutWriting(update(cast.eastEmployee), 'FORBIDDEN')
    await refusedWithoutWriting(update(cast.eastHead), 'FORBIDDEN')
    await refusedWithoutWriting(update(cast.admin), 'FORBIDDEN')
    await refusedWithoutWriting(update(cast.southHead), 'OUT_OF_SCOPE')
    await refusedWithoutWriting(update(east(4)), 'NOT_FOUND')
    await refusedWithoutWriting(() => as(cast.eastColleague)('task.updateProgress', { id: 'task-missing', progress: 10, note: '开始' }), 'NOT_FOUND')
    await refusedWithoutWriting(() => as(cast.eastColleague)('task.updateProgress', { id: task.id, progress: 101, note: '开始' }), 'BAD_INPUT')
    await refusedWithoutWriting(() => as(cast.eastColleague)('task.updateProgress', { id: task.id, progress: 10.5, note: '开始' }), 'BAD_INPUT')
    await refusedWithoutWriting(() => as(cast.eastColleague)('task.updateProgress', { id: task.id, progress: 10, note: '  ' }), 'BAD_INPUT')

    expect(await as(cast.eastHead)('task.get', { id: task.id })).toMatchObject({ ok: true, data: { available: [] } })
    expect(await as(cast.admin)('task.get', { id: task.id })).toMatchObject({ ok: true, data: { available: [] } })
    expect(await as(cast.southHead)('task.get', { id: task.id })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
    expect(await as(east(4))('task.get', { id: task.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('lets the creator move the due date to today or later, noting the change', async () => {
    const task = await create(cast.eastHead)
    await refusedWithoutWriting(() => as(cast.eastEmployee)('task.changeDue', { id: task.id, dueOn: '2026-12-04' }), 'FORBIDDEN')
    await refusedWithoutWriting(() => as(cast.eastHead)('task.changeDue', { id: task.id, dueOn: '2026-11-26' }), 'DUE_DATE_PAST')
    // Asking for the date it already has changes nothing.
    await (async () => {
      const before = world.cloud.database.digest()
      expect(await as(cast.eastHead)('task.changeDue', { id: task.id, dueOn: '2026-11-30' })).toMatchObject({ ok: true, data: { revision: 0 } })
      expect(world.cloud.database.digest()).toBe(before)
    })()
    world.now = sh('2026-12-02T09:00:00')
    expect(await as(cast.eastHead)('task.get', { id: task.id })).toMatchObject({ ok: true, data: { overdue: true, overdueDays: 2 } })
    const moved = await as(cast.eastHead)('task.changeDue', { id: task.id, dueOn: '2026-12-04' })
    expect(moved).toMatchObject({ ok: true, data: { dueOn: '2026-12-04', overdue: false, overdueDays: 0, status: 'open', revision: 1 } })
    if (!moved.ok) return
    expect((moved.data as TaskDetail).history.at(-1)).toEqual({
      at: sh('2026-12-02T09:00:00').toISOString(),
      actorId: cast.eastHead,
      actorName: '王磊',
      kind: 'due',
      progress: null,
      note: null,
      fromDueOn: '2026-11-30',
      toDueOn: '2026-12-04',
    })
  })
})

describe('task.list', () => {
  async function ids(personId: string, payload: Record<string, unknown>): Promise<string[]> {
    const res = await as(personId)('task.list', payload)
    if (!res.ok) throw new Error(res.error.code)
    return (res.data.items as Array<{ title: string }>).map((t) => t.title)
  }

  async function seedTasks(): Promise<Record<string, TaskDetail>> {
    // A minute apart, so tasks due the same day come in the order they were handed out.
    let minute = 0
    const tick = () => {
      minute += 1
      world.now = new Date(sh('2026-11-27T10:00:00').getTime() + minute * 60_000)
    }
    tick()
    const late = await create(cast.eastHead, { title: '逾期的名单', assigneeIds: [cast.eastEmployee], dueOn: TODAY })
    tick()
    const soon = await create(cast.eastHead, { title: '明天的回访', assigneeIds: [cast.eastEmployee, cast.eastColleague], dueOn: '2026-11-28' })
    tick()
    const later = await create(cast.eastEmployee, { title: '下周的报价', assigneeIds: [cast.eastColleague], dueOn: '2026-12-04' })
    tick()
    const service = await create(cast.eastEmployee, { title: '客服协助核对', assigneeIds: [cast.serviceEmployee], dueOn: '2026-11-28' })
    tick()
    const southOnly = await create(cast.southHead, { title: '华南自己的事', assigneeIds: [south(2)], dueOn: '2026-11-28' })
    tick()
    const finished = await create(cast.eastHead, { title: '已完成的清单', assigneeIds: [cast.eastEmployee], dueOn: '2026-11-30' })
    await as(cast.eastEmployee)('task.complete', { id: finished.id })
    tick()
    const dropped = await create(cast.eastHead, { title: '取消的安排', assigneeIds: [cast.eastEmployee], dueOn: '2026-11-30' })
    await as(cast.eastHead)('task.cancel', { id: dropped.id })
    return { late, soon, later, service, southOnly, finished, dropped }
  }

  it('lists what is assigned to me and what I created, unfinished first by due date, with the overdue count', async () => {
    await seedTasks()
    world.now = sh('2026-11-29T10:00:00')
    const mine = await as(cast.eastEmployee)('task.list', { scope: 'assigned' })
    expect(mine).toMatchObject({
      ok: true,
      data: {
        total: 2,
        overdueCount: 2,
        items: [
          { title: '逾期的名单', overdue: true, overdueDays: 2 },
          { title: '明天的回访', overdue: true, overdueDays: 1 },
        ],
      },
    })
    expect(await ids(cast.eastEmployee, { scope: 'assigned', filter: 'done' })).toEqual(['已完成的清单'])
    expect(await ids(cast.eastEmployee, { scope: 'assigned', filter: 'cancelled' })).toEqual(['取消的安排'])
    expect((await ids(cast.eastEmployee, { scope: 'assigned', filter: 'all' })).sort()).toEqual(['逾期的名单', '明天的回访', '已完成的清单', '取消的安排'].sort())
    expect(await ids(cast.eastEmployee, { scope: 'created' })).toEqual(['客服协助核对', '下周的报价'])
    expect(await ids(cast.eastEmployee, { scope: 'created', filter: 'overdue' })).toEqual(['客服协助核对'])
    expect(await ids(cast.eastEmployee, { scope: 'assigned', keyword: '回访' })).toEqual(['明天的回访'])
    // The keyword is text, not a pattern.
    expect(await ids(cast.eastEmployee, { scope: 'assigned', keyword: '.*' })).toEqual([])
  })

  it('gives heads the tasks involving their department, and admins any department or all', async () => {
    await seedTasks()
    world.now = sh('2026-11-28T10:00:00')
    expect(await ids(cast.eastHead, { scope: 'department' })).toEqual(['逾期的名单', '明天的回访', '下周的报价'])
    expect(await ids(cast.eastHead, { scope: 'department', filter: 'overdue' })).toEqual(['逾期的名单'])
    expect(await ids(cast.eastHead, { scope: 'department', departmentId: 'dept-sales-east' })).toHaveLength(3)
    expect(await ids('p-service-01', { scope: 'department' })).toEqual(['客服协助核对'])
    expect(await ids(cast.southHead, { scope: 'department' })).toEqual(['华南自己的事'])
    expect(await ids(cast.admin, { scope: 'department', departmentId: 'dept-service' })).toEqual(['客服协助核对'])
    expect(await ids(cast.admin, { scope: 'department' })).toEqual([])
    expect(await ids(cast.admin, { scope: 'all' })).toEqual(['逾期的名单', '明天的回访', '客服协助核对', '华南自己的事', '下周的报价'])
    expect(await ids(cast.admin, { scope: 'all', filter: 'all' })).toHaveLength(7)
    expect(await as(cast.admin)('task.list', { scope: 'all', filter: 'overdue' })).toMatchObject({ ok: true, data: { total: 1, overdueCount: 1 } })

    expect(await as(cast.southHead)('task.list', { scope: 'department', departmentId: 'dept-sales-east' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
    expect(await as(cast.eastEmployee)('task.list', { scope: 'department' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.eastHead)('task.list', { scope: 'all' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('pages through a long list', async () => {
    for (let i = 1; i <= 5; i += 1) await create(cast.eastHead, { title: `任务${i}`, assigneeIds: [cast.eastEmployee], dueOn: `2026-12-0${i}` })
    const first = await as(cast.eastEmployee)('task.list', { scope: 'assigned', page: 1, pageSize: 2 })
    const third = await as(cast.eastEmployee)('task.list', { scope: 'assigned', page: 3, pageSize: 2 })
    expect(first).toMatchObject({ ok: true, data: { total: 5, page: 1, pageSize: 2, items: [{ title: '任务1' }, { title: '任务2' }] } })
    expect(third).toMatchObject({ ok: true, data: { total: 5, page: 3, items: [{ title: '任务5' }] } })
  })
})

describe('task.listAssignable', () => {
  it('offers everyone in service in every department, by name and department only', async () => {
    await world.db.collection('people').doc(east(9)).update({ data: { status: 'left' } })
    const res = await as(cast.eastEmployee)('task.listAssignable', { pageSize: 100 })
    if (!res.ok) throw new Error(res.error.code)
    expect(res.data.total).toBe(32)
    expect(res.data.items.map((p: { id: string }) => p.id)).not.toContain(east(9))
    expect(res.data.items.find((p: { id: string }) => p.id === cast.serviceEmployee)).toEqual({ id: cast.serviceEmployee, name: '韩冰', departmentId: 'dept-service', departmentName: '客户服务部' })
    expect(await as(cast.eastEmployee)('task.listAssignable', { keyword: '何' })).toMatchObject({ ok: true, data: { total: 1, items: [{ id: south(2), name: '何佳' }] } })
    expect(await as(cast.eastEmployee)('task.listAssignable', { departmentId: 'dept-admin' })).toMatchObject({ ok: true, data: { total: 3 } })
  })
})

describe('taskTodos', () => {
  it('lists my unfinished tasks due by tomorrow or late, and a head’s department’s late ones once', async () => {
    const late = await create(cast.eastHead, { title: '逾期的名单', assigneeIds: [cast.eastEmployee, cast.eastHead], dueOn: TODAY })
    const tomorrow = await create(cast.southHead, { title: '协助华南', assigneeIds: [cast.eastEmployee, south(2)], owners: [{ departmentId: 'dept-sales-east', personId: cast.eastEmployee }, { departmentId: 'dept-sales-south', personId: south(2) }], dueOn: '2026-11-28' })
    await create(cast.eastHead, { title: '下周的报价', assigneeIds: [cast.eastEmployee], dueOn: '2026-12-04' })
    const colleagueLate = await create(cast.eastHead, { title: '张伟的回访', assigneeIds: [cast.eastColleague], dueOn: TODAY })
    const finished = await create(cast.eastHead, { title: '做完的', assigneeIds: [cast.eastColleague], dueOn: TODAY })
    await as(cast.eastColleague)('task.complete', { id: finished.id })
    world.now = sh('2026-11-28T09:00:00')

    expect(await todosOf(cast.eastEmployee)).toEqual([
      { kind: 'task', id: late.id, title: '任务：逾期的名单（已逾期1天）', subtitle: '王磊分派 · 截止 2026-11-27', statusLabel: '已逾期', since: late.updatedAt },
      { kind: 'task', id: tomorrow.id, title: '任务：协助华南（今天到期）', subtitle: '林涛分派 · 截止 2026-11-28', statusLabel: '即将到期', since: tomorrow.updatedAt },
    ])
    expect(await todosOf(cast.eastHead)).toEqual([
      { kind: 'task', id: late.id, title: '任务：逾期的名单（已逾期1天）', subtitle: '王磊分派 · 截止 2026-11-27', statusLabel: '已逾期', since: late.updatedAt },
      { kind: 'task', id: colleagueLate.id, title: '任务：张伟的回访（已逾期1天）', subtitle: '本部门执行人：张伟 · 截止 2026-11-27', statusLabel: '已逾期', since: colleagueLate.updatedAt },
    ])
    expect(await todosOf(cast.southHead)).toEqual([])
    world.now = sh('2026-11-29T09:00:00')
    expect((await todosOf(cast.southHead)).map((t) => t.title)).toEqual(['任务：协助华南（已逾期1天）'])
  })
})
