import Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { readBody, sendJson } from './http-util'
import { multipartBoundary, parseMultipart, type FormPart } from './multipart'

/**
 * WeChat's open APIs as `cloud.openapi.<group>.<api>(params)` reaches them.
 *
 * wx-server-sdk turns the params' keys to snake_case, JSON-encodes each value into a
 * `KeyValuePair`, wraps them in a protobuf `CommApiData {apiType: OPEN_API, openapiData:{pairs}}`
 * and sends it through @cloudbase/node-sdk's `callCompatibleWxOpenApi`: a multipart/form-data
 * POST to the wire URL with the fields `action=wx.openApi`, `apiName` (e.g.
 * `subscribeMessage.send`), `requestData` (the protobuf bytes) and the usual `envName`,
 * `wxCloudApiToken`… It expects back either raw protobuf bytes, a `CommOpenApiResp
 * {respData, contentType, errorCode}` whose `respData` is WeChat's JSON answer, or, for a
 * gateway failure, JSON `{code, message}` sent as exactly `application/json; charset=utf-8`.
 * A non-zero `errcode` in the JSON answer becomes the SDK error's `errCode`; otherwise the
 * answer (camelCased, without errcode/errmsg) is returned with `errCode: 0`.
 */

const REPO_ROOT = path.resolve(__dirname, '../..')
/** Media parameters (e.g. images for content checks) ride in the same request. */
const WIRE_BODY_LIMIT = 16 * 1024 * 1024


interface KeyValuePair {
  key?: string
  value?: Uint8Array
}
interface CommApiData {
  apiType?: number
  openapiData?: { pairs?: KeyValuePair[] } | null
  appid?: string
}
interface CommOpenApiResp {
  respData?: Uint8Array
  contentType?: string
  errorCode?: number
  httpCode?: number
}
interface MessageType<T> {
  decode(data: Uint8Array): T
  encode(message: T): { finish(): Uint8Array }
}
interface OpenApiProtocol {
  CommApiData: MessageType<CommApiData>
  CommOpenApiResp: MessageType<CommOpenApiResp>
}

let protocol: OpenApiProtocol | undefined

/**
 * wx-server-sdk bundles static protobufjs code that registers its message types in
 * `protobufjs/minimal`'s shared `roots.default` when the SDK loads. Loading the SDK and reading
 * them from there keeps the runtime on the exact definitions the SDK encodes with.
 */
function openApiProtocol(): OpenApiProtocol {
  if (protocol) return protocol
  const sdkEntry = require.resolve('wx-server-sdk', { paths: [REPO_ROOT] })
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const protobuf = require(require.resolve('protobufjs/minimal', { paths: [path.dirname(sdkEntry)] })) as {
    roots: Record<string, Partial<OpenApiProtocol> | undefined>
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(sdkEntry)
  const root = protobuf.roots.default
  if (!root?.CommApiData || !root.CommOpenApiResp) {
    throw new Error('wx-server-sdk did not register CommApiData/CommOpenApiResp in protobufjs roots.default')
  }
  protocol = { CommApiData: root.CommApiData, CommOpenApiResp: root.CommOpenApiResp }
  return protocol
}


type WxAnswer = { errcode: number; errmsg: string } & Record<string, unknown>

const ok = (extra: Record<string, unknown> = {}): WxAnswer => ({ errcode: 0, errmsg: 'ok', ...extra })
const fail = (errcode: number, errmsg: string): WxAnswer => ({ errcode, errmsg })

export const EMULATED_OPEN_APIS = ['subscribeMessage.send', 'phonenumber.getPhoneNumber'] as const

/** A local stand-in for the one-time code of the mini program's phone-number button. */
export const DEV_PHONE_CODE = /^dev-phone:(1\d{10})$/

/**
 * Limits of subscribe-message template fields by key type, from WeChat's subscribeMessage.send
 * documentation. Lengths are in characters; WeChat refuses a message that breaks one with 47003.
 */
const FIELD_RULES: Record<string, (value: string) => boolean> = {
  thing: (v) => chars(v) <= 20,
  number: (v) => chars(v) <= 32 && /^[-+]?\d+(\.\d+)?$/.test(v),
  letter: (v) => chars(v) <= 32 && /^[A-Za-z]+$/.test(v),
  symbol: (v) => chars(v) <= 5,
  character_string: (v) => chars(v) <= 32 && /^[\x21-\x7e]+$/.test(v),
  phone_number: (v) => chars(v) <= 17 && /^[\d+\-() ]+$/.test(v),
  car_number: (v) => chars(v) <= 8,
  name: (v) => (/\p{Script=Han}/u.test(v) ? chars(v) <= 10 : chars(v) <= 20),
  phrase: (v) => chars(v) <= 5 && /^\p{Script=Han}+$/u.test(v),
}

function chars(value: string): number {
  return [...value].length
}

function validateTemplateData(data: unknown): string | null {
  if (!data || typeof data !== 'object' || Array.isArray(data) || Object.keys(data).length === 0) {
    return 'argument invalid! data is empty'
  }
  for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
    const value = entry && typeof entry === 'object' ? (entry as { value?: unknown }).value : undefined
    if ((typeof value !== 'string' && typeof value !== 'number') || String(value) === '') {
      return `argument invalid! data.${key}.value is empty`
    }
    const rule = FIELD_RULES[key.replace(/\d+$/, '')]
    if (rule && !rule(String(value))) return `argument invalid! data.${key}.value invalid`
  }
  return null
}

export interface RecordedMessage {
  id: string
  touser: string
  templateId: string
  page: string | null
  data: Record<string, { value: string | number }>
  miniprogramState: string | null
  lang: string | null
  sentAt: string
}

interface MessageRow {
  id: string
  touser: string
  template_id: string
  page: string | null
  data: string
  miniprogram_state: string | null
  lang: string | null
  sent_at: number
}

export interface OpenApiOptions {
  dataDir: string
  /** The mini program's appid, as phone-number watermarks carry it. */
  appid: string
  now?: () => Date
}

export class OpenApiEmulator {
  private readonly db: Database.Database
  private readonly now: () => Date

  constructor(private readonly options: OpenApiOptions) {
    this.now = options.now ?? (() => new Date())
    mkdirSync(options.dataDir, { recursive: true })
    this.db = new Database(path.join(options.dataDir, 'openapi.sqlite'))
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma('busy_timeout = 5000')
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS subscribe_messages (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        touser TEXT NOT NULL,
        template_id TEXT NOT NULL,
        page TEXT,
        data TEXT NOT NULL,
        miniprogram_state TEXT,
        lang TEXT,
        sent_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS subscribe_messages_touser ON subscribe_messages (touser, seq);
    `)
  }

  close(): void {
    this.db.close()
  }

  /** Serves a multipart wire request (the only kind is `wx.openApi`). */
  async handleWire(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID()
    const gatewayError = (code: string, message: string) => sendJson(res, 200, { requestId, code, message })
    try {
      await this.serveWire(req, res, gatewayError)
    } catch (err) {
      console.error('[local-cloud] wx.openApi failed:', err)
      if (!res.headersSent) gatewayError('SYS_ERR', String((err as Error)?.message ?? err))
    }
  }

  private async serveWire(
    req: IncomingMessage,
    res: ServerResponse,
    gatewayError: (code: string, message: string) => void,
  ): Promise<void> {
    let parts: FormPart[]
    try {
      parts = parseMultipart(await readBody(req, WIRE_BODY_LIMIT), multipartBoundary(req.headers['content-type']) ?? '')
    } catch (err) {
      gatewayError('INVALID_PARAM', `request body is not valid multipart/form-data: ${(err as Error).message}`)
      return
    }
    const field = (name: string) => parts.find((p) => p.name === name)?.data
    const action = field('action')?.toString('utf8') ?? ''
    if (action !== 'wx.openApi') {
      gatewayError('INVALID_ACTION', `action ${action} is not served by the local runtime`)
      return
    }
    const apiName = field('apiName')?.toString('utf8') ?? ''
    const pb = openApiProtocol()
    let request: CommApiData
    try {
      request = pb.CommApiData.decode(field('requestData') ?? Buffer.alloc(0))
    } catch (err) {
      gatewayError('INVALID_PARAM', `requestData is not a CommApiData message: ${(err as Error).message}`)
      return
    }
    const answer = this.answer(apiName, decodeParams(request), request.appid || this.options.appid)
    const body = pb.CommOpenApiResp.encode({
      respData: Buffer.from(JSON.stringify(answer)),
      contentType: 'application/json; charset=utf-8',
      errorCode: 0,
      httpCode: 200,
    }).finish()
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length })
    res.end(Buffer.from(body))
  }

  /** WeChat's JSON answer to one open API call. */
  answer(apiName: string, params: Record<string, unknown>, appid: string): WxAnswer {
    switch (apiName) {
      case 'subscribeMessage.send':
        return this.sendSubscribeMessage(params)
      case 'phonenumber.getPhoneNumber':
        return this.getPhoneNumber(params, appid)
      default:
        // -604100 is what WeChat Cloud answers for an API it does not know.
        return fail(
          -604100,
          `API not found: openapi.${apiName} is not emulated by the local runtime (emulated: ${EMULATED_OPEN_APIS.join(', ')})`,
        )
    }
  }

  private sendSubscribeMessage(params: Record<string, unknown>): WxAnswer {
    const { touser, template_id: templateId, page, data, miniprogram_state: state, lang } = params
    if (typeof touser !== 'string' || !touser) return fail(40003, 'invalid openid')
    if (typeof templateId !== 'string' || !templateId) return fail(40037, 'invalid template_id')
    const dataProblem = validateTemplateData(data)
    if (dataProblem) return fail(47003, dataProblem)
    if (state !== undefined && !['developer', 'trial', 'formal'].includes(String(state))) {
      return fail(47003, 'argument invalid! miniprogram_state invalid')
    }
    if (lang !== undefined && !['zh_CN', 'en_US', 'zh_HK', 'zh_TW'].includes(String(lang))) {
      return fail(47003, 'argument invalid! lang invalid')
    }
    this.db
      .prepare(
        `INSERT INTO subscribe_messages (id, touser, template_id, page, data, miniprogram_state, lang, sent_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        randomUUID(),
        touser,
        templateId,
        typeof page === 'string' ? page : null,
        JSON.stringify(data),
        state === undefined ? null : String(state),
        lang === undefined ? null : String(lang),
        this.now().getTime(),
      )
    return ok()
  }

  private getPhoneNumber(params: Record<string, unknown>, appid: string): WxAnswer {
    const match = typeof params.code === 'string' ? DEV_PHONE_CODE.exec(params.code) : null
    if (!match) return fail(40029, 'invalid code')
    const mobile = match[1]
    return ok({
      phone_info: {
        phoneNumber: mobile,
        purePhoneNumber: mobile,
        countryCode: '86',
        watermark: { timestamp: Math.floor(this.now().getTime() / 1000), appid },
      },
    })
  }

  /** Recorded subscribe messages, newest first. */
  listMessages(touser?: string, limit = 1000): RecordedMessage[] {
    const rows = (
      touser
        ? this.db.prepare('SELECT * FROM subscribe_messages WHERE touser = ? ORDER BY seq DESC LIMIT ?').all(touser, limit)
        : this.db.prepare('SELECT * FROM subscribe_messages ORDER BY seq DESC LIMIT ?').all(limit)
    ) as MessageRow[]
    return rows.map((row) => ({
      id: row.id,
      touser: row.touser,
      templateId: row.template_id,
      page: row.page,
      data: JSON.parse(row.data) as RecordedMessage['data'],
      miniprogramState: row.miniprogram_state,
      lang: row.lang,
      sentAt: new Date(row.sent_at).toISOString(),
    }))
  }

  clearMessages(): number {
    return this.db.prepare('DELETE FROM subscribe_messages').run().changes
  }

  /** GET /dev/messages[?touser=] and DELETE /dev/messages. */
  handleDevMessages(req: IncomingMessage, res: ServerResponse): void {
    if (req.method === 'GET') {
      const touser = new URL(req.url ?? '/', 'http://local').searchParams.get('touser') ?? undefined
      sendJson(res, 200, { ok: true, data: { messages: this.listMessages(touser) } })
      return
    }
    if (req.method === 'DELETE') {
      sendJson(res, 200, { ok: true, data: { cleared: this.clearMessages() } })
      return
    }
    sendJson(res, 405, { ok: false, error: { code: 'BAD_ACTION', message: '不支持的操作' } })
  }
}

/** The call's params: each pair's value is the JSON the SDK wrote, or raw bytes for media. */
function decodeParams(request: CommApiData): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const pair of request.openapiData?.pairs ?? []) {
    if (!pair.key) continue
    const raw = Buffer.from(pair.value ?? new Uint8Array())
    try {
      params[pair.key] = JSON.parse(raw.toString('utf8'))
    } catch {
      params[pair.key] = raw
    }
  }
  return params
}
