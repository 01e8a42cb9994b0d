import { useCallback, useMemo, useRef, useState } from 'react'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { taskFilters, taskScopes, type Role, type TaskFilter, type TaskScope, type TaskSummary } from '@contract'
import { listTasks } from '@/services/tasks'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { useListPullDown } from '@/hooks/use-list-pull-down'
import { useSearchKeyword } from '@/hooks/use-search-keyword'
import { FilterChips } from '@/components/record/filter-chips'
import { ListFooter } from '@/components/record/list-footer'
import { SearchField } from '@/components/record/search-field'
import { TaskStatusTag } from '../components/status-tag'
import { ProgressBar } from '../components/progress-bar'
import { taskDetailPage, taskPages } from '../paths'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/task.scss'

const PAGE_SIZE = 20

/** Heads look after their department's tasks and admins everyone's; employees their own. */
function scopesFor(role: Role): Array<{ value: TaskScope; label: string }> {
  const own: Array<{ value: TaskScope; label: string }> = [
    { value: 'assigned', label: '我负责的' },
    { value: 'created', label: '我创建的' },
  ]
  if (role === 'head') return [...own, { value: 'department', label: '本部门' }]
  if (role === 'admin') return [...own, { value: 'all', label: '全部' }]
  return own
}

const filterLabels: Record<TaskFilter, string> = { active: '未完成', overdue: '逾期', done: '已完成', cancelled: '已取消', all: '全部' }

function peopleLine(task: TaskSummary): string {
  const names = task.assignees.map((a) => a.name)
  return names.length > 3 ? `${names.slice(0, 3).join('、')}等${names.length}人` : names.join('、')
}

function dueLine(task: TaskSummary): string {
  if (task.status === 'done') return task.onTime === false ? `截止 ${task.dueOn} · 逾期完成` : `截止 ${task.dueOn} · 按时完成`
  return `截止 ${task.dueOn}`
}

function TaskRow({ task }: { task: TaskSummary }) {
  return (
    <View className='account-list__row' id={`task-${task.id}`} onClick={() => void Taro.navigateTo({ url: taskDetailPage(task.id) })}>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>{task.title}</Text>
        <TaskStatusTag task={task} />
      </View>
      <View className='account-list__meta'>
        <Text>执行人：{peopleLine(task)}</Text>
        <Text>{task.creatorName}分派</Text>
      </View>
      <View className='account-list__meta'>
        <Text className={task.overdue ? 'task-list__due--late' : ''}>{dueLine(task)}</Text>
      </View>
      {task.status === 'cancelled' ? null : <ProgressBar value={task.progress} late={task.overdue} />}
    </View>
  )
}

function emptyTitle(scope: TaskScope, filter: TaskFilter, keyword: string): string {
  if (keyword) return '没有匹配的任务'
  if (filter === 'overdue') return '没有逾期的任务'
  if (filter === 'done') return '还没有完成的任务'
  if (filter === 'cancelled') return '没有取消的任务'
  return scope === 'created' ? '你还没有分派过任务' : scope === 'assigned' ? '暂时没有分给你的任务' : '暂无任务'
}

function isScope(value: unknown): value is TaskScope {
  return typeof value === 'string' && (taskScopes as readonly string[]).includes(value)
}

function isFilter(value: unknown): value is TaskFilter {
  return typeof value === 'string' && (taskFilters as readonly string[]).includes(value)
}

function Tasks({ role, initialScope, initialFilter }: { role: Role; initialScope: TaskScope; initialFilter: TaskFilter }) {
  const scopes = scopesFor(role)
  const [scope, setScope] = useState<TaskScope>(scopes.some((s) => s.value === initialScope) ? initialScope : 'assigned')
  const [filter, setFilter] = useState<TaskFilter>(initialFilter)
  const search = useSearchKeyword()
  const { keyword } = search
  // Every page carries the scope's overdue count; the 逾期 chip shows the latest.
  const overdueCount = useRef<number | null>(null)

  const fetchPage = useCallback(
    async (page: number, pageSize: number) => {
      const result = await listTasks({ scope, filter, page, pageSize, keyword })
      overdueCount.current = result.overdueCount
      return result
    },
    [scope, filter, keyword],
  )
  const key = useMemo(() => JSON.stringify([scope, filter, keyword]), [scope, filter, keyword])
  const list = usePagedList(key, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  // Back from a task just reported on or completed: the row must say so.
  useRefreshOnShow(list.reload)
  useListPullDown(list)

  const late = overdueCount.current
  const filterOptions = taskFilters.map((value) => ({ value, label: value === 'overdue' && late ? `逾期（${late}）` : filterLabels[value] }))

  return (
    <View className='account-page task-list'>
      <FilterChips id='tasks-scope' options={scopes} selected={scope} onSelect={setScope} />
      <FilterChips id='tasks-filter' options={filterOptions} selected={filter} onSelect={setFilter} />
      <SearchField className='task-list__search' id='tasks-search' placeholder='搜索任务标题' search={search} />
      <View className='task-list__create'>
        <Button id='tasks-create' type='primary' fill='outline' block onClick={() => void Taro.navigateTo({ url: taskPages.create })}>
          分派任务
        </Button>
      </View>

      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='tasks-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState id='tasks-empty' title={emptyTitle(scope, filter, keyword)} description={scope === 'created' && !keyword ? '点“分派任务”把工作交给同事，可跨部门' : undefined} />
      ) : (
        <View className='account-list' id='tasks-list'>
          <Text className='account-list__total' id='tasks-total'>
            共 {list.total} 项任务
          </Text>
          {list.items.map((task) => (
            <TaskRow key={task.id} task={task} />
          ))}
          <ListFooter list={list} idPrefix='tasks' />
        </View>
      )}
    </View>
  )
}

export default function TaskListPage() {
  const router = useRouter()
  const initialScope: TaskScope = isScope(router.params.scope) ? router.params.scope : 'assigned'
  const initialFilter: TaskFilter = isFilter(router.params.filter) ? router.params.filter : 'active'
  return <SessionGate>{(person) => <Tasks role={person.role} initialScope={initialScope} initialFilter={initialFilter} />}</SessionGate>
}
