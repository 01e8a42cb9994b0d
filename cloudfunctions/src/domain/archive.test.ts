import { archiveAccess, confirmationDueOn, matchesFilter, monthEnd, recentWindow, shiftMonth, summarizeCoverage } from './archive'
import { confirmMonthlyInput, monthlyComplete } from '../../../types/contract'

const record = { ownerId: 'p-east-2', departmentId: 'east' }

describe('archive access', () => {
  it('lets the owner do everything', () => {
    expect(archiveAccess({ id: 'p-east-2', role: 'employee', departmentId: 'east' }, record)).toEqual({ refusal: null, canEdit: true, canDelete: true })
  })

  it('lets the department’s head look but not change', () => {
    expect(archiveAccess({ id: 'p-east-1', role: 'head', departmentId: 'east' }, record)).toEqual({ refusal: null, canEdit: false, canDelete: false })
  })

  it('lets an admin look and delete but not rewrite', () => {
    expect(archiveAccess({ id: 'p-admin', role: 'admin', departmentId: 'admin' }, record)).toEqual({ refusal: null, canEdit: false, canDelete: true })
  })

  it('keeps other departments’ heads and colleagues out', () => {
    expect(archiveAccess({ id: 'p-south-1', role: 'head', departmentId: 'south' }, record).refusal).toBe('OUT_OF_SCOPE')
    expect(archiveAccess({ id: 'p-east-3', role: 'employee', departmentId: 'east' }, record)).toEqual({ refusal: 'FORBIDDEN', canEdit: false, canDelete: false })
  })

  it('treats a head’s own record as their own', () => {
    expect(archiveAccess({ id: 'p-east-1', role: 'head', departmentId: 'east' }, { ownerId: 'p-east-1', departmentId: 'east' })).toEqual({ refusal: null, canEdit: true, canDelete: true })
  })
})

describe('months', () => {
  it('is due on the configured day', () => {
    expect(confirmationDueOn('2026-11', 25)).toBe('2026-11-25')
    expect(confirmationDueOn('2027-02', 3)).toBe('2027-02-03')
  })

  it('moves across year ends', () => {
    expect(shiftMonth('2026-01', -2)).toBe('2025-11')
    expect(shiftMonth('2026-12', 1)).toBe('2027-01')
    expect(shiftMonth('2026-11', 0)).toBe('2026-11')
  })

  it('knows the length of each month, leap years included', () => {
    expect(monthEnd('2026-11')).toBe('2026-11-30')
    expect(monthEnd('2026-02')).toBe('2026-02-28')
    expect(monthEnd('2028-02')).toBe('2028-02-29')
    expect(monthEnd('2026-12')).toBe('2026-12-31')
  })

  it('looks back over the month and the two before it', () => {
    expect(recentWindow('2026-11')).toEqual({ start: '2026-09-01', end: '2026-11-30' })
    expect(recentWindow('2027-01')).toEqual({ start: '2026-11-01', end: '2027-01-31' })
  })
})

describe('monthly confirmation', () => {
  it('is complete only with all three duties done', () => {
    expect(monthlyComplete({ classified: true, cleaned: true, backedUp: true })).toBe(true)
    expect(monthlyComplete({ classified: true, cleaned: false, backedUp: true })).toBe(false)
  })

  it('asks for a reason when a duty is left undone', () => {
    const partial = confirmMonthlyInput.safeParse({ classified: true, cleaned: false, backedUp: true })
    expect(partial.success).toBe(false)
    expect(partial.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['note', '有未完成的事项，请在备注中说明原因']])
    expect(confirmMonthlyInput.safeParse({ classified: true, cleaned: false, backedUp: true, note: '   ' }).success).toBe(false)
    expect(confirmMonthlyInput.safeParse({ classified: true, cleaned: false, backedUp: true, note: '本月出差，下月初清理' }).success).toBe(true)
    expect(confirmMonthlyInput.safeParse({ classified: true, cleaned: true, backedUp: true }).success).toBe(true)
  })
})

describe('coverage', () => {
  const departments = [
    { id: 'east', name: '华东销售部' },
    { id: 'south', name: '华南销售部' },
  ]
  const staff = [
    { id: 'e1', departmentId: 'east' },
    { id: 'e2', departmentId: 'east' },
    { id: 'e3', departmentId: 'east' },
    { id: 's1', departmentId: 'south' },
  ]

  it('counts confirmations, partial ones, additions and people without a recent backup per department', () => {
    const result = summarizeCoverage(
      departments,
      staff,
      [
        { personId: 'e1', complete: true },
        { personId: 'e2', complete: false },
        // Someone no longer in service: not counted anywhere.
        { personId: 'gone', complete: true },
      ],
      new Set(['e1', 's1', 'gone']),
      new Map([
        ['east', 4],
        ['south', 1],
      ]),
    )
    expect(result.departments).toEqual([
      { departmentId: 'east', departmentName: '华东销售部', staffCount: 3, confirmedCount: 2, incompleteCount: 1, recordsAdded: 4, dormantCount: 2 },
      { departmentId: 'south', departmentName: '华南销售部', staffCount: 1, confirmedCount: 0, incompleteCount: 0, recordsAdded: 1, dormantCount: 0 },
    ])
    expect(result.total).toEqual({ staffCount: 4, confirmedCount: 2, incompleteCount: 1, recordsAdded: 5, dormantCount: 2 })
  })

  it('sorts people under the drill-down filters', () => {
    const partial = { personId: 'e2', complete: false }
    const full = { personId: 'e1', complete: true }
    expect([matchesFilter('unconfirmed', undefined, false), matchesFilter('unconfirmed', full, false)]).toEqual([true, false])
    expect([matchesFilter('confirmed', partial, false), matchesFilter('confirmed', undefined, false)]).toEqual([true, false])
    expect([matchesFilter('incomplete', partial, false), matchesFilter('incomplete', full, false)]).toEqual([true, false])
    expect([matchesFilter('dormant', full, true), matchesFilter('dormant', undefined, false)]).toEqual([true, false])
    expect(matchesFilter(undefined, undefined, false)).toBe(true)
  })
})
