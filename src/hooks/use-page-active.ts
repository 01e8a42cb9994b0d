import { useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'

/**
 * Whether this page is the one on screen. In H5 pages stay in the document after the user
 * leaves them, so pages render their body only while shown: element ids stay unique and a
 * hidden page does not keep refreshing.
 */
export function usePageActive(): boolean {
  const [active, setActive] = useState(true)
  useDidShow(() => setActive(true))
  useDidHide(() => setActive(false))
  return active
}
