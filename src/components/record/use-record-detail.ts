import { useCallback, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useLoaded } from '@/hooks/use-loaded'
import type { ActionOutcome } from './outcome'

/**
 * A record's detail screen: load it, refresh on pull-down, and take each action's outcome
 * (the new record, a stale one that is reloaded with `staleNotice`, or an error to show).
 */
export function useRecordDetail<T>(load: () => Promise<T>, staleNotice: string) {
  const { data, error, reload, setData } = useLoaded(load)
  const [notice, setNotice] = useState<string | null>(null)

  // Keeps what is on screen while the newer copy loads; a failed refresh leaves it as it was.
  const refresh = useCallback(() => load().then(setData, () => undefined), [load, setData])

  usePullDownRefresh(() => {
    void refresh().finally(() => void Taro.stopPullDownRefresh())
  })

  const onOutcome = useCallback(
    (outcome: ActionOutcome<T>) => {
      if (outcome.done) {
        setData(outcome.done)
        setNotice(null)
      } else if (outcome.stale) {
        setNotice(staleNotice)
        void refresh()
      } else {
        setNotice(outcome.error ?? null)
      }
    },
    [refresh, setData, staleNotice],
  )

  return { data, error, reload, notice, onOutcome }
}
