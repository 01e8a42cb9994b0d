import type { PersonSummary } from '@contract'

/** Roster entries as the backend returns them (contacts already masked). */
export function person(overrides: Partial<PersonSummary> = {}): PersonSummary {
  return {
    id: 'p-zhang',
    name: '张三',
    mobileMasked: '138****0001',
    emailMasked: 'z***@example.com',
    departmentId: 'd-sales',
    departmentName: '销售部',
    role: 'employee',
    status: 'active',
    bound: true,
    ...overrides,
  }
}

export const admin = person({ id: 'p-wang', name: '王五', role: 'admin', departmentId: 'd-admin', departmentName: '行政部' })
export const head = person({ id: 'p-li', name: '李四', role: 'head' })
export const employee = person()
