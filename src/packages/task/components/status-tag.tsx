import { View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { taskStatusLabels, type TaskStatus, type TaskSummary } from '@contract'
import { idProps } from '@/components/id-props'

type TagType = 'default' | 'primary' | 'success' | 'warning' | 'danger'

const tagType: Record<TaskStatus, TagType> = {
  open: 'warning',
  in_progress: 'primary',
  done: 'success',
  cancelled: 'default',
}

/** Overdue outranks the status: it is what needs attention. NutUI's Tag drops `id`, so the wrapper carries it. */
export function TaskStatusTag({ task, id }: { task: Pick<TaskSummary, 'status' | 'overdue' | 'overdueDays'>; id?: string }) {
  if (task.overdue) {
    return (
      <View {...idProps(id)} className='status-tag'>
        <Tag type='danger'>逾期{task.overdueDays}天</Tag>
      </View>
    )
  }
  return (
    <View {...idProps(id)} className='status-tag'>
      <Tag type={tagType[task.status]} plain={task.status === 'cancelled'}>
        {taskStatusLabels[task.status]}
      </Tag>
    </View>
  )
}
