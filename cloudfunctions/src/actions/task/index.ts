import type { taskActions } from '../../../../types/contract'
import type { HandlerMap } from '../../core/handler'

export const taskHandlers: HandlerMap<keyof typeof taskActions> = {}
