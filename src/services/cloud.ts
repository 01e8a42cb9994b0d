import Taro from '@tarojs/taro'
import type { ActionInput, ActionName, ActionOutput } from '@contract'
// Deep imports keep the action registry and its schemas out of the main package.
import { API_FUNCTION } from '@contract/action-spec'
import { errorMessages } from '@contract/errors'
import { CLOUD_ENV, NETWORK_ERROR_MESSAGE } from '@/config'

/**
 * A refusal from the backend, or a failure to reach it (code INTERNAL).
 * `code` is usually an ErrorCode, but typed as a string: an older client must survive a newer server's codes.
 */
export class CloudError extends Error {
  readonly code: string
  readonly details?: unknown

  constructor(code: string, message: string, details?: unknown) {
    super(message)
    // Down-levelled classes that extend Error lose their prototype; instanceof must keep working.
    Object.setPrototypeOf(this, CloudError.prototype)
    this.name = 'CloudError'
    this.code = code
    this.details = details
  }
}

export function isCloudError(err: unknown): err is CloudError {
  return err instanceof CloudError
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/**
 * Turns a response envelope into its data, or throws the CloudError it carries. Anything that
 * is not an envelope (an HTML error page, a crashed function) counts as INTERNAL.
 */
export function unwrapEnvelope<T>(body: unknown): T {
  if (isRecord(body) && body.ok === true && 'data' in body) {
    return body.data as T
  }
  if (isRecord(body) && body.ok === false && isRecord(body.error) && typeof body.error.code === 'string') {
    const { code, message, details } = body.error
    const known = (errorMessages as Record<string, string>)[code]
    const text = typeof message === 'string' && message.length > 0 ? message : (known ?? errorMessages.INTERNAL)
    throw new CloudError(code, text, details)
  }
  throw new CloudError('INTERNAL', errorMessages.INTERNAL, { reason: 'not an envelope' })
}

/** Sign-in or binding lost mid-session: whoever holds session state is told, so the gate shows again. */
type AuthLostListener = (code: 'NOT_SIGNED_IN' | 'NOT_BOUND') => void
let authLostListener: AuthLostListener | null = null

export function onAuthLost(listener: AuthLostListener | null): void {
  authLostListener = listener
}

let cloudReady = false

/** Called once at launch; WeChat requires init before the first callFunction. */
export function initCloud(): void {
  if (process.env.TARO_ENV !== 'weapp' || cloudReady) return
  Taro.cloud.init({ traceUser: true, ...(CLOUD_ENV ? { env: CLOUD_ENV } : {}) })
  cloudReady = true
}

async function sendWeapp(fn: string, action: string, payload: unknown): Promise<unknown> {
  initCloud()
  let response: Taro.cloud.CallFunctionResult
  try {
    response = await Taro.cloud.callFunction({ name: fn, data: { action, payload } })
  } catch (cause) {
    throw new CloudError('INTERNAL', NETWORK_ERROR_MESSAGE, { cause: describe(cause) })
  }
  return response.result
}

/** Same-origin POST with the session cookie; used for /api in H5 and for the local sign-in routes. */
export async function requestJson(method: 'GET' | 'POST', url: string, body?: unknown): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(url, {
      method,
      credentials: 'include',
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (cause) {
    throw new CloudError('INTERNAL', NETWORK_ERROR_MESSAGE, { cause: describe(cause) })
  }
  try {
    return await response.json()
  } catch {
    // A proxy's error page or an empty 502: no envelope to read.
    throw new CloudError('INTERNAL', errorMessages.INTERNAL, { status: response.status })
  }
}

function describe(cause: unknown): string {
  if (isRecord(cause) && typeof cause.errMsg === 'string') return cause.errMsg
  if (cause instanceof Error) return cause.message
  return String(cause)
}

/** A plain (not async) function, so the build can fold the platform test and drop the other transport. */
function send(fn: string, action: string, payload: unknown): Promise<unknown> {
  return process.env.TARO_ENV === 'weapp'
    ? sendWeapp(fn, action, payload)
    : requestJson('POST', `/api/${fn}`, { action, payload })
}

/** The one way the mini program calls its backend. */
export async function callAction<N extends ActionName>(name: N, payload: ActionInput<N>): Promise<ActionOutput<N>> {
  const body = await send(API_FUNCTION, name, payload)
  try {
    return unwrapEnvelope<ActionOutput<N>>(body)
  } catch (err) {
    const code = isCloudError(err) ? err.code : null
    if ((code === 'NOT_SIGNED_IN' || code === 'NOT_BOUND') && name !== 'session.whoami') {
      authLostListener?.(code)
    }
    throw err
  }
}

/** A file the user picked on the phone: WeChat gives a temporary path; the browser also hands over the bytes. */
export interface PickedFile {
  path: string
  /** H5 only: the picked File, when the platform kept it. */
  blob?: Blob
  /** MIME type when the platform reported one. */
  type?: string
}

const UPLOAD_FAILED = '上传失败，请检查网络后重试'

async function uploadWeapp(cloudPath: string, file: PickedFile): Promise<string> {
  initCloud()
  try {
    const result = await Taro.cloud.uploadFile({ cloudPath, filePath: file.path })
    if (!result.fileID) throw new Error('no fileID')
    return result.fileID
  } catch (cause) {
    throw new CloudError('INTERNAL', UPLOAD_FAILED, { cause: describe(cause) })
  }
}

async function uploadH5(cloudPath: string, file: PickedFile): Promise<string> {
  let response: Response
  try {
    const blob = file.blob ?? (await (await fetch(file.path)).blob())
    const form = new FormData()
    form.append('cloudPath', cloudPath)
    form.append('file', blob, cloudPath.split('/').pop() ?? 'upload')
    response = await fetch('/api/storage/upload', { method: 'POST', credentials: 'include', body: form })
  } catch (cause) {
    throw new CloudError('INTERNAL', UPLOAD_FAILED, { cause: describe(cause) })
  }
  let body: unknown
  try {
    body = await response.json()
  } catch {
    throw new CloudError('INTERNAL', UPLOAD_FAILED, { status: response.status })
  }
  return unwrapEnvelope<{ fileID: string }>(body).fileID
}

/**
 * Puts a picked file into cloud storage and returns its file ID. In WeChat the SDK uploads
 * straight to storage; in H5 the local gateway takes the file for the signed-in user.
 */
export function uploadToStorage(cloudPath: string, file: PickedFile): Promise<string> {
  return process.env.TARO_ENV === 'weapp' ? uploadWeapp(cloudPath, file) : uploadH5(cloudPath, file)
}

interface TempFileEntry {
  fileID: string
  tempFileURL?: string
}

async function tempUrlsWeapp(fileIDs: string[]): Promise<TempFileEntry[]> {
  initCloud()
  try {
    const result = await Taro.cloud.getTempFileURL({ fileList: fileIDs })
    return result.fileList as TempFileEntry[]
  } catch (cause) {
    throw new CloudError('INTERNAL', NETWORK_ERROR_MESSAGE, { cause: describe(cause) })
  }
}

async function tempUrlsH5(fileIDs: string[]): Promise<TempFileEntry[]> {
  const body = await requestJson('POST', '/api/storage/temp-urls', { fileList: fileIDs })
  return unwrapEnvelope<{ fileList: TempFileEntry[] }>(body).fileList
}

/**
 * Short-lived links for showing stored files, keyed by file ID. A file the storage could not
 * sign (deleted, no access) is simply missing from the answer.
 */
export async function tempFileUrls(fileIDs: string[]): Promise<Record<string, string>> {
  if (fileIDs.length === 0) return {}
  const entries = process.env.TARO_ENV === 'weapp' ? await tempUrlsWeapp(fileIDs) : await tempUrlsH5(fileIDs)
  const out: Record<string, string> = {}
  for (const entry of entries) {
    if (entry.tempFileURL) out[entry.fileID] = entry.tempFileURL
  }
  return out
}
