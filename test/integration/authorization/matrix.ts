import type { Database } from '../../../cloudfunctions/src/core/sdk-types'
import { cast } from '../../support/company'

/**
 * The authorization matrix: each action called by four kinds of people about a record that
 * belongs to an employee of 华东销售部: the employee themself, their own head, the head of
 * another department, and an admin. Domains keep their rows in files beside this one.
 */
export type Who = 'employee' | 'ownHead' | 'otherHead' | 'admin'
export const people: Record<Who, string> = { employee: cast.eastEmployee, ownHead: cast.eastHead, otherHead: cast.southHead, admin: cast.admin }

export const OK = 'ok'

export interface Row {
  action: string
  /** Creates the record the call is about (as its owner); returns its id, or null. */
  setup: () => Promise<string | null>
  payload: (id: string | null) => unknown
  /** OK, or the refusal code each kind of person must get. */
  expect: Record<Who, string>
}

export type Caller = (personId: string) => (action: string, payload?: unknown) => Promise<{ ok: boolean; data?: any; error?: { code: string } }>

/** What row files get to arrange their records. */
export interface MatrixWorld {
  db(): Database
  as: Caller
  /** Today's date in Shanghai, for payloads that take dates. */
  today: string
}

/** Unwraps a setup call's answer, failing the cell loudly if the setup itself was refused. */
export async function must<T>(promise: Promise<{ ok: boolean; data?: T; error?: { code: string } }>): Promise<T> {
  const res = await promise
  if (!res.ok) throw new Error(`setup failed: ${res.error?.code}`)
  return res.data as T
}
