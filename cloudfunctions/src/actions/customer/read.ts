import { shanghaiDate, type ActionInput, type ActionOutput, type CustomerDetail } from '../../../../types/contract'
import type { ActionContext } from '../../core/context'
import type { Condition } from '../../core/sdk-types'
import { escapeRegExp } from '../../domain/text'
import { CUSTOMERS, customerNames, FOLLOW_UPS, personNames, toCustomerSummary, toFollowUp, type CustomerDoc, type FollowUpDoc } from '../../repos/customers'
import { fetchPage } from '../../repos/paging'
import { customerDetailFor, loadVisibleCustomer, scopeCondition } from './shared'

export async function getCustomer(input: ActionInput<'customer.get'>, ctx: ActionContext): Promise<CustomerDetail> {
  const { doc, access, departmentName } = await loadVisibleCustomer(ctx, input.customerId)
  return customerDetailFor(ctx, doc, access, departmentName)
}

/** Eleven digits are a phone number, matched whole; anything else is looked for in name, company and tags. */
function keywordCondition(ctx: ActionContext, keyword: string): Condition {
  const _ = ctx.db.command
  if (/^1\d{10}$/.test(keyword)) return { phone: keyword }
  const pattern = ctx.db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' })
  return _.or([{ name: pattern }, { company: pattern }, { tags: pattern }])
}

export async function listCustomers(input: ActionInput<'customer.list'>, ctx: ActionContext): Promise<ActionOutput<'customer.list'>> {
  const _ = ctx.db.command
  const today = shanghaiDate(ctx.now())
  const conditions: Condition[] = [scopeCondition(ctx, input.scope ?? 'mine', input.departmentId)]
  const keyword = input.keyword?.trim()
  if (keyword) conditions.push(keywordCondition(ctx, keyword))
  if (input.filter === 'due') conditions.push({ nextFollowUpOn: _.lte(today) })
  if (input.filter === 'complaints') conditions.push({ complaintCount: _.gt(0) })
  const page = await fetchPage(ctx, CUSTOMERS, _.and(conditions), [['updatedAt', 'desc']], input, (doc: CustomerDoc, departmentName) => ({ doc, departmentName }))
  const owners = await personNames(ctx.db, page.items.map((i) => i.doc.ownerId))
  return { ...page, items: page.items.map(({ doc, departmentName }) => toCustomerSummary(doc, owners.get(doc.ownerId) ?? '', departmentName)) }
}

export async function listFollowUps(input: ActionInput<'customer.listFollowUps'>, ctx: ActionContext): Promise<ActionOutput<'customer.listFollowUps'>> {
  const _ = ctx.db.command
  const today = shanghaiDate(ctx.now())
  const window = input.window ?? 'due'
  const due = window === 'due' ? { dueOn: _.lte(today) } : window === 'overdue' ? { dueOn: _.lt(today) } : {}
  const where = _.and([scopeCondition(ctx, input.scope ?? 'mine', input.departmentId), { status: 'planned', ...due }])
  // The longest overdue first: what has waited longest is what to do first.
  const page = await fetchPage(ctx, FOLLOW_UPS, where, [['dueOn', 'asc'], ['_id', 'asc']], input, (doc: FollowUpDoc, departmentName) => ({ doc, departmentName }))
  const [customers, owners] = await Promise.all([
    customerNames(ctx.db, page.items.map((i) => i.doc.customerId)),
    personNames(ctx.db, page.items.map((i) => i.doc.ownerId)),
  ])
  return {
    ...page,
    items: page.items.map(({ doc, departmentName }) =>
      toFollowUp(doc, today, { customer: customers.get(doc.customerId) ?? '', owner: owners.get(doc.ownerId) ?? '', department: departmentName }),
    ),
  }
}
