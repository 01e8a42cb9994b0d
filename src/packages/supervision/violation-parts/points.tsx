import { Text } from '@tarojs/components'
import { idProps } from '@/components/id-props'

/** An overturned violation's points are struck through: they were recorded but no longer count. */
export function PointsText({ points, stands, id }: { points: number; stands: boolean; id?: string }) {
  return (
    <Text {...idProps(id)} className={`violation-points${stands ? '' : ' violation-points--void'}`}>
      扣{points}分{stands ? '' : '（不计入考核）'}
    </Text>
  )
}
