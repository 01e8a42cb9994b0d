import type { Row } from './matrix'
import { OK } from './matrix'

const east = 'dept-sales-east'

/** Lists behind the dashboard's figures, narrowed to the record's department: heads their own, admins any. */
export function drillListRows(): Row[] {
  const row = (action: string, payload: Record<string, unknown>, expect: Row['expect']): Row => ({ action, setup: async () => null, payload: () => payload, expect })
  return [
    row('notice.listOverdueReceipts', { month: '2026-11', departmentId: east }, { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK }),
    row('account.listApplications', { scope: 'department', status: 'open', departmentId: east }, { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK }),
    // Employees handle nothing: their handling list is empty, but they may name their own department.
    row('anomaly.list', { scope: 'handling', status: 'unresolved', type: 'stolen', departmentId: east }, { employee: OK, ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK }),
    row('handover.list', { scope: 'handling', status: 'unfinished', departmentId: east }, { employee: OK, ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK }),
    row('delegation.list', { scope: 'all', status: 'pending', departmentId: east }, { employee: OK, ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK }),
    row('assessment.listAppeals', { departmentId: east }, { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK }),
  ]
}
