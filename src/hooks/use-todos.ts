import { useCallback, useRef } from 'react'
import type { Todos } from '@contract'
import { listTodos } from '@/services/accounts'
import { useLoaded, type Loaded } from './use-loaded'
import { useRefreshOnShow } from './use-refresh-on-show'

export interface TodosState extends Loaded<Todos> {
  /** Fetches again without blanking the screen; resolves when done, whatever the outcome. */
  refresh: () => Promise<void>
}

/** The caller's to-do lists, kept current whenever the page shows again. */
export function useTodos(): TodosState {
  const loaded = useLoaded(listTodos)
  const state = useRef(loaded)
  state.current = loaded

  const refresh = useCallback(async () => {
    const { error, reload, setData } = state.current
    // After a failed load the error screen is up; only a full reload replaces it.
    if (error) {
      reload()
      return
    }
    try {
      setData(await listTodos())
    } catch {
      // A failed background refresh keeps the lists already on screen.
    }
  }, [])

  useRefreshOnShow(() => void refresh())
  return { ...loaded, refresh }
}
