import { cast } from '../../support/company'
import { must, OK, type MatrixWorld, type Row } from './matrix'

export function archiveRows(world: MatrixWorld): Row[] {
  const fields = {
    category: 'contract',
    title: '华飞科技年度框架合同',
    location: 'cloud',
    locationNote: '公司网盘/华东销售部/合同/2026',
    backedUpOn: world.today,
    customerName: '上海华飞科技',
  }
  /** A record the employee of 华东销售部 registered. */
  const record = async (): Promise<string> => (await must<{ id: string }>(world.as(cast.eastEmployee)('archive.create', fields))).id
  const confirm = { classified: true, cleaned: true, backedUp: true }
  const eastOnly = { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK }

  return [
    { action: 'archive.create', setup: async () => null, payload: () => fields, expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
    { action: 'archive.get', setup: record, payload: (id) => ({ id }), expect: { employee: OK, ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
    // Only the owner rewrites what they registered.
    { action: 'archive.update', setup: record, payload: (id) => ({ ...fields, id, revision: 0, title: '框架合同（补充协议）' }), expect: { employee: OK, ownHead: 'FORBIDDEN', otherHead: 'OUT_OF_SCOPE', admin: 'FORBIDDEN' } },
    { action: 'archive.delete', setup: record, payload: (id) => ({ id }), expect: { employee: OK, ownHead: 'FORBIDDEN', otherHead: 'OUT_OF_SCOPE', admin: OK } },
    { action: 'archive.list', setup: record, payload: () => ({ scope: 'department', departmentId: 'dept-sales-east' }), expect: eastOnly },
    { action: 'archive.getMonthly', setup: async () => null, payload: () => ({}), expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
    { action: 'archive.confirmMonthly', setup: async () => null, payload: () => confirm, expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
    { action: 'archive.coverage', setup: record, payload: () => ({ departmentId: 'dept-sales-east' }), expect: eastOnly },
    { action: 'archive.listConfirmations', setup: async () => (await must(world.as(cast.eastEmployee)('archive.confirmMonthly', confirm)), null), payload: () => ({ departmentId: 'dept-sales-east' }), expect: eastOnly },
    { action: 'archive.updateSettings', setup: async () => null, payload: () => ({ confirmDueDay: 20 }), expect: { employee: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: OK } },
  ]
}
