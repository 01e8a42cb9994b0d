import { useMemo } from 'react'
import { Text } from '@tarojs/components'
import { ChartFrame, numberText, type ValueRow } from './frame'
import { pieScene } from './scenes'
import type { PieDatum } from './types'

export interface PieChartProps {
  /** Unique on the page; the canvas, values and states take ids from it. */
  id: string
  title: string
  /** One row per slice; slices of zero are listed but not drawn. */
  data: PieDatum[]
  loading?: boolean
  /** A ring instead of a full pie; true by default. */
  donut?: boolean
  unit?: string
  emptyText?: string
  /** CSS px; 200 by default. */
  height?: number
  onSelect?: (item: PieDatum) => void
}

/** 0.1234 → "12.3%". */
export function shareText(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 1000) / 10}%` : '0%'
}

export function PieChart({ id, title, data, loading = false, donut = true, unit = '', emptyText = '暂无数据', height = 200, onSelect }: PieChartProps) {
  const total = data.reduce((sum, d) => sum + Math.max(0, d.value), 0)
  // Nothing to divide when every share is zero: that is the empty state, not a blank ring.
  const scene = useMemo(
    () => (total > 0 ? pieScene(data.filter((d) => d.value > 0), { donut }) : null),
    [data, donut, total],
  )
  const rows: Array<ValueRow<PieDatum>> = data.map((d, index) => ({
    key: `${d.category}\u0000${index}`,
    label: d.category,
    value: `${numberText(d.value, unit)}（${shareText(d.value, total)}）`,
    item: d,
  }))
  return (
    <ChartFrame
      id={id}
      title={title}
      loading={loading}
      emptyText={emptyText}
      height={height}
      rows={rows}
      scene={scene}
      onSelect={onSelect}
      footer={
        <Text className='chart__total' id={`${id}-total`}>
          合计 {numberText(total, unit)}
        </Text>
      }
    />
  )
}
