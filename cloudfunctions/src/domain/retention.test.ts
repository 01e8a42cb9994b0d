import { DEFAULT_RETENTION_MONTHS } from '../../../types/contract'
import { addMonths, ANONYMIZED_NAME, countPlan, emptyCounts, isExpired, keptUntil, leftBefore, planDocument, RETENTION_RULES, type RetentionRule } from './retention'

/** A Shanghai wall-clock time. */
const sh = (local: string) => new Date(`${local}+08:00`)
const rule = (collection: string): RetentionRule => {
  const found = RETENTION_RULES.find((r) => r.collection === collection)
  if (!found) throw new Error(`no rule for ${collection}`)
  return found
}
const P = 'p-gone'
const none = new Set<string>()

describe('addMonths', () => {
  it.each([
    ['2024-03-15', 24, '2026-03-15'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2024-12-31', 2, '2025-02-28'],
    ['2024-12-01', 1, '2025-01-01'],
    ['2024-06-30', 120, '2034-06-30'],
    ['2024-05-31', 0, '2024-05-31'],
  ])('%s + %i months = %s', (date, months, want) => {
    expect(addMonths(date, months)).toBe(want)
  })
})

describe('keptUntil', () => {
  it('counts from the Shanghai date of leaving, not the UTC one', () => {
    // 2024-03-15 07:30 in Shanghai is still 2024-03-14 in UTC.
    expect(keptUntil(new Date('2024-03-14T23:30:00Z'), 24)).toBe('2026-03-15')
    expect(keptUntil(new Date('2024-03-14T15:59:59Z'), 24)).toBe('2026-03-14')
  })
})

describe('isExpired', () => {
  const left = (leftAt: Date | undefined, extra: Record<string, unknown> = {}) => ({ _id: P, status: 'left', leftAt, ...extra })

  it('keeps the data through the last day and expires it from Shanghai midnight after', () => {
    const person = left(sh('2024-03-15T18:00:00'))
    expect(isExpired(person, 24, sh('2026-03-15T23:59:59'))).toBe(false)
    expect(isExpired(person, 24, sh('2026-03-16T00:00:00'))).toBe(true)
    expect(isExpired(person, 24, sh('2027-01-01T03:00:00'))).toBe(true)
  })

  it('uses Shanghai days at both ends, whatever the UTC date', () => {
    // Left at 00:30 Shanghai on 1 April (31 March in UTC): kept through 1 April two years on.
    const person = left(sh('2024-04-01T00:30:00'))
    expect(isExpired(person, 24, new Date('2026-04-01T15:59:59Z'))).toBe(false)
    expect(isExpired(person, 24, new Date('2026-04-01T16:00:00Z'))).toBe(true)
  })

  it('clamps to the end of shorter months', () => {
    const person = left(sh('2024-02-29T12:00:00'))
    expect(isExpired(person, 24, sh('2026-02-28T12:00:00'))).toBe(false)
    expect(isExpired(person, 24, sh('2026-03-01T00:00:00'))).toBe(true)
  })

  it('follows the configured period', () => {
    const person = left(sh('2020-06-10T09:00:00'))
    const now = sh('2026-06-11T03:00:00')
    expect(isExpired(person, 72, now)).toBe(true)
    expect(isExpired(person, 73, now)).toBe(false)
    expect(isExpired(person, 120, now)).toBe(false)
  })

  it('never expires active people, people without a leaving time, or people already anonymized', () => {
    const now = sh('2030-01-01T03:00:00')
    expect(isExpired({ _id: P, status: 'active', leftAt: sh('2020-01-01T00:00:00') }, 24, now)).toBe(false)
    expect(isExpired(left(undefined), 24, now)).toBe(false)
    expect(isExpired(left(null as unknown as undefined), 24, now)).toBe(false)
    expect(isExpired(left(sh('2020-01-01T00:00:00'), { anonymizedAt: sh('2023-01-01T03:00:00') }), 24, now)).toBe(false)
  })

  it('has a query bound that never misses an expired person', () => {
    const now = sh('2026-03-01T03:00:00')
    for (const months of [DEFAULT_RETENTION_MONTHS, 25, 37, 120]) {
      for (let day = 0; day < 4000; day += 7) {
        const leftAt = new Date(now.getTime() - day * 86_400_000)
        if (isExpired(left(leftAt), months, now)) expect(leftAt.getTime()).toBeLessThan(leftBefore(now, months).getTime())
      }
    }
  })
})

describe('planDocument', () => {
  it('deletes records that exist only for the person, and nothing of anyone else', () => {
    for (const collection of ['notice_receipts', 'policy_acks', 'self_checks', 'archive_confirmations', 'reply_stats', 'message_quota']) {
      expect(planDocument(rule(collection), { _id: 'x', personId: P }, P, none)).toEqual({ kind: 'delete' })
      expect(planDocument(rule(collection), { _id: 'y', personId: 'p-stays' }, P, none)).toBeNull()
    }
    expect(planDocument(rule('notifications'), { _id: 'n', recipientId: P }, P, none)).toEqual({ kind: 'delete' })
  })

  it('keeps published assessment results untouched and deletes unpublished ones', () => {
    const published = new Set(['run-2024-01'])
    expect(planDocument(rule('assessment_results'), { _id: 'r1', personId: P, runId: 'run-2024-01', personName: '王五' }, P, published)).toBeNull()
    expect(planDocument(rule('assessment_results'), { _id: 'r2', personId: P, runId: 'run-preview' }, P, published)).toEqual({ kind: 'delete' })
    expect(planDocument(rule('assessment_results'), { _id: 'r3', personId: 'p-stays', runId: 'run-preview' }, P, published)).toBeNull()
  })

  it('anonymizes the roster entry: name and contacts replaced, WeChat binding removed, the rest kept', () => {
    const doc = { _id: P, name: '王五', mobile: '13800000001', email: 'w@x.cn', openid: 'o-1', departmentId: 'd', role: 'employee', status: 'left' }
    expect(planDocument(rule('people'), doc, P, none)).toEqual({ kind: 'update', set: { name: ANONYMIZED_NAME, mobile: '', email: '' }, unset: ['openid'] })
    const done = { _id: P, name: ANONYMIZED_NAME, mobile: '', email: '', departmentId: 'd', role: 'employee', status: 'left' }
    expect(planDocument(rule('people'), done, P, none)).toBeNull()
  })

  it('anonymizes an application: names, contacts and the person’s own timeline entries, not the approvers’', () => {
    const doc = {
      _id: 'app',
      applicantId: P,
      applicantName: '王五',
      realName: '王五',
      mobile: '13800000001',
      email: 'w@x.cn',
      contactChangeReason: '换号',
      purpose: '维护客户',
      timeline: [
        { actorId: P, actorName: '王五', event: 'submit' },
        { actorId: 'p-head', actorName: '赵六', event: 'approve' },
      ],
    }
    expect(planDocument(rule('account_applications'), doc, P, none)).toEqual({
      kind: 'update',
      set: {
        applicantName: ANONYMIZED_NAME,
        realName: ANONYMIZED_NAME,
        mobile: '',
        email: '',
        contactChangeReason: null,
        timeline: [
          { actorId: P, actorName: ANONYMIZED_NAME, event: 'submit' },
          { actorId: 'p-head', actorName: '赵六', event: 'approve' },
        ],
      },
      unset: [],
    })
  })

  it('replaces only the departed side of a two-person record', () => {
    const asDelegate = { _id: 'del', holderId: 'p-stays', holderName: '李娜', delegateId: P, delegateName: '王五', timeline: [{ actorId: 'p-stays', actorName: '李娜' }] }
    expect(planDocument(rule('delegations'), asDelegate, P, none)).toEqual({ kind: 'update', set: { delegateName: ANONYMIZED_NAME }, unset: [] })
    const handover = { _id: 'h', holderId: P, holderName: '王五', receiverId: 'p-stays', receiverName: '李娜', startedById: 'p-admin', startedByName: '管理员', checklist: { customers: { byId: P, byName: '王五' }, groups: { byId: 'p-admin', byName: '管理员' } } }
    expect(planDocument(rule('handovers'), handover, P, none)).toEqual({
      kind: 'update',
      set: { holderName: ANONYMIZED_NAME, checklist: { customers: { byId: P, byName: ANONYMIZED_NAME }, groups: { byId: 'p-admin', byName: '管理员' } } },
      unset: [],
    })
  })

  it('keeps company records but takes the departed person’s name off them', () => {
    expect(planDocument(rule('customers'), { _id: 'c', name: '客户甲', phone: '13900000000', addedById: P, addedByName: '王五', ownerId: 'p-stays' }, P, none)).toEqual({ kind: 'update', set: { addedByName: ANONYMIZED_NAME }, unset: [] })
    expect(planDocument(rule('violations'), { _id: 'v', personId: P, personName: '王五', appealReason: '不服', points: 3 }, P, none)).toEqual({ kind: 'update', set: { personName: ANONYMIZED_NAME, appealReason: null }, unset: [] })
    expect(planDocument(rule('follow_ups'), { _id: 'f', ownerId: P, plannedById: 'p-stays', plannedByName: '李娜', closedByName: '王五' }, P, none)).toEqual({ kind: 'update', set: { closedByName: ANONYMIZED_NAME }, unset: [] })
    expect(planDocument(rule('follow_ups'), { _id: 'f2', ownerId: P, plannedById: P, plannedByName: '王五', closedByName: null }, P, none)).toEqual({ kind: 'update', set: { plannedByName: ANONYMIZED_NAME }, unset: [] })
    const task = { _id: 't', assigneeIds: ['p-stays', P], assignees: [{ personId: 'p-stays', name: '李娜' }, { personId: P, name: '王五' }] }
    expect(planDocument(rule('tasks'), task, P, none)).toEqual({ kind: 'update', set: { assignees: [{ personId: 'p-stays', name: '李娜' }, { personId: P, name: ANONYMIZED_NAME }] }, unset: [] })
  })

  it('changes nothing the second time', () => {
    const docs: Array<[string, Record<string, unknown>]> = [
      ['accounts', { _id: 'a', holderId: P, holderName: '王五' }],
      ['spot_checks', { _id: 's', personId: P, personName: '王五', employeeComment: '已整改' }],
      ['anomalies', { _id: 'an', reporterId: P, reporterName: '王五' }],
      ['tasks', { _id: 't', assigneeIds: [P], assignees: [{ personId: P, name: '王五' }] }],
    ]
    for (const [collection, doc] of docs) {
      const plan = planDocument(rule(collection), doc, P, none)
      expect(plan?.kind).toBe('update')
      const after = { ...doc, ...(plan as { set: Record<string, unknown> }).set }
      expect(planDocument(rule(collection), after, P, none)).toBeNull()
    }
  })

  it('ignores a record that does not name the person', () => {
    for (const r of RETENTION_RULES) expect(planDocument(r, { _id: 'x', personId: 'p-stays', holderId: 'p-stays', name: '李娜' }, P, none)).toBeNull()
  })
})

describe('RETENTION_RULES', () => {
  it('clears the roster entry last, since it marks the person done', () => {
    expect(RETENTION_RULES[RETENTION_RULES.length - 1].collection).toBe('people')
  })

  it('never touches the audit log or the records kept as they are', () => {
    const touched = RETENTION_RULES.map((r) => r.collection)
    for (const kept of ['audit_log', 'notices', 'policy_versions', 'assessment_runs', 'assessment_rules', 'spot_check_rounds', 'departments', 'settings']) expect(touched).not.toContain(kept)
    expect(new Set(touched).size).toBe(touched.length)
  })
})

it('counts deletions and anonymizations per collection', () => {
  const counts = emptyCounts()
  countPlan(counts, 'policy_acks', { kind: 'delete' })
  countPlan(counts, 'policy_acks', { kind: 'delete' })
  countPlan(counts, 'people', { kind: 'update', set: { name: ANONYMIZED_NAME }, unset: [] })
  countPlan(counts, 'accounts', null)
  expect(counts).toEqual({ deleted: { policy_acks: 2 }, anonymized: { people: 1 } })
})
