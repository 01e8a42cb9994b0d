import type { marketingActions } from '../../../../types/contract'
import type { HandlerMap } from '../../core/handler'

export const marketingHandlers: HandlerMap<keyof typeof marketingActions> = {}
