/**
 * Every approval flow in the product is a table: from a state, an event by someone in a
 * given relation to the record leads to the next state. Anything not in the table is
 * refused with a named reason. Handlers decide with the table, then write with a
 * compare-and-set on the state they decided from.
 */
export type Relation =
  /** The person the record is about (applicant, holder, reporter). */
  | 'owner'
  /** Head of the owner's department. */
  | 'ownHead'
  /** Head of some other department. */
  | 'otherHead'
  | 'admin'
  /** Any other bound employee. */
  | 'colleague'
  /** A scheduled job acting on its own, e.g. ending a delegation whose period is over. */
  | 'system'

export type Refusal =
  /** The event exists, but not from this state (already decided, withdrawn, …). */
  | 'INVALID_STATE'
  /** This relation may not cause this event at all. */
  | 'FORBIDDEN'
  /** A head acting on another department's record. */
  | 'OUT_OF_SCOPE'
  /** Approving or deciding one's own request. */
  | 'SELF_APPROVAL'

export interface Transition<S extends string, E extends string> {
  from: S
  event: E
  /** Who may cause it; a person may hold several relations (an admin who is also the owner). */
  by: readonly Relation[]
  to: S
  /** Decisions on someone's request may not be made by that someone. */
  notByOwner?: boolean
}

export type Decision<S extends string> = { ok: true; next: S } | { ok: false; refusal: Refusal }

export interface Workflow<S extends string, E extends string> {
  states: readonly S[]
  events: readonly E[]
  transitions: readonly Transition<S, E>[]
  decide(state: S, event: E, relations: readonly Relation[]): Decision<S>
  /** The events this person could cause now, for showing only the buttons that work. */
  available(state: S, relations: readonly Relation[]): E[]
}

export function defineWorkflow<S extends string, E extends string>(
  states: readonly S[],
  events: readonly E[],
  transitions: readonly Transition<S, E>[],
): Workflow<S, E> {
  const decide = (state: S, event: E, relations: readonly Relation[]): Decision<S> => {
    const forEvent = transitions.filter((t) => t.event === event)
    const permitted = forEvent.filter((t) => t.by.some((r) => relations.includes(r)))
    if (permitted.length === 0) {
      // Heads may act on records of their own department only: say so, rather than "forbidden".
      const headsMay = forEvent.some((t) => t.by.includes('ownHead'))
      return { ok: false, refusal: headsMay && relations.includes('otherHead') ? 'OUT_OF_SCOPE' : 'FORBIDDEN' }
    }
    const fromHere = permitted.find((t) => t.from === state)
    if (!fromHere) return { ok: false, refusal: 'INVALID_STATE' }
    if (fromHere.notByOwner && relations.includes('owner')) return { ok: false, refusal: 'SELF_APPROVAL' }
    return { ok: true, next: fromHere.to }
  }
  return {
    states,
    events,
    transitions,
    decide,
    available: (state, relations) => events.filter((event) => decide(state, event, relations).ok),
  }
}
