import type { AuditChange } from '../../../types/contract'
import { maskEmail, maskMobile } from './mask'

/** Values longer than this are cut in the search results; the stored entry keeps them whole. */
export const AUDIT_VALUE_MAX_CHARS = 300

const MOBILE = /^1[3-9]\d{9}$/
const EMAIL = /^[^@\s]+@[^@\s]+$/
/** Fields that hold a phone number or email, whatever the record calls them. */
const CONTACT_KEY = /(mobile|phone|email)$/i

function maskContact(value: string): string {
  return value.includes('@') ? maskEmail(value) : maskMobile(value)
}

/**
 * A copy of a stored before/after value with every full phone number and email masked: the
 * audit search must not become a way around the masking (and reading it is not itself logged).
 * Strings under contact-named keys are masked whatever they look like; elsewhere, strings that
 * are a mobile number or an email are.
 */
export function maskContacts(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (CONTACT_KEY.test(key) && value.length > 0) return maskContact(value)
    if (MOBILE.test(value) || EMAIL.test(value)) return maskContact(value)
    return value
  }
  if (Array.isArray(value)) return value.map((item) => maskContacts(item, key))
  if (value instanceof Date) return value
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskContacts(v, k)]))
  }
  return value
}

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null
  if (typeof value === 'string') return value
  if (value instanceof Date) return value.toISOString()
  return JSON.stringify(value)
}

function cut(value: string | null): { value: string | null; cut: boolean } {
  if (value === null || value.length <= AUDIT_VALUE_MAX_CHARS) return { value, cut: false }
  return { value: `${value.slice(0, AUDIT_VALUE_MAX_CHARS)}…`, cut: true }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
}

/**
 * The compact before/after of an entry: one line per top-level field that changed or appears
 * on one side only, as text, contacts masked, long values cut. A side that is not an object
 * (a list, a number) is one line named "值".
 */
export function auditChanges(before: unknown, after: unknown): { changes: AuditChange[]; truncated: boolean } {
  const b = maskContacts(before)
  const a = maskContacts(after)
  const pairs: Array<[string, unknown, unknown]> = []
  if ((b === null || isRecord(b)) && (a === null || isRecord(a))) {
    const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])]
    for (const key of keys) pairs.push([key, b?.[key], a?.[key]])
  } else {
    pairs.push(['值', b, a])
  }
  let truncated = false
  const changes: AuditChange[] = []
  for (const [field, was, is] of pairs) {
    const before = text(was)
    const after = text(is)
    if (before === after) continue
    const [shortBefore, shortAfter] = [cut(before), cut(after)]
    truncated ||= shortBefore.cut || shortAfter.cut
    changes.push({ field, before: shortBefore.value, after: shortAfter.value })
  }
  return { changes, truncated }
}
