import type { ArchiveCoverage, ArchiveDetail, ArchiveRecord, ConfirmationRow, DepartmentCoverage, MonthlyConfirmation, MonthlyOverview } from '@contract'

/** 张三's contract backup in 销售部, as its owner sees it. */
export function archiveRecord(overrides: Partial<ArchiveRecord> = {}): ArchiveRecord {
  return {
    id: 'ar-1',
    ownerId: 'p-zhang',
    ownerName: '张三',
    departmentId: 'd-sales',
    departmentName: '销售部',
    category: 'contract',
    title: '华飞科技年度框架合同',
    description: '盖章页与补充协议扫描件',
    location: 'cloud',
    locationNote: '公司网盘/销售部/合同/2026',
    backedUpOn: '2026-03-01',
    customerName: '上海华飞科技',
    createdAt: '2026-03-02T02:00:00.000Z',
    updatedAt: '2026-03-02T02:00:00.000Z',
    revision: 0,
    ...overrides,
  }
}

export function archiveDetail(overrides: Partial<ArchiveDetail> = {}): ArchiveDetail {
  return { ...archiveRecord(), canEdit: true, canDelete: true, ...overrides }
}

export function monthlyConfirmation(overrides: Partial<MonthlyConfirmation> = {}): MonthlyConfirmation {
  return {
    id: 'archive-p-zhang-2026-03',
    personId: 'p-zhang',
    month: '2026-03',
    classified: true,
    cleaned: true,
    backedUp: true,
    complete: true,
    note: null,
    confirmedAt: '2026-03-20T02:00:00.000Z',
    updatedAt: '2026-03-20T02:00:00.000Z',
    onTime: true,
    ...overrides,
  }
}

export function monthlyOverview(overrides: Partial<MonthlyOverview> = {}): MonthlyOverview {
  return {
    month: '2026-03',
    dueOn: '2026-03-25',
    dueDay: 25,
    overdue: false,
    confirmation: null,
    recordsThisMonth: 2,
    lastBackedUpOn: '2026-03-01',
    ...overrides,
  }
}

export function departmentCoverage(overrides: Partial<DepartmentCoverage> = {}): DepartmentCoverage {
  return { departmentId: 'd-sales', departmentName: '销售部', staffCount: 9, confirmedCount: 6, incompleteCount: 1, recordsAdded: 14, dormantCount: 2, ...overrides }
}

export function archiveCoverage(overrides: Partial<ArchiveCoverage> = {}): ArchiveCoverage {
  const departments = overrides.departments ?? [departmentCoverage()]
  const sum = (key: 'staffCount' | 'confirmedCount' | 'incompleteCount' | 'recordsAdded' | 'dormantCount') => departments.reduce((n, d) => n + d[key], 0)
  return {
    month: '2026-03',
    dueOn: '2026-03-25',
    dueDay: 25,
    windowStart: '2026-01-01',
    departments,
    total: {
      staffCount: sum('staffCount'),
      confirmedCount: sum('confirmedCount'),
      incompleteCount: sum('incompleteCount'),
      recordsAdded: sum('recordsAdded'),
      dormantCount: sum('dormantCount'),
    },
    ...overrides,
  }
}

export function confirmationRow(overrides: Partial<ConfirmationRow> = {}): ConfirmationRow {
  return {
    personId: 'p-zhao',
    personName: '赵六',
    departmentId: 'd-sales',
    departmentName: '销售部',
    confirmed: false,
    complete: null,
    confirmedAt: null,
    onTime: null,
    dormant: false,
    lastBackedUpOn: '2026-02-10',
    ...overrides,
  }
}
