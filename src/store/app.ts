import { useSyncExternalStore } from 'react'
import type { PersonSummary, Whoami } from '@contract'

export type PolicyToAcknowledge = Extract<Whoami, { status: 'bound' }>['policyToAcknowledge']

export type TabKey = 'workbench' | 'approvals' | 'me' | 'admin'

export type SessionState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  /** H5 only: the local runtime has no session cookie, so the dev sign-in shows. */
  | { kind: 'signedOut' }
  | { kind: 'unbound' }
  | { kind: 'bound'; person: PersonSummary; policyToAcknowledge: PolicyToAcknowledge }
  | { kind: 'failed'; message: string }

export interface AppState {
  session: SessionState
  selectedTab: TabKey
}

const initialState: AppState = { session: { kind: 'idle' }, selectedTab: 'workbench' }

/**
 * The app's only shared state. WeChat gives every page its own custom tab bar instance,
 * so role and selected tab must live outside any one component tree.
 */
let state: AppState = initialState
const listeners = new Set<() => void>()

export function getAppState(): AppState {
  return state
}

export function setAppState(patch: Partial<AppState>): void {
  state = { ...state, ...patch }
  listeners.forEach((listener) => listener())
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/** `select` must return a value already in the state (not a new object) or React re-renders forever. */
export function useAppState<T>(select: (s: AppState) => T): T {
  return useSyncExternalStore(
    subscribe,
    () => select(state),
    () => select(state),
  )
}

export function resetAppState(): void {
  setAppState(initialState)
}
