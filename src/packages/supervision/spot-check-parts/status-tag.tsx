import { View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { spotCheckStatusLabels, type SpotCheckStatus } from '@contract'
import { idProps } from '@/components/id-props'

/** NutUI's Tag drops `id`, so the wrapper carries it. */
export function SpotCheckStatusTag({ status, id }: { status: SpotCheckStatus; id?: string }) {
  return (
    <View {...idProps(id)} className='status-tag'>
      <Tag type={status === 'pending' ? 'warning' : 'success'}>{spotCheckStatusLabels[status]}</Tag>
    </View>
  )
}
