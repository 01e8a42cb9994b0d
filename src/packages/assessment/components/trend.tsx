import { Text, View } from '@tarojs/components'
import { shortMonthLabel } from './months'
import './assessment.scss'

export interface TrendPoint {
  month: string
  total: number
}

/** Plain views instead of a chart library: six bars do not justify the subpackage weight. */
export function TrendBars({ id, points, current }: { id: string; points: TrendPoint[]; current: string | null }) {
  return (
    <View id={id} className='assessment-bars'>
      {points.map((point) => (
        <View key={point.month} id={`${id}-${point.month}`} className='assessment-bars__column'>
          <Text className='assessment-bars__value'>{point.total}</Text>
          <View
            className={`assessment-bars__bar${point.month === current ? ' assessment-bars__bar--current' : ''}`}
            // Totals are 0–100, so the height is the total itself in percent of the chart.
            style={{ height: `${Math.max(0, Math.min(100, point.total))}%` }}
          />
          <Text className='assessment-bars__label'>{shortMonthLabel(point.month)}</Text>
        </View>
      ))}
    </View>
  )
}
