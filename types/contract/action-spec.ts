import type { z } from 'zod'
import type { Audience } from './common'

/** The cloud function that serves every action. */
export const API_FUNCTION = 'api'

export interface ActionSpec<I extends z.ZodTypeAny = z.ZodTypeAny, O extends z.ZodTypeAny = z.ZodTypeAny> {
  /** The cloud function that serves the action. */
  fn: typeof API_FUNCTION
  input: I
  output: O
  /** Who may call it; the handler narrows further by department scope. */
  audience: readonly Audience[]
  /** Whether the action writes (and therefore audits). */
  writes: boolean
  summary: string
}

/** Keeps each action's input and output types exact while checking the spec's shape. */
export function spec<I extends z.ZodTypeAny, O extends z.ZodTypeAny>(s: ActionSpec<I, O>): ActionSpec<I, O> {
  return s
}

/** Everyone bound to the roster. */
export const bound = ['employee', 'head', 'admin'] as const
