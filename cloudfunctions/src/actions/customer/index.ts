import type { customerActions } from '../../../../types/contract'
import type { HandlerMap } from '../../core/handler'
import { createCustomer, updateCustomer } from './file'
import { getCustomer, listCustomers, listFollowUps } from './read'
import { addFeedback, closeFollowUp, logContact, planFollowUp } from './records'
import { getSelfIntroduction, updateSelfIntroduction } from './self-introduction'

export { customerTodos } from './todos'

export const customerHandlers: HandlerMap<keyof typeof customerActions> = {
  'customer.create': createCustomer,
  'customer.update': updateCustomer,
  'customer.get': getCustomer,
  'customer.list': listCustomers,
  'customer.logContact': logContact,
  'customer.planFollowUp': planFollowUp,
  'customer.closeFollowUp': closeFollowUp,
  'customer.addFeedback': addFeedback,
  'customer.listFollowUps': listFollowUps,
  'customer.getSelfIntroduction': getSelfIntroduction,
  'customer.updateSelfIntroduction': updateSelfIntroduction,
}
