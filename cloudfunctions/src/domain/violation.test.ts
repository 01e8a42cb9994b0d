import type { PolicyDocument } from '../../../types/contract'
import { appealDeadline, availableViolationEvents, citeSection, clauseOptions, decideViolation, pointsFor, recordRefusal, violationEvidence } from './violation'

/** Recorded on Friday 2026-11-27 at 10:00 in Shanghai. */
const recordedAt = new Date('2026-11-27T02:00:00Z')
const sh = (local: string) => new Date(`${local}+08:00`)

describe('appealing', () => {
  it('closes at the end of the 15th Shanghai day after the day of recording', () => {
    expect(appealDeadline(recordedAt)).toBe('2026-12-12')
    // 23:30 UTC is already the next morning in Shanghai: the window counts from that day.
    expect(appealDeadline(new Date('2026-11-27T23:30:00Z'))).toBe('2026-12-13')
  })

  it('lets the person appeal a recorded violation until the deadline has passed, and only once', () => {
    const doc = { status: 'recorded' as const, recordedAt }
    expect(decideViolation(doc, 'appeal', ['owner'], sh('2026-12-12T23:59:00'))).toEqual({ ok: true, next: 'appealed' })
    expect(decideViolation(doc, 'appeal', ['owner'], sh('2026-12-13T00:00:00'))).toEqual({ ok: false, refusal: 'APPEAL_WINDOW_CLOSED' })
    for (const status of ['appealed', 'upheld', 'overturned'] as const) {
      expect(decideViolation({ status, recordedAt }, 'appeal', ['owner'], recordedAt)).toEqual({ ok: false, refusal: 'ALREADY_APPEALED' })
      // Past the window too, what matters is that the one appeal was used.
      expect(decideViolation({ status, recordedAt }, 'appeal', ['owner'], sh('2027-01-01T10:00:00'))).toEqual({ ok: false, refusal: 'ALREADY_APPEALED' })
    }
  })

  it('is the person’s alone: heads and admins cannot appeal for them', () => {
    const doc = { status: 'recorded' as const, recordedAt }
    expect(decideViolation(doc, 'appeal', ['ownHead'], recordedAt)).toEqual({ ok: false, refusal: 'FORBIDDEN' })
    expect(decideViolation(doc, 'appeal', ['admin'], recordedAt)).toEqual({ ok: false, refusal: 'FORBIDDEN' })
    expect(decideViolation(doc, 'appeal', ['otherHead'], recordedAt)).toEqual({ ok: false, refusal: 'FORBIDDEN' })
    // An admin's own violation: they appeal as its person.
    expect(decideViolation(doc, 'appeal', ['owner', 'admin'], recordedAt)).toEqual({ ok: true, next: 'appealed' })
  })
})

describe('deciding an appeal', () => {
  const appealed = { status: 'appealed' as const, recordedAt }

  it('is for admins, who uphold or overturn', () => {
    expect(decideViolation(appealed, 'uphold', ['admin'], recordedAt)).toEqual({ ok: true, next: 'upheld' })
    expect(decideViolation(appealed, 'overturn', ['admin'], recordedAt)).toEqual({ ok: true, next: 'overturned' })
    // Admins stand in as head of a headless department; that gives no extra say.
    expect(decideViolation(appealed, 'overturn', ['admin', 'ownHead'], recordedAt)).toEqual({ ok: true, next: 'overturned' })
  })

  it('is not for heads, not for the person, and never for an admin about their own appeal', () => {
    expect(decideViolation(appealed, 'uphold', ['ownHead'], recordedAt)).toEqual({ ok: false, refusal: 'FORBIDDEN' })
    expect(decideViolation(appealed, 'overturn', ['otherHead'], recordedAt)).toEqual({ ok: false, refusal: 'FORBIDDEN' })
    expect(decideViolation(appealed, 'overturn', ['owner'], recordedAt)).toEqual({ ok: false, refusal: 'FORBIDDEN' })
    expect(decideViolation(appealed, 'overturn', ['owner', 'admin'], recordedAt)).toEqual({ ok: false, refusal: 'SELF_APPROVAL' })
  })

  it('happens once: a decided or unappealed violation has nothing to decide', () => {
    for (const status of ['recorded', 'upheld', 'overturned'] as const) {
      expect(decideViolation({ status, recordedAt }, 'uphold', ['admin'], recordedAt)).toEqual({ ok: false, refusal: 'INVALID_STATE' })
      expect(decideViolation({ status, recordedAt }, 'overturn', ['admin'], recordedAt)).toEqual({ ok: false, refusal: 'INVALID_STATE' })
    }
  })

  it('offers each viewer only what would work for them now', () => {
    expect(availableViolationEvents({ status: 'recorded', recordedAt }, ['owner'], recordedAt)).toEqual(['appeal'])
    expect(availableViolationEvents({ status: 'recorded', recordedAt }, ['owner'], sh('2026-12-13T09:00:00'))).toEqual([])
    expect(availableViolationEvents({ status: 'recorded', recordedAt }, ['ownHead'], recordedAt)).toEqual([])
    expect(availableViolationEvents({ status: 'appealed', recordedAt }, ['admin'], recordedAt)).toEqual(['uphold', 'overturn'])
    expect(availableViolationEvents({ status: 'appealed', recordedAt }, ['owner', 'admin'], recordedAt)).toEqual([])
    expect(availableViolationEvents({ status: 'upheld', recordedAt }, ['admin'], recordedAt)).toEqual([])
  })
})

describe('recording', () => {
  it('is for the person’s own head or an admin, never about oneself', () => {
    expect(recordRefusal(['ownHead'])).toBeNull()
    expect(recordRefusal(['admin'])).toBeNull()
    expect(recordRefusal(['admin', 'ownHead'])).toBeNull()
    expect(recordRefusal(['otherHead'])).toBe('OUT_OF_SCOPE')
    expect(recordRefusal(['colleague'])).toBe('FORBIDDEN')
    expect(recordRefusal(['owner', 'ownHead'])).toBe('FORBIDDEN')
    expect(recordRefusal(['owner', 'admin'])).toBe('FORBIDDEN')
  })

  it('deducts the severity’s default points unless adjusted, zero included', () => {
    expect(pointsFor('minor', undefined)).toBe(2)
    expect(pointsFor('major', undefined)).toBe(5)
    expect(pointsFor('serious', undefined)).toBe(10)
    expect(pointsFor('serious', 0)).toBe(0)
    expect(pointsFor('minor', 30)).toBe(30)
  })
})

const doc: PolicyDocument = {
  title: '业务微信管理制度',
  chapters: [
    { key: 'general', title: '总则', sections: [{ key: 'general-purpose', heading: '目的', clauses: ['……'] }] },
    {
      key: 'communication',
      title: '业务微信沟通规范',
      sections: [
        { key: 'communication-contacts', heading: '添加好友与群组管理', clauses: ['……'] },
        { key: 'communication-messages', heading: '信息发布与回复', clauses: ['……'] },
      ],
    },
  ],
}

describe('citing the policy', () => {
  it('names the section with the version and its number in that version', () => {
    expect(citeSection(doc, { id: 'policy-v2', number: 2 }, 'communication-messages')).toEqual({
      versionId: 'policy-v2',
      versionNumber: 2,
      chapterKey: 'communication',
      sectionKey: 'communication-messages',
      label: '第2版 2.2 信息发布与回复',
    })
    expect(citeSection(doc, { id: 'policy-v2', number: 2 }, 'communication')).toBeNull()
    expect(citeSection(doc, { id: 'policy-v2', number: 2 }, 'no-such-section')).toBeNull()
  })

  it('offers every section in reading order', () => {
    expect(clauseOptions(doc)).toEqual([
      { chapterKey: 'general', chapterTitle: '总则', sectionKey: 'general-purpose', label: '1.1 目的' },
      { chapterKey: 'communication', chapterTitle: '业务微信沟通规范', sectionKey: 'communication-contacts', label: '2.1 添加好友与群组管理' },
      { chapterKey: 'communication', chapterTitle: '业务微信沟通规范', sectionKey: 'communication-messages', label: '2.2 信息发布与回复' },
    ])
  })
})

describe('assessment evidence', () => {
  it('counts what stands (recorded, under appeal, upheld), not what was overturned', () => {
    expect(
      violationEvidence([
        { status: 'recorded', points: 2, category: 'communication' },
        { status: 'appealed', points: 5, category: 'confidentiality' },
        { status: 'upheld', points: 10, category: 'confidentiality' },
        { status: 'overturned', points: 10, category: 'confidentiality' },
      ]),
    ).toEqual({ count: 3, points: 17, confidentiality: 2 })
    expect(violationEvidence([])).toEqual({ count: 0, points: 0, confidentiality: 0 })
  })
})
