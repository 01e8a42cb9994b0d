/** The admin subpackage's audit trail screen. */
export const auditPaths = {
  log: '/packages/admin/audit/index',
} as const

/** The audit trail opened on one record's entries; the page reads `targetId` back. */
export function auditOfRecord(targetId: string): string {
  return `${auditPaths.log}?targetId=${encodeURIComponent(targetId)}`
}
