import type { Database } from '../core/sdk-types'

export const DEPARTMENTS = 'departments'

export interface DepartmentDoc {
  _id: string
  name: string
  headId: string | null
  createdAt: Date
  updatedAt: Date
}

/** Departments are few (tens), so one bounded read serves every lookup in a request. */
export async function loadDepartments(db: Database): Promise<DepartmentDoc[]> {
  const { data } = await db.collection<DepartmentDoc>(DEPARTMENTS).orderBy('name', 'asc').limit(1000).get()
  return data
}

export async function departmentName(db: Database, id: string): Promise<string> {
  const { data } = await db.collection<DepartmentDoc>(DEPARTMENTS).where({ _id: id }).limit(1).get()
  return data[0]?.name ?? ''
}
