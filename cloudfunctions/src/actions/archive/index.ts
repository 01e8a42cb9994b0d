import type { archiveActions } from '../../../../types/contract'
import type { HandlerMap } from '../../core/handler'

export const archiveHandlers: HandlerMap<keyof typeof archiveActions> = {}
