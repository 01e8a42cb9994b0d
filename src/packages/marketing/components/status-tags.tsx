import { View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { groupFlagLabels, groupStatusLabels, marketingStatusLabels, type GroupFlag, type GroupStatus, type MarketingStatus } from '@contract'
import { idProps } from '@/components/id-props'

type TagType = 'default' | 'primary' | 'success' | 'warning' | 'danger'

const marketingTagType: Record<MarketingStatus, TagType> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'default',
}

/** NutUI's Tag drops `id`, so the wrapper carries it. */
export function MarketingStatusTag({ status, id }: { status: MarketingStatus; id?: string }) {
  return (
    <View {...idProps(id)} className='status-tag'>
      <Tag type={marketingTagType[status]} plain={status === 'withdrawn'}>
        {marketingStatusLabels[status]}
      </Tag>
    </View>
  )
}

export function GroupStatusTag({ status, id }: { status: GroupStatus; id?: string }) {
  return (
    <View {...idProps(id)} className='status-tag'>
      <Tag type={status === 'active' ? 'success' : 'default'} plain={status === 'dissolved'}>
        {groupStatusLabels[status]}
      </Tag>
    </View>
  )
}

/** What needs attention about a group, one tag each; `<idPrefix>-<flag>`. */
export function GroupFlagTags({ flags, idPrefix }: { flags: GroupFlag[]; idPrefix: string }) {
  if (flags.length === 0) return null
  return (
    <View className='marketing-tags' id={idPrefix}>
      {flags.map((flag) => (
        <View key={flag} id={`${idPrefix}-${flag}`} className='status-tag'>
          <Tag type={flag === 'review_overdue' || flag === 'not_needed' ? 'danger' : 'warning'} plain>
            {groupFlagLabels[flag]}
          </Tag>
        </View>
      ))}
    </View>
  )
}
