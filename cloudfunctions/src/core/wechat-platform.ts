import { z } from 'zod'
import { messageTemplateSchema, type MessageTemplate } from '../../../types/contract'
import type { PhoneNumberResolver, SubscribeMessageSender } from './context'
import type { Cloud } from './sdk-types'

/** The WeChat open-platform services a function uses, built once per function instance. */
export interface WechatPlatform {
  phone: PhoneNumberResolver
  messages: SubscribeMessageSender
  templateIds: Partial<Record<MessageTemplate, string>>
}

export function wechatPlatform(cloud: Cloud): WechatPlatform {
  const phone: PhoneNumberResolver = {
    async resolve(code) {
      try {
        const res = await cloud.openapi.phonenumber.getPhoneNumber({ code })
        return res.phoneInfo?.purePhoneNumber ?? null
      } catch (err) {
        console.error('[platform] getPhoneNumber failed', err)
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

  return { phone, messages, templateIds }
}
