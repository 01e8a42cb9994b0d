import { useMemo } from 'react'
import { ChartFrame, numberText, type ValueRow } from './frame'
import { lineScene } from './scenes'
import type { LineDatum } from './types'

export interface LineChartProps {
  /** Unique on the page; the canvas, values and states take ids from it. */
  id: string
  title: string
  /** One row per series per month, months in the order they should run left to right. */
  data: LineDatum[]
  loading?: boolean
  unit?: string
  emptyText?: string
  /** Turns "2026-11" into the label the text version shows; the month as given by default. */
  monthLabel?: (month: string) => string
  /** CSS px; 240 by default. */
  height?: number
  /** Tapping near a point (the series drawn closest to the tap at that month) or its text row. */
  onSelect?: (item: LineDatum) => void
}

export function LineChart({ id, title, data, loading = false, unit = '', emptyText = '暂无数据', monthLabel = (m) => m, height = 240, onSelect }: LineChartProps) {
  const scene = useMemo(() => (data.length > 0 ? lineScene(data) : null), [data])
  const rows: Array<ValueRow<LineDatum>> = data.map((d, index) => ({
    key: `${d.month}\u0000${d.series}\u0000${index}`,
    label: `${monthLabel(d.month)} · ${d.series}`,
    value: numberText(d.value, unit),
    item: d,
  }))
  return (
    <ChartFrame id={id} title={title} loading={loading} emptyText={emptyText} height={height} rows={rows} scene={scene} onSelect={onSelect} />
  )
}
