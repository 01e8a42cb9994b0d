import { recordPage } from '@contract/pages'

/** Page paths as Taro navigation wants them (leading slash, no extension). */
export const routes = {
  workbench: '/pages/workbench/index',
  approvals: '/pages/approvals/index',
  admin: '/pages/admin/index',
  dashboard: '/packages/dashboard/index',
  me: '/pages/me/index',
  departments: '/packages/admin/departments/index',
  people: '/packages/admin/people/index',
  rosterImport: '/packages/admin/import/index',
  apply: '/packages/account/apply/index',
  application: '/packages/account/application/index',
  myApplications: '/packages/account/mine/index',
  accounts: '/packages/account/accounts/index',
  anomalyReport: '/packages/account/anomaly-report/index',
  anomalies: '/packages/account/anomalies/index',
  delegationRequest: '/packages/account/delegation-request/index',
  delegations: '/packages/account/delegations/index',
  handoverStart: '/packages/account/handover-start/index',
  handovers: '/packages/account/handovers/index',
  selfCheck: recordPage('selfcheck', ''),
  selfChecks: '/packages/account/self-checks/index',
  securitySettings: '/packages/account/security-settings/index',
  workingTime: '/packages/admin/working-time/index',
  retention: '/packages/admin/retention/index',
  policyRead: recordPage('policy', ''),
  policyVersions: '/packages/policy/versions/index',
  policyVersion: '/packages/policy/version/index',
  policyEditor: '/packages/policy/editor/index',
  policyProgress: '/packages/policy/progress/index',
  noticeCompose: '/packages/notice/compose/index',
  notices: '/packages/notice/inbox/index',
  sentNotices: '/packages/notice/sent/index',
} as const

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const pairs = Object.entries(query).filter((pair): pair is [string, string] => Boolean(pair[1]))
  return pairs.length === 0 ? path : `${path}?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`
}

export function peopleOfDepartment(departmentId: string): string {
  return `${routes.people}?departmentId=${encodeURIComponent(departmentId)}`
}

/** Record screens live where the contract says, the same pages subscribe messages open. */
export function applicationDetail(id: string): string {
  return recordPage('application', id)
}

export function anomalyDetail(id: string): string {
  return recordPage('anomaly', id)
}

export function delegationDetail(id: string): string {
  return recordPage('delegation', id)
}

export function handoverDetail(id: string): string {
  return recordPage('handover', id)
}

export function anomalyList(scope: 'mine' | 'handling'): string {
  return withQuery(routes.anomalies, { scope })
}

export function delegationList(scope: 'mine' | 'pending' | 'all'): string {
  return withQuery(routes.delegations, { scope })
}

export function handoverList(scope: 'mine' | 'handling'): string {
  return withQuery(routes.handovers, { scope })
}

/** The account travels with its WeChat ID so the form can name it without another round trip. */
export function delegationRequest(accountId: string, wechatId: string): string {
  return withQuery(routes.delegationRequest, { accountId, wechatId })
}

export function handoverStart(accountId: string, wechatId: string): string {
  return withQuery(routes.handoverStart, { accountId, wechatId })
}

export function noticeDetail(id: string): string {
  return recordPage('notice', id)
}

export function policyVersionDetail(versionId: string): string {
  return withQuery(routes.policyVersion, { id: versionId })
}

// Each work-record subpackage keeps its own page paths; the tabs reach them through here.
export { customerList, customerPaths, followUpList } from './packages/customer/paths'
export { taskListPage, taskPages } from './packages/task/paths'
export { archiveList, archivePaths } from './packages/archive/paths'
export { groupList, marketingPaths } from './packages/marketing/paths'
export { violationListPage, violationPages } from './packages/supervision/violation-paths'
export { spotCheckPages, spotCheckRoundsPage } from './packages/supervision/spot-check-paths'
export { assessmentRulesPaths } from './packages/assessment/rules-paths'
export { assessmentResultPaths } from './packages/assessment/results-paths'
export { auditOfRecord, auditPaths } from './packages/admin/paths'
