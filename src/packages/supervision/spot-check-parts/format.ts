import type { RoundSummary, SpotCheckSummary } from '@contract'
import { formatMinutes } from '@/components/record/format'

/** "86.7 分", or a dash while there is no score. */
export function percentText(percent: number | null): string {
  return percent === null ? '—' : `${percent} 分`
}

export function firstReplyText(minutes: number | null): string {
  return minutes === null ? '未观察到' : formatMinutes(minutes)
}

/** "2026-11 · 华东销售部、客户服务部". */
export function roundLine(round: Pick<RoundSummary, 'month' | 'departmentNames'>): string {
  const names = round.departmentNames.filter(Boolean)
  const shown = names.length > 3 ? `${names.slice(0, 3).join('、')}等${names.length}个部门` : names.join('、')
  return `${round.month} · ${shown}`
}

/** What a row of a list says under the name. */
export function checkLine(check: SpotCheckSummary): string {
  if (check.status === 'pending') return `${check.departmentName} · ${check.roundMonth} 抽查 · ${check.checkerName}评分`
  return `${check.departmentName} · ${check.month ?? check.roundMonth} 评分 · 首次回复 ${firstReplyText(check.firstReplyMinutes)}`
}
