import { defaultAssessmentRules, evidenceSchema, scoreSchema, type AssessmentRules, type Evidence, type IndicatorKey } from '../../../../types/contract'
import { noEvidence } from '../../../../test/doubles/assessment'
import { gradeFor, roundScore, scoreMonth } from './score'

function month(overrides: Partial<Evidence>): Evidence {
  return evidenceSchema.parse({ ...noEvidence(), ...overrides })
}

/** A flawless month: every indicator at 100 with enough evidence. */
function flawless(overrides: Partial<Evidence> = {}): Evidence {
  return month({
    notices: { due: 3, onTime: 3 },
    followUps: { due: 4, onTime: 4, late: 0, overdue: 0 },
    spotChecks: { count: 2, repliesWithin: 2, repliesObserved: 2, rubricAverage: 100 },
    feedback: { count: 3, satisfactionAverage: 5, complaints: 0 },
    selfCheckDone: true,
    archiveConfirmed: true,
    policyAcknowledged: true,
    tasks: { due: 2, onTime: 2 },
    ...overrides,
  })
}

const rules = (overrides: Partial<AssessmentRules> = {}): AssessmentRules => ({ ...defaultAssessmentRules, ...overrides })

function indicatorOf(evidence: Evidence, key: IndicatorKey, r: AssessmentRules = defaultAssessmentRules) {
  const found = scoreMonth(evidence, r).indicators.find((i) => i.key === key)
  if (!found) throw new Error(`no ${key}`)
  return found
}

describe('rounding', () => {
  it('rounds to one decimal, half up, despite binary fractions', () => {
    expect(roundScore(84.75)).toBe(84.8)
    expect(roundScore(84.74)).toBe(84.7)
    expect(roundScore(66.66666)).toBe(66.7)
    expect(roundScore(2.25)).toBe(2.3)
    expect(roundScore(0.05)).toBe(0.1)
    expect(roundScore(1.005 * 10)).toBe(10.1)
    expect(roundScore(0.1 + 0.2)).toBe(0.3)
    expect(roundScore(100)).toBe(100)
    expect(roundScore(0)).toBe(0)
  })
})

describe('回复及时率', () => {
  it('counts notices, follow-ups and spot-check first replies as items, timely or not', () => {
    const evidence = month({
      notices: { due: 10, onTime: 9 },
      followUps: { due: 7, onTime: 6, late: 1, overdue: 0 },
      spotChecks: { count: 2, repliesWithin: 2, repliesObserved: 2, rubricAverage: 90 },
    })
    // 9 + 6 + 2 = 17 timely of 10 + 7 + 2 = 19: 89.47… → 89.5
    expect(indicatorOf(evidence, 'replyTimeliness')).toEqual({
      key: 'replyTimeliness',
      weight: 30,
      score: 89.5,
      insufficient: false,
      explanation: '通知按时确认9/10，跟进按时完成6/7，抽查首次回复30分钟内2/2；共19项中及时17项，得89.5分',
    })
  })

  it('adds the imported reply rate as one item worth the rate, and the imported average as one timely or late item', () => {
    const evidence = month({
      notices: { due: 10, onTime: 9 },
      followUps: { due: 7, onTime: 6, late: 1, overdue: 0 },
      spotChecks: { count: 2, repliesWithin: 2, repliesObserved: 2, rubricAverage: 90 },
      importedReply: { averageFirstReplyMinutes: 25, replyRate: 0.9 },
    })
    // (17 + 0.9 + 1) / (19 + 2) = 18.9 / 21 = 90
    const result = indicatorOf(evidence, 'replyTimeliness')
    expect(result.score).toBe(90)
    expect(result.explanation).toBe(
      '通知按时确认9/10，跟进按时完成6/7，抽查首次回复30分钟内2/2，企业微信回复率90%，企业微信平均首次回复25分钟（未超过30分钟）；共21项中及时18.9项，得90分',
    )
  })

  it('counts an imported average exactly at the threshold as timely, and one minute over as not', () => {
    expect(indicatorOf(month({ importedReply: { averageFirstReplyMinutes: 30, replyRate: 1 } }), 'replyTimeliness').score).toBe(100)
    const over = indicatorOf(month({ importedReply: { averageFirstReplyMinutes: 31, replyRate: 1 } }), 'replyTimeliness')
    expect(over.score).toBe(50)
    expect(over.explanation).toBe('企业微信回复率100%，企业微信平均首次回复31分钟（超过30分钟）；共2项中及时1项，得50分')
    // The threshold is the admin's: 45 minutes makes 31 timely.
    expect(indicatorOf(month({ importedReply: { averageFirstReplyMinutes: 31, replyRate: 1 } }), 'replyTimeliness', rules({ firstReplyThresholdMinutes: 45 })).score).toBe(100)
  })

  it('uses the half of the imported statistics that is there', () => {
    const rateOnly = month({ notices: { due: 1, onTime: 1 }, importedReply: { averageFirstReplyMinutes: null, replyRate: 0.8 } })
    // (1 + 0.8) / 2 = 90
    expect(indicatorOf(rateOnly, 'replyTimeliness').score).toBe(90)
    const averageOnly = month({ notices: { due: 1, onTime: 0 }, importedReply: { averageFirstReplyMinutes: 12, replyRate: null } })
    expect(indicatorOf(averageOnly, 'replyTimeliness').score).toBe(50)
  })

  it('keeps an out-of-range reply rate between 0 and 1', () => {
    expect(indicatorOf(month({ notices: { due: 1, onTime: 1 }, importedReply: { averageFirstReplyMinutes: null, replyRate: 1.4 } }), 'replyTimeliness').score).toBe(100)
  })

  it('scores 0 when every item was late, with enough evidence', () => {
    const result = indicatorOf(month({ notices: { due: 2, onTime: 0 }, followUps: { due: 1, onTime: 0, late: 0, overdue: 1 } }), 'replyTimeliness')
    expect(result).toMatchObject({ score: 0, insufficient: false })
  })

  it('gives the neutral score when items are below the minimum evidence', () => {
    expect(indicatorOf(month({ notices: { due: 1, onTime: 0 } }), 'replyTimeliness')).toEqual({
      key: 'replyTimeliness',
      weight: 30,
      score: 80,
      insufficient: true,
      explanation: '本月证据不足（仅1条），按中性分80计',
    })
    expect(indicatorOf(noEvidence(), 'replyTimeliness')).toMatchObject({ score: 80, insufficient: true, explanation: '本月证据不足（0条），按中性分80计' })
  })

  it('is sufficient exactly at the minimum evidence', () => {
    expect(indicatorOf(month({ notices: { due: 2, onTime: 1 } }), 'replyTimeliness')).toMatchObject({ score: 50, insufficient: false })
    expect(indicatorOf(month({ notices: { due: 2, onTime: 1 } }), 'replyTimeliness', rules({ minimumEvidence: 3, neutralScore: 75 }))).toMatchObject({
      score: 75,
      insufficient: true,
      explanation: '本月证据不足（仅2条），按中性分75计',
    })
  })
})

describe('沟通质量', () => {
  it('takes the rubric average less the penalty for each complaint', () => {
    const evidence = month({ spotChecks: { count: 2, repliesWithin: 0, repliesObserved: 0, rubricAverage: 85 }, feedback: { count: 1, satisfactionAverage: 2, complaints: 1 } })
    expect(indicatorOf(evidence, 'communicationQuality')).toEqual({
      key: 'communicationQuality',
      weight: 30,
      score: 75,
      insufficient: false,
      explanation: '抽查2次，评分平均85，客户投诉1次扣10分，得75分',
    })
  })

  it('is the rubric average without complaints', () => {
    const evidence = month({ spotChecks: { count: 2, repliesWithin: 0, repliesObserved: 0, rubricAverage: 86.7 } })
    expect(indicatorOf(evidence, 'communicationQuality')).toMatchObject({ score: 86.7, explanation: '抽查2次，评分平均86.7，无客户投诉，得86.7分' })
  })

  it('starts from the neutral score when nobody spot-checked but customers complained', () => {
    const evidence = month({ feedback: { count: 2, satisfactionAverage: 1.5, complaints: 2 } })
    expect(indicatorOf(evidence, 'communicationQuality')).toMatchObject({
      score: 60,
      insufficient: false,
      explanation: '本月无抽查评分，从中性分80起算，客户投诉2次扣20分，得60分',
    })
    expect(indicatorOf(evidence, 'communicationQuality', rules({ neutralScore: 70, complaintPenalty: 7.5 })).score).toBe(55)
  })

  it('never goes below 0', () => {
    const evidence = month({ spotChecks: { count: 1, repliesWithin: 0, repliesObserved: 0, rubricAverage: 20 }, feedback: { count: 3, satisfactionAverage: 1, complaints: 3 } })
    expect(indicatorOf(evidence, 'communicationQuality')).toMatchObject({ score: 0, explanation: '抽查1次，评分平均20，客户投诉3次扣30分，得0分' })
  })

  it('counts spot checks and complaints as its evidence', () => {
    // One spot check alone is not enough under the default minimum of 2.
    expect(indicatorOf(month({ spotChecks: { count: 1, repliesWithin: 0, repliesObserved: 0, rubricAverage: 40 } }), 'communicationQuality')).toMatchObject({
      score: 80,
      insufficient: true,
      explanation: '本月证据不足（仅1条），按中性分80计',
    })
    // One complaint alone is not either.
    expect(indicatorOf(month({ feedback: { count: 1, satisfactionAverage: null, complaints: 1 } }), 'communicationQuality')).toMatchObject({ score: 80, insufficient: true })
    // With a minimum of 1, the single spot check counts.
    expect(indicatorOf(month({ spotChecks: { count: 1, repliesWithin: 0, repliesObserved: 0, rubricAverage: 40 } }), 'communicationQuality', rules({ minimumEvidence: 1 })).score).toBe(40)
  })
})

describe('信息管理规范', () => {
  it('gives each of the four duties a quarter', () => {
    expect(indicatorOf(flawless(), 'informationManagement')).toEqual({
      key: 'informationManagement',
      weight: 20,
      score: 100,
      insufficient: false,
      explanation: '安全自查已完成、信息整理备份已确认、现行制度已确认、无保密类违规；4项中4项达标，得100分',
    })
    expect(indicatorOf(month({ selfCheckDone: true, policyAcknowledged: true }), 'informationManagement')).toMatchObject({
      score: 75,
      explanation: '安全自查已完成、信息整理备份未确认、现行制度已确认、无保密类违规；4项中3项达标，得75分',
    })
  })

  it('loses the confidentiality quarter with a single confidentiality violation', () => {
    const evidence = month({ selfCheckDone: true, policyAcknowledged: true, violations: { count: 2, points: 5, confidentiality: 1 } })
    expect(indicatorOf(evidence, 'informationManagement')).toMatchObject({
      score: 50,
      explanation: '安全自查已完成、信息整理备份未确认、现行制度已确认、保密类违规1次；4项中2项达标，得50分',
    })
  })

  it('scores 0 when nothing was done, which is evidence, not a lack of it', () => {
    expect(indicatorOf(month({ violations: { count: 1, points: 3, confidentiality: 1 } }), 'informationManagement')).toMatchObject({ score: 0, insufficient: false })
  })

  it('has four items every month, so only a minimum above 4 makes it insufficient', () => {
    expect(indicatorOf(flawless(), 'informationManagement', rules({ minimumEvidence: 4 })).insufficient).toBe(false)
    expect(indicatorOf(flawless(), 'informationManagement', rules({ minimumEvidence: 5 }))).toMatchObject({ score: 80, insufficient: true, explanation: '本月证据不足（仅4条），按中性分80计' })
  })
})

describe('业务应用效果', () => {
  it('averages follow-ups done, satisfaction and tasks on time', () => {
    const evidence = month({
      followUps: { due: 10, onTime: 6, late: 3, overdue: 1 },
      feedback: { count: 5, satisfactionAverage: 4.2, complaints: 0 },
      tasks: { due: 4, onTime: 3 },
    })
    // 9/10 → 90; (4.2 − 1) / 4 → 80; 3/4 → 75; (90 + 80 + 75) / 3 = 81.67 → 81.7
    expect(indicatorOf(evidence, 'applicationEffect')).toEqual({
      key: 'applicationEffect',
      weight: 20,
      score: 81.7,
      insufficient: false,
      explanation: '跟进完成9/10（90分）、客户满意度平均4.2分（80分）、任务按时完成3/4（75分）；3项平均得81.7分',
    })
  })

  it('counts late follow-ups as done, open ones as not', () => {
    expect(indicatorOf(month({ followUps: { due: 4, onTime: 1, late: 2, overdue: 1 } }), 'applicationEffect')).toMatchObject({ score: 75, explanation: '跟进完成3/4（75分）；得75分' })
  })

  it('maps satisfaction 1–5 onto 0–100', () => {
    const satisfaction = (average: number) => indicatorOf(month({ feedback: { count: 2, satisfactionAverage: average, complaints: 0 } }), 'applicationEffect').score
    expect(satisfaction(1)).toBe(0)
    expect(satisfaction(3)).toBe(50)
    expect(satisfaction(4.25)).toBe(81.3)
    expect(satisfaction(5)).toBe(100)
    expect(indicatorOf(month({ feedback: { count: 2, satisfactionAverage: 4.25, complaints: 0 } }), 'applicationEffect').explanation).toBe('客户满意度平均4.25分（81.3分）；得81.3分')
  })

  it('averages only the parts that have evidence, each rounded first', () => {
    // 2/3 → 66.7 and 5/6 → 83.3: (66.7 + 83.3) / 2 = 75
    const evidence = month({ tasks: { due: 3, onTime: 2 }, followUps: { due: 6, onTime: 5, late: 0, overdue: 1 } })
    expect(indicatorOf(evidence, 'applicationEffect')).toMatchObject({ score: 75, explanation: '跟进完成5/6（83.3分）、任务按时完成2/3（66.7分）；2项平均得75分' })
  })

  it('leaves satisfaction out when nobody rated', () => {
    expect(indicatorOf(month({ feedback: { count: 3, satisfactionAverage: null, complaints: 3 }, tasks: { due: 2, onTime: 1 } }), 'applicationEffect')).toMatchObject({ score: 50, insufficient: false })
  })

  it('gives the neutral score below the minimum evidence', () => {
    expect(indicatorOf(month({ followUps: { due: 1, onTime: 1, late: 0, overdue: 0 } }), 'applicationEffect')).toMatchObject({ score: 80, insufficient: true, explanation: '本月证据不足（仅1条），按中性分80计' })
  })
})

describe('the month', () => {
  it('works the example in docs/assessment.md', () => {
    const evidence = month({
      notices: { due: 4, onTime: 3 },
      followUps: { due: 8, onTime: 5, late: 2, overdue: 1 },
      spotChecks: { count: 2, repliesWithin: 1, repliesObserved: 2, rubricAverage: 80 },
      importedReply: { averageFirstReplyMinutes: 24, replyRate: 0.95 },
      feedback: { count: 3, satisfactionAverage: 4.5, complaints: 1 },
      selfCheckDone: true,
      archiveConfirmed: false,
      policyAcknowledged: true,
      tasks: { due: 2, onTime: 1 },
      violations: { count: 1, points: 2, confidentiality: 0 },
    })
    const score = scoreMonth(evidence, defaultAssessmentRules)
    expect(scoreSchema.parse(score)).toEqual(score)
    expect(score).toEqual({
      indicators: [
        {
          key: 'replyTimeliness',
          weight: 30,
          // (3 + 5 + 1 + 0.95 + 1) / (4 + 8 + 2 + 1 + 1) = 10.95 / 16 = 68.44
          score: 68.4,
          insufficient: false,
          explanation: '通知按时确认3/4，跟进按时完成5/8，抽查首次回复30分钟内1/2，企业微信回复率95%，企业微信平均首次回复24分钟（未超过30分钟）；共16项中及时10.95项，得68.4分',
        },
        { key: 'communicationQuality', weight: 30, score: 70, insufficient: false, explanation: '抽查2次，评分平均80，客户投诉1次扣10分，得70分' },
        {
          key: 'informationManagement',
          weight: 20,
          score: 75,
          insufficient: false,
          explanation: '安全自查已完成、信息整理备份未确认、现行制度已确认、无保密类违规；4项中3项达标，得75分',
        },
        {
          key: 'applicationEffect',
          weight: 20,
          score: 75,
          insufficient: false,
          explanation: '跟进完成7/8（87.5分）、客户满意度平均4.5分（87.5分）、任务按时完成1/2（50分）；3项平均得75分',
        },
      ],
      // 0.3 × 68.4 + 0.3 × 70 + 0.2 × 75 + 0.2 × 75 = 71.52
      weighted: 71.5,
      deductions: 2,
      total: 69.5,
      grade: '合格',
    })
  })

  it('scores a flawless month 100, 优秀', () => {
    expect(scoreMonth(flawless(), defaultAssessmentRules)).toMatchObject({ weighted: 100, deductions: 0, total: 100, grade: '优秀' })
  })

  it('scores an empty month at the neutral score on the three counted indicators', () => {
    // 0.3 × 80 + 0.3 × 80 + 0.2 × 25 (only 无保密类违规) + 0.2 × 80 = 69
    const score = scoreMonth(noEvidence(), defaultAssessmentRules)
    expect(score.indicators.map((i) => [i.key, i.score, i.insufficient])).toEqual([
      ['replyTimeliness', 80, true],
      ['communicationQuality', 80, true],
      ['informationManagement', 25, false],
      ['applicationEffect', 80, true],
    ])
    expect(score).toMatchObject({ weighted: 69, total: 69, grade: '合格' })
  })

  it('grades exactly at each minimum into that grade, a tenth below into the next', () => {
    const graded = (points: number) => {
      const { total, grade } = scoreMonth(flawless({ violations: { count: 1, points, confidentiality: 0 } }), defaultAssessmentRules)
      return [total, grade]
    }
    expect(graded(10)).toEqual([90, '优秀'])
    expect(graded(10.1)).toEqual([89.9, '良好'])
    expect(graded(20)).toEqual([80, '良好'])
    expect(graded(20.1)).toEqual([79.9, '合格'])
    expect(graded(40)).toEqual([60, '合格'])
    expect(graded(40.1)).toEqual([59.9, '不合格'])
  })

  it('takes violation points off the weighted sum and stops at 0', () => {
    expect(scoreMonth(flawless({ violations: { count: 3, points: 35, confidentiality: 0 } }), defaultAssessmentRules)).toMatchObject({ weighted: 100, deductions: 35, total: 65, grade: '合格' })
    expect(scoreMonth(flawless({ violations: { count: 9, points: 120, confidentiality: 0 } }), defaultAssessmentRules)).toMatchObject({ weighted: 100, deductions: 120, total: 0, grade: '不合格' })
    // A confidentiality violation costs its quarter of 信息管理 as well as its points: 100 − 0.2 × 25 = 95, − 10.
    expect(scoreMonth(flawless({ violations: { count: 1, points: 10, confidentiality: 1 } }), defaultAssessmentRules)).toMatchObject({ weighted: 95, deductions: 10, total: 85, grade: '良好' })
  })

  it('weighs with the admin’s weights and grades with the admin’s grades', () => {
    const custom = rules({
      weights: { replyTimeliness: 40, communicationQuality: 10, informationManagement: 10, applicationEffect: 40 },
      grades: [
        { label: 'A', min: 85 },
        { label: 'B', min: 70 },
        { label: 'C', min: 0 },
      ],
    })
    // reply 50 (notices 2 of 2 on time, follow-ups 0 of 2), communication 100, information 100, application 100 (late follow-ups are done):
    // 0.4 × 50 + 0.1 × 100 + 0.1 × 100 + 0.4 × 100 = 80 → B; with default weights 85 → 良好
    const evidence = flawless({ notices: { due: 2, onTime: 2 }, followUps: { due: 2, onTime: 0, late: 2, overdue: 0 }, spotChecks: { count: 2, repliesWithin: 0, repliesObserved: 0, rubricAverage: 100 } })
    const score = scoreMonth(evidence, custom)
    expect(score.indicators.map((i) => [i.weight, i.score])).toEqual([
      [40, 50],
      [10, 100],
      [10, 100],
      [40, 100],
    ])
    expect(score).toMatchObject({ weighted: 80, total: 80, grade: 'B' })
    expect(scoreMonth(evidence, defaultAssessmentRules)).toMatchObject({ weighted: 85, grade: '良好' })
  })

  it('lets a zero weight leave an indicator out of the sum, still explained', () => {
    const custom = rules({ weights: { replyTimeliness: 50, communicationQuality: 50, informationManagement: 0, applicationEffect: 0 } })
    const score = scoreMonth(flawless({ selfCheckDone: false, archiveConfirmed: false, policyAcknowledged: false }), custom)
    expect(score.indicators[2]).toMatchObject({ key: 'informationManagement', weight: 0, score: 25 })
    expect(score).toMatchObject({ weighted: 100, total: 100 })
  })

  it('rounds indicator scores first, then the weighted sum, half up', () => {
    const quarters = rules({ weights: { replyTimeliness: 25, communicationQuality: 25, informationManagement: 25, applicationEffect: 25 } })
    // reply 100, communication 99, information 75, application 65: (100 + 99 + 75 + 65) / 4 = 84.75 → 84.8
    const evidence = flawless({
      spotChecks: { count: 2, repliesWithin: 2, repliesObserved: 2, rubricAverage: 99 },
      archiveConfirmed: false,
      feedback: { count: 2, satisfactionAverage: 3.6, complaints: 0 },
      tasks: { due: 2, onTime: 1 },
      followUps: { due: 4, onTime: 4, late: 0, overdue: 0 },
    })
    const score = scoreMonth(evidence, quarters)
    // application: 4/4 → 100, (3.6 − 1) / 4 → 65, 1/2 → 50: 215 / 3 = 71.67 → 71.7
    expect(score.indicators.map((i) => i.score)).toEqual([100, 99, 75, 71.7])
    // (100 + 99 + 75 + 71.7) / 4 = 86.425 → 86.4
    expect(score).toMatchObject({ weighted: 86.4, total: 86.4 })
    // 1/3 of notices on time: 33.33… → 33.3, weighted with 30: 9.99, + 70 elsewhere = 79.99 → 80.0, 良好
    const third = scoreMonth(flawless({ notices: { due: 3, onTime: 1 }, followUps: { due: 0, onTime: 0, late: 0, overdue: 0 }, spotChecks: { count: 2, repliesWithin: 0, repliesObserved: 0, rubricAverage: 100 } }), defaultAssessmentRules)
    expect(third.indicators[0]?.score).toBe(33.3)
    expect(third).toMatchObject({ weighted: 80, grade: '良好' })
  })

  it('rounds an exact half of the weighted sum up', () => {
    const quarters = rules({ weights: { replyTimeliness: 25, communicationQuality: 25, informationManagement: 25, applicationEffect: 25 } })
    // 100 + 99 + 75 + 65 = 339 / 4 = 84.75 → 84.8
    const evidence = flawless({
      spotChecks: { count: 2, repliesWithin: 2, repliesObserved: 2, rubricAverage: 99 },
      archiveConfirmed: false,
      followUps: { due: 0, onTime: 0, late: 0, overdue: 0 },
      notices: { due: 4, onTime: 4 },
      feedback: { count: 2, satisfactionAverage: 3.6, complaints: 0 },
      tasks: { due: 0, onTime: 0 },
    })
    const score = scoreMonth(evidence, quarters)
    expect(score.indicators.map((i) => i.score)).toEqual([100, 99, 75, 65])
    expect(score).toMatchObject({ weighted: 84.8, total: 84.8 })
  })

  it('keeps the scores of the neutral rule configurable', () => {
    const score = scoreMonth(noEvidence(), rules({ neutralScore: 72.5 }))
    expect(score.indicators.map((i) => i.score)).toEqual([72.5, 72.5, 25, 72.5])
    expect(score.indicators[0]?.explanation).toBe('本月证据不足（0条），按中性分72.5计')
    // 0.3 × 72.5 + 0.3 × 72.5 + 0.2 × 25 + 0.2 × 72.5 = 63
    expect(score).toMatchObject({ weighted: 63, grade: '合格' })
  })
})

describe('grades', () => {
  const grades = defaultAssessmentRules.grades
  it('takes the first grade whose minimum the total reaches', () => {
    expect(gradeFor(100, grades)).toBe('优秀')
    expect(gradeFor(90, grades)).toBe('优秀')
    expect(gradeFor(89.9, grades)).toBe('良好')
    expect(gradeFor(60, grades)).toBe('合格')
    expect(gradeFor(0, grades)).toBe('不合格')
  })
})
