import { devOpenidFor } from '../../scripts/local-cloud/dev-session'
import { demoPeople, resetDemoCompany } from '../../scripts/local-cloud/seed'
import type { Database } from '../../cloudfunctions/src/core/sdk-types'

/** Seeded people the tests act as, by their part in the story. */
export const cast = {
  admin: 'p-admin-02',
  eastHead: 'p-sales-east-01',
  eastEmployee: 'p-sales-east-02',
  eastColleague: 'p-sales-east-03',
  southHead: 'p-sales-south-01',
  serviceEmployee: 'p-service-02',
} as const

export const openidOf = (personId: string) => devOpenidFor(personId)

/** Resets the demo company and binds every seeded person to their local openid. */
export async function freshCompany(db: Database): Promise<void> {
  await resetDemoCompany(db)
  for (const person of demoPeople) {
    await db.collection('people').doc(person.id).update({ data: { openid: devOpenidFor(person.id) } })
  }
}

/** Puts an active business account in the registry for a seeded person, as activation would. */
export async function giveAccount(db: Database, personId: string, wechatId: string, status = 'active'): Promise<string> {
  const person = (await db.collection('people').doc(personId).get()).data as { name: string; departmentId: string }
  const id = `acct-${wechatId}`
  const now = new Date()
  await db.collection('accounts').add({
    data: { _id: id, wechatId, holderId: personId, holderName: person.name, departmentId: person.departmentId, status, boundPhone: '13912345678', activatedOn: '2026-11-01', applicationId: 'seeded', createdAt: now, updatedAt: now },
  })
  return id
}
