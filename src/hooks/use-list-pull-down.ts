import { useEffect, useRef } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { PagedList } from './use-paged-list'

/** Pull-down starts the list over; the spinner stays until the first page has answered. */
export function useListPullDown<T>(list: PagedList<T>): void {
  const pulling = useRef(false)
  usePullDownRefresh(() => {
    pulling.current = true
    list.reload()
  })
  useEffect(() => {
    if (pulling.current && list.status !== 'loading') {
      pulling.current = false
      void Taro.stopPullDownRefresh()
    }
  }, [list.status])
}
