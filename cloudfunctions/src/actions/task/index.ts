import type { taskActions } from '../../../../types/contract'
import type { HandlerMap } from '../../core/handler'
import { createTask } from './create'
import { cancelTask, changeTaskDue, completeTask, updateTaskProgress } from './progress'
import { getTask, listTaskAssignable, listTasks } from './read'

export { taskTodos } from './todos'

export const taskHandlers: HandlerMap<keyof typeof taskActions> = {
  'task.create': createTask,
  'task.get': getTask,
  'task.list': listTasks,
  'task.updateProgress': updateTaskProgress,
  'task.complete': completeTask,
  'task.cancel': cancelTask,
  'task.changeDue': changeTaskDue,
  'task.listAssignable': listTaskAssignable,
}
