import { MAX_REPLY_STATS_ROWS, type RosterRowError } from '../../../types/contract'
import type { CsvRecord } from './csv'

export interface ReplyStatRow {
  line: number
  personId: string
  averageFirstReplyMinutes: number | null
  /** 0–1. */
  replyRate: number | null
}

/** WeCom's export names its columns in Chinese; tolerate the usual spellings and an English export. */
const columnPatterns = {
  mobile: /手机|mobile|phone/i,
  firstReply: /首次回复|first.?reply/i,
  replyRate: /回复(率|占比)|已回复.*占比|reply.?rate/i,
}

/** "12.5", "12分钟", "12分30秒", "00:12:30" → minutes. */
export function parseMinutes(text: string): number | null | 'invalid' {
  const value = text.trim()
  if (value === '' || value === '-' || value === '--') return null
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value)
  const minutesOnly = /^(\d+(?:\.\d+)?)\s*分钟?$/.exec(value)
  if (minutesOnly) return Number(minutesOnly[1])
  const minutesSeconds = /^(?:(\d+)\s*小时)?\s*(?:(\d+)\s*分)?\s*(?:(\d+)\s*秒)?$/.exec(value)
  if (minutesSeconds && (minutesSeconds[1] || minutesSeconds[2] || minutesSeconds[3])) {
    return Number(minutesSeconds[1] ?? 0) * 60 + Number(minutesSeconds[2] ?? 0) + Number(minutesSeconds[3] ?? 0) / 60
  }
  const clock = /^(\d{1,3}):(\d{2})(?::(\d{2}))?$/.exec(value)
  if (clock) return clock[3] === undefined ? Number(clock[1]) + Number(clock[2]) / 60 : Number(clock[1]) * 60 + Number(clock[2]) + Number(clock[3]) / 60
  return 'invalid'
}

/** "85%", "85", "0.85" → 0.85. A bare number above 1 is read as a percentage. */
export function parseRate(text: string): number | null | 'invalid' {
  const value = text.trim().replace(/％/g, '%')
  if (value === '' || value === '-' || value === '--') return null
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(value)
  const number = /^\d+(\.\d+)?$/.test(value) ? Number(value) : null
  const rate = percent ? Number(percent[1]) / 100 : number === null ? Number.NaN : number > 1 ? number / 100 : number
  return Number.isFinite(rate) && rate >= 0 && rate <= 1 ? Math.round(rate * 10_000) / 10_000 : 'invalid'
}

/**
 * Checks every row of an exported statistics table against the roster. Rows are returned
 * only when the whole table is right, so an import writes everything or nothing.
 */
export function planReplyStatsImport(records: CsvRecord[], personIdByMobile: ReadonlyMap<string, string>): { rows: ReplyStatRow[]; errors: RosterRowError[] } {
  const errors: RosterRowError[] = []
  const [header, ...body] = records
  if (!header) return { rows: [], errors: [{ line: 1, field: '表头', message: '统计表是空的' }] }
  const column = (pattern: RegExp) => header.cells.findIndex((cell) => pattern.test(cell))
  const mobileAt = column(columnPatterns.mobile)
  const firstReplyAt = column(columnPatterns.firstReply)
  const rateAt = column(columnPatterns.replyRate)
  if (mobileAt < 0) errors.push({ line: header.line, field: '表头', message: '缺少“手机号”列' })
  if (firstReplyAt < 0 && rateAt < 0) errors.push({ line: header.line, field: '表头', message: '缺少“平均首次回复时长”或“回复率”列' })
  if (errors.length > 0) return { rows: [], errors }
  if (body.length === 0) return { rows: [], errors: [{ line: header.line, field: '表头', message: '统计表没有数据行' }] }
  if (body.length > MAX_REPLY_STATS_ROWS) return { rows: [], errors: [{ line: header.line, field: '行数', message: `一次最多导入${MAX_REPLY_STATS_ROWS}行` }] }

  const rows: ReplyStatRow[] = []
  const seen = new Map<string, number>()
  for (const record of body) {
    const cell = (at: number) => (at >= 0 ? (record.cells[at] ?? '') : '')
    const mobile = cell(mobileAt).replace(/\s|-/g, '')
    const personId = personIdByMobile.get(mobile)
    if (!/^1[3-9]\d{9}$/.test(mobile)) errors.push({ line: record.line, field: '手机号', message: '手机号须为11位中国大陆手机号' })
    else if (!personId) errors.push({ line: record.line, field: '手机号', message: '该手机号不在花名册中' })
    else if (seen.has(mobile)) errors.push({ line: record.line, field: '手机号', message: `与第${seen.get(mobile)}行重复` })
    const minutes = parseMinutes(cell(firstReplyAt))
    const rate = parseRate(cell(rateAt))
    if (minutes === 'invalid') errors.push({ line: record.line, field: '平均首次回复时长', message: '无法识别的时长，如 12.5、12分30秒 或 00:12:30' })
    if (rate === 'invalid') errors.push({ line: record.line, field: '回复率', message: '回复率须为0-100%之间' })
    if (personId && !seen.has(mobile) && minutes !== 'invalid' && rate !== 'invalid') {
      rows.push({ line: record.line, personId, averageFirstReplyMinutes: minutes === null ? null : Math.round(minutes * 10) / 10, replyRate: rate })
    }
    if (mobile) seen.set(mobile, seen.get(mobile) ?? record.line)
  }
  return errors.length > 0 ? { rows: [], errors } : { rows, errors }
}
