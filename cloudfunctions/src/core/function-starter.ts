import type { Cloud } from './sdk-types'

/** Long enough for the request to leave this instance; the callee does not need us after that. */
export const HAND_ON_WAIT_MS = 2_000

/**
 * Starts another invocation without waiting for it to finish. `callFunction` answers only when
 * the callee returns, and a chain of invocations each waiting for the next would hold every
 * instance and outlive the 60 s timeout; so the caller waits just until the request is on its
 * way (or answered, if the callee is quick), and a failure is logged: the run keeps its cursor
 * and shows as stalled, and starting the month again resumes it.
 */
export function functionStarter(cloud: Pick<Cloud, 'callFunction'>, waitMs = HAND_ON_WAIT_MS): (name: string, data: unknown) => Promise<void> {
  return async (name, data) => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const call = cloud.callFunction({ name, data }).then(
      () => undefined,
      (err: unknown) => console.error(`[functions] could not start ${name}`, err),
    )
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, waitMs)
    })
    await Promise.race([call, waited])
    clearTimeout(timer)
  }
}
