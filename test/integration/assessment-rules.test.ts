import { defaultAssessmentRules, defaultRuleVersion, type AssessmentRules, type RuleVersion } from '../../types/contract'
import { loadRulesAsOf, loadRulesInForce, loadRuleVersion } from '../../cloudfunctions/src/repos/assessment-rules'
import { cast } from '../support/company'
import { useScenario } from '../support/scenario'

const world = useScenario()
const as = world.as

/** The defaults with 回复及时率 raised to 40 at the expense of 沟通质量. */
const replyFirst: AssessmentRules = {
  ...defaultAssessmentRules,
  weights: { replyTimeliness: 40, communicationQuality: 20, informationManagement: 20, applicationEffect: 20 },
}

async function save(payload: Record<string, unknown>): Promise<RuleVersion> {
  const res = await as(cast.admin)('assessment.saveRules', payload)
  if (!res.ok) throw new Error(`assessment.saveRules refused: ${res.error.code}`)
  return res.data as RuleVersion
}

/** What a refused save must leave untouched. */
async function written() {
  return {
    versions: (await world.db.collection('assessment_rules').orderBy('_id', 'asc').get()).data,
    audit: (await world.db.collection('audit_log').where({ action: 'assessment.saveRules' }).count()).total,
  }
}

const later = (minutes: number) => new Date(world.now.getTime() + minutes * 60_000)

describe('the rules in force', () => {
  it('are the built-in defaults, version 0, until an admin saves, for everyone', async () => {
    for (const person of [cast.eastEmployee, cast.eastHead, cast.southHead, cast.admin]) {
      expect(await as(person)('assessment.getRules', {})).toEqual({ ok: true, data: defaultRuleVersion })
    }
    expect(defaultRuleVersion).toEqual({
      version: 0,
      rules: {
        weights: { replyTimeliness: 30, communicationQuality: 30, informationManagement: 20, applicationEffect: 20 },
        grades: [
          { label: '优秀', min: 90 },
          { label: '良好', min: 80 },
          { label: '合格', min: 60 },
          { label: '不合格', min: 0 },
        ],
        firstReplyThresholdMinutes: 30,
        complaintPenalty: 10,
        minimumEvidence: 2,
        neutralScore: 80,
      },
      note: null,
      changes: [],
      savedAt: null,
      savedById: null,
      savedByName: null,
    })
  })
})

describe('saving rules', () => {
  it('writes the next version with what changed, audits it, and puts it in force', async () => {
    const res = await as(cast.admin)('assessment.saveRules', { ...replyFirst, baseVersion: 0, note: '  本季度重点考核回复速度  ' })
    const expected: RuleVersion = {
      version: 1,
      rules: replyFirst,
      note: '本季度重点考核回复速度',
      changes: ['回复及时率权重 30→40', '沟通质量权重 30→20'],
      savedAt: world.now.toISOString(),
      savedById: cast.admin,
      savedByName: '陈静',
    }
    expect(res).toEqual({ ok: true, data: expected })

    const stored = (await world.db.collection('assessment_rules').get()).data
    expect(stored).toEqual([
      {
        _id: 'rules-v1',
        version: 1,
        rules: replyFirst,
        note: '本季度重点考核回复速度',
        changes: ['回复及时率权重 30→40', '沟通质量权重 30→20'],
        savedAt: world.now,
        savedById: cast.admin,
        savedByName: '陈静',
      },
    ])
    const audit = (await world.db.collection('audit_log').where({ action: 'assessment.saveRules' }).get()).data
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: cast.admin,
        targetCollection: 'assessment_rules',
        targetId: 'rules-v1',
        before: { version: 0 },
        after: { version: 1, changes: ['回复及时率权重 30→40', '沟通质量权重 30→20'] },
      }),
    ])
    expect(await as(cast.eastEmployee)('assessment.getRules', {})).toEqual({ ok: true, data: expected })
  })

  it('describes every kind of change and leaves out an empty note', async () => {
    const version = await save({
      ...defaultAssessmentRules,
      grades: [
        { label: '优秀', min: 92 },
        { label: '良好', min: 80 },
        { label: '待改进', min: 0 },
      ],
      firstReplyThresholdMinutes: 20,
      complaintPenalty: 12.5,
      minimumEvidence: 3,
      neutralScore: 75,
      baseVersion: 0,
      note: '   ',
    })
    expect(version).toMatchObject({
      version: 1,
      note: null,
      changes: [
        '等级 优秀≥90、良好≥80、合格≥60、不合格≥0 → 优秀≥92、良好≥80、待改进≥0',
        '首次回复及时标准 30→20个工作分钟',
        '每次投诉扣分 10→12.5',
        '最少证据数 2→3条',
        '证据不足时的中性分 80→75',
      ],
    })
  })

  it('stores all four weights, an omitted one as 0', async () => {
    const version = await save({ ...defaultAssessmentRules, weights: { replyTimeliness: 50, communicationQuality: 50 }, baseVersion: 0 })
    expect(version.rules.weights).toEqual({ replyTimeliness: 50, communicationQuality: 50, informationManagement: 0, applicationEffect: 0 })
    const stored = (await world.db.collection('assessment_rules').doc('rules-v1').get()).data as { rules: AssessmentRules }
    expect(stored.rules.weights).toEqual({ replyTimeliness: 50, communicationQuality: 50, informationManagement: 0, applicationEffect: 0 })
  })

  it('numbers versions one after another and never changes a saved one', async () => {
    const first = await save({ ...replyFirst, baseVersion: 0 })
    const before = (await world.db.collection('assessment_rules').doc('rules-v1').get()).data
    world.now = later(30)
    const second = await save({ ...replyFirst, neutralScore: 70, baseVersion: 1 })
    expect(second).toMatchObject({ version: 2, changes: ['证据不足时的中性分 80→70'], savedAt: world.now.toISOString() })
    expect((await world.db.collection('assessment_rules').doc('rules-v1').get()).data).toEqual(before)
    expect(first.version).toBe(1)
    expect((await loadRulesInForce(world.db)).version).toBe(2)
    expect(await loadRuleVersion(world.db, 1)).toEqual(first)
    expect(await loadRuleVersion(world.db, 0)).toEqual(defaultRuleVersion)
    expect(await loadRuleVersion(world.db, 3)).toBeNull()
  })

  it('refuses a save based on a version that is no longer the latest, writing nothing', async () => {
    await save({ ...replyFirst, baseVersion: 0 })
    const before = await written()
    // Another admin still looking at the defaults.
    expect(await as(cast.admin)('assessment.saveRules', { ...defaultAssessmentRules, neutralScore: 70, baseVersion: 0 })).toMatchObject({ ok: false, error: { code: 'RULES_STALE' } })
    // Nor may a client claim a version that does not exist yet.
    expect(await as(cast.admin)('assessment.saveRules', { ...defaultAssessmentRules, neutralScore: 70, baseVersion: 5 })).toMatchObject({ ok: false, error: { code: 'RULES_STALE' } })
    expect(await written()).toEqual(before)
  })

  it('lets only one of two saves on the same version through', async () => {
    const [a, b] = await Promise.all([
      as(cast.admin)('assessment.saveRules', { ...replyFirst, baseVersion: 0 }),
      as(cast.admin)('assessment.saveRules', { ...defaultAssessmentRules, neutralScore: 70, baseVersion: 0 }),
    ])
    expect([a, b].filter((res) => res.ok)).toHaveLength(1)
    expect([a, b].filter((res) => !res.ok)).toEqual([expect.objectContaining({ error: expect.objectContaining({ code: 'RULES_STALE' }) })])
    const { versions, audit } = await written()
    expect(versions.map((v) => (v as { _id: string })._id)).toEqual(['rules-v1'])
    expect(audit).toBe(1)
  })

  it('refuses rules that are the same as the ones in force, writing nothing', async () => {
    const before = await written()
    expect(await as(cast.admin)('assessment.saveRules', { ...defaultAssessmentRules, baseVersion: 0, note: '没有改动' })).toMatchObject({
      ok: false,
      error: { code: 'RULES_UNCHANGED', message: '考核规则没有改动，无需保存' },
    })
    await save({ ...replyFirst, baseVersion: 0 })
    expect(await as(cast.admin)('assessment.saveRules', { ...replyFirst, baseVersion: 1 })).toMatchObject({ ok: false, error: { code: 'RULES_UNCHANGED' } })
    expect((await written()).versions).toHaveLength(before.versions.length + 1)
  })

  it('checks the rules with the same words as the form, writing nothing', async () => {
    const before = await written()
    const refusal = async (payload: Record<string, unknown>) => {
      const res = await as(cast.admin)('assessment.saveRules', { ...defaultAssessmentRules, baseVersion: 0, ...payload })
      return res.ok ? res : { code: res.error.code, issues: (res.error.details as { issues: unknown[] }).issues }
    }
    expect(await refusal({ weights: { ...defaultAssessmentRules.weights, applicationEffect: 10 } })).toEqual({ code: 'BAD_INPUT', issues: [{ path: 'weights', message: '四项指标权重之和须为100' }] })
    expect(
      await refusal({
        grades: [
          { label: '优秀', min: 80 },
          { label: '良好', min: 90 },
          { label: '合格', min: 0 },
        ],
      }),
    ).toEqual({ code: 'BAD_INPUT', issues: [{ path: 'grades', message: '等级须按分数从高到低排列，最后一级从0分起' }] })
    expect(
      await refusal({
        grades: [
          { label: '优秀', min: 90 },
          { label: '良好', min: 10 },
        ],
      }),
    ).toEqual({ code: 'BAD_INPUT', issues: [{ path: 'grades', message: '等级须按分数从高到低排列，最后一级从0分起' }] })
    expect(
      await refusal({
        grades: [
          { label: '优秀', min: 90 },
          { label: '优秀', min: 0 },
        ],
      }),
    ).toEqual({ code: 'BAD_INPUT', issues: [{ path: 'grades.1.label', message: '等级名称不能重复' }] })
    expect(await refusal({ grades: [{ label: '合格', min: 0 }] })).toEqual({ code: 'BAD_INPUT', issues: [{ path: 'grades', message: '至少需要2项' }] })
    expect(
      await refusal({
        grades: [
          { label: '  ', min: 90 },
          { label: '合格', min: 0 },
        ],
      }),
    ).toEqual({ code: 'BAD_INPUT', issues: [{ path: 'grades.0.label', message: '不能为空' }] })
    expect(await refusal({ firstReplyThresholdMinutes: 0 })).toEqual({ code: 'BAD_INPUT', issues: [{ path: 'firstReplyThresholdMinutes', message: '不能小于1' }] })
    expect(await refusal({ firstReplyThresholdMinutes: 12.5 })).toEqual({ code: 'BAD_INPUT', issues: [{ path: 'firstReplyThresholdMinutes', message: '类型不正确：应为整数' }] })
    expect(await refusal({ complaintPenalty: 51 })).toEqual({ code: 'BAD_INPUT', issues: [{ path: 'complaintPenalty', message: '不能大于50' }] })
    expect(await refusal({ neutralScore: -1 })).toEqual({ code: 'BAD_INPUT', issues: [{ path: 'neutralScore', message: '不能小于0' }] })
    expect(await refusal({ minimumEvidence: 21 })).toEqual({ code: 'BAD_INPUT', issues: [{ path: 'minimumEvidence', message: '不能大于20' }] })
    expect(await refusal({ note: '改'.repeat(101) })).toEqual({ code: 'BAD_INPUT', issues: [{ path: 'note', message: '修改说明不能超过100个字' }] })
    expect(await refusal({ weights: { ...defaultAssessmentRules.weights, teamwork: 0 } })).toMatchObject({ code: 'BAD_INPUT' })
    expect(await refusal({ version: 3 })).toEqual({ code: 'BAD_INPUT', issues: [{ path: '', message: '包含不允许的字段：version' }] })
    const { baseVersion: _omitted, ...noBase } = { ...defaultAssessmentRules, neutralScore: 70, baseVersion: 0 }
    expect(await as(cast.admin)('assessment.saveRules', noBase)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { issues: [{ path: 'baseVersion', message: '此项为必填' }] } } })
    expect(await written()).toEqual(before)
  })

  it('is for admins only', async () => {
    const before = await written()
    for (const person of [cast.eastEmployee, cast.eastHead, cast.southHead]) {
      expect(await as(person)('assessment.saveRules', { ...replyFirst, baseVersion: 0 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(await as(person)('assessment.listRuleVersions', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await written()).toEqual(before)
  })
})

describe('the version history', () => {
  async function threeVersions(): Promise<RuleVersion[]> {
    const one = await save({ ...replyFirst, baseVersion: 0, note: '回复优先' })
    world.now = later(60)
    const two = await save({ ...replyFirst, complaintPenalty: 15, baseVersion: 1 })
    world.now = later(60)
    const three = await save({ ...replyFirst, complaintPenalty: 15, minimumEvidence: 3, baseVersion: 2 })
    return [one, two, three]
  }

  it('lists the versions newest first and ends with the defaults', async () => {
    const [one, two, three] = await threeVersions()
    expect(await as(cast.admin)('assessment.listRuleVersions', {})).toEqual({ ok: true, data: { items: [three, two, one, defaultRuleVersion], total: 4, page: 1, pageSize: 20 } })
    expect(two?.changes).toEqual(['每次投诉扣分 10→15'])
    expect(three?.changes).toEqual(['最少证据数 2→3条'])
  })

  it('pages with the defaults counted as the last item', async () => {
    const [one, two, three] = await threeVersions()
    const page = async (n: number, size: number) => {
      const res = await as(cast.admin)('assessment.listRuleVersions', { page: n, pageSize: size })
      if (!res.ok) throw new Error(res.error.code)
      const data = res.data as { items: RuleVersion[]; total: number }
      return [data.items.map((v) => v.version), data.total]
    }
    expect(await page(1, 2)).toEqual([[3, 2], 4])
    expect(await page(2, 2)).toEqual([[1, 0], 4])
    expect(await page(3, 2)).toEqual([[], 4])
    expect(await page(1, 3)).toEqual([[3, 2, 1], 4])
    expect(await page(2, 3)).toEqual([[0], 4])
    expect(await page(1, 4)).toEqual([[3, 2, 1, 0], 4])
    expect([one?.version, two?.version, three?.version]).toEqual([1, 2, 3])
  })

  it('is the defaults alone before any save', async () => {
    expect(await as(cast.admin)('assessment.listRuleVersions', { page: 1, pageSize: 5 })).toEqual({ ok: true, data: { items: [defaultRuleVersion], total: 1, page: 1, pageSize: 5 } })
  })

  it('tells which version was in force at a moment, for results computed later', async () => {
    const start = world.now
    const [one, two] = await threeVersions()
    expect(await loadRulesAsOf(world.db, new Date(start.getTime() - 1))).toEqual(defaultRuleVersion)
    expect(await loadRulesAsOf(world.db, start)).toEqual(one)
    expect(await loadRulesAsOf(world.db, new Date(start.getTime() + 90 * 60_000))).toEqual(two)
    expect((await loadRulesAsOf(world.db, new Date(start.getTime() + 24 * 3600_000))).version).toBe(3)
  })
})
