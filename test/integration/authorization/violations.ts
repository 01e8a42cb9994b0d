import { cast } from '../../support/company'
import { must, OK, type MatrixWorld, type Row } from './matrix'

/**
 * The record is a violation the employee's head recorded against them (appealed, where the
 * row is about deciding): the employee may appeal it, their head sees it, the other head
 * does not, and only an admin decides an appeal.
 */
export function violationRows(world: MatrixWorld): Row[] {
  const brief = {
    personId: cast.eastEmployee,
    occurredOn: world.today,
    versionId: 'policy-v1',
    sectionKey: 'communication-messages',
    category: 'communication',
    severity: 'minor',
    penalty: '口头警告',
    description: '客户消息超过一个工作日未回复',
  }
  const violation = async (): Promise<string> => {
    const { id } = await must<{ id: string }>(world.as(cast.eastHead)('violation.record', brief))
    return id
  }
  const appealed = async (): Promise<string> => {
    const id = await violation()
    await must(world.as(cast.eastEmployee)('violation.appeal', { id, reason: '已安排同事代为回复' }))
    return id
  }
  return [
    { action: 'violation.record', setup: async () => null, payload: () => brief, expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
    { action: 'violation.clauses', setup: async () => null, payload: () => ({}), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: OK, admin: OK } },
    { action: 'violation.get', setup: violation, payload: (id) => ({ id }), expect: { employee: OK, ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
    { action: 'violation.appeal', setup: violation, payload: (id) => ({ id, reason: '当天在外培训' }), expect: { employee: OK, ownHead: 'FORBIDDEN', otherHead: 'OUT_OF_SCOPE', admin: 'FORBIDDEN' } },
    { action: 'violation.decide', setup: appealed, payload: (id) => ({ id, outcome: 'overturned', comment: '核实后不属违规' }), expect: { employee: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: OK } },
    { action: 'violation.list', setup: violation, payload: () => ({ scope: 'department', departmentId: 'dept-sales-east' }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
    { action: 'violation.list', setup: appealed, payload: () => ({ scope: 'appeals' }), expect: { employee: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: OK } },
  ]
}
