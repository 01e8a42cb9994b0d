import { z } from 'zod'
import { messageTemplateSchema, type MessageTemplate } from '../../../types/contract'
import type { FileStorage, PhoneNumberResolver, SubscribeMessageSender } from './context'
import type { Cloud } from './sdk-types'

/** The WeChat open-platform services a function uses, built once per function instance. */
export interface WechatPlatform {
  phone: PhoneNumberResolver
  messages: SubscribeMessageSender
  templateIds: Partial<Record<MessageTemplate, string>>
  storage: FileStorage
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

  const storage: FileStorage = {
    async upload(cloudPath, content) {
      const res = await cloud.uploadFile({ cloudPath, fileContent: content })
      return res.fileID
    },
    async temporaryUrl(fileID, maxAgeSeconds) {
      const { fileList } = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: maxAgeSeconds }] })
      // A failed file is reported in its entry, not thrown: an empty link must not reach the client.
      const file = fileList[0]
      if (!file || file.status !== 0 || !file.tempFileURL) throw new Error(`getTempFileURL ${file?.status ?? '-'} ${file?.errMsg ?? ''}`)
      return file.tempFileURL
    },
  }

  return { phone, messages, templateIds, storage }
}
