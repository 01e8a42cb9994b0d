import type { PersonSummary } from '../../../types/contract'
import type { PersonFields } from '../domain/roster/import-plan'
import { maskEmail, maskMobile } from '../domain/mask'
import type { Database } from '../core/sdk-types'

export const PEOPLE = 'people'

/** A roster entry as stored. `openid` is set once the person binds their WeChat. */
export interface PersonDoc extends PersonFields {
  _id: string
  openid?: string
  /** The person's latest account application; submission checks it inside a transaction so two taps cannot open two. */
  openApplicationId?: string
  createdAt: Date
  updatedAt: Date
}

export async function findPersonByOpenid(db: Database, openid: string): Promise<PersonDoc | null> {
  const { data } = await db.collection<PersonDoc>(PEOPLE).where({ openid }).limit(1).get()
  return data[0] ?? null
}

export async function findPersonByMobile(db: Database, mobile: string): Promise<PersonDoc | null> {
  const { data } = await db.collection<PersonDoc>(PEOPLE).where({ mobile }).limit(1).get()
  return data[0] ?? null
}

export function toPersonSummary(person: PersonDoc, departmentName: string): PersonSummary {
  return {
    id: person._id,
    name: person.name,
    mobileMasked: maskMobile(person.mobile),
    emailMasked: maskEmail(person.email),
    departmentId: person.departmentId,
    departmentName,
    role: person.role,
    status: person.status,
    bound: Boolean(person.openid),
  }
}
