import type { ArchiveDetail, ArchiveRecord, Envelope, TodoItem } from '../../types/contract'
import { archiveTodos } from '../../cloudfunctions/src/actions/archive'
import type { ActionContext } from '../../cloudfunctions/src/core/context'
import type { PersonDoc } from '../../cloudfunctions/src/repos/people'
import { cast, openidOf } from '../support/company'
import { useScenario } from '../support/scenario'

const world = useScenario()
const as = world.as

/** A Shanghai wall-clock time. */
const sh = (local: string) => new Date(`${local}+08:00`)
const east = (n: number) => `p-sales-east-${String(n).padStart(2, '0')}`

const contract = {
  category: 'contract',
  title: '华飞科技年度框架合同',
  description: '2026年度框架合同扫描件及盖章页',
  location: 'cloud',
  locationNote: '公司网盘/华东销售部/合同/2026',
  backedUpOn: '2026-11-20',
  customerName: '上海华飞科技',
}

async function create(personId: string, extra: Record<string, unknown> = {}): Promise<ArchiveDetail> {
  const res = await as(personId)('archive.create', { ...contract, ...extra })
  if (!res.ok) throw new Error(`archive.create refused: ${res.error.code}`)
  return res.data as ArchiveDetail
}

async function total(collection: string, where: Record<string, unknown> = {}): Promise<number> {
  return (await world.db.collection(collection).where(where).count()).total
}

/** What a refused write must leave untouched. */
async function written() {
  const records = (await world.db.collection('archive_records').orderBy('_id', 'asc').get()).data
  return { records, confirmations: await total('archive_confirmations'), audit: await total('audit_log'), settings: await total('settings') }
}

async function auditOf(action: string) {
  return (await world.db.collection('audit_log').where({ action }).get()).data as Array<Record<string, any>>
}

/** The data of an answer the test needs to go on with; a refusal fails the test on the spot. */
async function granted(call: Promise<Envelope<any>>): Promise<any> {
  const res = await call
  if (!res.ok) throw new Error(`refused: ${res.error.code}`)
  return res.data
}

const titles = (res: { ok: boolean; data?: any }) => (res.ok ? (res.data.items as ArchiveRecord[]).map((r) => r.title) : res)

/** The to-do list as the workbench will get it, asked in the person's own context. */
async function todosOf(personId: string): Promise<TodoItem[]> {
  const person = (await world.db.collection('people').doc(personId).get()).data as unknown as PersonDoc
  const ctx: ActionContext = {
    db: world.db,
    now: () => world.now,
    openid: () => openidOf(personId),
    phone: { resolve: async () => null },
    messages: { send: async () => undefined },
    templateIds: {},
    caller: { kind: 'person', openid: openidOf(personId), person: { ...person, _id: personId } },
    action: 'todo.list',
  }
  return archiveTodos(ctx)
}

describe('archive records', () => {
  it('registers a backup for its owner and keeps it exactly as entered', async () => {
    const res = await as(cast.eastEmployee)('archive.create', { ...contract, title: '  华飞科技年度框架合同  ', customerName: ' 上海华飞科技 ' })
    expect(res).toEqual({
      ok: true,
      data: {
        id: expect.stringMatching(/^archive-/),
        ownerId: cast.eastEmployee,
        ownerName: '李娜',
        departmentId: 'dept-sales-east',
        departmentName: '华东销售部',
        category: 'contract',
        title: '华飞科技年度框架合同',
        description: '2026年度框架合同扫描件及盖章页',
        location: 'cloud',
        locationNote: '公司网盘/华东销售部/合同/2026',
        backedUpOn: '2026-11-20',
        customerName: '上海华飞科技',
        createdAt: world.now.toISOString(),
        updatedAt: world.now.toISOString(),
        revision: 0,
        canEdit: true,
        canDelete: true,
      },
    })
    if (!res.ok) throw new Error(res.error.code)
    const stored = (await world.db.collection('archive_records').doc(res.data.id).get()).data as Record<string, unknown>
    expect(stored).toMatchObject({ createdMonth: '2026-11', ownerName: '李娜' })
    expect(await auditOf('archive.create')).toEqual([expect.objectContaining({ actorId: cast.eastEmployee, targetId: res.data.id, before: null, after: expect.objectContaining({ title: '华飞科技年度框架合同' }) })])
  })

  it('leaves empty optional text out', async () => {
    const record = await create(cast.eastEmployee, { description: '  ', customerName: '' })
    expect(record).toMatchObject({ description: null, customerName: null })
  })

  it('refuses a backup dated after today, a missing location and over-long text, writing nothing', async () => {
    const before = await written()
    expect(await as(cast.eastEmployee)('archive.create', { ...contract, backedUpOn: '2026-11-28' })).toMatchObject({ ok: false, error: { code: 'DATE_IN_FUTURE' } })
    expect(await as(cast.eastEmployee)('archive.create', { ...contract, locationNote: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', details: { issues: [{ path: 'locationNote', message: '请写明备份存放的位置' }] } },
    })
    expect(await as(cast.eastEmployee)('archive.create', { ...contract, title: '合'.repeat(61) })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { issues: [{ path: 'title', message: '资料名称不能超过60个字' }] } } })
    expect(await as(cast.eastEmployee)('archive.create', { ...contract, location: 'usb' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { issues: [{ path: 'location', message: '请选择备份方式' }] } } })
    expect(await as(cast.eastEmployee)('archive.create', { ...contract, backedUpOn: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await as(cast.eastEmployee)('archive.create', { ...contract, ownerId: cast.eastColleague })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    // Today itself is fine.
    expect(await as(cast.eastEmployee)('archive.create', { ...contract, backedUpOn: '2026-11-27' })).toMatchObject({ ok: true })
    expect((await written()).records).toHaveLength(before.records.length + 1)
  })

  it('lets only the owner edit, against the revision they opened', async () => {
    const record = await create(cast.eastEmployee)
    const edit = { ...contract, id: record.id, revision: 0, title: '华飞科技年度框架合同（补充协议）', location: 'local', locationNote: '公司NAS/客户部/2026' }
    const untouched = await written()
    expect(await as(cast.eastHead)('archive.update', edit)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.admin)('archive.update', edit)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.southHead)('archive.update', edit)).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
    expect(await as(cast.eastColleague)('archive.update', edit)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.eastEmployee)('archive.update', { ...edit, backedUpOn: '2026-12-01' })).toMatchObject({ ok: false, error: { code: 'DATE_IN_FUTURE' } })
    expect(await written()).toEqual(untouched)

    world.now = sh('2026-11-27T11:00:00')
    const saved = await as(cast.eastEmployee)('archive.update', edit)
    expect(saved).toMatchObject({
      ok: true,
      data: { id: record.id, title: '华飞科技年度框架合同（补充协议）', location: 'local', locationNote: '公司NAS/客户部/2026', revision: 1, createdAt: record.createdAt, updatedAt: world.now.toISOString() },
    })
    // A second save from the same stale screen would overwrite the first.
    const afterSave = await written()
    expect(await as(cast.eastEmployee)('archive.update', { ...edit, title: '旧页面上的修改' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await written()).toEqual(afterSave)
    const [audit] = await auditOf('archive.update')
    expect(audit).toMatchObject({ targetId: record.id, before: { title: '华飞科技年度框架合同', location: 'cloud', revision: 0 }, after: { title: '华飞科技年度框架合同（补充协议）', location: 'local', revision: 1 } })
  })

  it('lets the owner or an admin delete, and the audit log keeps what it said', async () => {
    const record = await create(cast.eastEmployee)
    const untouched = await written()
    expect(await as(cast.eastHead)('archive.delete', { id: record.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.southHead)('archive.delete', { id: record.id })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
    expect(await as(cast.eastColleague)('archive.delete', { id: record.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await written()).toEqual(untouched)

    expect(await as(cast.admin)('archive.delete', { id: record.id })).toEqual({ ok: true, data: { id: record.id } })
    expect(await total('archive_records')).toBe(0)
    expect(await as(cast.eastEmployee)('archive.get', { id: record.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await as(cast.eastEmployee)('archive.delete', { id: record.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await auditOf('archive.delete')).toEqual([
      expect.objectContaining({
        actorId: cast.admin,
        targetId: record.id,
        after: null,
        before: expect.objectContaining({ ownerId: cast.eastEmployee, title: '华飞科技年度框架合同', locationNote: '公司网盘/华东销售部/合同/2026', customerName: '上海华飞科技' }),
      }),
    ])

    const own = await create(cast.eastEmployee)
    expect(await as(cast.eastEmployee)('archive.delete', { id: own.id })).toEqual({ ok: true, data: { id: own.id } })
  })

  it('shows a record to its owner, their head and admins, saying what each may do', async () => {
    const record = await create(cast.eastEmployee)
    expect(await as(cast.eastEmployee)('archive.get', { id: record.id })).toMatchObject({ ok: true, data: { canEdit: true, canDelete: true } })
    expect(await as(cast.eastHead)('archive.get', { id: record.id })).toMatchObject({ ok: true, data: { title: contract.title, canEdit: false, canDelete: false } })
    expect(await as(cast.admin)('archive.get', { id: record.id })).toMatchObject({ ok: true, data: { canEdit: false, canDelete: true } })
    expect(await as(cast.southHead)('archive.get', { id: record.id })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
    expect(await as(cast.eastColleague)('archive.get', { id: record.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.eastEmployee)('archive.get', { id: 'archive-nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('archive lists', () => {
  beforeEach(async () => {
    world.now = sh('2026-11-02T09:00:00')
    await create(cast.eastEmployee, { title: '客户沟通截图（10月）', category: 'communication', backedUpOn: '2026-10-31', customerName: '杭州云启', location: 'local', locationNote: '公司NAS/客户部/2026' })
    world.now = sh('2026-11-10T09:00:00')
    await create(cast.eastEmployee, { title: '华飞科技年度框架合同', backedUpOn: '2026-11-09' })
    world.now = sh('2026-11-20T09:00:00')
    await create(cast.eastColleague, { title: '展会项目方案', category: 'project', backedUpOn: '2026-11-01', customerName: undefined })
    world.now = sh('2026-11-21T09:00:00')
    await create(cast.serviceEmployee, { title: '售后服务合同(2026)', backedUpOn: '2026-11-18', customerName: '宁波海川' })
    world.now = sh('2026-11-27T10:00:00')
  })

  it('lists one’s own by backup date, newest first', async () => {
    expect(titles(await as(cast.eastEmployee)('archive.list', {}))).toEqual(['华飞科技年度框架合同', '客户沟通截图（10月）'])
    expect(titles(await as(cast.eastColleague)('archive.list', { scope: 'mine' }))).toEqual(['展会项目方案'])
  })

  it('gives heads their department and admins everyone, newest added first', async () => {
    expect(titles(await as(cast.eastHead)('archive.list', { scope: 'department' }))).toEqual(['展会项目方案', '华飞科技年度框架合同', '客户沟通截图（10月）'])
    expect(await as(cast.eastHead)('archive.list', { scope: 'department', departmentId: 'dept-service' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
    expect(await as(cast.eastHead)('archive.list', { scope: 'all' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.eastEmployee)('archive.list', { scope: 'department' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(titles(await as(cast.admin)('archive.list', { scope: 'all' }))).toEqual(['售后服务合同(2026)', '展会项目方案', '华飞科技年度框架合同', '客户沟通截图（10月）'])
    expect(titles(await as(cast.admin)('archive.list', { scope: 'department', departmentId: 'dept-service' }))).toEqual(['售后服务合同(2026)'])
    expect(titles(await as(cast.admin)('archive.list', { scope: 'all', departmentId: 'dept-sales-east', category: 'contract' }))).toEqual(['华飞科技年度框架合同'])
  })

  it('filters by category and finds by title, customer, owner or location, literally', async () => {
    expect(titles(await as(cast.admin)('archive.list', { scope: 'all', category: 'contract' }))).toEqual(['售后服务合同(2026)', '华飞科技年度框架合同'])
    expect(titles(await as(cast.admin)('archive.list', { scope: 'all', keyword: '云启' }))).toEqual(['客户沟通截图（10月）'])
    expect(titles(await as(cast.admin)('archive.list', { scope: 'all', keyword: '张伟' }))).toEqual(['展会项目方案'])
    expect(titles(await as(cast.admin)('archive.list', { scope: 'all', keyword: 'nas' }))).toEqual(['客户沟通截图（10月）'])
    expect(titles(await as(cast.admin)('archive.list', { scope: 'all', keyword: '(2026)' }))).toEqual(['售后服务合同(2026)'])
    expect(titles(await as(cast.eastHead)('archive.list', { scope: 'department', keyword: '框架' }))).toEqual(['华飞科技年度框架合同'])
  })

  it('pages', async () => {
    const res = await as(cast.admin)('archive.list', { scope: 'all', page: 2, pageSize: 3 })
    expect(res).toMatchObject({ ok: true, data: { total: 4, page: 2, pageSize: 3 } })
    expect(titles(res)).toEqual(['客户沟通截图（10月）'])
  })
})

describe('monthly confirmation', () => {
  it('is due on the 25th by default, on the to-do list until done, and kept once a month', async () => {
    expect(await as(cast.eastEmployee)('archive.getMonthly', {})).toEqual({
      ok: true,
      data: { month: '2026-11', dueOn: '2026-11-25', dueDay: 25, overdue: true, confirmation: null, recordsThisMonth: 0, lastBackedUpOn: null },
    })
    expect(await todosOf(cast.eastEmployee)).toEqual([
      { kind: 'archive', id: '2026-11', title: '本月信息整理与备份确认已逾期', subtitle: '截止日期 2026-11-25', statusLabel: '已逾期', since: '2026-11-01T00:00:00+08:00' },
    ])

    const first = await as(cast.eastEmployee)('archive.confirmMonthly', { classified: true, cleaned: false, backedUp: true, note: ' 本月出差，下周清理 ' })
    expect(first).toEqual({
      ok: true,
      data: {
        id: `archive-${cast.eastEmployee}-2026-11`,
        personId: cast.eastEmployee,
        month: '2026-11',
        classified: true,
        cleaned: false,
        backedUp: true,
        complete: false,
        note: '本月出差，下周清理',
        confirmedAt: world.now.toISOString(),
        updatedAt: world.now.toISOString(),
        onTime: false,
      },
    })
    expect(await todosOf(cast.eastEmployee)).toEqual([])

    world.now = sh('2026-11-30T16:00:00')
    const again = await as(cast.eastEmployee)('archive.confirmMonthly', { classified: true, cleaned: true, backedUp: true })
    if (!first.ok) throw new Error(first.error.code)
    expect(again).toMatchObject({ ok: true, data: { complete: true, note: null, confirmedAt: first.data.confirmedAt, updatedAt: world.now.toISOString(), onTime: false } })
    expect(await total('archive_confirmations')).toBe(1)
    expect((await auditOf('archive.confirmMonthly')).map((a) => a.before)).toEqual([null, { classified: true, cleaned: false, backedUp: true, note: '本月出差，下周清理' }])
    expect(await as(cast.eastEmployee)('archive.getMonthly', {})).toMatchObject({ ok: true, data: { overdue: false, confirmation: { complete: true } } })

    // A new month asks again.
    world.now = sh('2026-12-01T09:00:00')
    expect((await todosOf(cast.eastEmployee)).map((t) => [t.id, t.title, t.statusLabel])).toEqual([['2026-12', '请完成本月信息整理与备份确认', '待完成']])
    expect(await as(cast.eastEmployee)('archive.getMonthly', { month: '2026-11' })).toMatchObject({ ok: true, data: { month: '2026-11', confirmation: { complete: true } } })
  })

  it('needs a reason for a duty left undone, and writes nothing without one', async () => {
    const before = await written()
    expect(await as(cast.eastEmployee)('archive.confirmMonthly', { classified: false, cleaned: true, backedUp: true })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', details: { issues: [{ path: 'note', message: '有未完成的事项，请在备注中说明原因' }] } },
    })
    expect(await as(cast.eastEmployee)('archive.confirmMonthly', { classified: true, cleaned: true, backedUp: true, note: '备'.repeat(201) })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await as(cast.eastEmployee)('archive.confirmMonthly', { classified: true, cleaned: true, backedUp: true, month: '2026-10' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await written()).toEqual(before)
  })

  it('follows the admin’s due day', async () => {
    const before = await written()
    expect(await as(cast.eastHead)('archive.updateSettings', { confirmDueDay: 28 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as(cast.admin)('archive.updateSettings', { confirmDueDay: 29 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { issues: [{ path: 'confirmDueDay', message: '须在1-28日之间' }] } } })
    expect(await written()).toEqual(before)

    expect(await as(cast.admin)('archive.updateSettings', { confirmDueDay: 28 })).toEqual({ ok: true, data: { confirmDueDay: 28 } })
    expect(await auditOf('archive.updateSettings')).toEqual([expect.objectContaining({ before: { confirmDueDay: 25 }, after: { confirmDueDay: 28 } })])
    expect(await as(cast.eastColleague)('archive.getMonthly', {})).toMatchObject({ ok: true, data: { dueOn: '2026-11-28', dueDay: 28, overdue: false } })
    expect((await todosOf(cast.eastColleague)).map((t) => [t.title, t.subtitle, t.statusLabel])).toEqual([['请完成本月信息整理与备份确认', '截止日期 2026-11-28', '待完成']])
    expect(await as(cast.eastColleague)('archive.confirmMonthly', { classified: true, cleaned: true, backedUp: true })).toMatchObject({ ok: true, data: { complete: true, onTime: true } })
  })

  it('tells the person what they registered this month and their latest backup', async () => {
    world.now = sh('2026-10-20T09:00:00')
    await create(cast.eastEmployee, { backedUpOn: '2026-10-19' })
    world.now = sh('2026-11-27T10:00:00')
    await create(cast.eastEmployee, { backedUpOn: '2026-09-30' })
    await create(cast.eastEmployee, { backedUpOn: '2026-11-26' })
    expect(await as(cast.eastEmployee)('archive.getMonthly', {})).toMatchObject({ ok: true, data: { recordsThisMonth: 2, lastBackedUpOn: '2026-11-26' } })
    expect(await as(cast.eastEmployee)('archive.getMonthly', { month: '2026-10' })).toMatchObject({ ok: true, data: { recordsThisMonth: 1, overdue: true } })
  })
})

describe('coverage', () => {
  beforeEach(async () => {
    // 刘洋's October backup keeps him off November's dormant list; 张伟 registered an August backup
    // this month, which counts for October's three months but not November's.
    world.now = sh('2026-10-15T09:00:00')
    await create(east(4), { backedUpOn: '2026-10-10' })
    world.now = sh('2026-11-20T09:00:00')
    await create(cast.eastEmployee, { backedUpOn: '2026-11-20' })
    await create(cast.eastColleague, { backedUpOn: '2026-08-15' })
    world.now = sh('2026-11-27T10:00:00')
    await as(cast.eastEmployee)('archive.confirmMonthly', { classified: true, cleaned: true, backedUp: true })
    await as(cast.eastColleague)('archive.confirmMonthly', { classified: true, cleaned: true, backedUp: false, note: '网盘空间不足，已申请扩容' })
    await as(cast.serviceEmployee)('archive.confirmMonthly', { classified: true, cleaned: true, backedUp: true })
  })

  it('gives a head their department: confirmations, additions and people without a recent backup', async () => {
    const eastCoverage = { departmentId: 'dept-sales-east', departmentName: '华东销售部', staffCount: 9, confirmedCount: 2, incompleteCount: 1, recordsAdded: 2, dormantCount: 7 }
    expect(await as(cast.eastHead)('archive.coverage', {})).toEqual({
      ok: true,
      data: {
        month: '2026-11',
        dueOn: '2026-11-25',
        dueDay: 25,
        windowStart: '2026-09-01',
        departments: [eastCoverage],
        total: { staffCount: 9, confirmedCount: 2, incompleteCount: 1, recordsAdded: 2, dormantCount: 7 },
      },
    })
    expect(await as(cast.eastHead)('archive.coverage', { departmentId: 'dept-service' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
    expect(await as(cast.eastEmployee)('archive.coverage', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('gives admins every department, and any one of them', async () => {
    const res = await granted(as(cast.admin)('archive.coverage', {}))
    expect(res.departments.map((d: any) => [d.departmentName, d.staffCount, d.confirmedCount, d.recordsAdded, d.dormantCount])).toEqual(
      expect.arrayContaining([
        ['行政部', 3, 0, 0, 3],
        ['华东销售部', 9, 2, 2, 7],
        ['华南销售部', 8, 0, 0, 8],
        ['客户服务部', 7, 1, 0, 7],
        ['市场部', 6, 0, 0, 6],
      ]),
    )
    expect(res.departments).toHaveLength(5)
    expect(res.total).toEqual({ staffCount: 33, confirmedCount: 3, incompleteCount: 1, recordsAdded: 2, dormantCount: 31 })
    expect(await as(cast.admin)('archive.coverage', { departmentId: 'dept-service' })).toMatchObject({ ok: true, data: { departments: [{ departmentId: 'dept-service', confirmedCount: 1 }] } })
    expect(await as(cast.admin)('archive.coverage', { departmentId: 'dept-nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('counts last month by its own confirmations and additions', async () => {
    expect(await as(cast.eastHead)('archive.coverage', { month: '2026-10' })).toMatchObject({
      ok: true,
      data: { month: '2026-10', dueOn: '2026-10-25', windowStart: '2026-08-01', total: { staffCount: 9, confirmedCount: 0, recordsAdded: 1, dormantCount: 7 } },
    })
  })

  it('leaves people who left out', async () => {
    await world.db.collection('people').doc(cast.eastColleague).update({ data: { status: 'left' } })
    expect(await as(cast.eastHead)('archive.coverage', {})).toMatchObject({ ok: true, data: { total: { staffCount: 8, confirmedCount: 1, incompleteCount: 0, dormantCount: 6 } } })
  })

  it('drills to who has not confirmed, by department and name', async () => {
    const res = await granted(as(cast.eastHead)('archive.listConfirmations', { status: 'unconfirmed' }))
    expect(res).toMatchObject({ month: '2026-11', total: 7, page: 1, pageSize: 20 })
    expect(res.items.map((r: any) => r.personName)).toEqual(['黄鹏', '刘洋', '孙悦', '王磊', '杨帆', '赵雪', '朱琳'])
    expect(res.items[1]).toEqual({
      personId: east(4),
      personName: '刘洋',
      departmentId: 'dept-sales-east',
      departmentName: '华东销售部',
      confirmed: false,
      complete: null,
      confirmedAt: null,
      onTime: null,
      dormant: false,
      lastBackedUpOn: '2026-10-10',
    })
    const paged = await granted(as(cast.eastHead)('archive.listConfirmations', { status: 'unconfirmed', page: 2, pageSize: 5 }))
    expect(paged.items.map((r: any) => r.personName)).toEqual(['赵雪', '朱琳'])
  })

  it('lists the partial confirmations and the dormant', async () => {
    const incomplete = await granted(as(cast.eastHead)('archive.listConfirmations', { status: 'incomplete' }))
    expect(incomplete.items).toEqual([expect.objectContaining({ personId: cast.eastColleague, confirmed: true, complete: false, onTime: false, confirmedAt: world.now.toISOString() })])
    const dormant = await granted(as(cast.eastHead)('archive.listConfirmations', { status: 'dormant' }))
    expect(dormant.total).toBe(7)
    expect(dormant.items.find((r: any) => r.personId === cast.eastColleague)).toMatchObject({ dormant: true, lastBackedUpOn: '2026-08-15' })
    expect(dormant.items.find((r: any) => r.personId === cast.eastHead)).toMatchObject({ dormant: true, lastBackedUpOn: null })
    const everyone = await granted(as(cast.admin)('archive.listConfirmations', { status: 'confirmed' }))
    expect(everyone.items.map((r: any) => r.personId)).toEqual(expect.arrayContaining([cast.eastEmployee, cast.eastColleague, cast.serviceEmployee]))
    expect(everyone.total).toBe(3)
    expect(await as(cast.southHead)('archive.listConfirmations', { departmentId: 'dept-sales-east' })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
    expect(await as(cast.eastEmployee)('archive.listConfirmations', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
