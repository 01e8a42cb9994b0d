import type { Whoami } from '@contract'
import { callAction } from './cloud'

export function whoami(): Promise<Whoami> {
  return callAction('session.whoami', {})
}

/** `code` is the one-time code from the getPhoneNumber button; the server exchanges it for the number. */
export function bindByPhone(code: string): Promise<Whoami> {
  return callAction('session.bindByPhone', { code })
}
