import Taro from '@tarojs/taro'
import type { MessageTemplate } from '@contract'
import { callAction } from './cloud'

/**
 * The moments a subscribe message becomes likely, and the templates to ask for then.
 * A requester hears back through approvalResult; reviewers hear of new requests and reports.
 */
export const consentMoments = {
  submitApplication: ['approvalResult'],
  requestDelegation: ['approvalResult'],
  reportAnomaly: ['approvalResult'],
  openApprovals: ['approvalRequest', 'anomalyReported'],
} as const satisfies Record<string, readonly MessageTemplate[]>

export type ConsentMoment = keyof typeof consentMoments

/** Template ids for this environment, fetched once per app run. */
let templateIds: Partial<Record<MessageTemplate, string>> | null = null
let fetching: Promise<void> | null = null

function isWeapp(): boolean {
  return process.env.TARO_ENV === 'weapp'
}

/**
 * Fetches the template ids ahead of the tap: WeChat only shows the consent dialog when it is
 * asked for inside the tap itself, so there is no time to fetch them then.
 */
export function prepareConsent(): void {
  if (!isWeapp() || templateIds || fetching) return
  try {
    fetching = callAction('notify.getConsent', {})
      .then(
        (quota) => {
          templateIds = quota.templateIds
        },
        () => undefined,
      )
      .finally(() => {
        fetching = null
      })
  } catch {
    fetching = null
  }
}

/**
 * Asks for one-time subscriptions at a moment that makes a message likely and counts the
 * accepted ones. Call it synchronously from the tap handler, before anything is awaited.
 * It never throws and never rejects, so the action the tap started goes on regardless.
 * In H5 there are no subscribe messages, so it does nothing.
 */
export function askConsent(moment: ConsentMoment): Promise<void> {
  if (!isWeapp()) return Promise.resolve()
  try {
    if (!templateIds) {
      // Too late for this tap; the next one will have them.
      prepareConsent()
      return Promise.resolve()
    }
    const ids = templateIds
    const wanted = consentMoments[moment]
      .map((template) => ({ template, id: ids[template] ?? '' }))
      .filter((entry) => entry.id.length > 0)
    if (wanted.length === 0) return Promise.resolve()
    // Taro's typing wants Alipay's entityIds as well; WeChat takes tmplIds alone.
    const option = { tmplIds: wanted.map((entry) => entry.id) } as unknown as Taro.requestSubscribeMessage.Option
    return Promise.resolve(Taro.requestSubscribeMessage(option))
      .then((answers) => {
        const byId = answers as unknown as Record<string, unknown>
        const accepted = wanted.filter((entry) => byId[entry.id] === 'accept').map((entry) => entry.template)
        if (accepted.length === 0) return undefined
        return callAction('notify.recordConsent', { accepted }).then(() => undefined)
      })
      .catch(() => undefined)
  } catch {
    return Promise.resolve()
  }
}

/** Test seam: forget the fetched ids. */
export function resetConsent(): void {
  templateIds = null
  fetching = null
}
