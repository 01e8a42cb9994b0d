import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { EJSON } from 'bson'
import { zodToJsonSchema } from 'zod-to-json-schema'
import { actions, actionNames } from '../../types/contract'
import { loadDatabaseDeclaration, openDatabase, WireError, wireResponse, type LocalDatabase } from './db'
import { devOpenidFor, DevSessions, readCookie, SESSION_COOKIE } from './dev-session'
import { discoverFunctions, FunctionPool, InvocationError } from './function-pool'
import { BodyTooLarge, isLoopbackHost, readBody, sendJson } from './http-util'
import { multipartBoundary } from './multipart'
import { OpenApiEmulator } from './openapi'
import { sdkEnvironment } from './sdk-client'
import { serveStatic } from './static-files'
import { LocalStorage } from './storage'
import { TimerScheduler } from './timers'

export const REPO_ROOT = path.resolve(__dirname, '../..')

export interface LocalCloudOptions {
  dataDir: string
  host?: string
  /** 0 picks a free port. */
  port?: number
  functionsRoot?: string
  h5Dir?: string
  devSignIn?: boolean
  timers?: boolean
  maxInstancesPerFunction?: number
}

export interface LocalCloud {
  url: string
  cloudEndpoint: string
  database: LocalDatabase
  pool: FunctionPool
  close(): Promise<void>
}

/** WeChat Cloud refuses text payloads above 100 KB; so does the gateway. */
const GATEWAY_BODY_LIMIT = 100 * 1024
const WIRE_BODY_LIMIT = 16 * 1024 * 1024
const LOCAL_APPID = 'wx-local-appid'

function requestId(): string {
  return randomUUID()
}

export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const host = options.host ?? '127.0.0.1'
  const devSignIn = options.devSignIn ?? true
  if (devSignIn && !isLoopbackHost(host)) {
    throw new Error(`dev sign-in lets anyone act as anyone: refusing to serve it on non-loopback address ${host}`)
  }
  const database = openDatabase({
    file: path.join(options.dataDir, 'cloud.sqlite'),
    collections: loadDatabaseDeclaration(),
  })
  const sessions = new DevSessions(options.dataDir)
  const h5Dir = path.resolve(options.h5Dir ?? path.join(REPO_ROOT, 'dist/h5'))
  const functions = discoverFunctions(options.functionsRoot ?? path.join(REPO_ROOT, 'cloudfunctions'))
  // Links and upload URLs point back here; a wildcard bind address is not something a client can dial.
  const storage = new LocalStorage({ dataDir: options.dataDir, baseUrl: () => url.replace(/\/\/(0\.0\.0\.0|\[::\])(?=:)/, '//127.0.0.1') })
  const openapi = new OpenApiEmulator({ dataDir: options.dataDir, appid: LOCAL_APPID })

  let pool: FunctionPool | undefined

  async function handleWire(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // cloud.openapi arrives as multipart/form-data carrying protobuf, not as JSON.
    if (multipartBoundary(req.headers['content-type'])) return openapi.handleWire(req, res)
    const id = requestId()
    let body: Record<string, unknown>
    try {
      body = JSON.parse((await readBody(req, WIRE_BODY_LIMIT)).toString('utf8')) as Record<string, unknown>
    } catch {
      sendJson(res, 200, { requestId: id, code: 'INVALID_PARAM', message: 'request body is not JSON' })
      return
    }
    const action = String(body.action ?? '')
    try {
      if (action.startsWith('database.')) {
        const data = await database.handle(action, body)
        sendJson(res, 200, wireResponse(id, action, data))
        return
      }
      if (action.startsWith('storage.')) {
        sendJson(res, 200, { requestId: id, data: storage.handleWire(action, body) })
        return
      }
      if (action === 'functions.invokeFunction') {
        const name = String(body.function_name ?? '')
        const event = typeof body.request_data === 'string' && body.request_data ? JSON.parse(body.request_data) : {}
        // Function-to-function calls carry no end user: the callee sees a server source, not an OPENID.
        const result = await pool!.invoke(name, event, { WX_APPID: LOCAL_APPID, WX_SOURCE: 'wx_server' })
        sendJson(res, 200, { requestId: id, data: { response_data: JSON.stringify(result ?? null) } })
        return
      }
      sendJson(res, 200, { requestId: id, code: 'INVALID_ACTION', message: `action ${action} is not served by the local runtime` })
    } catch (err) {
      if (err instanceof WireError) {
        sendJson(res, 200, { requestId: id, code: err.code, message: err.message })
      } else if (err instanceof InvocationError) {
        sendJson(res, 200, { requestId: id, code: err.code, message: err.message })
      } else {
        console.error(`[local-cloud] ${action} failed:`, err)
        sendJson(res, 200, { requestId: id, code: 'SYS_ERR', message: String((err as Error)?.message ?? err) })
      }
    }
  }

  async function handleGateway(fn: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const session = sessions.verify(readCookie(req.headers.cookie, SESSION_COOKIE))
    if (!session) {
      sendJson(res, 401, { ok: false, error: { code: 'NOT_SIGNED_IN', message: '请先登录' } })
      return
    }
    if (!pool!.has(fn)) {
      sendJson(res, 404, { ok: false, error: { code: 'BAD_ACTION', message: '不支持的操作' } })
      return
    }
    let event: unknown
    try {
      event = JSON.parse((await readBody(req, GATEWAY_BODY_LIMIT)).toString('utf8'))
    } catch (err) {
      const tooLarge = err instanceof BodyTooLarge
      sendJson(res, tooLarge ? 413 : 400, {
        ok: false,
        error: { code: 'BAD_INPUT', message: tooLarge ? '提交的内容过大' : '提交的内容不符合要求' },
      })
      return
    }
    try {
      const result = await pool!.invoke(fn, event, { WX_OPENID: session.openid, WX_APPID: LOCAL_APPID })
      sendJson(res, 200, result)
    } catch (err) {
      console.error(`[local-cloud] ${fn} invocation failed:`, err)
      sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后重试' } })
    }
  }

  function listPeople(): Array<Record<string, unknown>> {
    const read = (collectionName: string) =>
      (database.handle('database.getDocument', { collectionName, query: '{}', limit: 1000 }) as { list: string[] }).list.map(
        (item) => EJSON.parse(item) as Record<string, unknown>,
      )
    const departments = new Map(read('departments').map((d) => [d._id as string, d.name as string]))
    return read('people')
      .filter((p) => p.status !== 'left')
      .map((p) => ({
        id: p._id,
        name: p.name,
        role: p.role,
        departmentId: p.departmentId,
        departmentName: departments.get(p.departmentId as string) ?? '',
        bound: Boolean(p.openid),
      }))
  }

  async function handleDev(route: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!devSignIn) {
      sendJson(res, 404, { ok: false, error: { code: 'BAD_ACTION', message: '不支持的操作' } })
      return
    }
    if (route === 'messages') {
      openapi.handleDevMessages(req, res)
      return
    }
    if (route === 'clock') {
      // Tests move the functions' clock forward to reach deadlines without waiting for them.
      if (req.method === 'POST') {
        let offsetMs: unknown
        try {
          offsetMs = JSON.parse((await readBody(req, 1024)).toString('utf8') || '{}').offsetMs
        } catch {
          offsetMs = undefined
        }
        if (typeof offsetMs !== 'number' || !Number.isFinite(offsetMs) || offsetMs < 0) {
          sendJson(res, 400, { ok: false, error: { code: 'BAD_INPUT', message: '提交的内容不符合要求' } })
          return
        }
        pool!.clockOffsetMs = offsetMs
      }
      sendJson(res, 200, { ok: true, data: { offsetMs: pool!.clockOffsetMs, now: new Date(Date.now() + pool!.clockOffsetMs).toISOString() } })
      return
    }
    if (req.method === 'GET' && route === 'people') {
      sendJson(res, 200, { ok: true, data: { people: listPeople() } })
      return
    }
    if (req.method === 'GET' && route === 'session') {
      const session = sessions.verify(readCookie(req.headers.cookie, SESSION_COOKIE))
      sendJson(res, 200, { ok: true, data: { personId: session?.personId ?? null, signedIn: Boolean(session) } })
      return
    }
    if (req.method === 'GET' && route === 'actions') {
      sendJson(res, 200, {
        ok: true,
        data: {
          actions: actionNames.map((name) => ({
            name,
            function: actions[name].fn,
            audience: actions[name].audience,
            writes: actions[name].writes,
            summary: actions[name].summary,
            input: zodToJsonSchema(actions[name].input, { target: 'jsonSchema7', $refStrategy: 'none' }),
          })),
        },
      })
      return
    }
    if (req.method === 'POST' && route === 'sign-out') {
      sendJson(res, 200, { ok: true, data: {} }, { 'set-cookie': `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` })
      return
    }
    if (req.method === 'POST' && route === 'sign-in') {
      let body: { personId?: unknown; visitor?: unknown }
      try {
        body = JSON.parse((await readBody(req, 4096)).toString('utf8') || '{}')
      } catch {
        sendJson(res, 400, { ok: false, error: { code: 'BAD_INPUT', message: '提交的内容不符合要求' } })
        return
      }
      let openid: string
      let personId: string | null = null
      if (body.visitor === true) {
        openid = `local-visitor-${randomUUID()}`
      } else {
        const person = listPeople().find((p) => p.id === body.personId)
        if (!person) {
          sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '记录不存在或已被删除' } })
          return
        }
        personId = person.id as string
        openid = devOpenidFor(personId)
        // Locally, signing in as a roster person is the binding WeChat does by phone number.
        database.handle('database.modifyDocument', {
          collectionName: 'people',
          query: EJSON.stringify({ _id: personId, openid: { $exists: false } }),
          data: EJSON.stringify({ $set: { openid } }),
          multi: false,
          merge: true,
          upsert: false,
        })
      }
      const token = sessions.issue({ openid, personId })
      sendJson(res, 200, { ok: true, data: { personId } }, {
        'set-cookie': `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax`,
      })
      return
    }
    sendJson(res, 404, { ok: false, error: { code: 'BAD_ACTION', message: '不支持的操作' } })
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local')
    const segments = url.pathname.split('/').filter(Boolean)
    let work: Promise<void> | undefined
    if (req.method === 'POST' && segments[segments.length - 1] === 'admin') work = handleWire(req, res)
    else if (segments[0] === 'storage') work = storage.handleHttp(req, res, url)
    else if (req.method === 'POST' && segments[0] === 'api' && segments[1] === 'storage' && segments.length === 3)
      work = storage.handleGateway(segments[2], req, res, sessions.verify(readCookie(req.headers.cookie, SESSION_COOKIE))?.openid ?? null)
    else if (req.method === 'POST' && segments[0] === 'api' && segments.length === 2) work = handleGateway(segments[1], req, res)
    else if (segments[0] === 'dev' && segments.length === 2) work = handleDev(segments[1], req, res)
    else if (url.pathname === '/healthz') sendJson(res, 200, { ok: true, data: { functions: pool?.functions.map((f) => f.name) ?? [] } })
    else if (req.method === 'GET' || req.method === 'HEAD') serveStatic(h5Dir, req, res)
    else sendJson(res, 405, { ok: false, error: { code: 'BAD_ACTION', message: '不支持的操作' } })
    if (work) {
      work.catch((err) => {
        console.error('[local-cloud] request failed:', err)
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后重试' } })
      })
    }
  })
  server.keepAliveTimeout = 65_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 8787, host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const printableHost = host.includes(':') ? `[${host}]` : host
  const url = `http://${printableHost}:${port}`
  const cloudEndpoint = `${url}/admin`

  const childEnv: NodeJS.ProcessEnv = {
    // Template ids are per mini program; locally any ids do, and messages land in /dev/messages.
    SUBSCRIBE_TEMPLATES: JSON.stringify({ approvalRequest: 'local-approval-request', approvalResult: 'local-approval-result', anomalyReported: 'local-anomaly-reported' }),
    ...process.env,
    ...sdkEnvironment(cloudEndpoint),
  }
  for (const key of Object.keys(childEnv)) if (key.startsWith('WX_')) delete childEnv[key]
  pool = new FunctionPool({ functions, env: childEnv, maxInstancesPerFunction: options.maxInstancesPerFunction })

  const timers = new TimerScheduler(pool)
  if (options.timers ?? true) timers.start()

  return {
    url,
    cloudEndpoint,
    database,
    pool,
    async close() {
      timers.stop()
      await pool!.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      database.close()
      storage.close()
      openapi.close()
    },
  }
}
