import type { marketingActions } from '../../../../types/contract'
import type { HandlerMap } from '../../core/handler'
import { createGroup, dissolveGroup, getGroup, listGroups, reviewGroup, updateGroup } from './groups'
import { getMarketing, listMarketing, reviewMarketing, submitMarketing, withdrawMarketing } from './items'
import { listPushes, recordPush } from './pushes'
import { getMarketingTerms, updateMarketingTerms } from './terms'

export { marketingTodos } from './todos'

export const marketingHandlers: HandlerMap<keyof typeof marketingActions> = {
  'marketing.submit': submitMarketing,
  'marketing.withdraw': withdrawMarketing,
  'marketing.review': reviewMarketing,
  'marketing.get': getMarketing,
  'marketing.list': listMarketing,
  'marketing.recordPush': recordPush,
  'marketing.listPushes': listPushes,
  'marketing.getTerms': getMarketingTerms,
  'marketing.updateTerms': updateMarketingTerms,
  'group.create': createGroup,
  'group.update': updateGroup,
  'group.review': reviewGroup,
  'group.dissolve': dissolveGroup,
  'group.get': getGroup,
  'group.list': listGroups,
}
