import type { TaskAssignee, TaskCandidate, TaskDetail, TaskHistoryEntry, TaskSummary } from '@contract'

/** Handed out on Monday 2026-03-02 at 10:00 in Shanghai, due that Friday. */
export const CREATED_AT = '2026-03-02T02:00:00.000Z'

export function assignee(overrides: Partial<TaskAssignee> = {}): TaskAssignee {
  return { personId: 'p-zhang', name: '张三', departmentId: 'd-sales', departmentName: '销售部', isOwner: false, ...overrides }
}

export function historyEntry(overrides: Partial<TaskHistoryEntry> = {}): TaskHistoryEntry {
  return { at: CREATED_AT, actorId: 'p-li', actorName: '李四', kind: 'create', progress: null, note: null, fromDueOn: null, toDueOn: '2026-03-06', ...overrides }
}

export function taskSummary(overrides: Partial<TaskSummary> = {}): TaskSummary {
  return {
    id: 't-1',
    title: '整理重点客户名单',
    status: 'open',
    progress: 0,
    dueOn: '2026-03-06',
    overdue: false,
    overdueDays: 0,
    creatorId: 'p-li',
    creatorName: '李四',
    assignees: [assignee()],
    departmentIds: ['d-sales'],
    doneAt: null,
    onTime: null,
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  }
}

/** As an assignee sees a task nobody has reported on yet. */
export function taskDetail(overrides: Partial<TaskDetail> = {}): TaskDetail {
  return {
    ...taskSummary(),
    details: '按近三个月成交额排序，标注需要回访的客户。',
    crossDepartment: false,
    history: [historyEntry()],
    historyCount: 1,
    cancelledAt: null,
    cancelReason: null,
    revision: 0,
    available: ['update', 'complete'],
    ...overrides,
  }
}

export function candidate(overrides: Partial<TaskCandidate> = {}): TaskCandidate {
  return { id: 'p-zhang', name: '张三', departmentId: 'd-sales', departmentName: '销售部', ...overrides }
}

export function taskPage<T>(items: T[], extra: { total?: number; page?: number; pageSize?: number; overdueCount?: number } = {}) {
  return { items, total: extra.total ?? items.length, page: extra.page ?? 1, pageSize: extra.pageSize ?? 20, overdueCount: extra.overdueCount ?? 0 }
}
