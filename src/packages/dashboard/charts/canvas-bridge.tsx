import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Canvas as TaroCanvas, View } from '@tarojs/components'
import { Canvas as F2Canvas } from '@antv/f2'
import type { ChartPoint, ChartScene } from './types'

/** What the bridge knows about its canvas; `unavailable` where no 2D canvas exists (tests, old clients). */
export type BridgeStatus = 'pending' | 'ready' | 'unavailable'

export interface ChartCanvasProps<T> {
  /** Unique on the page: the canvas is found by it. */
  canvasId: string
  /** CSS height in px; the width follows the container. */
  height: number
  /** The F2 element tree and how to map a point to a data item; a new scene re-renders the chart. */
  scene: ChartScene<T>
  /** Called with the data item under a tap. */
  onTapItem?: (item: T) => void
  /** Reports when the canvas is drawn, or that it cannot be. */
  onStatus?: (status: BridgeStatus) => void
}

/** How many times to look for the canvas node before giving up (it can lag the first render in weapp). */
const LOOKUPS = 5
const LOOKUP_DELAY_MS = 60
/** A touch that moves further than this is a scroll, not a tap. */
const TAP_SLOP_PX = 10

interface CanvasNode {
  width: number
  height: number
  getContext: (type: '2d') => CanvasRenderingContext2D | null
  createImage?: () => HTMLImageElement
}

interface Rect {
  width: number
  height: number
}

function pixelRatio(): number {
  try {
    const info = typeof Taro.getWindowInfo === 'function' ? Taro.getWindowInfo() : Taro.getSystemInfoSync()
    if (info?.pixelRatio) return info.pixelRatio
  } catch {
    // Fall through to the browser's own ratio.
  }
  return typeof window !== 'undefined' && window.devicePixelRatio ? window.devicePixelRatio : 1
}

/** F2's 'px' strings (its theme) are a 750-wide design: half of one is a CSS px. */
function designPx(px: number): number {
  return px ? Number((px / 2).toFixed(1)) : 0
}

/** Both platforms answer `.node()` and `.boundingClientRect()`; `fields({ node, size })` is weapp-only. */
function lookUp(canvasId: string, done: (node: CanvasNode | null, rect: Rect | null) => void): void {
  Taro.createSelectorQuery()
    .select(`#${canvasId}`)
    .node()
    .select(`#${canvasId}`)
    .boundingClientRect()
    .exec((results: unknown[]) => {
      const nodeResult = results?.[0] as { node?: CanvasNode } | null | undefined
      const rect = results?.[1] as Rect | null | undefined
      const node = nodeResult?.node
      done(node && typeof node.getContext === 'function' ? node : null, rect && rect.width > 0 ? rect : null)
    })
}

/**
 * A Taro 2D canvas with an F2 chart in it: finds the node on either platform, sizes it for the
 * screen's pixel ratio, redraws when the scene changes, destroys the chart on unmount and maps a
 * tap to the data item under it. Where no canvas can be had it draws nothing and says so.
 */
export function ChartCanvas<T>({ canvasId, height, scene, onTapItem, onStatus }: ChartCanvasProps<T>) {
  const chart = useRef<F2Canvas | null>(null)
  const latestScene = useRef(scene)
  latestScene.current = scene
  const latestStatus = useRef(onStatus)
  latestStatus.current = onStatus
  const touchStart = useRef<ChartPoint | null>(null)
  const [ready, setReady] = useState(false)

  useEffect(() => {
    let cancelled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const attempt = (left: number) => {
      lookUp(canvasId, (node, rect) => {
        if (cancelled) return
        const context = node?.getContext('2d')
        if (!node || !rect || !context) {
          if (left > 1) timer = setTimeout(() => attempt(left - 1), LOOKUP_DELAY_MS)
          else latestStatus.current?.('unavailable')
          return
        }
        const ratio = pixelRatio()
        node.width = Math.round(rect.width * ratio)
        node.height = Math.round(rect.height * ratio)
        let drawn = false
        const f2 = new F2Canvas({
          context,
          pixelRatio: ratio,
          width: rect.width,
          height: rect.height,
          // The same 'px' scale on both platforms: a 750-wide design, halved. F2's default reads
          // the page's root font size, which Taro's H5 rem setup changes.
          px2hd: designPx,
          children: latestScene.current.element,
          onAfterDraw: () => {
            if (drawn || cancelled) return
            drawn = true
            latestStatus.current?.('ready')
          },
          // weapp has no Image constructor: the canvas node makes images.
          ...(node.createImage ? { createImage: node.createImage.bind(node) } : {}),
        })
        chart.current = f2
        f2.render()
        setReady(true)
      })
    }
    // Give the native canvas a tick to exist before looking for it.
    Taro.nextTick(() => {
      if (!cancelled) attempt(LOOKUPS)
    })
    return () => {
      cancelled = true
      if (timer) clearTimeout(timer)
      chart.current?.destroy()
      chart.current = null
    }
  }, [canvasId])

  useEffect(() => {
    const f2 = chart.current
    if (!ready || !f2) return
    f2.update({ ...f2.props, children: scene.element })
  }, [ready, scene])

  const tapAt = (point: ChartPoint) => {
    if (!onTapItem || !chart.current) return
    const item = latestScene.current.pick(point)
    if (item !== undefined) onTapItem(item)
  }

  // weapp: canvas touches carry x/y relative to the canvas. H5: a click carries client coordinates.
  const weappHandlers =
    process.env.TARO_ENV === 'weapp'
      ? {
          onTouchStart: (event: { touches?: Array<{ x?: number; y?: number }> }) => {
            const touch = event.touches?.[0]
            touchStart.current = touch && typeof touch.x === 'number' && typeof touch.y === 'number' ? { x: touch.x, y: touch.y } : null
          },
          onTouchEnd: (event: { changedTouches?: Array<{ x?: number; y?: number }> }) => {
            const start = touchStart.current
            const touch = event.changedTouches?.[0]
            touchStart.current = null
            if (!start || !touch || typeof touch.x !== 'number' || typeof touch.y !== 'number') return
            if (Math.abs(touch.x - start.x) > TAP_SLOP_PX || Math.abs(touch.y - start.y) > TAP_SLOP_PX) return
            tapAt({ x: touch.x, y: touch.y })
          },
        }
      : {
          onClick: (event: { clientX?: number; clientY?: number; currentTarget?: unknown }) => {
            const target = event.currentTarget as { getBoundingClientRect?: () => DOMRect } | undefined
            if (typeof event.clientX !== 'number' || typeof event.clientY !== 'number' || !target?.getBoundingClientRect) return
            const box = target.getBoundingClientRect()
            tapAt({ x: event.clientX - box.left, y: event.clientY - box.top })
          },
        }

  return (
    <View className='chart-canvas' style={{ height: `${height}px` }}>
      <TaroCanvas
        type='2d'
        id={canvasId}
        canvasId={canvasId}
        className='chart-canvas__canvas'
        style={{ width: '100%', height: `${height}px` }}
        {...(weappHandlers as Record<string, unknown>)}
      />
    </View>
  )
}
