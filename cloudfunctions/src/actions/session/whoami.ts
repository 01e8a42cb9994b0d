import { policyToAcknowledge } from '../policy/read'
import type { ActionInput, Whoami } from '../../../../types/contract'
import type { ActionContext } from '../../core/context'
import { departmentName } from '../../repos/departments'
import { toPersonSummary } from '../../repos/people'

export async function whoami(_input: ActionInput<'session.whoami'>, ctx: ActionContext): Promise<Whoami> {
  if (ctx.caller.kind !== 'person') return { status: 'unbound' }
  const person = ctx.caller.person
  const [name, policy] = await Promise.all([departmentName(ctx.db, person.departmentId), policyToAcknowledge(ctx, person)])
  return { status: 'bound', person: toPersonSummary(person, name), policyToAcknowledge: policy }
}
