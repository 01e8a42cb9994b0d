import type { RoundDetail, SpotCheckDetail, TodoItem } from '../../types/contract'
import type { ActionContext } from '../../cloudfunctions/src/core/context'
import type { PersonDoc } from '../../cloudfunctions/src/repos/people'
import { spotCheckTodos } from '../../cloudfunctions/src/actions/spot-check'
import { sampleForSpotCheck } from '../../cloudfunctions/src/domain/spot-check-sample'
import { demoPeople } from '../../scripts/local-cloud/seed'
import { cast, openidOf } from '../support/company'
import { useScenario } from '../support/scenario'

const world = useScenario()
const as = world.as

/** A Shanghai wall-clock time; the scenario starts on Friday 2026-11-27 at 10:00. */
const sh = (local: string) => new Date(`${local}+08:00`)
const NOW = sh('2026-11-27T10:00:00').toISOString()

const EAST = 'dept-sales-east'
const eastStaff = demoPeople.filter((p) => p.departmentId === EAST && p.id !== cast.eastHead).map((p) => p.id)
const FILE = 'cloud://local-env.bucket/spot-checks/202611/1-abc.png'
const goodScore = { firstReplyMinutes: 12, rubric: { clarity: 4, courtesy: 4, infoHandling: 5 }, notes: '回复及时，报价说明清楚', screenshots: [FILE] }

async function start(personId: string, payload: Record<string, unknown>): Promise<RoundDetail> {
  const res = await as(personId)('spotCheck.startRound', payload)
  if (!res.ok) throw new Error(`spotCheck.startRound refused: ${res.error.code}`)
  return res.data as RoundDetail
}

async function score(personId: string, id: string, extra: Record<string, unknown> = {}): Promise<SpotCheckDetail> {
  const res = await as(personId)('spotCheck.score', { id, ...goodScore, ...extra })
  if (!res.ok) throw new Error(`spotCheck.score refused: ${res.error.code}`)
  return res.data as SpotCheckDetail
}

/** The east head draws everyone in the department but themself; returns the employee's check. */
async function eastRoundOfAll(): Promise<{ round: RoundDetail; checkId: string }> {
  const round = await start(cast.eastHead, { size: eastStaff.length, seed: 'all-east' })
  const check = round.checks.find((c) => c.personId === cast.eastEmployee)
  if (!check) throw new Error('employee not drawn')
  return { round, checkId: check.id }
}

async function stored(collection: string, id: string): Promise<Record<string, any>> {
  return (await world.db.collection(collection).doc(id).get()).data as Record<string, any>
}

async function auditOf(targetId: string): Promise<string[]> {
  const { data } = await world.db.collection('audit_log').where({ targetId }).orderBy('at', 'asc').get()
  return data.map((a) => a.action as string)
}

async function countOf(collection: string): Promise<number> {
  return (await world.db.collection(collection).where({}).count()).total
}

/** Calls expected to be refused, each leaving the database exactly as it was. */
async function refusedWithoutWriting(call: () => Promise<{ ok: boolean; error?: { code: string } }>, code: string): Promise<void> {
  const before = world.cloud.database.digest()
  const res = await call()
  expect(res).toMatchObject({ ok: false, error: { code } })
  expect(world.cloud.database.digest()).toBe(before)
}

async function todosOf(personId: string): Promise<TodoItem[]> {
  const person = (await world.db.collection('people').doc(personId).get()).data as unknown as PersonDoc
  const ctx: ActionContext = {
    db: world.db,
    now: () => world.now,
    openid: () => openidOf(personId),
    phone: { resolve: async () => null },
    messages: { send: async () => undefined },
    templateIds: {},
    caller: { kind: 'person', openid: openidOf(personId), person },
    action: 'todo.list',
  }
  return spotCheckTodos(ctx)
}

describe('spotCheck.startRound', () => {
  it('draws a head’s sample from their own department, reproducibly from the seed, one pending check each', async () => {
    const round = await start(cast.eastHead, { size: 3, seed: 'east-1' })
    const expected = sampleForSpotCheck(
      eastStaff.map((personId) => ({ personId, departmentId: EAST, lastCheckedMonth: null })),
      { size: 3, excludeWithinMonths: 3, force: false, seed: 'east-1', month: '2026-11' },
    ).personIds
    expect(round).toMatchObject({
      id: expect.stringMatching(/^round-/),
      createdBy: cast.eastHead,
      createdByName: '王磊',
      departmentIds: [EAST],
      departmentNames: ['华东销售部'],
      size: 3,
      sampledCount: 3,
      excludeWithinMonths: 3,
      force: false,
      seed: 'east-1',
      month: '2026-11',
      createdAt: NOW,
      scoredCount: 0,
      candidateCount: 8,
      eligibleCount: 8,
      excludedCount: 0,
      allocation: [{ departmentId: EAST, departmentName: '华东销售部', eligible: 8, sampled: 3 }],
      reproducible: true,
    })
    expect(round.checks.map((c) => c.personId)).toEqual(expected)
    expect(round.checks.map((c) => c.id)).toEqual(expected.map((personId) => `${round.id}-${personId}`))
    expect(round.checks[0]).toEqual({
      id: `${round.id}-${expected[0]}`,
      roundId: round.id,
      personId: expected[0],
      personName: demoPeople.find((p) => p.id === expected[0])!.name,
      departmentId: EAST,
      departmentName: '华东销售部',
      checkerId: cast.eastHead,
      checkerName: '王磊',
      status: 'pending',
      roundMonth: '2026-11',
      month: null,
      scoredAt: null,
      firstReplyMinutes: null,
      rubricPercent: null,
      commented: false,
      createdAt: NOW,
    })

    const doc = await stored('spot_check_rounds', round.id)
    expect(doc).toMatchObject({ createdBy: cast.eastHead, departmentIds: [EAST], size: 3, excludeWithinMonths: 3, force: false, seed: 'east-1', month: '2026-11', personIds: expected })
    expect(doc.createdAt).toEqual(sh('2026-11-27T10:00:00'))
    expect(doc.candidates).toHaveLength(8)
    const check = await stored('spot_checks', round.checks[0]!.id)
    expect(check).toMatchObject({ roundId: round.id, personId: expected[0], departmentId: EAST, checkerId: cast.eastHead, status: 'pending', month: null, firstReplyMinutes: null, rubric: null, rubricPercent: null, screenshots: [], employeeComment: null })
    expect(await countOf('spot_checks')).toBe(3)
    expect(await auditOf(round.id)).toEqual(['spotCheck.startRound'])
    const { data: audit } = await world.db.collection('audit_log').where({ targetId: round.id }).get()
    expect(audit[0]!.after).toMatchObject({ departmentIds: [EAST], size: 3, seed: 'east-1', month: '2026-11', personIds: expected, candidateCount: 8, excludedCount: 0 })
    // Nobody is told in advance, not even through the to-do list.
    expect(await countOf('notifications')).toBe(0)
  })

  it('records a seed it drew itself', async () => {
    const round = await start(cast.eastHead, { size: 2 })
    expect(round.seed).toMatch(/^[0-9a-f]{16}$/)
    expect(round.reproducible).toBe(true)
    expect((await stored('spot_check_rounds', round.id)).seed).toBe(round.seed)
    const other = await start(cast.southHead, { size: 2 })
    expect(other.seed).not.toBe(round.seed)
  })

  it('lets an admin sample every department, each getting a share in proportion and at least one place', async () => {
    const round = await start(cast.admin, { size: 10, seed: 'company' })
    // 2 in 行政部 besides the admin, 9 in 华东 less none (the head is drawable for an admin), 8, 7, 6.
    expect(round.candidateCount).toBe(32)
    expect([...round.departmentIds].sort()).toEqual(['dept-admin', 'dept-marketing', 'dept-sales-east', 'dept-sales-south', 'dept-service'])
    expect(round.allocation).toEqual([
      { departmentId: 'dept-admin', departmentName: '行政部', eligible: 2, sampled: 1 },
      { departmentId: 'dept-marketing', departmentName: '市场部', eligible: 6, sampled: 2 },
      { departmentId: 'dept-sales-east', departmentName: '华东销售部', eligible: 9, sampled: 3 },
      { departmentId: 'dept-sales-south', departmentName: '华南销售部', eligible: 8, sampled: 2 },
      { departmentId: 'dept-service', departmentName: '客户服务部', eligible: 7, sampled: 2 },
    ])
    expect(round.checks).toHaveLength(10)
    expect(round.checks.every((c) => c.checkerId === cast.admin && c.personId !== cast.admin)).toBe(true)
    expect(new Set(round.checks.map((c) => c.departmentId)).size).toBe(5)
  })

  it('lets an admin choose departments', async () => {
    const round = await start(cast.admin, { departmentIds: ['dept-service', EAST], size: 4, seed: 'two' })
    expect([...round.departmentIds].sort()).toEqual([EAST, 'dept-service'])
    expect(round.allocation.map((a) => [a.departmentId, a.sampled])).toEqual([
      [EAST, 2],
      ['dept-service', 2],
    ])
    expect(round.checks.every((c) => c.departmentId === EAST || c.departmentId === 'dept-service')).toBe(true)
  })

  it('skips people drawn in the last K months unless forced, and draws everyone eligible when asked for more', async () => {
    const first = await start(cast.eastHead, { size: 5, seed: 'first' })
    const drawn = first.checks.map((c) => c.personId)
    const second = await start(cast.eastHead, { size: 10, seed: 'second' })
    expect(second).toMatchObject({ size: 10, sampledCount: 3, eligibleCount: 3, excludedCount: 5, candidateCount: 8, reproducible: true })
    expect(second.checks.map((c) => c.personId).filter((id) => drawn.includes(id))).toEqual([])
    // Everyone has now been drawn this month.
    await refusedWithoutWriting(() => as(cast.eastHead)('spotCheck.startRound', { size: 1 }), 'NO_SPOT_CHECK_CANDIDATES')
    const forced = await start(cast.eastHead, { size: 2, force: true, seed: 'forced' })
    expect(forced).toMatchObject({ sampledCount: 2, eligibleCount: 8, excludedCount: 0, force: true, reproducible: true })
    // Without a gap everybody is drawable.
    expect(await start(cast.eastHead, { size: 8, excludeWithinMonths: 0, seed: 'nogap' })).toMatchObject({ sampledCount: 8, excludedCount: 0 })
  })

  it('counts the gap in Shanghai months: drawn in September is skipped in November for 3 months, August is not', async () => {
    world.now = sh('2026-08-31T23:30:00')
    const august = await start(cast.eastHead, { size: 2, seed: 'aug' })
    world.now = sh('2026-09-01T00:30:00')
    const september = await start(cast.eastHead, { size: 2, seed: 'sep' })
    expect(august.month).toBe('2026-08')
    expect(september.month).toBe('2026-09')
    world.now = sh('2026-11-27T10:00:00')
    const november = await start(cast.eastHead, { size: 8, seed: 'nov' })
    const novemberIds = november.checks.map((c) => c.personId)
    expect(novemberIds).toHaveLength(6)
    for (const c of september.checks) expect(novemberIds).not.toContain(c.personId)
    for (const c of august.checks) expect(novemberIds).toContain(c.personId)
    const doc = await stored('spot_check_rounds', november.id)
    const lastOf = (id: string) => doc.candidates.find((c: { personId: string }) => c.personId === id).lastCheckedMonth
    expect(lastOf(august.checks[0]!.personId)).toBe('2026-08')
    expect(lastOf(september.checks[0]!.personId)).toBe('2026-09')
  })

  it('keeps heads to their own department and admins to departments that exist', async () => {
    await refusedWithoutWriting(() => as(cast.eastHead)('spotCheck.startRound', { departmentIds: ['dept-sales-south'], size: 2 }), 'OUT_OF_SCOPE')
    await refusedWithoutWriting(() => as(cast.admin)('spotCheck.startRound', { departmentIds: ['dept-nowhere'], size: 2 }), 'NOT_FOUND')
    await refusedWithoutWriting(() => as(cast.eastEmployee)('spotCheck.startRound', { size: 2 }), 'FORBIDDEN')
    // Naming their own department is the same as naming none.
    expect(await start(cast.eastHead, { departmentIds: [EAST], size: 1 })).toMatchObject({ departmentIds: [EAST], sampledCount: 1 })
  })

  it('checks the settings as the form does', async () => {
    for (const payload of [{ size: 0 }, { size: 201 }, { size: 2.5 }, { size: 3, excludeWithinMonths: 13 }, { size: 3, seed: 'has space' }, { size: 3, departmentIds: [EAST, EAST] }, { size: 3, extra: true }]) {
      await refusedWithoutWriting(() => as(cast.admin)('spotCheck.startRound', payload), 'BAD_INPUT')
    }
  })
})

describe('spotCheck.getRound', () => {
  it('shows a head only their department’s checks of an admin’s round, and refuses heads it does not cover', async () => {
    const round = await start(cast.admin, { departmentIds: [EAST, 'dept-service'], size: 6, seed: 'cover' })
    const east = round.checks.filter((c) => c.departmentId === EAST)
    const res = await as(cast.eastHead)('spotCheck.getRound', { id: round.id })
    expect(res).toMatchObject({ ok: true, data: { id: round.id, sampledCount: 6, reproducible: true, seed: 'cover' } })
    expect((res as { data: RoundDetail }).data.checks.map((c) => c.id)).toEqual(east.map((c) => c.id))
    expect((await as(cast.admin)('spotCheck.getRound', { id: round.id })) as { data: RoundDetail }).toMatchObject({ data: { checks: round.checks } })
    await refusedWithoutWriting(() => as(cast.southHead)('spotCheck.getRound', { id: round.id }), 'OUT_OF_SCOPE')
    await refusedWithoutWriting(() => as(cast.eastEmployee)('spotCheck.getRound', { id: round.id }), 'FORBIDDEN')
    await refusedWithoutWriting(() => as(cast.admin)('spotCheck.getRound', { id: 'round-missing' }), 'NOT_FOUND')
  })

  it('keeps a head drawn in an admin’s round from seeing their own check until it is scored', async () => {
    const round = await start(cast.admin, { departmentIds: [EAST], size: 9, seed: 'with-head' })
    const own = round.checks.find((c) => c.personId === cast.eastHead)!
    const shown = await as(cast.eastHead)('spotCheck.getRound', { id: round.id })
    expect((shown as { data: RoundDetail }).data.checks.map((c) => c.personId)).toEqual(round.checks.map((c) => c.personId).filter((id) => id !== cast.eastHead))
    expect(await as(cast.eastHead)('spotCheck.list', { scope: 'department' })).toMatchObject({ ok: true, data: { total: 8 } })
    await refusedWithoutWriting(() => as(cast.eastHead)('spotCheck.get', { id: own.id }), 'NOT_FOUND')
    await score(cast.admin, own.id)
    expect(await as(cast.eastHead)('spotCheck.get', { id: own.id })).toMatchObject({ ok: true, data: { status: 'scored', available: ['comment'] } })
    expect(await as(cast.eastHead)('spotCheck.listMine', {})).toMatchObject({ ok: true, data: { total: 1, items: [{ id: own.id }] } })
  })

  it('counts scores, and says when the recorded sample no longer matches what drawing again gives', async () => {
    const round = await start(cast.eastHead, { size: 3, seed: 'audit' })
    await score(cast.eastHead, round.checks[0]!.id)
    expect(await as(cast.eastHead)('spotCheck.getRound', { id: round.id })).toMatchObject({ ok: true, data: { scoredCount: 1, reproducible: true } })

    // Someone swapping the seed afterwards is caught.
    await world.db.collection('spot_check_rounds').doc(round.id).update({ data: { seed: 'other' } })
    expect(await as(cast.eastHead)('spotCheck.getRound', { id: round.id })).toMatchObject({ ok: true, data: { reproducible: false } })
    await world.db.collection('spot_check_rounds').doc(round.id).update({ data: { seed: 'audit' } })
    // So is a check that went missing, or one added by hand.
    await world.db.collection('spot_checks').doc(round.checks[2]!.id).remove()
    expect(await as(cast.eastHead)('spotCheck.getRound', { id: round.id })).toMatchObject({ ok: true, data: { reproducible: false, sampledCount: 3 } })
  })
})

describe('spotCheck.listRounds', () => {
  it('lists rounds newest first: heads those covering their department, admins all or one department’s', async () => {
    const eastRound = await start(cast.eastHead, { size: 1, seed: 'a' })
    world.now = sh('2026-11-27T11:00:00')
    const southRound = await start(cast.southHead, { size: 1, seed: 'b' })
    world.now = sh('2026-11-27T12:00:00')
    const adminRound = await start(cast.admin, { departmentIds: [EAST], size: 1, seed: 'c' })
    await score(cast.admin, adminRound.checks[0]!.id)

    const east = await as(cast.eastHead)('spotCheck.listRounds', {})
    expect(east).toMatchObject({ ok: true, data: { total: 2, page: 1, pageSize: 20 } })
    expect((east as { data: { items: Array<{ id: string; scoredCount: number }> } }).data.items.map((r) => [r.id, r.scoredCount])).toEqual([
      [adminRound.id, 1],
      [eastRound.id, 0],
    ])
    const all = await as(cast.admin)('spotCheck.listRounds', { pageSize: 2 })
    expect(all).toMatchObject({ ok: true, data: { total: 3, items: [{ id: adminRound.id }, { id: southRound.id }] } })
    expect(await as(cast.admin)('spotCheck.listRounds', { departmentId: 'dept-sales-south' })).toMatchObject({ ok: true, data: { total: 1, items: [{ id: southRound.id, departmentNames: ['华南销售部'] }] } })
    await refusedWithoutWriting(() => as(cast.eastHead)('spotCheck.listRounds', { departmentId: 'dept-sales-south' }), 'OUT_OF_SCOPE')
    await refusedWithoutWriting(() => as(cast.eastEmployee)('spotCheck.listRounds', {}), 'FORBIDDEN')
  })
})

describe('spotCheck.score', () => {
  it('records the checker’s score in the month of scoring, tells the person, and takes it off the checker’s to-do list', async () => {
    const { checkId } = await eastRoundOfAll()
    expect((await todosOf(cast.eastHead)).map((t) => [t.kind, t.title, t.statusLabel])).toContainEqual(['spotcheck', '抽查评分：李娜', '待评分'])
    expect(await as(cast.eastEmployee)('notify.recordConsent', { accepted: ['workNotice'] })).toMatchObject({ ok: true })
    world.now = sh('2026-11-30T15:20:00')
    const detail = await score(cast.eastHead, checkId)
    expect(detail).toEqual({
      id: checkId,
      roundId: expect.stringMatching(/^round-/),
      personId: cast.eastEmployee,
      personName: '李娜',
      departmentId: EAST,
      departmentName: '华东销售部',
      checkerId: cast.eastHead,
      checkerName: '王磊',
      status: 'scored',
      roundMonth: '2026-11',
      month: '2026-11',
      scoredAt: sh('2026-11-30T15:20:00').toISOString(),
      firstReplyMinutes: 12,
      rubricPercent: 86.7,
      commented: false,
      createdAt: NOW,
      rubric: { clarity: 4, courtesy: 4, infoHandling: 5 },
      notes: '回复及时，报价说明清楚',
      screenshots: [FILE],
      scoredByName: '王磊',
      employeeComment: null,
      commentedAt: null,
      available: [],
    })
    expect(await stored('spot_checks', checkId)).toMatchObject({
      status: 'scored',
      month: '2026-11',
      firstReplyMinutes: 12,
      rubric: { clarity: 4, courtesy: 4, infoHandling: 5 },
      rubricPercent: 86.7,
      notes: '回复及时，报价说明清楚',
      screenshots: [FILE],
      scoredBy: cast.eastHead,
    })
    expect(await auditOf(checkId)).toEqual(['spotCheck.score'])
    expect(world.sent).toEqual([
      {
        touser: openidOf(cast.eastEmployee),
        templateId: 'tmpl-work-notice',
        page: `/packages/supervision/spot-check/index?id=${encodeURIComponent(checkId)}`,
        data: { thing1: { value: '业务微信抽查结果已出' }, thing2: { value: '沟通评分86.7分，可查看并反馈意见' }, time3: { value: '2026-11-30 15:20' } },
      },
    ])
    expect((await todosOf(cast.eastHead)).map((t) => t.id)).not.toContain(checkId)
    expect(await todosOf(cast.eastEmployee)).toEqual([])
  })

  it('counts a check scored after midnight in Shanghai in the new month, and takes an unobserved first reply', async () => {
    const { checkId } = await eastRoundOfAll()
    world.now = new Date('2026-11-30T16:10:00Z')
    const detail = await score(cast.eastHead, checkId, { firstReplyMinutes: null, rubric: { clarity: 5, courtesy: 5, infoHandling: 5 }, notes: undefined, screenshots: undefined })
    expect(detail).toMatchObject({ month: '2026-12', firstReplyMinutes: null, rubricPercent: 100, notes: '', screenshots: [] })
    expect(await stored('spot_checks', checkId)).toMatchObject({ month: '2026-12', firstReplyMinutes: null })
  })

  it('lets an admin stand in for the checker, and nobody else', async () => {
    const { checkId } = await eastRoundOfAll()
    await refusedWithoutWriting(() => as(cast.southHead)('spotCheck.score', { id: checkId, ...goodScore }), 'OUT_OF_SCOPE')
    await refusedWithoutWriting(() => as(cast.eastEmployee)('spotCheck.score', { id: checkId, ...goodScore }), 'FORBIDDEN')
    const detail = await score(cast.admin, checkId, { rubric: { clarity: 0, courtesy: 1, infoHandling: 2 } })
    expect(detail).toMatchObject({ checkerName: '王磊', scoredByName: '陈静', rubricPercent: 20 })

    // A head who did not draw the check may look, not score.
    const round = await start(cast.admin, { departmentIds: [EAST], size: 3, force: true, seed: 'admin-east' })
    const colleague = round.checks.find((c) => c.personId !== cast.eastHead)!
    await refusedWithoutWriting(() => as(cast.eastHead)('spotCheck.score', { id: colleague.id, ...goodScore }), 'FORBIDDEN')
    expect(await as(cast.eastHead)('spotCheck.get', { id: colleague.id })).toMatchObject({ ok: true, data: { status: 'pending', available: [] } })
  })

  it('scores once: a second score is refused, and of two at the same moment only one is written', async () => {
    const { round } = await eastRoundOfAll()
    const [a, b] = round.checks
    await score(cast.eastHead, a!.id)
    await refusedWithoutWriting(() => as(cast.admin)('spotCheck.score', { id: a!.id, ...goodScore }), 'INVALID_STATE')

    const results = await Promise.all([
      as(cast.eastHead)('spotCheck.score', { id: b!.id, ...goodScore, notes: '第一份' }),
      as(cast.admin)('spotCheck.score', { id: b!.id, ...goodScore, notes: '第二份' }),
    ])
    const refused = results.filter((r) => !r.ok)
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(refused).toHaveLength(1)
    expect(['CONFLICT', 'INVALID_STATE']).toContain((refused[0] as { error: { code: string } }).error.code)
    expect(await auditOf(b!.id)).toEqual(['spotCheck.score'])
  })

  it('never lets someone score their own check', async () => {
    // The head of 行政部 draws both other members, the admin among them.
    const round = await start('p-admin-01', { size: 2, seed: 'admins' })
    const own = round.checks.find((c) => c.personId === cast.admin)!
    await refusedWithoutWriting(() => as(cast.admin)('spotCheck.score', { id: own.id, ...goodScore }), 'FORBIDDEN')
    expect(await as(cast.admin)('spotCheck.get', { id: own.id })).toMatchObject({ ok: true, data: { available: [] } })
  })

  it('checks the score as the form does', async () => {
    const { checkId } = await eastRoundOfAll()
    const bad = [
      { rubric: { clarity: 6, courtesy: 4, infoHandling: 4 } },
      { rubric: { clarity: 4, courtesy: 4 } },
      { rubric: { clarity: 4.5, courtesy: 4, infoHandling: 4 } },
      { firstReplyMinutes: 1441 },
      { firstReplyMinutes: -1 },
      { firstReplyMinutes: undefined },
      { notes: '评'.repeat(501) },
      { screenshots: Array.from({ length: 7 }, (_, i) => `${FILE}${i}`) },
      { screenshots: ['https://example.com/a.png'] },
    ]
    for (const extra of bad) await refusedWithoutWriting(() => as(cast.eastHead)('spotCheck.score', { id: checkId, ...goodScore, ...extra }), 'BAD_INPUT')
  })
})

describe('what the person sees', () => {
  it('hides a check from the person until it is scored, then shows it with the way to answer', async () => {
    const { checkId } = await eastRoundOfAll()
    await refusedWithoutWriting(() => as(cast.eastEmployee)('spotCheck.get', { id: checkId }), 'NOT_FOUND')
    expect(await as(cast.eastEmployee)('spotCheck.listMine', {})).toEqual({ ok: true, data: { items: [], total: 0, page: 1, pageSize: 20 } })
    await score(cast.eastHead, checkId)
    expect(await as(cast.eastEmployee)('spotCheck.get', { id: checkId })).toMatchObject({ ok: true, data: { status: 'scored', rubricPercent: 86.7, notes: '回复及时，报价说明清楚', available: ['comment'] } })
    expect(await as(cast.eastEmployee)('spotCheck.listMine', {})).toMatchObject({ ok: true, data: { total: 1, items: [{ id: checkId, rubricPercent: 86.7, commented: false }] } })
    // Colleagues and other departments' heads do not see it; the department's head does.
    await refusedWithoutWriting(() => as(cast.eastColleague)('spotCheck.get', { id: checkId }), 'FORBIDDEN')
    await refusedWithoutWriting(() => as(cast.southHead)('spotCheck.get', { id: checkId }), 'OUT_OF_SCOPE')
    expect(await as(cast.eastHead)('spotCheck.get', { id: checkId })).toMatchObject({ ok: true, data: { available: [] } })
    expect(await as(cast.eastColleague)('spotCheck.listMine', {})).toMatchObject({ ok: true, data: { total: 0 } })
  })

  it('takes the person’s answer once and tells the checker', async () => {
    const { checkId } = await eastRoundOfAll()
    await score(cast.eastHead, checkId)
    await refusedWithoutWriting(() => as(cast.eastHead)('spotCheck.comment', { id: checkId, comment: '代为说明' }), 'FORBIDDEN')
    await refusedWithoutWriting(() => as(cast.eastEmployee)('spotCheck.comment', { id: checkId, comment: '好' }), 'BAD_INPUT')
    world.now = sh('2026-11-28T09:00:00')
    const res = await as(cast.eastEmployee)('spotCheck.comment', { id: checkId, comment: '  当天客户在外地，已电话先行回复  ' })
    expect(res).toMatchObject({
      ok: true,
      data: { employeeComment: '当天客户在外地，已电话先行回复', commentedAt: sh('2026-11-28T09:00:00').toISOString(), commented: true, available: [] },
    })
    expect(await stored('spot_checks', checkId)).toMatchObject({ employeeComment: '当天客户在外地，已电话先行回复', status: 'scored', rubricPercent: 86.7 })
    expect(await auditOf(checkId)).toEqual(['spotCheck.score', 'spotCheck.comment'])
    const { data: told } = await world.db.collection('notifications').where({ recordId: checkId, recipientId: cast.eastHead }).get()
    expect(told.map((n) => [n.kind, n.title])).toEqual([['spotcheck', '李娜对抽查结果提出意见']])
    await refusedWithoutWriting(() => as(cast.eastEmployee)('spotCheck.comment', { id: checkId, comment: '再补充一句' }), 'INVALID_STATE')
  })

  it('does not take an answer to a check not yet scored', async () => {
    const { checkId } = await eastRoundOfAll()
    await refusedWithoutWriting(() => as(cast.eastEmployee)('spotCheck.comment', { id: checkId, comment: '我还没被评分' }), 'NOT_FOUND')
  })
})

describe('spotCheck.list', () => {
  it('lists what waits for the caller’s score, a department’s checks by name, and for admins everyone’s', async () => {
    const { round } = await eastRoundOfAll()
    const southRound = await start(cast.southHead, { size: 2, seed: 'south' })
    const lina = round.checks.find((c) => c.personId === cast.eastEmployee)!
    await score(cast.eastHead, lina.id)

    expect(await as(cast.eastHead)('spotCheck.list', { scope: 'toScore' })).toMatchObject({ ok: true, data: { total: 7 } })
    expect(await as(cast.southHead)('spotCheck.list', { scope: 'toScore' })).toMatchObject({ ok: true, data: { total: 2 } })
    expect(await as(cast.eastHead)('spotCheck.list', { scope: 'department', status: 'scored' })).toMatchObject({ ok: true, data: { total: 1, items: [{ id: lina.id }] } })
    expect(await as(cast.eastHead)('spotCheck.list', { scope: 'department', keyword: '李' })).toMatchObject({ ok: true, data: { total: 1, items: [{ personName: '李娜' }] } })
    expect(await as(cast.eastHead)('spotCheck.list', { scope: 'department', keyword: '.*' })).toMatchObject({ ok: true, data: { total: 0 } })
    expect(await as(cast.admin)('spotCheck.list', { scope: 'all' })).toMatchObject({ ok: true, data: { total: 8 + southRound.sampledCount } })
    expect(await as(cast.admin)('spotCheck.list', { scope: 'department', departmentId: 'dept-sales-south', status: 'pending' })).toMatchObject({ ok: true, data: { total: 2 } })
    await refusedWithoutWriting(() => as(cast.eastHead)('spotCheck.list', { scope: 'all' }), 'FORBIDDEN')
    await refusedWithoutWriting(() => as(cast.eastHead)('spotCheck.list', { scope: 'department', departmentId: 'dept-sales-south' }), 'OUT_OF_SCOPE')
    await refusedWithoutWriting(() => as(cast.eastEmployee)('spotCheck.list', { scope: 'toScore' }), 'FORBIDDEN')
  })
})
