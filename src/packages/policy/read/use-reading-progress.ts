import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePageScroll, useReachBottom } from '@tarojs/taro'

/** Where the body sits on the page when it is scrolled to the top, in px. */
interface BodyLayout {
  top: number
  height: number
}

/** Layout can move after the first measure (text reflows on resize), so it is measured again while scrolling, this often at most. */
const REMEASURE_MS = 500

/** A body not laid out yet is looked for again a few times: a short text gives no scroll to try again on. */
const MEASURE_RETRIES = 5
const RETRY_MS = 200

/**
 * How far into the body the bottom edge of the screen reaches, 0–100. A body that fits on the
 * screen is read in full; 100 only when its very end is in view, so rounding never grants it early.
 */
export function readPercent(layout: BodyLayout, scrollTop: number, windowHeight: number): number {
  const reached = scrollTop + windowHeight - layout.top
  if (layout.height <= 0 || reached >= layout.height) return 100
  return Math.min(99, Math.max(0, Math.floor((reached / layout.height) * 100)))
}

/**
 * The share of `#<bodyId>` the reader has scrolled past, for a policy that must be read to the
 * end before it can be acknowledged. It only grows: scrolling back up does not un-read the text.
 * State changes only when the whole percent does, so scrolling re-renders the page rarely.
 */
export function useReadingProgress(ready: boolean, bodyId = 'policy-body'): number {
  const [percent, setPercent] = useState(0)
  const shown = useRef(0)
  const scrollTop = useRef(0)
  const layout = useRef<BodyLayout | null>(null)
  const windowHeight = useRef(0)
  const measuredAt = useRef(0)

  const show = useCallback((next: number) => {
    if (next <= shown.current) return
    shown.current = next
    setPercent(next)
  }, [])

  const measure = useCallback(
    (retries = 0) => {
      measuredAt.current = Date.now()
      Taro.createSelectorQuery()
        .select(`#${bodyId}`)
        .boundingClientRect()
        .exec((result: unknown[] | null) => {
          const rect = result?.[0] as { top: number; height: number } | null | undefined
          if (!rect) {
            if (retries < MEASURE_RETRIES) setTimeout(() => measure(retries + 1), RETRY_MS)
            return
          }
          // The rectangle is relative to the screen; adding the scroll it was taken at places it on the page.
          layout.current = { top: rect.top + scrollTop.current, height: rect.height }
          show(readPercent(layout.current, scrollTop.current, windowHeight.current))
        })
    },
    [bodyId, show],
  )

  useEffect(() => {
    if (!ready) return
    windowHeight.current = Taro.getSystemInfoSync().windowHeight
    // The body is on screen only after this render reaches the view layer.
    Taro.nextTick(() => measure())
  }, [ready, measure])

  usePageScroll(({ scrollTop: top }) => {
    scrollTop.current = top
    if (!ready || shown.current >= 100) return
    if (layout.current) show(readPercent(layout.current, top, windowHeight.current))
    if (!layout.current || Date.now() - measuredAt.current > REMEASURE_MS) measure()
  })

  // The acknowledgement sits under the body: at the bottom of the page the whole body has been in view.
  useReachBottom(() => {
    if (ready) show(100)
  })

  return percent
}
