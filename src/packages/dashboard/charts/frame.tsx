import { useState, type ReactNode } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { Empty, Skeleton } from '@nutui/nutui-react-taro'
import emptyImage from '@/assets/empty.png'
import { ChartCanvas, type BridgeStatus } from './canvas-bridge'
import type { ChartScene } from './types'
import './charts.scss'

/** One line of the text version of a chart: what it says and the item a tap on it drills into. */
export interface ValueRow<T> {
  key: string
  label: string
  value: string
  item: T
}

export interface ChartFrameProps<T> {
  id: string
  title: string
  loading: boolean
  /** Shown under the empty picture when there is nothing to draw. */
  emptyText: string
  height: number
  rows: Array<ValueRow<T>>
  scene: ChartScene<T> | null
  onSelect?: (item: T) => void
  /** Anything under the chart, e.g. a total. */
  footer?: ReactNode
}

/**
 * What every chart shares: a title, a skeleton while loading, an empty state, the canvas, and
 * the same figures as a small list that screen readers, tests and clients without a 2D canvas
 * can read. Tapping a row drills in just as tapping the chart does.
 */
export function ChartFrame<T>({ id, title, loading, emptyText, height, rows, scene, onSelect, footer }: ChartFrameProps<T>) {
  const [status, setStatus] = useState<BridgeStatus>('pending')
  const empty = !loading && (rows.length === 0 || scene === null)
  return (
    <View className='chart' id={id} data-chart-status={loading ? 'loading' : empty ? 'empty' : status}>
      <Text className='chart__title' id={`${id}-title`}>
        {title}
      </Text>
      {loading ? (
        <View className='chart__loading' id={`${id}-loading`} ariaLabel={`${title}加载中`}>
          <Skeleton rows={4} animated width='100%' />
        </View>
      ) : empty ? (
        <View className='chart__empty' id={`${id}-empty`}>
          <Empty
            // NutUI's default picture comes from a CDN the mini program may not reach.
            image={<Image className='chart__empty-image' src={emptyImage} mode='aspectFit' />}
            description={emptyText}
            size='small'
          />
        </View>
      ) : (
        <>
          <ChartCanvas canvasId={`${id}-canvas`} height={height} scene={scene as ChartScene<T>} onTapItem={onSelect} onStatus={setStatus} />
          <View className='chart__values' id={`${id}-values`} ariaRole='list' ariaLabel={`${title}数据`}>
            {rows.map((row, index) => (
              <View
                key={row.key}
                id={`${id}-value-${index}`}
                className={onSelect ? 'chart__value chart__value--link' : 'chart__value'}
                ariaRole={onSelect ? 'button' : 'listitem'}
                onClick={onSelect ? () => onSelect(row.item) : undefined}
              >
                <Text className='chart__value-label'>{row.label}</Text>
                <Text className='chart__value-number'>{row.value}</Text>
              </View>
            ))}
          </View>
          {footer}
        </>
      )}
    </View>
  )
}

/** 12345.6 → "12,345.6"; whole numbers stay whole. */
export function numberText(value: number, unit = ''): string {
  const rounded = Math.round(value * 100) / 100
  return `${rounded.toLocaleString('en-US')}${unit}`
}
