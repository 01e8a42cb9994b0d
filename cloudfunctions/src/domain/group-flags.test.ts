import { addMonths, flagsOfGroup, groupReviewDueOn, type GroupFlagFacts } from './group-flags'

const fresh: GroupFlagFacts = {
  status: 'active',
  purpose: '华东区重点客户售后沟通',
  createdOn: '2026-08-27',
  lastReviewedOn: null,
  lastReviewStillNeeded: null,
  lastReviewMembersRelevant: null,
}

describe('addMonths', () => {
  it('keeps the day of the month where it exists', () => {
    expect(addMonths('2026-08-27', 3)).toBe('2026-11-27')
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15')
  })

  it('falls back to the last day of a shorter month, leap years included', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29')
    expect(addMonths('2026-05-31', 1)).toBe('2026-06-30')
  })

  it('crosses years in both directions', () => {
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01')
    expect(addMonths('2027-01-31', -2)).toBe('2026-11-30')
  })
})

describe('groupReviewDueOn', () => {
  it('counts from registration until the first review, then from the latest review', () => {
    expect(groupReviewDueOn('2026-08-27', null)).toBe('2026-11-27')
    expect(groupReviewDueOn('2026-01-10', '2026-10-31')).toBe('2027-01-31')
  })
})

describe('flagsOfGroup', () => {
  it('flags nothing for a group with a purpose reviewed within three months', () => {
    expect(flagsOfGroup(fresh, '2026-11-27')).toEqual([])
    expect(flagsOfGroup({ ...fresh, createdOn: '2026-01-01', lastReviewedOn: '2026-09-01', lastReviewStillNeeded: true, lastReviewMembersRelevant: true }, '2026-11-27')).toEqual([])
  })

  it('flags a review as late from the day after it fell due', () => {
    expect(flagsOfGroup(fresh, '2026-11-27')).toEqual([])
    expect(flagsOfGroup(fresh, '2026-11-28')).toEqual(['review_overdue'])
    expect(flagsOfGroup({ ...fresh, createdOn: '2025-01-01', lastReviewedOn: '2026-08-26' }, '2026-11-27')).toEqual(['review_overdue'])
  })

  it('flags a missing or blank purpose', () => {
    expect(flagsOfGroup({ ...fresh, purpose: null }, '2026-11-27')).toEqual(['no_purpose'])
    expect(flagsOfGroup({ ...fresh, purpose: '   ' }, '2026-11-27')).toEqual(['no_purpose'])
  })

  it('carries what the latest review found until the next one', () => {
    const reviewed = { ...fresh, lastReviewedOn: '2026-11-01', lastReviewStillNeeded: false, lastReviewMembersRelevant: false }
    expect(flagsOfGroup(reviewed, '2026-11-27')).toEqual(['not_needed', 'members_irrelevant'])
    expect(flagsOfGroup({ ...reviewed, lastReviewStillNeeded: true }, '2026-11-27')).toEqual(['members_irrelevant'])
  })

  it('lists every flag that applies, in a fixed order', () => {
    const neglected = { ...fresh, purpose: null, createdOn: '2025-06-01', lastReviewedOn: '2025-07-01', lastReviewStillNeeded: false, lastReviewMembersRelevant: true }
    expect(flagsOfGroup(neglected, '2026-11-27')).toEqual(['no_purpose', 'review_overdue', 'not_needed'])
  })

  it('flags nothing once a group is dissolved', () => {
    expect(flagsOfGroup({ ...fresh, status: 'dissolved', purpose: null, createdOn: '2020-01-01' }, '2026-11-27')).toEqual([])
  })
})
