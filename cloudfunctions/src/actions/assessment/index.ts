import type { assessmentResultActions } from '../../../../types/contract'
import type { HandlerMap } from '../../core/handler'

export const assessmentResultHandlers: HandlerMap<keyof typeof assessmentResultActions> = {}
