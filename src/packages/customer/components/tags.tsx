import { View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { followUpStateLabels, type FollowUpState } from '@contract'
import { idProps } from '@/components/id-props'

type TagType = 'default' | 'primary' | 'success' | 'warning' | 'danger'

const followUpTagType: Record<FollowUpState, TagType> = {
  planned: 'primary',
  due_today: 'warning',
  overdue: 'danger',
  done_on_time: 'success',
  done_late: 'warning',
  cancelled: 'default',
}

/** NutUI's Tag drops `id`, so the wrapper carries it. */
export function FollowUpStateTag({ state, id }: { state: FollowUpState; id?: string }) {
  return (
    <View {...idProps(id)} className='status-tag'>
      <Tag type={followUpTagType[state]} plain={state === 'cancelled' || state === 'planned'}>
        {followUpStateLabels[state]}
      </Tag>
    </View>
  )
}

/** A customer's own labels, the same grey chips everywhere. */
export function CustomerTags({ tags, id }: { tags: string[]; id?: string }) {
  if (tags.length === 0) return null
  return (
    <View {...idProps(id)} className='customer-tags'>
      {tags.map((tag) => (
        <View key={tag} className='customer-tags__tag'>
          {tag}
        </View>
      ))}
    </View>
  )
}
