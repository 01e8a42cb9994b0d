import { cast } from '../../support/company'
import { must, OK, type MatrixWorld, type Row } from './matrix'

const TEXT = '新款智能门锁本周到店，支持指纹和密码开锁，欢迎预约体验。'

export function marketingRows(world: MatrixWorld): Row[] {
  const { as } = world

  async function item(stage: 'pending' | 'approved'): Promise<string> {
    const { id } = await must<{ id: string }>(as(cast.eastEmployee)('marketing.submit', { title: '智能门锁新品推广', text: TEXT }))
    if (stage === 'approved') await must(as(cast.eastHead)('marketing.review', { id, decision: 'approve' }))
    return id
  }

  async function group(): Promise<string> {
    const { id } = await must<{ id: string }>(as(cast.eastEmployee)('group.create', { name: '华东门锁老客户群', purpose: '老客户售后与新品通知', memberCount: 40 }))
    return id
  }

  const everyone = { employee: OK, ownHead: OK, otherHead: OK, admin: OK }
  const ownerHeadAdmin = { employee: OK, ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK }
  const adminOnly = { employee: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: OK }

  return [
    { action: 'marketing.submit', setup: async () => null, payload: () => ({ title: '年终促销海报', text: TEXT }), expect: everyone },
    { action: 'marketing.get', setup: () => item('pending'), payload: (id) => ({ id }), expect: ownerHeadAdmin },
    // Approved material is the shared library.
    { action: 'marketing.get', setup: () => item('approved'), payload: (id) => ({ id }), expect: everyone },
    { action: 'marketing.withdraw', setup: () => item('pending'), payload: (id) => ({ id }), expect: { employee: OK, ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: 'FORBIDDEN' } },
    { action: 'marketing.review', setup: () => item('pending'), payload: (id) => ({ id, decision: 'approve' }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
    { action: 'marketing.list', setup: () => item('pending'), payload: () => ({ scope: 'review' }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: OK, admin: OK } },
    { action: 'marketing.recordPush', setup: () => item('approved'), payload: (id) => ({ itemId: id, customers: ['王总'] }), expect: everyone },
    { action: 'marketing.recordPush', setup: () => item('pending'), payload: (id) => ({ itemId: id, customers: ['王总'] }), expect: { employee: 'MARKETING_NOT_APPROVED', ownHead: 'MARKETING_NOT_APPROVED', otherHead: 'OUT_OF_SCOPE', admin: 'MARKETING_NOT_APPROVED' } },
    { action: 'marketing.listPushes', setup: () => item('approved'), payload: (id) => ({ itemId: id }), expect: everyone },
    { action: 'marketing.getTerms', setup: async () => null, payload: () => ({}), expect: everyone },
    { action: 'marketing.updateTerms', setup: async () => null, payload: () => ({ absolute: ['国家级'], promise: ['稳赚'], exceptions: [] }), expect: adminOnly },
    { action: 'group.create', setup: async () => null, payload: () => ({ name: '新品体验群', memberCount: 12 }), expect: everyone },
    { action: 'group.get', setup: group, payload: (id) => ({ id }), expect: ownerHeadAdmin },
    { action: 'group.update', setup: group, payload: (id) => ({ id, memberCount: 45 }), expect: ownerHeadAdmin },
    { action: 'group.review', setup: group, payload: (id) => ({ id, stillNeeded: true, membersRelevant: true }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
    { action: 'group.dissolve', setup: group, payload: (id) => ({ id }), expect: ownerHeadAdmin },
    { action: 'group.list', setup: group, payload: () => ({ scope: 'department', departmentId: 'dept-sales-east' }), expect: { employee: 'FORBIDDEN', ownHead: OK, otherHead: 'OUT_OF_SCOPE', admin: OK } },
  ]
}
