import type { Row } from './matrix'
import { OK } from './matrix'

/** The dashboard of the record's department: its head and admins; another head is out of scope. */
export function dashboardRows(): Row[] {
  return [
    {
      action: 'dashboard.get',
      setup: async () => null,
      payload: () => ({ month: '2026-11', departmentId: 'dept-sales-east' }),
      expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK },
    },
  ]
}
