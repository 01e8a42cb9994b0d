import { indicatorKeys, type AssessmentRules, type Evidence, type IndicatorKey, type IndicatorResult, type Score } from '../../../../types/contract'

/**
 * The monthly assessment's formulas (policy 六.二), and the only place they live: results,
 * previews and the docs (docs/assessment.md) all describe what this module computes.
 *
 * Every indicator is a 0–100 score with an evidence count. Scores are rounded to one decimal
 * before they are weighted, and the weighted sum again, so anyone can redo the arithmetic
 * from the numbers shown on a result.
 */

/** One decimal, half up; `toPrecision` first so 84.75 (stored as 84.7499…) still rounds up. */
export function roundScore(value: number): number {
  return Math.round(Number((value * 10).toPrecision(12))) / 10
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value))
const share = (part: number, whole: number) => clamp(part, 0, whole) / whole

/** 85 or 85.5, never 85.0 or 85.4999. */
function shown(value: number): string {
  return String(roundScore(value))
}

/** Two decimals, for satisfaction averages (4.25) and timely counts that include a reply rate (10.95). */
function shownAverage(value: number): string {
  return String(Math.round(Number((value * 100).toPrecision(12))) / 100)
}

interface Assessed {
  /** How many evidence items the score rests on. */
  items: number
  /** 0–100, unrounded. */
  score: number
  /** The plain-words account of the score, without the insufficient-evidence rule. */
  explanation: string
}

/**
 * 回复及时率: every item that had a deadline or a measured reply, timely or not. Notices asking
 * for acknowledgement (acknowledged on time), follow-ups due (done on time), spot-check first
 * replies observed (within the threshold); imported WeCom statistics add up to two items: the
 * reply rate counts as one item worth the rate, the average first reply as one item that is
 * timely when it is within the threshold.
 */
function replyTimeliness(evidence: Evidence, rules: AssessmentRules): Assessed {
  const threshold = rules.firstReplyThresholdMinutes
  const parts: string[] = []
  let items = 0
  let timely = 0
  const count = (onTime: number, due: number, label: string) => {
    if (due <= 0) return
    items += due
    timely += clamp(onTime, 0, due)
    parts.push(`${label}${clamp(onTime, 0, due)}/${due}`)
  }
  count(evidence.notices.onTime, evidence.notices.due, '通知按时确认')
  count(evidence.followUps.onTime, evidence.followUps.due, '跟进按时完成')
  count(evidence.spotChecks.repliesWithin, evidence.spotChecks.repliesObserved, `抽查首次回复${threshold}分钟内`)
  const imported = evidence.importedReply
  if (imported?.replyRate != null) {
    const rate = clamp(imported.replyRate, 0, 1)
    items += 1
    timely += rate
    parts.push(`企业微信回复率${shown(rate * 100)}%`)
  }
  if (imported?.averageFirstReplyMinutes != null) {
    const within = imported.averageFirstReplyMinutes <= threshold
    items += 1
    timely += within ? 1 : 0
    parts.push(`企业微信平均首次回复${shown(imported.averageFirstReplyMinutes)}分钟（${within ? '未超过' : '超过'}${threshold}分钟）`)
  }
  const score = items === 0 ? 0 : (timely / items) * 100
  return { items, score, explanation: `${parts.join('，')}；共${items}项中及时${shownAverage(timely)}项，得${shown(score)}分` }
}

/**
 * 沟通质量: the spot-check rubric average, or the neutral score when nobody was spot-checked,
 * less the complaint penalty for each complaint, never below 0. Spot checks and complaints are
 * its evidence.
 */
function communicationQuality(evidence: Evidence, rules: AssessmentRules): Assessed {
  const { count, rubricAverage } = evidence.spotChecks
  const complaints = Math.max(0, evidence.feedback.complaints)
  const rubric = count > 0 && rubricAverage !== null ? clamp(rubricAverage, 0, 100) : null
  const start = rubric ?? rules.neutralScore
  const penalty = rules.complaintPenalty * complaints
  const score = Math.max(0, start - penalty)
  const opening = rubric === null ? `本月无抽查评分，从中性分${shown(start)}起算` : `抽查${count}次，评分平均${shown(rubric)}`
  const complaintText = complaints === 0 ? '无客户投诉' : `客户投诉${complaints}次扣${shown(penalty)}分`
  return { items: Math.max(0, count) + complaints, score, explanation: `${opening}，${complaintText}，得${shown(score)}分` }
}

/**
 * 信息管理规范: four duties of equal share (25 each): the month's security self-check, the
 * month's sorting-and-backup confirmation, acknowledging the policy in force, and no
 * confidentiality violation (one is enough to lose that share). All four exist every month.
 */
function informationManagement(evidence: Evidence): Assessed {
  const duties: Array<[done: boolean, text: string]> = [
    [evidence.selfCheckDone, evidence.selfCheckDone ? '安全自查已完成' : '安全自查未完成'],
    [evidence.archiveConfirmed, evidence.archiveConfirmed ? '信息整理备份已确认' : '信息整理备份未确认'],
    [evidence.policyAcknowledged, evidence.policyAcknowledged ? '现行制度已确认' : '现行制度未确认'],
    [evidence.violations.confidentiality === 0, evidence.violations.confidentiality === 0 ? '无保密类违规' : `保密类违规${evidence.violations.confidentiality}次`],
  ]
  const done = duties.filter(([ok]) => ok).length
  const score = (done / duties.length) * 100
  return { items: duties.length, score, explanation: `${duties.map(([, text]) => text).join('、')}；${duties.length}项中${done}项达标，得${shown(score)}分` }
}

/**
 * 业务应用效果: the average of the parts that have evidence this month: follow-ups done (on
 * time or late) of those due, customer satisfaction (1–5 mapped onto 0–100), and tasks done on
 * time of those due. Each part is rounded to one decimal before averaging.
 */
function applicationEffect(evidence: Evidence): Assessed {
  const parts: Array<{ items: number; score: number; text: string }> = []
  const { followUps, feedback, tasks } = evidence
  if (followUps.due > 0) {
    const done = clamp(followUps.onTime + followUps.late, 0, followUps.due)
    const score = roundScore(share(done, followUps.due) * 100)
    parts.push({ items: followUps.due, score, text: `跟进完成${done}/${followUps.due}（${shown(score)}分）` })
  }
  if (feedback.count > 0 && feedback.satisfactionAverage !== null) {
    const average = clamp(feedback.satisfactionAverage, 1, 5)
    const score = roundScore(((average - 1) / 4) * 100)
    parts.push({ items: feedback.count, score, text: `客户满意度平均${shownAverage(average)}分（${shown(score)}分）` })
  }
  if (tasks.due > 0) {
    const score = roundScore(share(tasks.onTime, tasks.due) * 100)
    parts.push({ items: tasks.due, score, text: `任务按时完成${clamp(tasks.onTime, 0, tasks.due)}/${tasks.due}（${shown(score)}分）` })
  }
  const items = parts.reduce((sum, part) => sum + part.items, 0)
  const score = parts.length === 0 ? 0 : parts.reduce((sum, part) => sum + part.score, 0) / parts.length
  const texts = parts.map((part) => part.text).join('、')
  const explanation = parts.length > 1 ? `${texts}；${parts.length}项平均得${shown(score)}分` : `${texts}；得${shown(score)}分`
  return { items, score, explanation }
}

function assess(key: IndicatorKey, evidence: Evidence, rules: AssessmentRules): Assessed {
  switch (key) {
    case 'replyTimeliness':
      return replyTimeliness(evidence, rules)
    case 'communicationQuality':
      return communicationQuality(evidence, rules)
    case 'informationManagement':
      return informationManagement(evidence)
    case 'applicationEffect':
      return applicationEffect(evidence)
  }
}

/** The neutral rule's line, the same words on every indicator. */
export function insufficientExplanation(items: number, neutralScore: number): string {
  return items === 0 ? `本月证据不足（0条），按中性分${shown(neutralScore)}计` : `本月证据不足（仅${items}条），按中性分${shown(neutralScore)}计`
}

function indicator(key: IndicatorKey, evidence: Evidence, rules: AssessmentRules): IndicatorResult {
  const weight = rules.weights[key] ?? 0
  const assessed = assess(key, evidence, rules)
  if (assessed.items < rules.minimumEvidence) {
    return { key, weight, score: roundScore(rules.neutralScore), insufficient: true, explanation: insufficientExplanation(assessed.items, rules.neutralScore) }
  }
  return { key, weight, score: roundScore(clamp(assessed.score, 0, 100)), insufficient: false, explanation: assessed.explanation }
}

/** The first grade (highest first) whose minimum the total reaches; the last grade starts at 0. */
export function gradeFor(total: number, grades: AssessmentRules['grades']): string {
  return (grades.find((grade) => total >= grade.min) ?? grades[grades.length - 1])?.label ?? ''
}

/**
 * One person's month: four indicators, their weighted sum, minus the points of the violations
 * that stand, never below 0, graded.
 */
export function scoreMonth(evidence: Evidence, rules: AssessmentRules): Score {
  const indicators = indicatorKeys.map((key) => indicator(key, evidence, rules))
  const weighted = roundScore(indicators.reduce((sum, result) => sum + (result.weight * result.score) / 100, 0))
  const deductions = roundScore(Math.max(0, evidence.violations.points))
  const total = roundScore(Math.max(0, weighted - deductions))
  return { indicators, weighted, deductions, total, grade: gradeFor(total, rules.grades) }
}
