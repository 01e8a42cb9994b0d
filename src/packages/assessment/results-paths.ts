/** The assessment result screens: one's own month, a department's table, and the admin's run & publish. */
export const assessmentResultPaths = {
  mine: '/packages/assessment/mine/index',
  team: '/packages/assessment/team/index',
  admin: '/packages/assessment/admin/index',
} as const

/** A person's month as heads and admins open it; the mine page reads the same id back. */
export function resultPageUrl(month: string, personId?: string): string {
  return `${assessmentResultPaths.mine}?id=${personId ? `result-${month}-${personId}` : month}`
}
