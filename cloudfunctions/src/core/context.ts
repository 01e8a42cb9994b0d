import type { MessageTemplate } from '../../../types/contract'
import type { PersonDoc } from '../repos/people'
import type { Database } from './sdk-types'

/** Exchanges the one-time code of WeChat's getPhoneNumber button for the verified number. */
export interface PhoneNumberResolver {
  resolve(code: string): Promise<string | null>
}

export interface SubscribeMessage {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
}

/** WeChat's subscribeMessage.send; best effort, the to-do list is what never misses. */
export interface SubscribeMessageSender {
  send(message: SubscribeMessage): Promise<void>
}

/** Cloud storage: files too large to return in a response are kept here and fetched by link. */
export interface FileStorage {
  /** Returns the file's fileID. */
  upload(cloudPath: string, content: Buffer): Promise<string>
  temporaryUrl(fileID: string, maxAgeSeconds: number): Promise<string>
}

/** Everything a handler may touch, passed in so tests use the real database and a fixed clock. */
export interface Deps {
  db: Database
  /** The caller's openid from the trusted platform context; never from the payload. */
  openid(): string | undefined
  now(): Date
  phone: PhoneNumberResolver
  messages: SubscribeMessageSender
  /** Template ids per message kind for this environment; empty when not configured. */
  templateIds: Partial<Record<MessageTemplate, string>>
  /** Starts another cloud function without waiting for it to finish; tests leave it out and run jobs directly. */
  invoke?(name: string, data: unknown): Promise<void>
  /** Optional so that tests without files need not build one; actions that store files refuse without it. */
  storage?: FileStorage
}

export type Caller =
  | { kind: 'unbound'; openid: string }
  | { kind: 'person'; openid: string; person: PersonDoc }
  /** Scheduled jobs: no WeChat user behind them. */
  | { kind: 'system'; openid: '' }

export interface ActionContext extends Deps {
  caller: Caller
  action: string
}

export function requirePerson(ctx: ActionContext): PersonDoc {
  if (ctx.caller.kind !== 'person') throw new Error('handler reached without a bound caller')
  return ctx.caller.person
}

/** The context a scheduled job acts in: no caller, no phone exchange; messages only where the job sends them. */
export function systemContext(deps: Pick<Deps, 'db' | 'now'> & Partial<Pick<Deps, 'messages' | 'templateIds'>>, action: string): ActionContext {
  return {
    messages: { send: async () => undefined },
    templateIds: {},
    ...deps,
    openid: () => undefined,
    phone: { resolve: async () => null },
    caller: { kind: 'system', openid: '' },
    action,
  }
}
