import { isStale } from '@/services/accounts'
import { messageOf, showSuccess } from '@/services/feedback'

export interface ActionOutcome<T> {
  /** The record the server returned after a successful action. */
  done?: T
  /** The record moved on under us: the screen reloads it and says why. */
  stale?: boolean
  error?: string
}

/**
 * Runs one action and sorts the answer: the new record, a stale record, messages the form
 * shows next to its own fields (`showInForm` says whether it took the error), or a message for the screen.
 */
export async function perform<T>(
  run: () => Promise<T>,
  success: string,
  onOutcome: (outcome: ActionOutcome<T>) => void,
  showInForm: (err: unknown) => boolean = () => false,
): Promise<void> {
  try {
    const done = await run()
    showSuccess(success)
    onOutcome({ done })
  } catch (err) {
    if (isStale(err)) onOutcome({ stale: true })
    else if (showInForm(err)) onOutcome({})
    else onOutcome({ error: messageOf(err) })
  }
}

/** The first zod message, optionally for one field. */
export function firstIssue(
  result: { success: boolean; error?: { issues: Array<{ message: string; path: (string | number)[] }> } },
  field?: string,
): string | null {
  if (result.success || !result.error) return null
  const issue = field ? result.error.issues.find((i) => i.path[0] === field) : result.error.issues[0]
  return issue?.message ?? null
}
