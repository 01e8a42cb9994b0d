import type { customerActions } from '../../../../types/contract'
import type { HandlerMap } from '../../core/handler'

export const customerHandlers: HandlerMap<keyof typeof customerActions> = {}
