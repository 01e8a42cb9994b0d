import { useMemo } from 'react'
import { ChartFrame, numberText, type ValueRow } from './frame'
import { barScene } from './scenes'
import type { BarDatum } from './types'

export interface BarChartProps {
  /** Unique on the page; the canvas, values and states take ids from it. */
  id: string
  title: string
  /** One row per bar; rows that share a category and carry a `series` stack. */
  data: BarDatum[]
  loading?: boolean
  /** Appended to every figure in the text version, e.g. "人" or "%". */
  unit?: string
  emptyText?: string
  /** CSS px; 220 by default. */
  height?: number
  /** Tapping a bar (a segment when stacked) or its text row. */
  onSelect?: (item: BarDatum) => void
}

export function BarChart({ id, title, data, loading = false, unit = '', emptyText = '暂无数据', height = 220, onSelect }: BarChartProps) {
  const stacked = data.some((d) => d.series !== undefined)
  const scene = useMemo(() => (data.length > 0 ? barScene(data, { stacked }) : null), [data, stacked])
  const rows: Array<ValueRow<BarDatum>> = data.map((d, index) => ({
    key: `${d.category}\u0000${d.series ?? ''}\u0000${index}`,
    label: d.series === undefined ? d.category : `${d.category} · ${d.series}`,
    value: numberText(d.value, unit),
    item: d,
  }))
  return (
    <ChartFrame id={id} title={title} loading={loading} emptyText={emptyText} height={height} rows={rows} scene={scene} onSelect={onSelect} />
  )
}
