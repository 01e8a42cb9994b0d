import type { spotCheckActions } from '../../../../types/contract'
import type { HandlerMap } from '../../core/handler'
import { commentSpotCheck, getSpotCheck, listMySpotChecks, listSpotChecks, scoreSpotCheck } from './checks'
import { getRound, listRounds, startRound } from './rounds'

export { spotCheckTodos } from './todos'

export const spotCheckHandlers: HandlerMap<keyof typeof spotCheckActions> = {
  'spotCheck.startRound': startRound,
  'spotCheck.getRound': getRound,
  'spotCheck.listRounds': listRounds,
  'spotCheck.get': getSpotCheck,
  'spotCheck.list': listSpotChecks,
  'spotCheck.listMine': listMySpotChecks,
  'spotCheck.score': scoreSpotCheck,
  'spotCheck.comment': commentSpotCheck,
}
