import { useCallback } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { taskHistoryLabels, type TaskDetail, type TaskHistoryEntry } from '@contract'
import { formatShanghaiTime } from '@/services/accounts'
import { getTask } from '@/services/tasks'
import { useRecordDetail } from '@/components/record/use-record-detail'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, PageLoading } from '@/components/state-views'
import { Timeline, type TimelineEntryView } from '@/components/record/timeline'
import type { ActionOutcome } from '@/components/record/outcome'
import { TaskStatusTag } from '../components/status-tag'
import { ProgressBar } from '../components/progress-bar'
import { TaskActions } from './actions'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/task.scss'

const STALE_NOTICE = '任务已被他人更新，已为你刷新为最新状态'

function historyView(entry: TaskHistoryEntry): TimelineEntryView {
  const base = { at: entry.at, actorName: entry.actorName }
  switch (entry.kind) {
    case 'create':
      return { ...base, label: taskHistoryLabels.create, comment: entry.toDueOn ? `截止 ${entry.toDueOn}` : null }
    case 'progress':
      return { ...base, label: `${taskHistoryLabels.progress}至 ${entry.progress ?? 0}%`, comment: entry.note }
    case 'due':
      return { ...base, label: taskHistoryLabels.due, comment: `${entry.fromDueOn ?? ''} → ${entry.toDueOn ?? ''}`, tone: 'muted' }
    case 'complete':
      return { ...base, label: taskHistoryLabels.complete, comment: entry.note, tone: 'good' }
    case 'cancel':
      return { ...base, label: taskHistoryLabels.cancel, comment: entry.note, tone: 'bad' }
  }
}

function StateLine({ detail }: { detail: TaskDetail }) {
  if (detail.status === 'done' && detail.doneAt) {
    const late = detail.onTime === false
    return (
      <Text className={`task-detail__verdict task-detail__verdict--${late ? 'late' : 'good'}`} id='task-detail-verdict'>
        {formatShanghaiTime(detail.doneAt)} 完成 · {late ? '逾期完成' : '按时完成'}
      </Text>
    )
  }
  if (detail.status === 'cancelled') {
    return (
      <Text className='task-detail__verdict' id='task-detail-cancelled'>
        已于 {detail.cancelledAt ? formatShanghaiTime(detail.cancelledAt) : ''} 取消{detail.cancelReason ? `：${detail.cancelReason}` : ''}
      </Text>
    )
  }
  return null
}

function Detail({ detail, notice, onOutcome }: { detail: TaskDetail; notice: string | null; onOutcome: (o: ActionOutcome<TaskDetail>) => void }) {
  return (
    <View className='account-page record task-detail' id='task-detail'>
      <View className='record__head card'>
        <View className='record__head-row'>
          <Text className='record__title' id='task-detail-title'>
            {detail.title}
          </Text>
          <TaskStatusTag id='task-detail-status' task={detail} />
        </View>
        <Text className='record__who' id='task-detail-creator'>
          {detail.creatorName}分派 · {formatShanghaiTime(detail.createdAt)}
        </Text>
        <Text className={`record__when${detail.overdue ? ' task-list__due--late' : ''}`} id='task-detail-due'>
          截止 {detail.dueOn}
          {detail.overdue ? `，已逾期${detail.overdueDays}天` : ''}
        </Text>
        {detail.status === 'cancelled' ? null : (
          <View className='task-detail__progress'>
            <ProgressBar id='task-detail-progress' value={detail.progress} late={detail.overdue} />
          </View>
        )}
        <StateLine detail={detail} />
        {detail.details ? (
          <Text className='task-detail__body' id='task-detail-details' userSelect>
            {detail.details}
          </Text>
        ) : null}
      </View>

      <Text className='page-section__title'>{detail.crossDepartment ? '执行人（蓝色为各部门牵头人）' : '执行人'}</Text>
      <View className='page-section'>
        <View className='card task-detail__people' id='task-detail-assignees'>
          {detail.assignees.map((a) => (
            <Text key={a.personId} id={`task-detail-assignee-${a.personId}`} className={`task-detail__person${a.isOwner ? ' task-detail__person--owner' : ''}`}>
              {a.name} · {a.departmentName}
              {a.isOwner ? '（牵头）' : ''}
            </Text>
          ))}
        </View>
      </View>

      {notice ? (
        <View className='account-notice' id='task-notice'>
          <Text>{notice}</Text>
        </View>
      ) : null}
      {detail.available.length > 0 ? (
        <View className='page-section'>
          {/* Keyed by revision: after each write the forms start from the task as it now is. */}
          <TaskActions key={detail.revision} detail={detail} onOutcome={onOutcome} />
        </View>
      ) : null}

      <Text className='page-section__title'>进展记录</Text>
      {detail.historyCount > detail.history.length ? (
        <Text className='task-detail__more' id='task-history-more'>
          共 {detail.historyCount} 条，显示最近 {detail.history.length} 条
        </Text>
      ) : null}
      <View className='page-section'>
        <Timeline id='task-history' entries={detail.history.map(historyView)} />
      </View>
    </View>
  )
}

function TaskScreen({ id }: { id: string }) {
  const load = useCallback(() => getTask(id), [id])
  const { data, error, reload, notice, onOutcome } = useRecordDetail(load, STALE_NOTICE)
  if (error) return <ErrorState id='task-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  return <Detail detail={data} notice={notice} onOutcome={onOutcome} />
}

export default function TaskDetailPage() {
  const router = useRouter()
  const id = typeof router.params.id === 'string' ? router.params.id : ''
  return <SessionGate>{() => (id ? <TaskScreen id={id} /> : <ErrorState id='task-error' message='缺少任务编号，请从列表重新打开' />)}</SessionGate>
}
