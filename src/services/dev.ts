import { requestJson, unwrapEnvelope } from './cloud'

/**
 * Sign-in for the local environment only. It exists because a browser has no WeChat identity;
 * WeChat builds never reference this module (callers require it behind TARO_ENV === 'h5').
 */

export interface DevPerson {
  id: string
  name: string
  role: 'employee' | 'head' | 'admin'
  departmentId: string
  departmentName: string
  bound: boolean
}

export async function listDevPeople(): Promise<DevPerson[]> {
  const data = unwrapEnvelope<{ people: DevPerson[] }>(await requestJson('GET', '/dev/people'))
  return data.people
}

export async function signInAs(personId: string): Promise<string> {
  const data = unwrapEnvelope<{ personId: string }>(await requestJson('POST', '/dev/sign-in', { personId }))
  return data.personId
}

/** A fresh identity that is in nobody's roster entry, to walk through binding. */
export async function signInAsVisitor(): Promise<void> {
  unwrapEnvelope<unknown>(await requestJson('POST', '/dev/sign-in', { visitor: true }))
}

export async function signOut(): Promise<void> {
  unwrapEnvelope<unknown>(await requestJson('POST', '/dev/sign-out'))
}

export async function currentDevSession(): Promise<string | null> {
  const data = unwrapEnvelope<{ personId: string | null }>(await requestJson('GET', '/dev/session'))
  return data.personId
}
