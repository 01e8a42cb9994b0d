import { z } from 'zod'
import { actions, errorMessages, failure, isActionName, type Audience, type Envelope } from '../../../types/contract'
import { handlers } from '../actions'
import { findPersonByOpenid } from '../repos/people'
import { ActionFailure } from './action-failure'
import type { ActionContext, Caller, Deps } from './context'

const requestSchema = z.object({ action: z.string(), payload: z.unknown().optional() })

function describeIssues(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
}

async function identify(deps: Deps): Promise<Caller | null> {
  const openid = deps.openid()
  if (!openid) return null
  const person = await findPersonByOpenid(deps.db, openid)
  return person ? { kind: 'person', openid, person } : { kind: 'unbound', openid }
}

/**
 * The one path every action takes: parse the input, identify the caller from the
 * trusted context, check the audience, run the handler, check the output.
 * Handlers only ever see a parsed input and a known caller.
 */
export async function dispatch(event: unknown, deps: Deps): Promise<Envelope<unknown>> {
  const request = requestSchema.safeParse(event)
  if (!request.success || !isActionName(request.data.action)) return failure('BAD_ACTION')
  const name = request.data.action
  const spec = actions[name]

  const input = spec.input.safeParse(request.data.payload ?? {})
  if (!input.success) {
    const issues = describeIssues(input.error)
    const first = issues[0]
    const where = first?.path ? `（${first.path}）` : ''
    return failure('BAD_INPUT', { issues }, first ? `${errorMessages.BAD_INPUT}${where}：${first.message}` : undefined)
  }

  try {
    const caller = await identify(deps)
    if (!caller) return failure('NOT_SIGNED_IN')
    if (caller.kind === 'person' && caller.person.status === 'left') return failure('PERSON_LEFT')
    const audience: Audience = caller.kind === 'person' ? caller.person.role : 'unbound'
    if (!(spec.audience as readonly Audience[]).includes(audience)) {
      return failure(caller.kind === 'unbound' ? 'NOT_BOUND' : 'FORBIDDEN')
    }
    const ctx: ActionContext = { ...deps, caller, action: name }
    const handler = handlers[name] as (input: unknown, ctx: ActionContext) => Promise<unknown>
    const data = await handler(input.data, ctx)
    return { ok: true, data: spec.output.parse(data) }
  } catch (err) {
    if (err instanceof ActionFailure) return failure(err.code, err.details, err.customMessage)
    console.error(`[api] ${name} failed`, err)
    return failure('INTERNAL')
  }
}
