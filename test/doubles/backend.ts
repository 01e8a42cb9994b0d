/**
 * A scripted backend for page tests: answers `/api/*` and `/dev/*` over a fake `fetch` (H5)
 * and `Taro.cloud.callFunction` (weapp) from one table of handlers keyed by action or route.
 */
import Taro from '@tarojs/taro'

export type Envelope = { ok: true; data: unknown } | { ok: false; error: { code: string; message?: string; details?: unknown } }
export type Handler = (payload: any) => Envelope | Promise<Envelope>

export interface Call {
  key: string
  payload: unknown
}

export function ok(data: unknown): Envelope {
  return { ok: true, data }
}

export function fail(code: string, message?: string, details?: unknown): Envelope {
  return { ok: false, error: { code, ...(message === undefined ? {} : { message }), ...(details === undefined ? {} : { details }) } }
}

function bodyOf(body: unknown): unknown {
  if (body === undefined || body === null) return undefined
  // Uploads travel as multipart forms; tests see their fields as a plain object.
  if (typeof FormData !== 'undefined' && body instanceof FormData) {
    const fields: Record<string, unknown> = {}
    body.forEach((value, key) => {
      fields[key] = value
    })
    return fields
  }
  return typeof body === 'string' ? JSON.parse(body) : body
}

/**
 * Installs the fake. Keys are action names (`session.whoami`) or `METHOD /route` for
 * everything else (`POST /dev/sign-in`, `POST /api/storage/upload`).
 * An unscripted key answers INTERNAL, so a test notices calls it did not expect.
 */
export function installBackend(handlers: Record<string, Handler>) {
  const calls: Call[] = []
  const answer = async (key: string, payload: unknown): Promise<Envelope> => {
    calls.push({ key, payload })
    const handler = handlers[key]
    return handler ? handler(payload) : fail('INTERNAL', `unscripted ${key}`)
  }

  const fetchMock = jest.fn(async (url: string, init?: { method?: string; body?: unknown }) => {
    const method = init?.method ?? 'GET'
    const body = bodyOf(init?.body) as { action?: string; payload?: unknown } | undefined
    const isAction = url.startsWith('/api/') && !url.startsWith('/api/storage/')
    const envelope = isAction ? await answer(String(body?.action), body?.payload) : await answer(`${method} ${url}`, body)
    return { status: 200, ok: true, json: async () => envelope }
  })
  ;(globalThis as { fetch?: unknown }).fetch = fetchMock

  const callFunction = Taro.cloud.callFunction as unknown as jest.Mock
  callFunction.mockImplementation(async (options: { name: string; data: { action: string; payload: unknown } }) => ({
    result: await answer(options.data.action, options.data.payload),
    errMsg: 'cloud.callFunction:ok',
  }))

  return {
    calls,
    fetch: fetchMock,
    /** Calls of one key, in order. */
    callsTo: (key: string) => calls.filter((call) => call.key === key),
  }
}
