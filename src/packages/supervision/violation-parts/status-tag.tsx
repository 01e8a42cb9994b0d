import { View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { violationStatusLabels, type ViolationStatus } from '@contract'
import { idProps } from '@/components/id-props'

type TagType = 'default' | 'primary' | 'success' | 'warning' | 'danger'

const tagType: Record<ViolationStatus, TagType> = {
  recorded: 'warning',
  appealed: 'primary',
  upheld: 'danger',
  overturned: 'default',
}

/** NutUI's Tag drops `id`, so the wrapper carries it. */
export function ViolationStatusTag({ status, id }: { status: ViolationStatus; id?: string }) {
  return (
    <View {...idProps(id)} className='status-tag'>
      <Tag type={tagType[status]} plain={status === 'overturned'}>
        {violationStatusLabels[status]}
      </Tag>
    </View>
  )
}
