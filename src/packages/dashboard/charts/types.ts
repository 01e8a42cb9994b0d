/** A point on the chart in CSS pixels from the canvas's top-left corner. */
export interface ChartPoint {
  x: number
  y: number
}

/** What the canvas bridge draws: an F2 element tree and the data item under a point, if any. */
export interface ChartScene<T> {
  element: unknown
  pick: (point: ChartPoint) => T | undefined
}

/** One bar, or one segment of a stacked bar when `series` is set. */
export interface BarDatum {
  category: string
  value: number
  series?: string
}

/** One slice: a category's share of the whole. */
export interface PieDatum {
  category: string
  value: number
}

/** One point of one series' trend; `month` is "YYYY-MM" or any label, in order. */
export interface LineDatum {
  month: string
  series: string
  value: number
}

/** Series colours, in order; the first is the app's primary blue. */
export const CHART_COLORS = ['#1677ff', '#52c41a', '#faad14', '#f5222d', '#722ed1', '#13c2c2', '#eb2f96', '#8c8c8c']
