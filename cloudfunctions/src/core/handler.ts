import type { ActionInput, ActionName, ActionOutput } from '../../../types/contract'
import type { ActionContext } from './context'

export type Handler<N extends ActionName> = (input: ActionInput<N>, ctx: ActionContext) => Promise<ActionOutput<N>>

/** Handlers for a group of actions; every action in the group must have one. */
export type HandlerMap<N extends ActionName> = { [K in N]: Handler<K> }
