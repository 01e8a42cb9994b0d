import { accountApplicationFlow, applicationEvents, applicationStates, type ApplicationEvent, type ApplicationState } from './account-application'
import { relationsTo, type Actor } from './relations'
import type { Relation } from './workflow'

const single: Relation[][] = [['owner'], ['ownHead'], ['otherHead'], ['admin'], ['colleague'], ['system']]

/** The whole table, written out: every state × event × relation, and the expected outcome. */
const expected: Record<ApplicationState, Record<ApplicationEvent, Record<string, string>>> = {
  pending_head: {
    headApprove: { owner: 'FORBIDDEN', ownHead: 'pending_admin', otherHead: 'OUT_OF_SCOPE', admin: 'FORBIDDEN', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
    headReject: { owner: 'FORBIDDEN', ownHead: 'rejected', otherHead: 'OUT_OF_SCOPE', admin: 'FORBIDDEN', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
    activate: { owner: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: 'INVALID_STATE', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
    adminReject: { owner: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: 'INVALID_STATE', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
    withdraw: { owner: 'withdrawn', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: 'FORBIDDEN', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
  },
  pending_admin: {
    headApprove: { owner: 'FORBIDDEN', ownHead: 'INVALID_STATE', otherHead: 'OUT_OF_SCOPE', admin: 'FORBIDDEN', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
    headReject: { owner: 'FORBIDDEN', ownHead: 'INVALID_STATE', otherHead: 'OUT_OF_SCOPE', admin: 'FORBIDDEN', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
    activate: { owner: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: 'activated', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
    adminReject: { owner: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: 'rejected', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
    withdraw: { owner: 'withdrawn', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: 'FORBIDDEN', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
  },
  ...Object.fromEntries(
    (['activated', 'rejected', 'withdrawn'] as const).map((state) => [
      state,
      {
        headApprove: { owner: 'FORBIDDEN', ownHead: 'INVALID_STATE', otherHead: 'OUT_OF_SCOPE', admin: 'FORBIDDEN', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
        headReject: { owner: 'FORBIDDEN', ownHead: 'INVALID_STATE', otherHead: 'OUT_OF_SCOPE', admin: 'FORBIDDEN', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
        activate: { owner: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: 'INVALID_STATE', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
        adminReject: { owner: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: 'INVALID_STATE', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
        withdraw: { owner: 'INVALID_STATE', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: 'FORBIDDEN', colleague: 'FORBIDDEN', system: 'FORBIDDEN' },
      },
    ]),
  ),
} as never

describe('account application transition table', () => {
  const cells = applicationStates.flatMap((state) =>
    applicationEvents.flatMap((event) => single.map((relations) => [state, event, relations[0]] as const)),
  )

  it('covers every state × event × relation', () => {
    expect(cells).toHaveLength(5 * 5 * 6)
  })

  it.each(cells)('%s + %s by %s', (state, event, relation) => {
    const decision = accountApplicationFlow.decide(state, event, [relation])
    const want = expected[state][event][relation]
    expect(decision.ok ? decision.next : decision.refusal).toBe(want)
  })

  it('never lets anyone decide their own application, whatever else they are', () => {
    expect(accountApplicationFlow.decide('pending_head', 'headApprove', ['owner', 'ownHead'])).toEqual({ ok: false, refusal: 'SELF_APPROVAL' })
    expect(accountApplicationFlow.decide('pending_admin', 'activate', ['owner', 'admin'])).toEqual({ ok: false, refusal: 'SELF_APPROVAL' })
    expect(accountApplicationFlow.decide('pending_admin', 'adminReject', ['owner', 'admin'])).toEqual({ ok: false, refusal: 'SELF_APPROVAL' })
  })

  it('lists only the events that would succeed', () => {
    expect(accountApplicationFlow.available('pending_head', ['ownHead'])).toEqual(['headApprove', 'headReject'])
    expect(accountApplicationFlow.available('pending_admin', ['admin'])).toEqual(['activate', 'adminReject'])
    expect(accountApplicationFlow.available('pending_admin', ['owner'])).toEqual(['withdraw'])
    expect(accountApplicationFlow.available('activated', ['owner', 'admin'])).toEqual([])
  })
})

describe('relationsTo', () => {
  const employee: Actor = { id: 'e1', role: 'employee', departmentId: 'sales' }
  const salesHead: Actor = { id: 'h1', role: 'head', departmentId: 'sales' }
  const serviceHead: Actor = { id: 'h2', role: 'head', departmentId: 'service' }
  const admin: Actor = { id: 'a1', role: 'admin', departmentId: 'office' }
  const employeeRequest = { ownerId: 'e1', departmentId: 'sales', departmentHeadId: 'h1' }

  it('places each caller relative to an employee’s request', () => {
    expect(relationsTo(employee, employeeRequest)).toEqual(['owner'])
    expect(relationsTo(salesHead, employeeRequest)).toEqual(['ownHead'])
    expect(relationsTo(serviceHead, employeeRequest)).toEqual(['otherHead'])
    expect(relationsTo(admin, employeeRequest)).toEqual(['admin'])
    expect(relationsTo({ id: 'e2', role: 'employee', departmentId: 'sales' }, employeeRequest)).toEqual(['colleague'])
  })

  it('has admins stand in as head for a head’s own request, but not the head themself', () => {
    const headsRequest = { ownerId: 'h1', departmentId: 'sales', departmentHeadId: 'h1' }
    expect(relationsTo(salesHead, headsRequest)).toEqual(['owner', 'ownHead'])
    expect(relationsTo(admin, headsRequest)).toEqual(['admin', 'ownHead'])
    expect(accountApplicationFlow.decide('pending_head', 'headApprove', relationsTo(salesHead, headsRequest))).toEqual({ ok: false, refusal: 'SELF_APPROVAL' })
    expect(accountApplicationFlow.decide('pending_head', 'headApprove', relationsTo(admin, headsRequest))).toEqual({ ok: true, next: 'pending_admin' })
  })

  it('has admins stand in for a department without a head', () => {
    expect(relationsTo(admin, { ownerId: 'e1', departmentId: 'sales', departmentHeadId: null })).toEqual(['admin', 'ownHead'])
  })

  it('does not let an admin stand in for their own request', () => {
    expect(relationsTo(admin, { ownerId: 'a1', departmentId: 'office', departmentHeadId: null })).toEqual(['owner', 'admin'])
  })

  it('treats a head who is no longer the department’s head as another head', () => {
    expect(relationsTo(salesHead, { ownerId: 'e1', departmentId: 'sales', departmentHeadId: 'h9' })).toEqual(['otherHead'])
  })
})
