import Database from 'better-sqlite3'
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import {
  closeSync,
  createReadStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { WireError } from './db'
import { sendJson } from './http-util'
import { multipartBoundary, parseMultipart } from './multipart'
import { sdkEnvironment } from './sdk-client'

/**
 * Cloud storage as wx-server-sdk (through @cloudbase/node-sdk) uses it:
 *
 * - `uploadFile` asks `storage.getUploadMetadata` `{path, method:'put'}` for
 *   `{url, token, authorization, fileId, cosFileId}`, then PUTs the raw bytes to `url` with
 *   headers `authorization`, `Signature`, `x-cos-security-token`, `x-cos-meta-fileid` and
 *   `key` (the encoded path). COS answers an empty body, or an XML `<Error>` the SDK turns into
 *   STORAGE_REQUEST_FAIL (-503001) with `[Code]: Message`.
 * - `getTempFileURL` sends `storage.batchGetDownloadUrl` `{file_list:[{fileid, max_age?}]}` and
 *   reads `data.download_list:[{fileID, tempFileURL, code}]` (`code` 'SUCCESS' or a storage code).
 * - `downloadFile` asks for a 600 s temporary URL the same way and GETs `encodeURI(tempFileURL)`,
 *   so URLs carry the path unencoded, as COS's do.
 * - `deleteFile` sends `storage.batchDeleteFile` `{fileid_list}` and reads `data.delete_list:[{fileID, code}]`.
 *
 * Here the upload URL and the temporary URLs point back at the runtime. Bytes live under
 * `<dataDir>/storage/blobs` named by a random id (so a key can never escape the folder and a
 * file and a "folder" of the same name can coexist, as keys in a bucket do); the key → blob
 * index is SQLite.
 */

/** The env id functions run in locally (sdkEnvironment's TCB_ENV): file IDs name it. */
export const STORAGE_ENV_ID = sdkEnvironment('').TCB_ENV
/** CloudBase names an env's bucket `<hex of the env id's first two characters>-<env id>-<account id>`. */
export const STORAGE_BUCKET = `${Buffer.from(STORAGE_ENV_ID.slice(0, 2)).toString('hex')}-${STORAGE_ENV_ID}-1300000000`
export const FILE_ID_PREFIX = `cloud://${STORAGE_ENV_ID}.${STORAGE_BUCKET}/`

/** WeChat's temporary links last two hours unless the caller asks otherwise. */
export const DEFAULT_TEMP_URL_SECONDS = 2 * 60 * 60
/** The H5 upload route takes what the product accepts from phones: photos and PDFs up to 10 MB. */
export const GATEWAY_UPLOAD_LIMIT = 10 * 1024 * 1024
export const GATEWAY_UPLOAD_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'] as const
/** wx.cloud.getTempFileURL takes at most 50 file IDs per call. */
export const TEMP_URL_BATCH_LIMIT = 50

const UPLOAD_TICKET_SECONDS = 10 * 60
/** Uploads from functions are bounded by the function's memory in WeChat; this only keeps a runaway test from filling the disk. */
const SDK_UPLOAD_LIMIT = 256 * 1024 * 1024
const MULTIPART_SLACK = 64 * 1024
const JSON_BODY_LIMIT = 100 * 1024
const COS_KEY_LIMIT_BYTES = 850

const TYPES_BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  heic: 'image/heic',
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  zip: 'application/zip',
  mp4: 'video/mp4',
  mp3: 'audio/mpeg',
}

/**
 * Types a browser may render from the runtime's own origin. Anything else (HTML, SVG, unknown)
 * is served as a download in a sandbox, because the runtime's origin also carries the dev session.
 */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp', 'application/pdf', 'text/plain'])

/**
 * Why a cloud path would be refused, or null. Beyond COS's own rules (not empty, not starting
 * with '/', no '//', at most 850 bytes, no control characters), the characters WeChat advises
 * against that would break a temporary URL ('?', '#', '%', '\') and '.'/'..' segments are refused.
 */
export function cloudPathProblem(cloudPath: string): string | null {
  if (!cloudPath) return 'cloudPath is empty'
  if (Buffer.byteLength(cloudPath) > COS_KEY_LIMIT_BYTES) return `cloudPath is longer than ${COS_KEY_LIMIT_BYTES} bytes`
  if (cloudPath.startsWith('/')) return 'cloudPath must not start with "/"'
  if (cloudPath.endsWith('/')) return 'cloudPath names a folder, not a file'
  if (cloudPath.includes('//')) return 'cloudPath must not contain "//"'
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(cloudPath)) return 'cloudPath must not contain control characters'
  if (/[?#%\\]/.test(cloudPath)) return 'cloudPath must not contain "?", "#", "%" or "\\"'
  if (cloudPath.split('/').some((segment) => segment === '.' || segment === '..')) return 'cloudPath must not contain "." or ".." segments'
  return null
}

/** The type a file's first bytes prove, among the ones the H5 upload accepts. */
export function sniffUploadType(bytes: Buffer): (typeof GATEWAY_UPLOAD_TYPES)[number] | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b)
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (starts([0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'image/gif'
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp'
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'
  return null
}

function contentTypeFor(cloudPath: string, head: Buffer): string {
  const ext = path.extname(cloudPath).slice(1).toLowerCase()
  return TYPES_BY_EXTENSION[ext] ?? sniffUploadType(head) ?? 'application/octet-stream'
}

interface ObjectRow {
  path: string
  blob: string
  size: number
  content_type: string
  etag: string
  owner: string | null
  uploaded_at: number
}

export interface StoredFile {
  cloudPath: string
  fileID: string
  size: number
  contentType: string
  etag: string
  /** The openid of an H5 upload's signed-in user; null for uploads from functions. */
  owner: string | null
  uploadedAt: Date
}

type StorageCode = 'SUCCESS' | 'STORAGE_FILE_NONEXIST' | 'STORAGE_EXCEED_AUTHORITY'

/** One entry of a temporary-URL answer; `code` is the CloudBase storage code. */
interface DownloadEntry {
  fileID: string
  tempFileURL: string
  code: StorageCode
  maxAge?: number
  message?: string
}

/**
 * Failed entries carry a message because the SDK's downloadFile rethrows a failed entry as
 * an error whose text is that message (its code does not survive into wx-server-sdk's error).
 */
const FAILURE_MESSAGES: Record<Exclude<StorageCode, 'SUCCESS'>, string> = {
  STORAGE_FILE_NONEXIST: 'storage file not exists',
  STORAGE_EXCEED_AUTHORITY: 'storage permission denied: the file ID names another environment or bucket',
}

/** wx-server-sdk's status numbers for those codes. */
const STATUS_OF: Record<StorageCode, { status: number; errMsg: string }> = {
  SUCCESS: { status: 0, errMsg: 'ok' },
  STORAGE_FILE_NONEXIST: { status: -503003, errMsg: 'storage file not exists' },
  STORAGE_EXCEED_AUTHORITY: { status: -503002, errMsg: 'storage permission denied' },
}

export interface LocalStorageOptions {
  dataDir: string
  /** The runtime's own URL; known only once it listens, hence a function. */
  baseUrl: () => string
  /** Seconds since the epoch; tests move it to expire links. */
  nowSeconds?: () => number
}

export class LocalStorage {
  private readonly root: string
  private readonly db: Database.Database
  private readonly secret: Buffer
  private readonly now: () => number

  constructor(private readonly options: LocalStorageOptions) {
    this.root = path.join(options.dataDir, 'storage')
    mkdirSync(path.join(this.root, 'blobs'), { recursive: true })
    this.now = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000))
    // Kept beside the files so links handed out before a restart still work until they expire.
    const keyFile = path.join(this.root, 'url-signing.key')
    if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600 })
    this.secret = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex')
    this.db = new Database(path.join(this.root, 'index.sqlite'))
    this.db.pragma('journal_mode = WAL')
    // As in the database engine: a commit is in the OS before the request is answered.
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma('busy_timeout = 5000')
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS objects (
        path TEXT PRIMARY KEY,
        blob TEXT NOT NULL,
        size INTEGER NOT NULL,
        content_type TEXT NOT NULL,
        etag TEXT NOT NULL,
        owner TEXT,
        uploaded_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `)
    // Uploads cut off by a crash leave partial files here; nothing refers to them.
    rmSync(path.join(this.root, 'incoming'), { recursive: true, force: true })
    mkdirSync(path.join(this.root, 'incoming'), { recursive: true })
  }

  close(): void {
    this.db.close()
  }

  fileIdOf(cloudPath: string): string {
    return FILE_ID_PREFIX + cloudPath
  }

  /** The cloud path a file ID names, or null when it belongs to another env or bucket. */
  cloudPathOf(fileID: string): string | null {
    if (!fileID.startsWith(FILE_ID_PREFIX)) return null
    const cloudPath = fileID.slice(FILE_ID_PREFIX.length)
    return cloudPath ? cloudPath : null
  }

  stat(cloudPath: string): StoredFile | null {
    const row = this.row(cloudPath)
    return row ? toStoredFile(row) : null
  }

  read(cloudPath: string): Buffer | null {
    const row = this.row(cloudPath)
    return row ? readFileSync(this.blobPath(row.blob)) : null
  }

  /** Stores bytes under a cloud path (replacing what was there) and returns the file ID. */
  put(cloudPath: string, bytes: Buffer, options: { contentType?: string; owner?: string | null } = {}): string {
    const problem = cloudPathProblem(cloudPath)
    if (problem) throw new Error(problem)
    const blob = randomUUID()
    const incoming = path.join(this.root, 'incoming', blob)
    const fd = openSync(incoming, 'w', 0o600)
    try {
      writeAll(fd, bytes)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    this.commit(cloudPath, incoming, blob, {
      size: bytes.length,
      etag: createHash('md5').update(bytes).digest('hex'),
      contentType: options.contentType ?? contentTypeFor(cloudPath, bytes.subarray(0, 16)),
      owner: options.owner ?? null,
    })
    return this.fileIdOf(cloudPath)
  }

  remove(cloudPath: string): boolean {
    const row = this.row(cloudPath)
    if (!row) return false
    this.db.prepare('DELETE FROM objects WHERE path = ?').run(cloudPath)
    rmSync(this.blobPath(row.blob), { force: true })
    return true
  }

  /** A signed link to the file at the runtime, valid for `maxAgeSeconds`. */
  tempUrl(cloudPath: string, maxAgeSeconds = DEFAULT_TEMP_URL_SECONDS): string {
    const expires = this.now() + maxAgeSeconds
    return `${this.options.baseUrl()}/storage/file/${cloudPath}?sign=${this.sign('get', cloudPath, expires)}&t=${expires}`
  }


  /** Serves a `storage.*` wire action; returns the response's `data`, throws WireError. */
  handleWire(action: string, body: Record<string, unknown>): unknown {
    switch (action) {
      case 'storage.getUploadMetadata': {
        const cloudPath = body.path
        if (typeof cloudPath !== 'string' || !cloudPath) throw new WireError('INVALID_PARAM', 'path must be a non-empty string')
        // The path itself is checked when the bytes arrive, where COS checks keys, so the SDK reports it as a storage error.
        const expires = this.now() + UPLOAD_TICKET_SECONDS
        return {
          url: `${this.options.baseUrl()}/storage/upload/${encodeURIComponent(cloudPath)}`,
          token: 'local',
          authorization: `${expires}.${this.sign('put', cloudPath, expires)}`,
          fileId: this.fileIdOf(cloudPath),
          cosFileId: randomBytes(16).toString('hex'),
        }
      }
      case 'storage.batchGetDownloadUrl': {
        const list = body.file_list
        if (!Array.isArray(list)) throw new WireError('INVALID_PARAM', 'file_list must be an array')
        return {
          download_list: list.map((item: unknown) => {
            const entry = (item ?? {}) as { fileid?: unknown; max_age?: unknown }
            const maxAge = typeof entry.max_age === 'number' && entry.max_age > 0 ? Math.floor(entry.max_age) : DEFAULT_TEMP_URL_SECONDS
            return this.downloadEntry(String(entry.fileid ?? ''), maxAge)
          }),
        }
      }
      case 'storage.batchDeleteFile': {
        const list = body.fileid_list
        if (!Array.isArray(list)) throw new WireError('INVALID_PARAM', 'fileid_list must be an array')
        return {
          delete_list: list.map((item: unknown) => {
            const fileID = String(item ?? '')
            const cloudPath = this.cloudPathOf(fileID)
            if (!cloudPath) return failedEntry(fileID, 'STORAGE_EXCEED_AUTHORITY')
            return this.remove(cloudPath) ? { fileID, code: 'SUCCESS' } : failedEntry(fileID, 'STORAGE_FILE_NONEXIST')
          }),
        }
      }
      default:
        throw new WireError('INVALID_ACTION', `action ${action} is not served by the local runtime`)
    }
  }

  private downloadEntry(fileID: string, maxAge: number): DownloadEntry {
    const cloudPath = this.cloudPathOf(fileID)
    if (!cloudPath) return { ...failedEntry(fileID, 'STORAGE_EXCEED_AUTHORITY'), tempFileURL: '' }
    if (!this.row(cloudPath)) return { ...failedEntry(fileID, 'STORAGE_FILE_NONEXIST'), tempFileURL: '' }
    return { fileID, tempFileURL: this.tempUrl(cloudPath, maxAge), code: 'SUCCESS', maxAge }
  }


  /** The runtime's own storage URLs: PUT /storage/upload/<key> (the SDK's upload) and GET/HEAD /storage/file/<key> (temporary links). */
  async handleHttp(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const rest = url.pathname.slice('/storage/'.length)
    if (req.method === 'PUT' && rest.startsWith('upload/')) return this.receiveUpload(req, res, rest.slice('upload/'.length))
    if ((req.method === 'GET' || req.method === 'HEAD') && rest.startsWith('file/')) {
      this.serveFile(req, res, rest.slice('file/'.length), url.searchParams)
      return
    }
    await drain(req)
    cosError(res, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', url.pathname)
  }

  private async receiveUpload(req: IncomingMessage, res: ServerResponse, encodedPath: string): Promise<void> {
    let cloudPath: string
    try {
      cloudPath = decodeURIComponent(encodedPath)
    } catch {
      await drain(req)
      cosError(res, 400, 'InvalidURI', 'Could not parse the specified URI.', encodedPath)
      return
    }
    const ticket = verifyTicket(String(req.headers.authorization ?? ''), (expires) => this.sign('put', cloudPath, expires), this.now())
    if (ticket !== 'ok') {
      await drain(req)
      if (ticket === 'expired') cosError(res, 403, 'AccessDenied', 'Request has expired', cloudPath)
      else cosError(res, 403, 'SignatureDoesNotMatch', 'The Signature you specified is invalid.', cloudPath)
      return
    }
    const problem = cloudPathProblem(cloudPath)
    if (problem) {
      await drain(req)
      cosError(res, 400, Buffer.byteLength(cloudPath) > COS_KEY_LIMIT_BYTES ? 'KeyTooLong' : 'InvalidArgument', problem, cloudPath)
      return
    }
    const blob = randomUUID()
    const incoming = path.join(this.root, 'incoming', blob)
    const fd = openSync(incoming, 'w', 0o600)
    const md5 = createHash('md5')
    let size = 0
    let head = Buffer.alloc(0)
    let tooLarge = false
    try {
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length
        if (tooLarge || size > SDK_UPLOAD_LIMIT) {
          tooLarge = true
          continue
        }
        md5.update(chunk)
        writeAll(fd, chunk)
        if (head.length < 16) head = Buffer.concat([head, chunk]).subarray(0, 16)
      }
      fsyncSync(fd)
    } catch (err) {
      closeSync(fd)
      rmSync(incoming, { force: true })
      throw err
    }
    closeSync(fd)
    if (tooLarge) {
      rmSync(incoming, { force: true })
      cosError(res, 400, 'EntityTooLarge', `Your proposed upload exceeds the local limit of ${SDK_UPLOAD_LIMIT} bytes.`, cloudPath)
      return
    }
    const etag = md5.digest('hex')
    this.commit(cloudPath, incoming, blob, { size, etag, contentType: contentTypeFor(cloudPath, head), owner: null })
    res.writeHead(200, { etag: `"${etag}"`, 'content-length': 0 })
    res.end()
  }

  private serveFile(req: IncomingMessage, res: ServerResponse, rawPath: string, query: URLSearchParams): void {
    let cloudPath: string
    try {
      cloudPath = decodeURIComponent(rawPath)
    } catch {
      cosError(res, 400, 'InvalidURI', 'Could not parse the specified URI.', rawPath)
      return
    }
    const t = query.get('t') ?? ''
    const sign = query.get('sign') ?? ''
    if (!/^\d{1,12}$/.test(t) || !sign) {
      cosError(res, 403, 'AccessDenied', 'Access Denied.', cloudPath)
      return
    }
    const expires = Number(t)
    if (!safeEqual(sign, this.sign('get', cloudPath, expires))) {
      cosError(res, 403, 'SignatureDoesNotMatch', 'The Signature you specified is invalid.', cloudPath)
      return
    }
    const remaining = expires - this.now()
    if (remaining < 0) {
      cosError(res, 403, 'AccessDenied', 'Request has expired', cloudPath)
      return
    }
    const row = this.row(cloudPath)
    if (!row) {
      cosError(res, 404, 'NoSuchKey', 'The specified key does not exist.', cloudPath)
      return
    }
    const etag = `"${row.etag}"`
    const headers: Record<string, string | number> = {
      'content-type': row.content_type,
      etag,
      'last-modified': new Date(row.uploaded_at).toUTCString(),
      'cache-control': `private, max-age=${remaining}`,
      'x-content-type-options': 'nosniff',
      'access-control-allow-origin': '*',
    }
    if (!INLINE_TYPES.has(row.content_type.split(';')[0])) {
      headers['content-disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(path.basename(cloudPath))}`
      headers['content-security-policy'] = 'sandbox'
    }
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers)
      res.end()
      return
    }
    headers['content-length'] = row.size
    res.writeHead(200, headers)
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    createReadStream(this.blobPath(row.blob))
      .on('error', () => res.destroy())
      .pipe(res)
  }


  /**
   * The H5 build's routes: POST /api/storage/upload and POST /api/storage/temp-urls.
   * `openid` is the signed-in caller (null without a valid session). Uploads land under the
   * caller's openid folder, so nobody can overwrite another person's files through this route.
   */
  async handleGateway(route: string, req: IncomingMessage, res: ServerResponse, openid: string | null): Promise<void> {
    if (!openid) {
      await drain(req)
      sendJson(res, 401, { ok: false, error: { code: 'NOT_SIGNED_IN', message: '请先登录' } })
      return
    }
    if (route === 'upload') return this.gatewayUpload(req, res, openid)
    if (route === 'temp-urls') return this.gatewayTempUrls(req, res)
    await drain(req)
    sendJson(res, 404, { ok: false, error: { code: 'BAD_ACTION', message: '不支持的操作' } })
  }

  private async gatewayUpload(req: IncomingMessage, res: ServerResponse, openid: string): Promise<void> {
    const tooLarge = () =>
      badInput(res, 413, `文件不能超过 ${GATEWAY_UPLOAD_LIMIT / 1024 / 1024} MB`, { reason: 'too_large', limitBytes: GATEWAY_UPLOAD_LIMIT })
    const limit = GATEWAY_UPLOAD_LIMIT + MULTIPART_SLACK
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      await drain(req)
      tooLarge()
      return
    }
    const body = await readLimited(req, limit)
    if (!body) {
      tooLarge()
      return
    }
    let cloudPath: string | undefined
    let file: Buffer | undefined
    let declaredType: string | undefined
    const boundary = multipartBoundary(req.headers['content-type'])
    if (boundary) {
      let parts
      try {
        parts = parseMultipart(body, boundary)
      } catch {
        badInput(res, 400, '上传的内容格式不正确', { reason: 'bad_multipart' })
        return
      }
      cloudPath = parts.find((p) => p.name === 'cloudPath')?.data.toString('utf8')
      const filePart = parts.find((p) => p.name === 'file')
      file = filePart?.data
      declaredType = filePart?.contentType
    } else {
      cloudPath = new URL(req.url ?? '/', 'http://local').searchParams.get('cloudPath') ?? undefined
      file = body
      declaredType = req.headers['content-type']
    }
    if (!cloudPath) {
      badInput(res, 400, '缺少文件路径', { reason: 'missing_cloud_path' })
      return
    }
    if (!file || file.length === 0) {
      badInput(res, 400, '请选择要上传的文件', { reason: 'missing_file' })
      return
    }
    if (file.length > GATEWAY_UPLOAD_LIMIT) {
      tooLarge()
      return
    }
    const stored = `${openid}/${cloudPath}`
    const problem = cloudPathProblem(cloudPath) ?? cloudPathProblem(stored)
    if (problem) {
      badInput(res, 400, '文件路径不符合要求', { reason: 'bad_cloud_path', problem })
      return
    }
    // The bytes decide, not the declared type; a declared type outside the list is refused as well.
    const sniffed = sniffUploadType(file)
    const declared = declaredType?.split(';')[0].trim().toLowerCase()
    const declaredOk = !declared || declared === 'application/octet-stream' || (GATEWAY_UPLOAD_TYPES as readonly string[]).includes(declared)
    if (!sniffed || !declaredOk) {
      badInput(res, 415, '只能上传图片（PNG、JPEG、GIF、WebP）或 PDF 文件', {
        reason: 'unsupported_type',
        accepted: GATEWAY_UPLOAD_TYPES,
      })
      return
    }
    const fileID = this.put(stored, file, { contentType: sniffed, owner: openid })
    sendJson(res, 200, { ok: true, data: { fileID } })
  }

  /** Like wx.cloud.getTempFileURL under WeChat's default storage rule: any signed-in user may read. */
  private async gatewayTempUrls(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readLimited(req, JSON_BODY_LIMIT)
    let fileList: unknown
    try {
      fileList = raw ? (JSON.parse(raw.toString('utf8')) as { fileList?: unknown }).fileList : undefined
    } catch {
      fileList = undefined
    }
    if (
      !Array.isArray(fileList) ||
      fileList.length === 0 ||
      fileList.length > TEMP_URL_BATCH_LIMIT ||
      !fileList.every((id) => typeof id === 'string' && id.length > 0)
    ) {
      badInput(res, 400, '提交的内容不符合要求', { reason: 'file_list', limit: TEMP_URL_BATCH_LIMIT })
      return
    }
    sendJson(res, 200, {
      ok: true,
      data: {
        fileList: (fileList as string[]).map((fileID) => {
          const entry = this.downloadEntry(fileID, DEFAULT_TEMP_URL_SECONDS)
          return { fileID, tempFileURL: entry.tempFileURL, maxAge: entry.maxAge ?? 0, ...STATUS_OF[entry.code] }
        }),
      },
    })
  }


  private row(cloudPath: string): ObjectRow | undefined {
    return this.db.prepare('SELECT * FROM objects WHERE path = ?').get(cloudPath) as ObjectRow | undefined
  }

  private blobPath(blob: string): string {
    return path.join(this.root, 'blobs', blob.slice(0, 2), blob)
  }

  /** Moves a fully written file into place, then points the key at it; the replaced blob goes last. */
  private commit(
    cloudPath: string,
    incoming: string,
    blob: string,
    meta: { size: number; etag: string; contentType: string; owner: string | null },
  ): void {
    const target = this.blobPath(blob)
    mkdirSync(path.dirname(target), { recursive: true })
    renameSync(incoming, target)
    const previous = this.row(cloudPath)
    this.db
      .prepare(
        `INSERT INTO objects (path, blob, size, content_type, etag, owner, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(path) DO UPDATE SET blob = excluded.blob, size = excluded.size, content_type = excluded.content_type,
           etag = excluded.etag, owner = excluded.owner, uploaded_at = excluded.uploaded_at`,
      )
      .run(cloudPath, blob, meta.size, meta.contentType, meta.etag, meta.owner, Date.now())
    if (previous) rmSync(this.blobPath(previous.blob), { force: true })
  }

  private sign(purpose: 'get' | 'put', cloudPath: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${purpose}\n${cloudPath}\n${expires}`).digest('base64url')
  }
}

function failedEntry(fileID: string, code: Exclude<StorageCode, 'SUCCESS'>): { fileID: string; code: StorageCode; message: string } {
  return { fileID, code, message: FAILURE_MESSAGES[code] }
}

function toStoredFile(row: ObjectRow): StoredFile {
  return {
    cloudPath: row.path,
    fileID: FILE_ID_PREFIX + row.path,
    size: row.size,
    contentType: row.content_type,
    etag: row.etag,
    owner: row.owner,
    uploadedAt: new Date(row.uploaded_at),
  }
}

/** An upload ticket is `<expires>.<signature>`, as handed out by storage.getUploadMetadata. */
function verifyTicket(ticket: string, expected: (expires: number) => string, now: number): 'ok' | 'expired' | 'invalid' {
  const m = /^(\d{1,12})\.([A-Za-z0-9_-]+)$/.exec(ticket)
  if (!m) return 'invalid'
  const expires = Number(m[1])
  if (!safeEqual(m[2], expected(expires))) return 'invalid'
  return expires >= now ? 'ok' : 'expired'
}

function safeEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset)
}

/** COS's error body; the SDK reads Code, Message, RequestId and TraceId from it. */
function cosError(res: ServerResponse, status: number, code: string, message: string, resource: string): void {
  const id = randomUUID()
  const xml =
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n<Code>${code}</Code>\n<Message>${escapeXml(message)}</Message>\n` +
    `<Resource>${escapeXml(resource)}</Resource>\n<RequestId>${id}</RequestId>\n<TraceId>${id}</TraceId>\n</Error>`
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml), 'x-cos-request-id': id })
  res.end(xml)
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`)
}

function badInput(res: ServerResponse, status: number, message: string, details: Record<string, unknown>): void {
  sendJson(res, status, { ok: false, error: { code: 'BAD_INPUT', message, details } })
}

/**
 * Reads the whole body, or null when it is over `limit`. An oversized body is still read to the
 * end (and dropped) so the client gets the answer instead of a reset connection.
 */
async function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size <= limit) chunks.push(chunk)
    // Past a point draining only wastes time: leaving the loop closes the connection.
    else if (size > limit * 8) return null
  }
  return size <= limit ? Buffer.concat(chunks) : null
}

/** Consumes an unread request body so an early answer reaches the client. */
async function drain(req: IncomingMessage): Promise<void> {
  if (req.readableEnded || req.destroyed) return
  await new Promise<void>((resolve) => {
    req.on('end', resolve)
    req.on('error', () => resolve())
    req.on('close', resolve)
    req.resume()
  })
}
