import { z } from 'zod'
import { messageTemplateSchema } from '../../../../types/contract'
import type { Cloud } from '../../core/sdk-types'
import { dispatch } from '../../core/dispatch'
import type { Deps, PhoneNumberResolver, SubscribeMessageSender } from '../../core/context'

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cloud = require('wx-server-sdk') as Cloud
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })

const phone: PhoneNumberResolver = {
  async resolve(code) {
    try {
      const res = await cloud.openapi.phonenumber.getPhoneNumber({ code })
      return res.phoneInfo?.purePhoneNumber ?? null
    } catch (err) {
      console.error('[api] getPhoneNumber failed', err)
      return null
    }
  },
}

const messages: SubscribeMessageSender = {
  async send(message) {
    const res = await cloud.openapi.subscribeMessage.send({ ...message, miniprogramState: process.env.MINIPROGRAM_STATE ?? 'formal' })
    if (res.errCode) throw new Error(`subscribeMessage.send ${res.errCode} ${res.errMsg ?? ''}`)
  },
}

/**
 * Template ids differ per mini program, so they come from the function's environment
 * variables (set in the cloud console): SUBSCRIBE_TEMPLATES='{"approvalRequest":"…",…}'.
 * Parsed once at start-up; a malformed value stops the function rather than silently
 * sending nothing.
 */
const templateIds = z
  .record(messageTemplateSchema, z.string().min(1))
  .parse(JSON.parse(process.env.SUBSCRIBE_TEMPLATES || '{}'))

const deps: Deps = {
  db: cloud.database(),
  openid: () => cloud.getWXContext().OPENID,
  now: () => new Date(),
  phone,
  messages,
  templateIds,
}

/** The single entry point of the `api` cloud function: `{ action, payload }` in, an envelope out. */
export async function main(event: unknown): Promise<unknown> {
  return dispatch(event, deps)
}
