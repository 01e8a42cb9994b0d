import { isCloudError, onAuthLost } from '@/services/cloud'
import { messageOf } from '@/services/feedback'
import { bindByPhone, whoami } from '@/services/session'
import type { Whoami } from '@contract'
import { getAppState, setAppState, type SessionState } from './app'

let inflight: Promise<void> | null = null

function fromWhoami(result: Whoami): SessionState {
  return result.status === 'bound' ? { kind: 'bound', person: result.person, policyToAcknowledge: result.policyToAcknowledge } : { kind: 'unbound' }
}

function setSession(session: SessionState): void {
  setAppState({ session })
}

/**
 * Asks the backend who we are, once per app run unless forced. Concurrent callers (every tab
 * page mounts its own gate) share one request.
 */
export function loadSession(force = false): Promise<void> {
  const current = getAppState().session
  const settled = current.kind === 'bound' || current.kind === 'unbound' || current.kind === 'signedOut'
  if (inflight) return inflight
  if (settled && !force) return Promise.resolve()
  setSession({ kind: 'loading' })
  inflight = whoami()
    .then((result) => setSession(fromWhoami(result)))
    .catch((err: unknown) => {
      if (process.env.TARO_ENV === 'h5' && isCloudError(err) && err.code === 'NOT_SIGNED_IN') {
        setSession({ kind: 'signedOut' })
      } else {
        setSession({ kind: 'failed', message: messageOf(err) })
      }
    })
    .finally(() => {
      inflight = null
    })
  return inflight
}

/** Binds with the phone code; failures are thrown to the caller, which shows them next to the button. */
export async function bindSession(code: string): Promise<void> {
  setSession(fromWhoami(await bindByPhone(code)))
}

/** After the reader acknowledged the version in force, the rest of the app opens without asking the server again. */
export function markPolicyAcknowledged(versionId: string): void {
  const session = getAppState().session
  if (session.kind === 'bound' && session.policyToAcknowledge?.versionId === versionId) {
    setSession({ ...session, policyToAcknowledge: null })
  }
}

/** H5: show the dev sign-in again (switching identity, or after signing out). */
export function showSignIn(): void {
  setSession({ kind: 'signedOut' })
}

onAuthLost((code) => {
  if (code === 'NOT_BOUND') setSession({ kind: 'unbound' })
  else if (process.env.TARO_ENV === 'h5') setSession({ kind: 'signedOut' })
  else void loadSession(true)
})
