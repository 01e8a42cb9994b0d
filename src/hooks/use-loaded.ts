import { useCallback, useEffect, useRef, useState } from 'react'
import { messageOf } from '@/services/feedback'

export interface Loaded<T> {
  /** null while loading (first time and on reload). */
  data: T | null
  error: string | null
  reload: () => void
  /** Replace the data locally after a write, without another round trip. */
  setData: (data: T) => void
}

/** Loads once on mount; `reload` starts over. An older answer never overwrites a newer one. */
export function useLoaded<T>(load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const generation = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const reload = useCallback(() => {
    const mine = ++generation.current
    setError(null)
    setData(null)
    loadRef.current().then(
      (value) => {
        if (mine === generation.current) setData(value)
      },
      (err) => {
        if (mine === generation.current) setError(messageOf(err))
      },
    )
  }, [])

  useEffect(() => {
    reload()
  }, [reload])

  return { data, error, reload, setData }
}
