import type { assessmentResultActions } from '../../../../types/contract'
import type { HandlerMap } from '../../core/handler'
import { appealResult, decideAppeal, listAppeals } from './appeals'
import { exportResults } from './export'
import { getMine } from './mine'
import { distribution, listResults } from './results'
import { getRun, publishMonth, runMonth } from './runs'

export { assessmentTodoBuckets, assessmentTodos } from './todos'

export const assessmentResultHandlers: HandlerMap<keyof typeof assessmentResultActions> = {
  'assessment.runMonth': runMonth,
  'assessment.getRun': getRun,
  'assessment.publishMonth': publishMonth,
  'assessment.listResults': listResults,
  'assessment.distribution': distribution,
  'assessment.getMine': getMine,
  'assessment.appeal': appealResult,
  'assessment.decideAppeal': decideAppeal,
  'assessment.listAppeals': listAppeals,
  'assessment.exportResults': exportResults,
}
