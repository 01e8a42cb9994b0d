import { addDays, shanghaiDate } from '@contract/calendar'

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/** 'YYYY-MM-DDTHH:mm' as a clock in China shows the instant; '' for an unreadable one. */
function shanghaiParts(iso: string): { date: string; time: string } | null {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return null
  const local = new Date(t + SHANGHAI_OFFSET_MS).toISOString()
  return { date: local.slice(0, 10), time: local.slice(11, 16) }
}

/** 'MM-DD HH:mm' in Shanghai time: deadlines are days away at most, so the year is noise. */
export function formatMonthDayTime(iso: string): string {
  const parts = shanghaiParts(iso)
  return parts ? `${parts.date.slice(5)} ${parts.time}` : ''
}

/**
 * A deadline as people say it: '今天 16:30', '明天 09:30', otherwise '03-05 10:00'
 * ('2027-01-04 10:00' once it falls in another year).
 */
export function formatDeadline(iso: string, now: Date = new Date()): string {
  const parts = shanghaiParts(iso)
  if (!parts) return ''
  const today = shanghaiDate(now)
  if (parts.date === today) return `今天 ${parts.time}`
  if (parts.date === addDays(today, 1)) return `明天 ${parts.time}`
  return parts.date.slice(0, 4) === today.slice(0, 4) ? `${parts.date.slice(5)} ${parts.time}` : `${parts.date} ${parts.time}`
}
