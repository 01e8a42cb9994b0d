import { must, OK, people, type MatrixWorld, type Row } from './matrix'

/**
 * Customer files: the owner writes, their head and admins read, a head of another department
 * is out of scope. (Colleagues, who are not in the matrix, are told the file does not exist.)
 */
export function customerRows(world: MatrixWorld): Row[] {
  const customer = async (): Promise<string> => {
    const { id } = await must<{ id: string }>(
      world.as(people.employee)('customer.create', { name: '周建国', company: '杭州远望贸易', phone: '13800000001', source: 'self_added', tags: ['重点客户'], consent: true }),
    )
    return id
  }
  const followUp = async (): Promise<string> => {
    const id = await customer()
    const detail = await must<{ openFollowUps: Array<{ id: string }> }>(world.as(people.employee)('customer.planFollowUp', { customerId: id, dueOn: world.today, what: '电话确认报价' }))
    return detail.openFollowUps[0]!.id
  }
  const ownerOnly = { employee: OK, ownHead: 'FORBIDDEN', otherHead: 'OUT_OF_SCOPE', admin: 'FORBIDDEN' }
  const managers = { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK }
  return [
    {
      action: 'customer.create',
      setup: async () => null,
      payload: () => ({ name: '吴晓', source: 'customer_added', tags: [], consent: true }),
      expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK },
    },
    {
      action: 'customer.update',
      setup: customer,
      payload: (id) => ({ customerId: id, name: '周建国', source: 'referral', tags: ['老客户'] }),
      expect: ownerOnly,
    },
    { action: 'customer.get', setup: customer, payload: (id) => ({ customerId: id }), expect: { employee: OK, ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
    { action: 'customer.list', setup: customer, payload: () => ({ scope: 'managed', departmentId: 'dept-sales-east' }), expect: managers },
    {
      action: 'customer.logContact',
      setup: customer,
      payload: (id) => ({ customerId: id, on: world.today, channel: 'wechat', summary: '发送产品目录' }),
      expect: ownerOnly,
    },
    { action: 'customer.planFollowUp', setup: customer, payload: (id) => ({ customerId: id, dueOn: world.today, what: '发报价' }), expect: ownerOnly },
    { action: 'customer.closeFollowUp', setup: followUp, payload: (id) => ({ followUpId: id, outcome: 'done' }), expect: ownerOnly },
    {
      action: 'customer.addFeedback',
      setup: customer,
      payload: (id) => ({ customerId: id, on: world.today, satisfaction: 2, complaint: true, content: '送货晚了两天' }),
      expect: ownerOnly,
    },
    { action: 'customer.listFollowUps', setup: followUp, payload: () => ({ scope: 'managed', window: 'due', departmentId: 'dept-sales-east' }), expect: managers },
    { action: 'customer.getSelfIntroduction', setup: async () => null, payload: () => ({}), expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
    {
      action: 'customer.updateSelfIntroduction',
      setup: async () => null,
      payload: () => ({ template: '您好，我是示例科技{部门}的{姓名}，想添加您为好友以便沟通。' }),
      expect: { employee: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: OK },
    },
  ]
}
