import { policyToAcknowledge } from '../policy/read'
import type { ActionInput, Whoami } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import type { ActionContext } from '../../core/context'
import { departmentName } from '../../repos/departments'
import { findPersonByMobile, PEOPLE, toPersonSummary } from '../../repos/people'

/**
 * The phone number comes from WeChat (the code is exchanged on the server), so an
 * employee can only bind to the roster entry carrying their own verified number.
 */
export async function bindByPhone(input: ActionInput<'session.bindByPhone'>, ctx: ActionContext): Promise<Whoami> {
  const mobile = await ctx.phone.resolve(input.code)
  if (!mobile) refuse('PHONE_UNAVAILABLE')
  const person = await findPersonByMobile(ctx.db, mobile)
  if (!person) refuse('PHONE_NOT_IN_ROSTER')
  if (person.status === 'left') refuse('PERSON_LEFT')
  if (person.openid) refuse('ALREADY_BOUND')

  const _ = ctx.db.command
  const { stats } = await ctx.db
    .collection(PEOPLE)
    .where({ _id: person._id, openid: _.exists(false) })
    .update({ data: { openid: ctx.caller.openid, updatedAt: ctx.now() } })
  if (stats.updated !== 1) refuse('ALREADY_BOUND')

  const bound = { ...person, openid: ctx.caller.openid }
  await writeAudit(ctx, {
    action: ctx.action,
    targetCollection: PEOPLE,
    targetId: person._id,
    before: { openid: null },
    after: { openid: ctx.caller.openid },
  })
  const [name, policy] = await Promise.all([departmentName(ctx.db, person.departmentId), policyToAcknowledge(ctx, bound)])
  return { status: 'bound', person: toPersonSummary(bound, name), policyToAcknowledge: policy }
}
