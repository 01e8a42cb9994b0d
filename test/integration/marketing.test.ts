import type { MarketingDetail } from '../../types/contract'
import { marketingTodos } from '../../cloudfunctions/src/actions/marketing'
import type { ActionContext } from '../../cloudfunctions/src/core/context'
import type { PersonDoc } from '../../cloudfunctions/src/repos/people'
import { cast } from '../support/company'
import { useScenario } from '../support/scenario'

const world = useScenario()
const as = world.as

const FLAGGED_TEXT = '新款智能门锁采用国家级安全标准，是您家门的最佳守护者！原价1999元，现价999元，保证三年不坏。最近到店还有礼品。'
const CLEAN_TEXT = '新款智能门锁本周到店，支持指纹和密码开锁，欢迎预约体验。'
const IMAGE = 'cloud://local.bucket/marketing/202611/1-abc.png'

async function submit(personId: string = cast.eastEmployee, extra: Record<string, unknown> = {}): Promise<MarketingDetail> {
  const res = await as(personId)('marketing.submit', { title: '智能门锁新品推广', text: FLAGGED_TEXT, images: [IMAGE], ...extra })
  if (!res.ok) throw new Error(`marketing.submit refused: ${res.error.code}`)
  return res.data as MarketingDetail
}

async function approved(personId: string = cast.eastEmployee, extra: Record<string, unknown> = {}): Promise<MarketingDetail> {
  const item = await submit(personId, { text: CLEAN_TEXT, ...extra })
  const res = await as(personId === cast.eastHead ? cast.admin : cast.eastHead)('marketing.review', { id: item.id, decision: 'approve' })
  if (!res.ok) throw new Error(`marketing.review refused: ${res.error.code}`)
  return res.data as MarketingDetail
}

async function group(personId: string, memberCount: number): Promise<string> {
  const res = await as(personId)('group.create', { name: '华东门锁老客户群', purpose: '老客户售后与新品通知', memberCount })
  if (!res.ok) throw new Error(`group.create refused: ${res.error.code}`)
  return res.data.id as string
}

async function auditOf(targetId: string): Promise<string[]> {
  const { data } = await world.db.collection('audit_log').where({ targetId }).get()
  return data.map((a) => a.action as string).sort()
}

/** The to-dos the lead wires into todo.list, as the person would get them. */
async function todosOf(personId: string) {
  const person = (await world.db.collection('people').doc(personId).get()).data as unknown as PersonDoc
  const ctx: ActionContext = {
    db: world.db,
    now: () => world.now,
    openid: () => person.openid,
    phone: { resolve: async () => null },
    messages: { send: async () => undefined },
    templateIds: {},
    caller: { kind: 'person', openid: person.openid ?? '', person },
    action: 'todo.list',
  }
  return marketingTodos(ctx)
}

describe('submitting and reviewing material', () => {
  it('records the breaches found at submission, and the author’s head approves it into the library', async () => {
    const item = await submit()
    expect(item).toMatchObject({
      title: '智能门锁新品推广',
      text: FLAGGED_TEXT,
      images: [IMAGE],
      authorName: '李娜',
      departmentName: '华东销售部',
      status: 'pending',
      submittedAt: '2026-11-27T02:00:00.000Z',
      flagCount: 5,
      available: ['withdraw'],
      canPush: false,
      timeline: [{ event: 'submit', actorName: '李娜', comment: null }],
    })
    expect(item.flags.map((f) => [f.kind, f.term])).toEqual([
      ['absolute', '国家级'],
      ['absolute', '最佳'],
      ['price', '原价1999元'],
      ['price', '现价999元'],
      ['promise', '保证'],
    ])

    expect(await todosOf(cast.eastHead)).toEqual([
      { kind: 'marketing', id: item.id, title: '李娜提交的营销素材：智能门锁新品推广', subtitle: '用语提示：绝对化用语 2 处 · 价格信息 2 处 · 承诺性用语 1 处', statusLabel: '待审核', since: '2026-11-27T02:00:00.000Z' },
    ])
    expect(await todosOf(cast.eastEmployee)).toEqual([])
    expect(await todosOf(cast.southHead)).toEqual([])
    expect(await todosOf(cast.admin)).toMatchObject([{ id: item.id }])

    expect(await as(cast.eastHead)('marketing.get', { id: item.id })).toMatchObject({ ok: true, data: { available: ['approve', 'reject'] } })
    expect(await as(cast.eastHead)('marketing.list', { scope: 'review' })).toMatchObject({ ok: true, data: { total: 1, items: [{ id: item.id, flagCount: 5, preview: FLAGGED_TEXT }] } })
    expect(await as(cast.southHead)('marketing.list', { scope: 'review' })).toMatchObject({ ok: true, data: { total: 0 } })
    expect(await as(cast.admin)('marketing.list', { scope: 'review', departmentId: 'dept-sales-east' })).toMatchObject({ ok: true, data: { total: 1, items: [{ id: item.id }] } })
    expect(await as(cast.admin)('marketing.list', { scope: 'review', departmentId: 'dept-sales-south' })).toMatchObject({ ok: true, data: { total: 0 } })
    expect(await as(cast.eastHead)('marketing.list', { scope: 'review', departmentId: 'dept-sales-east' })).toMatchObject({ ok: true, data: { total: 1 } })
    expect(await as(cast.eastHead)('marketing.list', { scope: 'review', departmentId: 'dept-sales-south' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
    expect(await as(cast.serviceEmployee)('marketing.list', { scope: 'library' })).toMatchObject({ ok: true, data: { total: 0 } })

    world.now = new Date('2026-11-27T03:30:00Z')
    const decided = await as(cast.eastHead)('marketing.review', { id: item.id, decision: 'approve', comment: '价格已与公司报价单核对' })
    expect(decided).toMatchObject({
      ok: true,
      data: {
        status: 'approved',
        reviewerName: '王磊',
        reviewComment: '价格已与公司报价单核对',
        reviewedAt: '2026-11-27T03:30:00.000Z',
        available: [],
        canPush: true,
        timeline: [{ event: 'submit' }, { event: 'approve', actorName: '王磊', comment: '价格已与公司报价单核对' }],
      },
    })
    expect(await todosOf(cast.eastHead)).toEqual([])
    expect(await as(cast.serviceEmployee)('marketing.list', { scope: 'library' })).toMatchObject({ ok: true, data: { total: 1, items: [{ id: item.id, status: 'approved' }] } })
    expect(await as(cast.serviceEmployee)('marketing.get', { id: item.id })).toMatchObject({ ok: true, data: { id: item.id, available: [], canPush: true } })
    expect(await auditOf(item.id)).toEqual(['marketing.review', 'marketing.submit'])
  })

  it('tells the author’s head that material waits for them', async () => {
    await world.db.collection('message_quota').add({ data: { _id: `quota-${cast.eastHead}`, personId: cast.eastHead, approvalRequest: 1 } })
    const item = await submit()
    expect(world.sent).toEqual([expect.objectContaining({ templateId: 'tmpl-approval-request', page: `/packages/marketing/detail/index?id=${item.id}` })])
    // "最近" in the text is an everyday word, so it is not among the five findings.
    expect(item.flags.some((f) => f.excerpt.includes('最近') && f.term === '最')).toBe(false)
  })

  it('needs a reason to reject, and keeps rejected material out of the library and away from colleagues', async () => {
    const item = await submit()
    const digest = world.cloud.database.digest()
    expect(await as(cast.eastHead)('marketing.review', { id: item.id, decision: 'reject' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('驳回时请写明原因') } })
    expect(await as(cast.eastHead)('marketing.review', { id: item.id, decision: 'reject', comment: ' ' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(world.cloud.database.digest()).toBe(digest)

    const rejected = await as(cast.eastHead)('marketing.review', { id: item.id, decision: 'reject', comment: '去掉“国家级”“最佳”和价格' })
    expect(rejected).toMatchObject({ ok: true, data: { status: 'rejected', reviewComment: '去掉“国家级”“最佳”和价格', canPush: false } })
    expect(await as(cast.eastEmployee)('marketing.get', { id: item.id })).toMatchObject({
      ok: true,
      data: { status: 'rejected', available: [], timeline: [{ event: 'submit' }, { event: 'reject', actorName: '王磊', comment: '去掉“国家级”“最佳”和价格' }] },
    })
    expect(await as(cast.eastColleague)('marketing.get', { id: item.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.southHead)('marketing.get', { id: item.id })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
    expect(await as(cast.admin)('marketing.get', { id: item.id })).toMatchObject({ ok: true })
    expect(await as(cast.eastColleague)('marketing.list', { scope: 'library' })).toMatchObject({ ok: true, data: { total: 0 } })
    expect(await as(cast.eastColleague)('marketing.get', { id: 'mkt-missing' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('sends a head’s own material to the admins, and nobody approves their own', async () => {
    const own = await submit(cast.eastHead)
    const digest = world.cloud.database.digest()
    expect(await as(cast.eastHead)('marketing.review', { id: own.id, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'SELF_APPROVAL' } })
    expect(world.cloud.database.digest()).toBe(digest)
    expect(await as(cast.eastHead)('marketing.list', { scope: 'review' })).toMatchObject({ ok: true, data: { total: 0 } })
    expect(await todosOf(cast.eastHead)).toEqual([])
    expect(await as(cast.admin)('marketing.list', { scope: 'review' })).toMatchObject({ ok: true, data: { total: 1, items: [{ id: own.id, authorName: '王磊' }] } })

    const adminOwn = await submit(cast.admin)
    expect(await as(cast.admin)('marketing.review', { id: adminOwn.id, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'SELF_APPROVAL' } })
    expect(await as(cast.admin)('marketing.review', { id: own.id, decision: 'approve' })).toMatchObject({ ok: true, data: { status: 'approved', reviewerName: '陈静' } })
  })

  it('keeps other departments’ heads and employees from deciding', async () => {
    const item = await submit()
    const digest = world.cloud.database.digest()
    expect(await as(cast.southHead)('marketing.review', { id: item.id, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
    expect(await as(cast.eastColleague)('marketing.review', { id: item.id, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.eastColleague)('marketing.list', { scope: 'review' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(world.cloud.database.digest()).toBe(digest)
  })

  it('decides once when two reviewers act at the same moment', async () => {
    const item = await submit()
    const both = await Promise.all([
      as(cast.eastHead)('marketing.review', { id: item.id, decision: 'approve' }),
      as(cast.admin)('marketing.review', { id: item.id, decision: 'reject', comment: '价格未审批' }),
    ])
    expect(both.filter((r) => r.ok)).toHaveLength(1)
    expect(both.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(CONFLICT|INVALID_STATE)$/) } })
    expect(await auditOf(item.id)).toEqual(['marketing.review', 'marketing.submit'])
  })

  it('lets the author withdraw while it waits, and only then', async () => {
    const item = await submit()
    const digest = world.cloud.database.digest()
    expect(await as(cast.eastHead)('marketing.withdraw', { id: item.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.eastColleague)('marketing.withdraw', { id: item.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(world.cloud.database.digest()).toBe(digest)
    world.now = new Date('2026-11-27T02:05:00Z')
    expect(await as(cast.eastEmployee)('marketing.withdraw', { id: item.id })).toMatchObject({
      ok: true,
      data: { status: 'withdrawn', available: [], timeline: [{ event: 'submit' }, { event: 'withdraw', at: '2026-11-27T02:05:00.000Z', actorName: '李娜' }] },
    })
    expect(await as(cast.eastEmployee)('marketing.withdraw', { id: item.id })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
    expect(await as(cast.eastHead)('marketing.review', { id: item.id, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })

    const done = await approved()
    expect(await as(cast.eastEmployee)('marketing.withdraw', { id: done.id })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })
  })

  it('validates the material itself', async () => {
    const digest = world.cloud.database.digest()
    const send = (extra: Record<string, unknown>) => as(cast.eastEmployee)('marketing.submit', { title: '新品', text: CLEAN_TEXT, ...extra })
    expect(await send({ title: '标'.repeat(41) })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('标题不能超过40个字') } })
    expect(await send({ title: '  ' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('标题不能为空') } })
    expect(await send({ text: '文'.repeat(2001) })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('文案不能超过2000个字') } })
    expect(await send({ images: ['https://evil.example/a.png'] })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await send({ images: Array.from({ length: 7 }, (_, i) => `cloud://local.bucket/m/${i}.png`) })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('图片最多6张') } })
    expect(await send({ authorId: cast.eastColleague })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(world.cloud.database.digest()).toBe(digest)
    expect(await send({ title: '  新品  ', text: `  ${CLEAN_TEXT}  ` })).toMatchObject({ ok: true, data: { title: '新品', text: CLEAN_TEXT, preview: CLEAN_TEXT, flags: [], images: [] } })
    // Lists show the opening of a long text on one line.
    expect(await send({ text: `${'文'.repeat(30)}\n\n${'字'.repeat(40)}` })).toMatchObject({ ok: true, data: { preview: `${'文'.repeat(30)} ${'字'.repeat(29)}…` } })
  })
})

describe('lists', () => {
  it('shows the author their own material, filtered by status, newest first', async () => {
    const first = await submit()
    world.now = new Date('2026-11-27T03:00:00Z')
    const second = await approved(cast.eastEmployee, { title: '年终促销海报' })
    await submit(cast.eastColleague)
    expect(await as(cast.eastEmployee)('marketing.list', { scope: 'mine' })).toMatchObject({ ok: true, data: { total: 2, items: [{ id: second.id }, { id: first.id }] } })
    expect(await as(cast.eastEmployee)('marketing.list', { scope: 'mine', status: 'pending' })).toMatchObject({ ok: true, data: { total: 1, items: [{ id: first.id }] } })
  })

  it('searches the library by title and pages through it', async () => {
    const lock = await approved(cast.eastEmployee, { title: '智能门锁新品' })
    world.now = new Date('2026-11-27T03:00:00Z')
    const poster = await approved(cast.eastColleague, { title: '年终促销海报' })
    world.now = new Date('2026-11-27T04:00:00Z')
    await submit(cast.eastEmployee, { title: '门锁待审素材' })
    expect(await as(cast.serviceEmployee)('marketing.list', { scope: 'library', keyword: '门锁' })).toMatchObject({ ok: true, data: { total: 1, items: [{ id: lock.id }] } })
    expect(await as(cast.serviceEmployee)('marketing.list', { scope: 'library', keyword: '(' })).toMatchObject({ ok: true, data: { total: 0 } })
    const pageTwo = await as(cast.serviceEmployee)('marketing.list', { scope: 'library', page: 2, pageSize: 1 })
    expect(pageTwo).toMatchObject({ ok: true, data: { total: 2, page: 2, items: [{ id: lock.id }] } })
    expect(await as(cast.serviceEmployee)('marketing.list', { scope: 'library', page: 1, pageSize: 1 })).toMatchObject({ ok: true, data: { items: [{ id: poster.id }] } })
  })
})

describe('pushes', () => {
  it('records pushes of approved material to customers and groups, counting who it reached', async () => {
    const item = await approved()
    const groupId = await group(cast.serviceEmployee, 35)
    world.now = new Date('2026-11-27T06:00:00Z')
    const pushed = await as(cast.serviceEmployee)('marketing.recordPush', { itemId: item.id, customers: [' 张先生 ', '李女士', '张先生'], groupIds: [groupId], note: '朋友圈同步' })
    expect(pushed).toEqual({
      ok: true,
      data: {
        id: expect.stringMatching(/^push-/),
        itemId: item.id,
        itemTitle: '智能门锁新品推广',
        byId: cast.serviceEmployee,
        byName: '韩冰',
        departmentName: '客户服务部',
        at: '2026-11-27T06:00:00.000Z',
        customers: ['张先生', '李女士'],
        groups: [{ id: groupId, name: '华东门锁老客户群' }],
        count: 37,
        note: '朋友圈同步',
      },
    })
    expect(await as(cast.eastEmployee)('marketing.recordPush', { itemId: item.id, customers: ['王总'], count: 3 })).toMatchObject({ ok: true, data: { count: 3, groups: [] } })
    expect(await as(cast.eastEmployee)('marketing.get', { id: item.id })).toMatchObject({ ok: true, data: { pushCount: 2 } })
    if (!pushed.ok) return
    expect(await auditOf(pushed.data.id)).toEqual(['marketing.recordPush'])
  })

  it('refuses pushes of material not approved, to groups the pusher does not run, and to no one', async () => {
    const pending = await submit()
    const item = await approved(cast.eastColleague)
    const othersGroup = await group(cast.southHead, 20)
    const digest = world.cloud.database.digest()
    expect(await as(cast.eastEmployee)('marketing.recordPush', { itemId: pending.id, customers: ['王总'] })).toMatchObject({ ok: false, error: { code: 'MARKETING_NOT_APPROVED' } })
    expect(await as(cast.eastColleague)('marketing.recordPush', { itemId: pending.id, customers: ['王总'] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.eastEmployee)('marketing.recordPush', { itemId: item.id, groupIds: [othersGroup] })).toMatchObject({ ok: false, error: { code: 'PUSH_GROUP_INVALID' } })
    expect(await as(cast.eastEmployee)('marketing.recordPush', { itemId: item.id, groupIds: ['group-missing'] })).toMatchObject({ ok: false, error: { code: 'PUSH_GROUP_INVALID' } })
    expect(await as(cast.eastEmployee)('marketing.recordPush', { itemId: item.id })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('请填写推送的客户或选择群组') } })
    expect(await as(cast.eastEmployee)('marketing.recordPush', { itemId: 'mkt-missing', customers: ['王总'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(world.cloud.database.digest()).toBe(digest)
    // An admin may name any department's group.
    expect(await as(cast.admin)('marketing.recordPush', { itemId: item.id, groupIds: [othersGroup] })).toMatchObject({ ok: true, data: { count: 20 } })
  })

  it('refuses a push to a dissolved group', async () => {
    const item = await approved()
    const groupId = await group(cast.eastEmployee, 10)
    await as(cast.eastEmployee)('group.dissolve', { id: groupId })
    expect(await as(cast.eastEmployee)('marketing.recordPush', { itemId: item.id, groupIds: [groupId] })).toMatchObject({ ok: false, error: { code: 'PUSH_GROUP_INVALID' } })
  })

  it('shows each person their own pushes, a head their department’s, and admins all', async () => {
    const item = await approved()
    world.now = new Date('2026-11-27T05:00:00Z')
    await as(cast.eastEmployee)('marketing.recordPush', { itemId: item.id, customers: ['王总'] })
    world.now = new Date('2026-11-27T06:00:00Z')
    await as(cast.eastColleague)('marketing.recordPush', { itemId: item.id, customers: ['赵总'] })
    world.now = new Date('2026-11-27T07:00:00Z')
    await as(cast.serviceEmployee)('marketing.recordPush', { itemId: item.id, customers: ['钱总'] })
    const names = async (personId: string, payload: Record<string, unknown> = { itemId: item.id }) => {
      const res = await as(personId)('marketing.listPushes', payload)
      if (!res.ok) throw new Error(res.error.code)
      return { total: res.data.total, by: res.data.items.map((p: { byName: string }) => p.byName) }
    }
    expect(await names(cast.eastEmployee)).toEqual({ total: 1, by: ['李娜'] })
    expect(await names(cast.eastHead)).toEqual({ total: 2, by: ['张伟', '李娜'] })
    expect(await names(cast.southHead)).toEqual({ total: 0, by: [] })
    expect(await names(cast.admin)).toEqual({ total: 3, by: ['韩冰', '张伟', '李娜'] })
    expect(await names(cast.admin, {})).toEqual({ total: 3, by: ['韩冰', '张伟', '李娜'] })
    expect(await names(cast.admin, { itemId: 'mkt-other' })).toEqual({ total: 0, by: [] })
  })
})

describe('terms', () => {
  it('starts from the built-in lists, which only admins change, and new submissions use the new lists', async () => {
    const before = await as(cast.eastEmployee)('marketing.getTerms', {})
    expect(before).toMatchObject({ ok: true, data: { updatedAt: null, updatedByName: null, absolute: expect.arrayContaining(['最', '国家级', '100%']), promise: expect.arrayContaining(['保证', '稳赚']) } })
    const old = await submit()

    const lists = { absolute: ['国家级', 'NO.1'], promise: ['包赚'], exceptions: [] }
    const digest = world.cloud.database.digest()
    expect(await as(cast.eastHead)('marketing.updateTerms', lists)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.admin)('marketing.updateTerms', { ...lists, promise: ['包赚', '包赚'] })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('有重复的用语') } })
    expect(await as(cast.admin)('marketing.updateTerms', { ...lists, absolute: [''] })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(world.cloud.database.digest()).toBe(digest)

    world.now = new Date('2026-11-27T04:00:00Z')
    expect(await as(cast.admin)('marketing.updateTerms', { ...lists, absolute: [' 国家级 ', 'NO.1'] })).toEqual({
      ok: true,
      data: { absolute: ['国家级', 'NO.1'], promise: ['包赚'], exceptions: [], updatedAt: '2026-11-27T04:00:00.000Z', updatedByName: '陈静' },
    })
    expect(await as(cast.eastEmployee)('marketing.getTerms', {})).toMatchObject({ ok: true, data: { absolute: ['国家级', 'NO.1'], updatedByName: '陈静' } })
    const fresh = await submit(cast.eastEmployee, { text: '销量no.1，包赚不赔，最佳选择，国家级认证' })
    expect(fresh.flags.map((f) => [f.kind, f.term])).toEqual([
      ['absolute', 'no.1'],
      ['promise', '包赚'],
      ['absolute', '国家级'],
    ])
    // What was submitted before keeps what its reviewer will see.
    expect(await as(cast.eastHead)('marketing.get', { id: old.id })).toMatchObject({ ok: true, data: { flagCount: 5 } })
    expect(await auditOf('marketing-terms')).toEqual(['marketing.updateTerms'])
  })
})
