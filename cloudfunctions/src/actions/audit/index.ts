import type { auditActions } from '../../../../types/contract'
import type { HandlerMap } from '../../core/handler'
import { searchAudit } from './search'

export const auditHandlers: HandlerMap<keyof typeof auditActions> = {
  'audit.search': searchAudit,
}
