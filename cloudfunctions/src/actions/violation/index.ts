import type { violationActions } from '../../../../types/contract'
import type { HandlerMap } from '../../core/handler'
import { appealViolation, decideAppeal } from './appeal'
import { getViolation, listViolations } from './read'
import { listViolationClauses, recordViolation } from './record'

export { violationTodoBuckets, violationTodos } from './todos'

export const violationHandlers: HandlerMap<keyof typeof violationActions> = {
  'violation.record': recordViolation,
  'violation.clauses': listViolationClauses,
  'violation.get': getViolation,
  'violation.appeal': appealViolation,
  'violation.decide': decideAppeal,
  'violation.list': listViolations,
}
