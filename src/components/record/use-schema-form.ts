import { useState } from 'react'
import Taro from '@tarojs/taro'
import { fieldIssues, hasCode } from '@/services/accounts'
import { messageOf } from '@/services/feedback'
import { firstIssue } from './outcome'

/** A zod `safeParse` result, as far as the form needs it. */
export type Parsed<D> =
  | { success: true; data: D }
  | { success: false; error: { issues: Array<{ message: string; path: (string | number)[] }> } }

interface SchemaFormOptions<F extends string> {
  /** A field's message, where the form asks more than the schema does; the schema's own by default. */
  check?: (field: F) => string | null
  /** Refusal codes that belong next to a field rather than above the button. */
  fieldOfCode?: Partial<Record<string, F>>
}

export interface SchemaForm<F extends string, D> {
  /** The message to show under a field: none until the user has been at it. */
  errorOf: (field: F) => string | null
  /** The user changed these fields: their errors show from now on, and the server's go stale. */
  touch: (...fields: F[]) => void
  /** The user left a field unchanged: its error shows, and the server's stays. */
  reveal: (field: F) => void
  /** Shows every field's error; the parsed input, or null (after a toast) when something is wrong. */
  validate: () => D | null
  /**
   * Sends with the button busy. A refusal goes next to the fields it names, or else above the
   * button; `send` may catch what it handles itself and let the rest through.
   */
  run: (send: () => Promise<void>) => Promise<void>
  busy: boolean
  refusal: string | null
  setRefusal: (message: string | null) => void
}

/**
 * A form checked against the schema the server parses with, so a form that passes here is not
 * refused for its shape; the server's field messages, should it still refuse, replace ours.
 */
export function useSchemaForm<F extends string, D>(fields: readonly F[], parsed: Parsed<D>, options: SchemaFormOptions<F> = {}): SchemaForm<F, D> {
  const [touched, setTouched] = useState<Partial<Record<F, boolean>>>({})
  const [serverErrors, setServerErrors] = useState<Partial<Record<F, string>>>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const check = options.check ?? ((field: F) => firstIssue(parsed, field))
  const errorOf = (field: F) => (touched[field] ? (serverErrors[field] ?? check(field)) : null)
  const touch = (...changed: F[]) => {
    setTouched((previous) => ({ ...previous, ...Object.fromEntries(changed.map((f) => [f, true])) }))
    setServerErrors((previous) => ({ ...previous, ...Object.fromEntries(changed.map((f) => [f, undefined])) }))
  }
  const reveal = (field: F) => setTouched((previous) => ({ ...previous, [field]: true }))

  const validate = (): D | null => {
    setTouched(Object.fromEntries(fields.map((f) => [f, true])) as Partial<Record<F, boolean>>)
    if (!parsed.success || fields.some((field) => check(field) !== null)) {
      void Taro.showToast({ title: '请先修正标红的内容', icon: 'none', duration: 2000 })
      return null
    }
    return parsed.data
  }

  const run = async (send: () => Promise<void>) => {
    setBusy(true)
    setRefusal(null)
    setServerErrors({})
    try {
      await send()
    } catch (err) {
      const byCode = Object.keys(options.fieldOfCode ?? {}).find((code) => hasCode(err, code))
      const issues = fieldIssues(err)
      const known = fields.filter((field) => issues[field])
      if (byCode) setServerErrors({ [options.fieldOfCode?.[byCode] as F]: messageOf(err) } as Partial<Record<F, string>>)
      else if (known.length > 0) setServerErrors(Object.fromEntries(known.map((field) => [field, issues[field]])) as Partial<Record<F, string>>)
      else setRefusal(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return { errorOf, touch, reveal, validate, run, busy, refusal, setRefusal }
}
