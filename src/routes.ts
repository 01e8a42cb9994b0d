/** Page paths as Taro navigation wants them (leading slash, no extension). */
export const routes = {
  workbench: '/pages/workbench/index',
  approvals: '/pages/approvals/index',
  admin: '/pages/admin/index',
  me: '/pages/me/index',
  departments: '/packages/admin/departments/index',
  people: '/packages/admin/people/index',
  rosterImport: '/packages/admin/import/index',
  apply: '/packages/account/apply/index',
  application: '/packages/account/application/index',
  myApplications: '/packages/account/mine/index',
  accounts: '/packages/account/accounts/index',
} as const

export function peopleOfDepartment(departmentId: string): string {
  return `${routes.people}?departmentId=${encodeURIComponent(departmentId)}`
}

export function applicationDetail(id: string): string {
  return `${routes.application}?id=${encodeURIComponent(id)}`
}
