import type { violationActions } from '../../../../types/contract'
import type { HandlerMap } from '../../core/handler'

export const violationHandlers: HandlerMap<keyof typeof violationActions> = {}
