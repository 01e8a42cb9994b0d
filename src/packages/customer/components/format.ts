import { addDays, daysBetween, shanghaiDate } from '@contract'

/** A plain date as people say it relative to today: 今天, 昨天, 明天, else 'MM-DD' (with the year when not this year). */
export function formatDay(date: string, now: Date = new Date()): string {
  const today = shanghaiDate(now)
  if (date === today) return '今天'
  if (date === addDays(today, -1)) return '昨天'
  if (date === addDays(today, 1)) return '明天'
  return date.slice(0, 4) === today.slice(0, 4) ? date.slice(5) : date
}

/** When a follow-up is due, from the owner's side: '今天到期', '已逾期3天', '12-01 到期'. */
export function dueText(dueOn: string, daysOverdue: number, now: Date = new Date()): string {
  if (daysOverdue > 0) return `已逾期${daysOverdue}天`
  const ahead = daysBetween(shanghaiDate(now), dueOn)
  if (ahead === 0) return '今天到期'
  return `${formatDay(dueOn, now)} 到期`
}

/** Five stars, the first `score` filled. */
export function stars(score: number): string {
  const n = Math.max(0, Math.min(5, Math.round(score)))
  return '★'.repeat(n) + '☆'.repeat(5 - n)
}
