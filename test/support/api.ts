import type { ActionName, Envelope } from '../../types/contract'
import type { FileStorage, PhoneNumberResolver, SubscribeMessage } from '../../cloudfunctions/src/core/context'
import { dispatch } from '../../cloudfunctions/src/core/dispatch'
import type { Database } from '../../cloudfunctions/src/core/sdk-types'

/**
 * Calls the api function's dispatcher in-process against the real local database, with
 * the caller's openid supplied the way the platform supplies it (not in the payload).
 */
export function apiCaller(db: Database, options: { now?: () => Date; phone?: PhoneNumberResolver; sent?: SubscribeMessage[]; storage?: FileStorage } = {}) {
  const phone = options.phone ?? { resolve: async () => null }
  const sent = options.sent ?? []
  const messages = { send: async (message: SubscribeMessage) => void sent.push(message) }
  return async function call(openid: string | undefined, action: ActionName | string, payload?: unknown): Promise<Envelope<any>> {
    return dispatch(
      { action, payload },
      { db, openid: () => openid, now: options.now ?? (() => new Date()), phone, messages, templateIds: TEST_TEMPLATE_IDS, storage: options.storage },
    )
  }
}

export const TEST_TEMPLATE_IDS = { approvalRequest: 'tmpl-approval-request', approvalResult: 'tmpl-approval-result', anomalyReported: 'tmpl-anomaly', workNotice: 'tmpl-work-notice', policyReminder: 'tmpl-policy-reminder' }

/** A gateway client with its own cookie jar, as a browser tab would be. */
export class GatewayClient {
  private cookie = ''

  constructor(private readonly baseUrl: string) {}

  async signIn(body: { personId: string } | { visitor: true }): Promise<Response> {
    const res = await fetch(`${this.baseUrl}/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const setCookie = res.headers.get('set-cookie')
    if (setCookie) this.cookie = setCookie.split(';')[0]
    return res
  }

  async call(action: string, payload?: unknown, fn = 'api'): Promise<{ status: number; body: Envelope<any> }> {
    const res = await fetch(`${this.baseUrl}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify({ action, payload }),
    })
    return { status: res.status, body: (await res.json()) as Envelope<any> }
  }
}
