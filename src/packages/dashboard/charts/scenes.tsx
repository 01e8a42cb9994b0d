/** @jsxImportSource @antv/f2 */
import { Axis, Chart, Interval, Legend, Line, Point, createRef } from '@antv/f2'
import { CHART_COLORS, type BarDatum, type ChartPoint, type ChartScene, type LineDatum, type PieDatum } from './types'

/** F2 keeps the source row of each drawn item under `origin`; positions are canvas CSS px. */
interface SnapRecord<T> {
  origin: T
  x?: number | number[]
  y?: number | number[]
  /** Intervals also carry their drawn rectangle. */
  yMin?: number
  yMax?: number
}

interface PlotArea {
  left: number
  right: number
  top: number
  bottom: number
}

interface Snapper<T> {
  getSnapRecords?: (point: ChartPoint, inCoordRange?: boolean) => Array<SnapRecord<T>> | undefined
  getCoord?: () => PlotArea | undefined
}

/** The items at a point inside the plot area; a tap on a legend or an axis drills into nothing. */
function snap<T>(ref: { current: unknown }, point: ChartPoint): Array<SnapRecord<T>> {
  const chart = ref.current as Snapper<T> | null
  try {
    const area = chart?.getCoord?.()
    if (area && (point.x < area.left || point.x > area.right || point.y < area.top || point.y > area.bottom)) return []
    return chart?.getSnapRecords?.(point) ?? []
  } catch {
    return []
  }
}

/** The vertical span a record covers: an interval's rectangle, or a stacked [start, end]. */
function spanOf<T>(record: SnapRecord<T>): [number, number] | undefined {
  if (typeof record.yMin === 'number' && typeof record.yMax === 'number') return [record.yMin, record.yMax]
  const range = record.y
  if (!Array.isArray(range) || range.length === 0) return undefined
  return [Math.min(range[0], range[range.length - 1]), Math.max(range[0], range[range.length - 1])]
}

function within<T>(value: number, record: SnapRecord<T>): boolean {
  const span = spanOf(record)
  return span !== undefined && value >= span[0] && value <= span[1]
}

function nearest<T>(records: Array<SnapRecord<T>>, y: number): SnapRecord<T> | undefined {
  let best: SnapRecord<T> | undefined
  let distance = Infinity
  for (const record of records) {
    const span = spanOf(record)
    const at = span ? (span[0] + span[1]) / 2 : record.y
    if (typeof at !== 'number') continue
    const d = Math.abs(at - y)
    if (d < distance) {
      distance = d
      best = record
    }
  }
  return best ?? records[0]
}

// Plain numbers are CSS px here ('px' strings are read as a 750-wide design and halved).
const axisLabel = { fill: '#8b8f99', fontSize: 11 }
const legendName = { fill: '#4e5969', fontSize: 11 }
/** One line of legend items reads left to right instead of being pushed to both ends. */
const legendRow = { justifyContent: 'flex-start' as const }
const legendItem = { paddingRight: 12 }

export function barScene(data: BarDatum[], options: { stacked: boolean; horizontalLabels?: boolean }): ChartScene<BarDatum> {
  const ref = createRef()
  const series = options.stacked
  const element = (
    <Chart ref={ref} data={data} scale={{ value: { min: 0, nice: true } }}>
      <Axis field='category' style={{ label: axisLabel }} />
      <Axis field='value' style={{ label: axisLabel }} />
      <Interval
        x='category'
        y='value'
        color={series ? { field: 'series', range: CHART_COLORS } : CHART_COLORS[0]}
        adjust={series ? 'stack' : undefined}
      />
      {series ? <Legend position='top' nameStyle={legendName} style={legendRow} itemStyle={legendItem} /> : null}
    </Chart>
  )
  return {
    element,
    pick(point) {
      const records = snap<BarDatum>(ref, point)
      if (records.length === 0) return undefined
      // Stacked: the segment whose span holds the tap, else the nearest one in the column.
      const hit = records.find((record) => within(point.y, record)) ?? nearest(records, point.y)
      return hit?.origin
    },
  }
}

export function pieScene(data: PieDatum[], options: { donut: boolean }): ChartScene<PieDatum> {
  const ref = createRef()
  // Every slice shares one x so the stack fills the circle.
  const rows = data.map((d) => ({ ...d, whole: 'whole' }))
  const element = (
    <Chart
      ref={ref}
      data={rows}
      coord={{ type: 'polar', transposed: true, innerRadius: options.donut ? 0.6 : 0, radius: 0.85 }}
      scale={{}}
    >
      <Interval x='whole' y='value' adjust='stack' color={{ field: 'category', range: CHART_COLORS }} />
      <Legend position='right' nameStyle={legendName} />
    </Chart>
  )
  return {
    element,
    pick(point) {
      const hit = snap<PieDatum & { whole: string }>(ref, point)[0]
      if (!hit) return undefined
      const { whole: _whole, ...datum } = hit.origin
      return datum
    },
  }
}

export function lineScene(data: LineDatum[]): ChartScene<LineDatum> {
  const ref = createRef()
  const element = (
    <Chart ref={ref} data={data} scale={{ month: { type: 'cat' }, value: { min: 0, nice: true } }}>
      <Axis field='month' style={{ label: axisLabel }} />
      <Axis field='value' style={{ label: axisLabel }} />
      <Line x='month' y='value' color={{ field: 'series', range: CHART_COLORS }} />
      <Point x='month' y='value' color={{ field: 'series', range: CHART_COLORS }} size={3} />
      <Legend position='top' nameStyle={legendName} style={legendRow} itemStyle={legendItem} />
    </Chart>
  )
  return {
    element,
    pick(point) {
      // All series at the tapped month; the one drawn closest to the tap wins.
      return nearest(snap<LineDatum>(ref, point), point.y)?.origin
    },
  }
}
