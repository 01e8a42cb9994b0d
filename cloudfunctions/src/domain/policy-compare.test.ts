import { comparePolicies, diffClauses } from './policy-compare'
import type { PolicyChapter, PolicyDocument } from '../../../types/contract/policy'
import { policyComparisonSchema, type PolicyComparison } from '../../../types/contract/policy-compare'

const base: PolicyDocument = {
  title: '业务微信管理制度',
  chapters: [
    {
      key: 'general',
      title: '总则',
      sections: [
        { key: 'purpose', heading: '目的', clauses: ['规范业务微信的使用。', '保护客户信息。'] },
        { key: 'scope', heading: '适用范围', clauses: ['适用于全体员工。'] },
      ],
    },
    {
      key: 'accounts',
      title: '账号管理',
      sections: [
        { key: 'apply', heading: '申请', clauses: ['由部门负责人审批。', '管理员登记账号。', '员工领取后首次登录修改密码。'] },
        { key: 'security', heading: '安全', clauses: ['开启安全验证。', '每90天修改密码。'] },
      ],
    },
    {
      key: 'handover',
      title: '交接',
      sections: [{ key: 'leaving', heading: '离职交接', clauses: ['离职前完成账号交接。'] }],
    },
  ],
}

function withChapters(chapters: PolicyChapter[]): PolicyDocument {
  return { ...base, chapters }
}

function chapter(doc: PolicyDocument, key: string): PolicyChapter {
  const found = doc.chapters.find((c) => c.key === key)
  if (!found) throw new Error(`no chapter ${key}`)
  return found
}

function outline(result: PolicyComparison): string[] {
  return result.chapters.map((c) => `${c.key}:${c.change}[${c.sections.map((s) => `${s.key}:${s.change}`).join(' ')}]`)
}

describe('diffClauses', () => {
  it('keeps identical lists unchanged', () => {
    expect(diffClauses(['a', 'b'], ['a', 'b'])).toEqual([
      { text: 'a', change: 'unchanged' },
      { text: 'b', change: 'unchanged' },
    ])
  })

  it('shows an edited clause as its old text removed, then its new text added, in place', () => {
    expect(diffClauses(['a', 'b', 'c'], ['a', 'b2', 'c'])).toEqual([
      { text: 'a', change: 'unchanged' },
      { text: 'b', change: 'removed' },
      { text: 'b2', change: 'added' },
      { text: 'c', change: 'unchanged' },
    ])
  })

  it('shows a moved clause as removed where it was and added where it is', () => {
    expect(diffClauses(['a', 'b', 'c'], ['c', 'a', 'b'])).toEqual([
      { text: 'c', change: 'added' },
      { text: 'a', change: 'unchanged' },
      { text: 'b', change: 'unchanged' },
      { text: 'c', change: 'removed' },
    ])
  })

  it('handles empty sides and repeated clauses', () => {
    expect(diffClauses([], ['a'])).toEqual([{ text: 'a', change: 'added' }])
    expect(diffClauses(['a'], [])).toEqual([{ text: 'a', change: 'removed' }])
    expect(diffClauses(['x', 'a', 'x'], ['x', 'x'])).toEqual([
      { text: 'x', change: 'unchanged' },
      { text: 'a', change: 'removed' },
      { text: 'x', change: 'unchanged' },
    ])
  })
})

describe('comparePolicies', () => {
  it('marks everything unchanged between identical documents, clauses included', () => {
    const result = comparePolicies(base, structuredClone(base))
    expect(outline(result)).toEqual([
      'general:unchanged[purpose:unchanged scope:unchanged]',
      'accounts:unchanged[apply:unchanged security:unchanged]',
      'handover:unchanged[leaving:unchanged]',
    ])
    expect(result.chapters[0].sections[0].clauses).toEqual([
      { text: '规范业务微信的使用。', change: 'unchanged' },
      { text: '保护客户信息。', change: 'unchanged' },
    ])
    expect(result.chapters.every((c) => c.previousTitle === null && c.sections.every((s) => s.previousHeading === null))).toBe(true)
    expect(result.counts).toEqual({ added: 0, removed: 0, changed: 0 })
  })

  it('reads a first version as entirely added', () => {
    const result = comparePolicies(null, base)
    expect(outline(result)).toEqual([
      'general:added[purpose:added scope:added]',
      'accounts:added[apply:added security:added]',
      'handover:added[leaving:added]',
    ])
    expect(result.chapters.flatMap((c) => c.sections.flatMap((s) => s.clauses.map((x) => x.change)))).toEqual(Array(9).fill('added'))
    expect(result.counts).toEqual({ added: 5, removed: 0, changed: 0 })
  })

  it('places an added chapter where it now is', () => {
    const audit: PolicyChapter = { key: 'audit', title: '检查', sections: [{ key: 'monthly', heading: '月度自查', clauses: ['每月10日前完成自查。'] }] }
    const next = withChapters([base.chapters[0], base.chapters[1], audit, base.chapters[2]])
    const result = comparePolicies(base, next)
    expect(outline(result)).toEqual([
      'general:unchanged[purpose:unchanged scope:unchanged]',
      'accounts:unchanged[apply:unchanged security:unchanged]',
      'audit:added[monthly:added]',
      'handover:unchanged[leaving:unchanged]',
    ])
    expect(result.chapters[2]).toMatchObject({ title: '检查', previousTitle: null })
    expect(result.chapters[2].sections[0].clauses).toEqual([{ text: '每月10日前完成自查。', change: 'added' }])
    expect(result.counts).toEqual({ added: 1, removed: 0, changed: 0 })
  })

  it('keeps a removed chapter after the chapter that preceded it, with its old title and content', () => {
    const result = comparePolicies(base, withChapters([base.chapters[0], base.chapters[2]]))
    expect(outline(result)).toEqual([
      'general:unchanged[purpose:unchanged scope:unchanged]',
      'accounts:removed[apply:removed security:removed]',
      'handover:unchanged[leaving:unchanged]',
    ])
    expect(result.chapters[1]).toMatchObject({ title: '账号管理', previousTitle: null })
    expect(result.chapters[1].sections[1]).toMatchObject({
      heading: '安全',
      previousHeading: null,
      clauses: [
        { text: '开启安全验证。', change: 'removed' },
        { text: '每90天修改密码。', change: 'removed' },
      ],
    })
    expect(result.counts).toEqual({ added: 0, removed: 2, changed: 0 })
  })

  it('puts a removed first chapter first, and removals before additions that took their place', () => {
    const audit: PolicyChapter = { key: 'audit', title: '检查', sections: [{ key: 'monthly', heading: '月度自查', clauses: ['每月自查。'] }] }
    const result = comparePolicies(base, withChapters([audit, base.chapters[1], base.chapters[2]]))
    expect(result.chapters.map((c) => `${c.key}:${c.change}`)).toEqual(['general:removed', 'audit:added', 'accounts:unchanged', 'handover:unchanged'])
  })

  it('keeps a run of removed chapters in their old order', () => {
    const result = comparePolicies(base, withChapters([base.chapters[0]]))
    expect(result.chapters.map((c) => `${c.key}:${c.change}`)).toEqual(['general:unchanged', 'accounts:removed', 'handover:removed'])
  })

  it('marks a renamed chapter changed with its old title, its sections untouched and uncounted', () => {
    const next = structuredClone(base)
    chapter(next, 'accounts').title = '账号的申请与安全'
    const result = comparePolicies(base, next)
    expect(result.chapters[1]).toMatchObject({ key: 'accounts', title: '账号的申请与安全', previousTitle: '账号管理', change: 'changed' })
    expect(result.chapters[1].sections.map((s) => s.change)).toEqual(['unchanged', 'unchanged'])
    expect(result.counts).toEqual({ added: 0, removed: 0, changed: 0 })
  })

  it('marks a renamed section changed with its old heading', () => {
    const next = structuredClone(base)
    chapter(next, 'accounts').sections[1].heading = '账号安全'
    const result = comparePolicies(base, next)
    expect(result.chapters[1]).toMatchObject({ change: 'changed', previousTitle: null })
    expect(result.chapters[1].sections[1]).toMatchObject({ heading: '账号安全', previousHeading: '安全', change: 'changed' })
    expect(result.chapters[1].sections[1].clauses.every((c) => c.change === 'unchanged')).toBe(true)
    expect(result.counts).toEqual({ added: 0, removed: 0, changed: 1 })
  })

  it('shows a clause added in the middle of a section', () => {
    const next = structuredClone(base)
    chapter(next, 'accounts').sections[0].clauses.splice(1, 0, '申请须说明业务用途。')
    const result = comparePolicies(base, next)
    expect(result.chapters[1].sections[0]).toMatchObject({ change: 'changed', previousHeading: null })
    expect(result.chapters[1].sections[0].clauses).toEqual([
      { text: '由部门负责人审批。', change: 'unchanged' },
      { text: '申请须说明业务用途。', change: 'added' },
      { text: '管理员登记账号。', change: 'unchanged' },
      { text: '员工领取后首次登录修改密码。', change: 'unchanged' },
    ])
    expect(result.chapters[1].change).toBe('changed')
    expect(result.chapters[0].change).toBe('unchanged')
    expect(result.counts).toEqual({ added: 0, removed: 0, changed: 1 })
  })

  it('shows a clause removed from the middle of a section', () => {
    const next = structuredClone(base)
    chapter(next, 'accounts').sections[0].clauses.splice(1, 1)
    const result = comparePolicies(base, next)
    expect(result.chapters[1].sections[0].clauses).toEqual([
      { text: '由部门负责人审批。', change: 'unchanged' },
      { text: '管理员登记账号。', change: 'removed' },
      { text: '员工领取后首次登录修改密码。', change: 'unchanged' },
    ])
    expect(result.counts).toEqual({ added: 0, removed: 0, changed: 1 })
  })

  it('shows a clause edited in the middle as the old text removed and the new text added', () => {
    const next = structuredClone(base)
    chapter(next, 'accounts').sections[0].clauses[1] = '管理员在三个工作日内登记账号。'
    const result = comparePolicies(base, next)
    expect(result.chapters[1].sections[0].clauses).toEqual([
      { text: '由部门负责人审批。', change: 'unchanged' },
      { text: '管理员登记账号。', change: 'removed' },
      { text: '管理员在三个工作日内登记账号。', change: 'added' },
      { text: '员工领取后首次登录修改密码。', change: 'unchanged' },
    ])
  })

  it('marks a section with reordered clauses changed', () => {
    const next = structuredClone(base)
    chapter(next, 'accounts').sections[0].clauses.reverse()
    const result = comparePolicies(base, next)
    const section = result.chapters[1].sections[0]
    expect(section.change).toBe('changed')
    expect(section.clauses.filter((c) => c.change === 'unchanged')).toHaveLength(1)
    // Every clause of both orders is still there to read, once as it was and once as it is.
    expect(section.clauses.filter((c) => c.change !== 'added').map((c) => c.text)).toEqual(base.chapters[1].sections[0].clauses)
    expect(section.clauses.filter((c) => c.change !== 'removed').map((c) => c.text)).toEqual(next.chapters[1].sections[0].clauses)
  })

  it('follows the new section order without marking a reordering as a change', () => {
    const next = structuredClone(base)
    chapter(next, 'accounts').sections.reverse()
    const result = comparePolicies(base, next)
    expect(outline(result)[1]).toBe('accounts:unchanged[security:unchanged apply:unchanged]')
  })

  it('shows a section moved to another chapter as removed from one and added to the other', () => {
    const next = structuredClone(base)
    const [security] = chapter(next, 'accounts').sections.splice(1, 1)
    chapter(next, 'handover').sections.unshift(security)
    const result = comparePolicies(base, next)
    expect(outline(result)).toEqual([
      'general:unchanged[purpose:unchanged scope:unchanged]',
      'accounts:changed[apply:unchanged security:removed]',
      'handover:changed[security:added leaving:unchanged]',
    ])
    expect(result.chapters[1].sections[1].clauses.every((c) => c.change === 'removed')).toBe(true)
    expect(result.chapters[2].sections[0].clauses.every((c) => c.change === 'added')).toBe(true)
    expect(result.counts).toEqual({ added: 1, removed: 1, changed: 0 })
  })

  it('places a removed section after its old neighbour, ahead of sections added there', () => {
    const next = structuredClone(base)
    chapter(next, 'general').sections.splice(0, 1, { key: 'principles', heading: '基本原则', clauses: ['账号归公司所有。'] })
    chapter(next, 'general').sections.splice(1, 0, { key: 'terms', heading: '术语', clauses: ['业务微信指公司配发的账号。'] })
    const result = comparePolicies(base, next)
    expect(outline(result)[0]).toBe('general:changed[purpose:removed principles:added terms:added scope:unchanged]')
  })

  it('counts sections by how they changed across the whole document', () => {
    const next = structuredClone(base)
    chapter(next, 'general').sections[0].clauses.push('明确各方职责。')
    chapter(next, 'general').sections.splice(1, 1)
    chapter(next, 'accounts').sections[1].heading = '账号安全'
    chapter(next, 'accounts').sections.push({ key: 'loss', heading: '丢失', clauses: ['手机丢失须当日报告。'] })
    next.chapters.splice(2, 1)
    const result = comparePolicies(base, next)
    expect(outline(result)).toEqual([
      'general:changed[purpose:changed scope:removed]',
      'accounts:changed[apply:unchanged security:changed loss:added]',
      'handover:removed[leaving:removed]',
    ])
    expect(result.counts).toEqual({ added: 1, removed: 2, changed: 2 })
  })

  it('produces what the contract sends to the client', () => {
    const next = structuredClone(base)
    chapter(next, 'handover').sections[0].clauses[0] = '离职前一周完成账号交接。'
    expect(policyComparisonSchema.safeParse(comparePolicies(base, next)).success).toBe(true)
    expect(policyComparisonSchema.safeParse(comparePolicies(null, base)).success).toBe(true)
  })

  it('compares a document at the size limits quickly', () => {
    const big = (edit: boolean): PolicyDocument => ({
      title: '大制度',
      chapters: Array.from({ length: 20 }, (_, c) => ({
        key: `c${c}`,
        title: `第${c}章`,
        sections: Array.from({ length: 20 }, (_, s) => ({
          key: `c${c}-s${s}`,
          heading: `小节${s}`,
          clauses: Array.from({ length: 30 }, (_, k) => (edit && k % 3 === 0 ? `条款${c}.${s}.${k}（修订）` : `条款${c}.${s}.${k}`)),
        })),
      })),
    })
    const previous = big(false)
    const next = big(true)
    const started = Date.now()
    const result = comparePolicies(previous, next)
    expect(Date.now() - started).toBeLessThan(1000)
    expect(result.counts).toEqual({ added: 0, removed: 0, changed: 400 })
    expect(result.chapters[0].sections[0].clauses).toHaveLength(40)
  })
})
