import { useRef } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'

/**
 * Calls `refresh` when the page comes back into view (back from a detail, another tab), but
 * not for the show that comes with the first render, which has just loaded anyway.
 */
export function useRefreshOnShow(refresh: () => void): void {
  const hiddenSinceMount = useRef(false)
  const refreshRef = useRef(refresh)
  refreshRef.current = refresh
  useDidHide(() => {
    hiddenSinceMount.current = true
  })
  useDidShow(() => {
    if (hiddenSinceMount.current) refreshRef.current()
  })
}
