import Taro from '@tarojs/taro'
import type {
  ActionInput,
  ActionOutput,
  AddFeedbackInput,
  CustomerDetail,
  CustomerScope,
  CustomerSummary,
  CustomerListFilter,
  FollowUp,
  FollowUpWindow,
  LogContactInput,
  SelfIntroduction,
} from '@contract'
import { callAction } from './cloud'

export type { CustomerDetail, CustomerSummary, FollowUp, SelfIntroduction }

/** The basic information as a form holds it: text fields as typed, blanks meaning "none". */
export interface CustomerFields {
  name: string
  company: string
  phone: string
  source: ActionInput<'customer.create'>['source']
  tags: string[]
}

/** Blank optional fields are left out rather than sent empty: the server reads "absent" as "none". */
function basics(fields: CustomerFields) {
  const company = fields.company.trim()
  const phone = fields.phone.trim()
  return {
    name: fields.name.trim(),
    source: fields.source,
    tags: fields.tags.map((t) => t.trim()).filter(Boolean),
    ...(company ? { company } : {}),
    ...(phone ? { phone } : {}),
  }
}

export function createCustomer(fields: CustomerFields): Promise<CustomerDetail> {
  return callAction('customer.create', { ...basics(fields), consent: true })
}

export function updateCustomer(customerId: string, fields: CustomerFields): Promise<CustomerDetail> {
  return callAction('customer.update', { customerId, ...basics(fields) })
}

export function getCustomer(customerId: string): Promise<CustomerDetail> {
  return callAction('customer.get', { customerId })
}

export interface CustomersQuery {
  page: number
  pageSize: number
  scope: CustomerScope
  keyword?: string
  filter?: CustomerListFilter
  departmentId?: string
}

export function listCustomers(query: CustomersQuery): Promise<ActionOutput<'customer.list'>> {
  const payload: ActionInput<'customer.list'> = { page: query.page, pageSize: query.pageSize, scope: query.scope }
  const keyword = query.keyword?.trim()
  // Only what narrows the list travels; an empty keyword would match everything anyway.
  if (keyword) payload.keyword = keyword.slice(0, 32)
  if (query.filter && query.filter !== 'all') payload.filter = query.filter
  if (query.departmentId) payload.departmentId = query.departmentId
  return callAction('customer.list', payload)
}

export function logContact(input: LogContactInput): Promise<CustomerDetail> {
  const nextStep = input.nextStep?.trim()
  return callAction('customer.logContact', { customerId: input.customerId, on: input.on, channel: input.channel, summary: input.summary.trim(), ...(nextStep ? { nextStep } : {}) })
}

export function planFollowUp(customerId: string, dueOn: string, what: string): Promise<CustomerDetail> {
  return callAction('customer.planFollowUp', { customerId, dueOn, what: what.trim() })
}

export function closeFollowUp(followUpId: string, outcome: 'done' | 'cancelled', note?: string): Promise<CustomerDetail> {
  const trimmed = note?.trim()
  return callAction('customer.closeFollowUp', { followUpId, outcome, ...(trimmed ? { note: trimmed } : {}) })
}

export function addFeedback(input: AddFeedbackInput): Promise<CustomerDetail> {
  const content = input.content?.trim()
  return callAction('customer.addFeedback', {
    customerId: input.customerId,
    on: input.on,
    satisfaction: input.satisfaction,
    complaint: input.complaint,
    ...(content ? { content } : {}),
  })
}

export interface FollowUpsQuery {
  page: number
  pageSize: number
  scope: CustomerScope
  window: FollowUpWindow
  departmentId?: string
}

export function listFollowUps(query: FollowUpsQuery): Promise<ActionOutput<'customer.listFollowUps'>> {
  return callAction('customer.listFollowUps', {
    page: query.page,
    pageSize: query.pageSize,
    scope: query.scope,
    window: query.window,
    ...(query.departmentId ? { departmentId: query.departmentId } : {}),
  })
}

export function getSelfIntroduction(): Promise<SelfIntroduction> {
  return callAction('customer.getSelfIntroduction', {})
}

export function updateSelfIntroduction(template: string): Promise<SelfIntroduction> {
  return callAction('customer.updateSelfIntroduction', { template: template.trim() })
}

/** Puts text on the phone's clipboard; WeChat shows its own "copied" toast. */
export async function copyText(text: string): Promise<void> {
  await Taro.setClipboardData({ data: text })
}

/** Dials from the detail screen; a cancelled dial is not an error. */
export function callPhone(phoneNumber: string): void {
  void Taro.makePhoneCall({ phoneNumber }).catch(() => undefined)
}
