import type { spotCheckActions } from '../../../../types/contract'
import type { HandlerMap } from '../../core/handler'

export const spotCheckHandlers: HandlerMap<keyof typeof spotCheckActions> = {}
