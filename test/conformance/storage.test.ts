/**
 * Cloud storage through the real wx-server-sdk against the local runtime: uploadFile,
 * getTempFileURL, downloadFile and deleteFile as cloud functions call them, the runtime's
 * signed temporary links, and the H5 build's upload routes behind the dev session.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startLocalCloud as startRaw } from '../../scripts/local-cloud/server'
import { FILE_ID_PREFIX, GATEWAY_UPLOAD_LIMIT } from '../../scripts/local-cloud/storage'
import { connectSdk, startLocalCloud, type TestCloud } from '../support/local-cloud'
import { rejection, type SdkError } from './support'

/** The storage part of wx-server-sdk, typed as the product would use it. */
interface TempFile {
  fileID: string
  tempFileURL: string
  status: number
  errMsg: string
  maxAge?: number
}
interface StorageSdk {
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string; errMsg: string }>
  getTempFileURL(options: { fileList: Array<string | { fileID: string; maxAge: number }> }): Promise<{ fileList: TempFile[]; errMsg: string }>
  downloadFile(options: { fileID: string }): Promise<{ fileContent: Buffer; statusCode: number; errMsg: string }>
  deleteFile(options: { fileList: string[] }): Promise<{ fileList: Array<{ fileID: string; status: number; errMsg: string }>; errMsg: string }>
}

const PNG_HEADER = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const PDF_HEADER = Buffer.from('%PDF-1.7\n')

/** Bytes that are not valid UTF-8, so any text decoding along the way would show. */
function binary(size: number, header = PNG_HEADER): Buffer {
  const body = Buffer.alloc(size)
  for (let i = 0; i < size; i++) body[i] = (i * 131 + 7) & 0xff
  header.copy(body)
  return body
}

let cloud: TestCloud
let sdk: StorageSdk

beforeAll(async () => {
  cloud = await startLocalCloud({ functions: false })
  sdk = connectSdk(cloud.cloudEndpoint).cloud as unknown as StorageSdk
})

afterAll(async () => {
  await cloud.close()
})

async function bytesAt(url: string): Promise<{ status: number; type: string | null; body: Buffer; headers: Headers }> {
  const res = await fetch(url)
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()), headers: res.headers }
}

describe('uploadFile → getTempFileURL → the bytes', () => {
  it('returns a cloud:// file ID naming the env and its bucket', async () => {
    const res = await sdk.uploadFile({ cloudPath: 'evidence/first.png', fileContent: binary(1024) })
    expect(res).toMatchObject({ fileID: 'cloud://local.6c6f-local-1300000000/evidence/first.png', errMsg: 'uploadFile:ok' })
    expect(res.fileID).toBe(`${FILE_ID_PREFIX}evidence/first.png`)
  })

  it('serves exactly the uploaded bytes, with the type of the file, at a link that lasts two hours by default', async () => {
    const content = binary(300 * 1024)
    const { fileID } = await sdk.uploadFile({ cloudPath: 'evidence/photo.png', fileContent: content })
    const before = Math.floor(Date.now() / 1000)
    const { fileList, errMsg } = await sdk.getTempFileURL({ fileList: [fileID] })
    expect(errMsg).toBe('getTempFileURL:ok')
    expect(fileList).toEqual([{ fileID, tempFileURL: expect.stringMatching(/\/storage\/file\/evidence\/photo\.png\?sign=[\w-]+&t=\d+$/), status: 0, errMsg: 'ok', maxAge: 7200 }])
    const t = Number(new URL(fileList[0].tempFileURL).searchParams.get('t'))
    expect(t - before).toBeGreaterThanOrEqual(7200)
    expect(t - before).toBeLessThanOrEqual(7201)

    const got = await bytesAt(fileList[0].tempFileURL)
    expect(got.status).toBe(200)
    expect(got.type).toBe('image/png')
    expect(got.body.equals(content)).toBe(true)
  })

  it('downloadFile returns the bytes as a Buffer', async () => {
    const content = binary(4096, PDF_HEADER)
    const { fileID } = await sdk.uploadFile({ cloudPath: 'reports/2024-06.pdf', fileContent: content })
    const res = await sdk.downloadFile({ fileID })
    expect(res.errMsg).toBe('downloadFile:ok')
    expect(Buffer.isBuffer(res.fileContent)).toBe(true)
    expect(res.fileContent.equals(content)).toBe(true)
    expect((await bytesAt((await sdk.getTempFileURL({ fileList: [fileID] })).fileList[0].tempFileURL)).type).toBe('application/pdf')
  })

  it('keeps Chinese characters and spaces in paths, as COS keys do', async () => {
    const { fileID } = await sdk.uploadFile({ cloudPath: '凭证/2024 六月/截图 1.png', fileContent: binary(64) })
    expect(fileID).toBe(`${FILE_ID_PREFIX}凭证/2024 六月/截图 1.png`)
    const { fileList } = await sdk.getTempFileURL({ fileList: [fileID] })
    expect((await bytesAt(fileList[0].tempFileURL)).body.equals(binary(64))).toBe(true)
    expect((await sdk.downloadFile({ fileID })).fileContent.equals(binary(64))).toBe(true)
  })

  it('replaces the content when the same path is uploaded again', async () => {
    await sdk.uploadFile({ cloudPath: 'evidence/again.txt', fileContent: Buffer.from('first') })
    const { fileID } = await sdk.uploadFile({ cloudPath: 'evidence/again.txt', fileContent: Buffer.from('second') })
    expect((await sdk.downloadFile({ fileID })).fileContent.toString()).toBe('second')
  })

  it('lets a file and a "folder" of the same name coexist, as keys in a bucket do', async () => {
    await sdk.uploadFile({ cloudPath: 'nest/a', fileContent: Buffer.from('file') })
    const { fileID } = await sdk.uploadFile({ cloudPath: 'nest/a/b', fileContent: Buffer.from('below') })
    expect((await sdk.downloadFile({ fileID })).fileContent.toString()).toBe('below')
    expect((await sdk.downloadFile({ fileID: `${FILE_ID_PREFIX}nest/a` })).fileContent.toString()).toBe('file')
  })

  it('refuses cloud paths COS refuses, as a storage error', async () => {
    for (const cloudPath of ['/leading-slash.png', 'double//slash.png', 'dots/../up.png', 'query?.png', `${'x'.repeat(851)}.png`]) {
      const err = await rejection(sdk.uploadFile({ cloudPath, fileContent: Buffer.from('x') }))
      expect(err.message).toMatch(/^uploadFile:fail \[(InvalidArgument|KeyTooLong)\]: cloudPath/)
    }
  })

  it('refuses an upload URL without the ticket getUploadMetadata signed', async () => {
    const meta = await fetch(cloud.cloudEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'storage.getUploadMetadata', path: 'evidence/ticket.png', method: 'put' }),
    }).then((r) => r.json() as Promise<{ data: { url: string; authorization: string; fileId: string } }>)
    expect(meta.data.fileId).toBe(`${FILE_ID_PREFIX}evidence/ticket.png`)
    const forged = await fetch(meta.data.url, { method: 'PUT', headers: { authorization: meta.data.authorization.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) }, body: 'x' })
    expect(forged.status).toBe(403)
    expect(await forged.text()).toContain('<Code>SignatureDoesNotMatch</Code>')
    // The ticket is for one path only.
    const otherPath = meta.data.url.replace('ticket.png', 'other.png')
    expect((await fetch(otherPath, { method: 'PUT', headers: { authorization: meta.data.authorization }, body: 'x' })).status).toBe(403)
    const honest = await fetch(meta.data.url, { method: 'PUT', headers: { authorization: meta.data.authorization }, body: 'ok' })
    expect(honest.status).toBe(200)
  })
})

describe('temporary links', () => {
  let fileID: string
  let link: string
  beforeAll(async () => {
    fileID = (await sdk.uploadFile({ cloudPath: 'links/secret.png', fileContent: binary(256) })).fileID
    link = (await sdk.getTempFileURL({ fileList: [fileID] })).fileList[0].tempFileURL
  })

  it('refuses a forged or missing signature, and a signature for another path or expiry', async () => {
    const url = new URL(link)
    const forged = new URL(link)
    forged.searchParams.set('sign', 'A'.repeat(43))
    expect((await bytesAt(forged.toString())).status).toBe(403)
    const unsigned = new URL(link)
    unsigned.search = ''
    expect((await bytesAt(unsigned.toString())).status).toBe(403)
    const otherPath = new URL(link)
    otherPath.pathname = otherPath.pathname.replace('secret.png', 'other.png')
    expect((await bytesAt(otherPath.toString())).status).toBe(403)
    const extended = new URL(link)
    extended.searchParams.set('t', String(Number(url.searchParams.get('t')) + 3600))
    const res = await bytesAt(extended.toString())
    expect(res.status).toBe(403)
    expect(res.body.toString()).toContain('<Code>SignatureDoesNotMatch</Code>')
  })

  it('stops working once maxAge has passed', async () => {
    const { fileList } = await sdk.getTempFileURL({ fileList: [{ fileID, maxAge: 1 }] })
    expect(fileList[0]).toMatchObject({ status: 0, maxAge: 1 })
    expect((await bytesAt(fileList[0].tempFileURL)).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 2100))
    const expired = await bytesAt(fileList[0].tempFileURL)
    expect(expired.status).toBe(403)
    expect(expired.body.toString()).toContain('Request has expired')
  })

  it('answers HEAD with the size and type, and a conditional GET with 304', async () => {
    const head = await fetch(link, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe('256')
    expect(head.headers.get('content-type')).toBe('image/png')
    const again = await fetch(link, { headers: { 'if-none-match': head.headers.get('etag')! } })
    expect(again.status).toBe(304)
  })

  it('serves types a browser could run from the runtime origin as sandboxed downloads', async () => {
    const { fileID: page } = await sdk.uploadFile({ cloudPath: 'links/page.html', fileContent: Buffer.from('<script>alert(1)</script>') })
    const res = await bytesAt((await sdk.getTempFileURL({ fileList: [page] })).fileList[0].tempFileURL)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/)
    expect(res.headers.get('content-security-policy')).toBe('sandbox')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('reports missing files and foreign file IDs per entry, as WeChat does', async () => {
    const { fileList } = await sdk.getTempFileURL({ fileList: [`${FILE_ID_PREFIX}links/none.png`, 'cloud://prod-1a2b.7072-prod-1a2b-1300000000/x.png'] })
    expect(fileList).toEqual([
      expect.objectContaining({ fileID: `${FILE_ID_PREFIX}links/none.png`, status: -503003, errMsg: 'storage file not exists', tempFileURL: '' }),
      expect.objectContaining({ fileID: 'cloud://prod-1a2b.7072-prod-1a2b-1300000000/x.png', status: -503002, tempFileURL: '' }),
    ])
  })
})

describe('deleteFile', () => {
  it('removes the file: its links answer 404, getTempFileURL and downloadFile report it missing', async () => {
    const { fileID } = await sdk.uploadFile({ cloudPath: 'trash/old.png', fileContent: binary(128) })
    const link = (await sdk.getTempFileURL({ fileList: [fileID] })).fileList[0].tempFileURL
    const res = await sdk.deleteFile({ fileList: [fileID, `${FILE_ID_PREFIX}trash/never.png`] })
    expect(res).toEqual({
      fileList: [
        { fileID, status: 0, errMsg: 'ok' },
        { fileID: `${FILE_ID_PREFIX}trash/never.png`, status: -503003, errMsg: 'storage file not exists' },
      ],
      errMsg: 'deleteFile:ok',
    })
    const gone = await bytesAt(link)
    expect(gone.status).toBe(404)
    expect(gone.body.toString()).toContain('<Code>NoSuchKey</Code>')
    expect((await sdk.getTempFileURL({ fileList: [fileID] })).fileList[0].status).toBe(-503003)
    const err: SdkError = await rejection(sdk.downloadFile({ fileID }))
    expect(err.message).toBe('downloadFile:fail storage file not exists')
  })
})

describe('from inside a cloud function', () => {
  it('a deployed function uploads, links and downloads through the same wire', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'bwm-storage-fn-'))
    const dir = path.join(root, 'uploader')
    mkdirSync(dir)
    const sdkPath = require.resolve('wx-server-sdk')
    writeFileSync(
      path.join(dir, 'index.js'),
      `const cloud = require(${JSON.stringify(sdkPath)})
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
exports.main = async (event) => {
  const { fileID } = await cloud.uploadFile({ cloudPath: event.cloudPath, fileContent: Buffer.from(event.text) })
  const { fileList } = await cloud.getTempFileURL({ fileList: [fileID] })
  const { fileContent } = await cloud.downloadFile({ fileID })
  return { fileID, tempFileURL: fileList[0].tempFileURL, text: fileContent.toString() }
}
`,
    )
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'uploader', main: 'index.js' }))
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ timeout: 10 }))
    const dataDir = path.join(root, 'data')
    const rt = await startRaw({ dataDir, port: 0, timers: false, functionsRoot: root })
    try {
      const result = (await rt.pool.invoke('uploader', { cloudPath: 'exports/报表.csv', text: '姓名,部门\n' }, { WX_OPENID: 'o-1' })) as {
        fileID: string
        tempFileURL: string
        text: string
      }
      expect(result).toMatchObject({ fileID: `${FILE_ID_PREFIX}exports/报表.csv`, text: '姓名,部门\n' })
      const got = await bytesAt(result.tempFileURL)
      expect(got.type).toBe('text/csv; charset=utf-8')
      expect(got.body.toString()).toBe('姓名,部门\n')
    } finally {
      await rt.close()
      rmSync(root, { recursive: true, force: true })
    }
  })
})

describe('durability', () => {
  it('keeps files, and the links already handed out, across a restart', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'bwm-storage-restart-'))
    try {
      let rt = await startLocalCloud({ dataDir, functions: false })
      let sdkHere = connectSdk(rt.cloudEndpoint).cloud as unknown as StorageSdk
      const { fileID } = await sdkHere.uploadFile({ cloudPath: 'keep/me.png', fileContent: binary(2048) })
      const link = new URL((await sdkHere.getTempFileURL({ fileList: [fileID] })).fileList[0].tempFileURL)
      await rt.close()

      rt = await startLocalCloud({ dataDir, functions: false })
      sdkHere = connectSdk(rt.cloudEndpoint).cloud as unknown as StorageSdk
      try {
        expect((await sdkHere.downloadFile({ fileID })).fileContent.equals(binary(2048))).toBe(true)
        // Same link, the new runtime's address.
        const moved = new URL(link.pathname + link.search, rt.url)
        expect((await bytesAt(moved.toString())).body.equals(binary(2048))).toBe(true)
      } finally {
        await rt.close()
      }
    } finally {
      // Later tests in this file talk to the first runtime again.
      connectSdk(cloud.cloudEndpoint)
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

describe('H5 upload routes', () => {
  async function signIn(): Promise<{ cookie: string; openid: string }> {
    const res = await fetch(`${cloud.url}/dev/sign-in`, { method: 'POST', body: JSON.stringify({ visitor: true }) })
    const cookie = res.headers.get('set-cookie')!.split(';')[0]
    const token = decodeURIComponent(cookie.split('=')[1])
    const openid = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')).openid as string
    return { cookie, openid }
  }

  function form(cloudPath: string | null, file: Buffer | null, type = 'image/png', filename = 'photo.png'): FormData {
    const data = new FormData()
    if (cloudPath !== null) data.set('cloudPath', cloudPath)
    if (file) data.set('file', new Blob([new Uint8Array(file)], { type }), filename)
    return data
  }

  async function upload(body: FormData | Buffer, cookie?: string, query = '', rawType = 'application/pdf'): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = cookie ? { cookie } : {}
    if (Buffer.isBuffer(body)) headers['content-type'] = rawType
    const res = await fetch(`${cloud.url}/api/storage/upload${query}`, {
      method: 'POST',
      headers,
      body: Buffer.isBuffer(body) ? new Uint8Array(body) : body,
    })
    return { status: res.status, body: await res.json() }
  }

  async function tempUrls(fileList: unknown, cookie?: string): Promise<{ status: number; body: any }> {
    const res = await fetch(`${cloud.url}/api/storage/temp-urls`, {
      method: 'POST',
      headers: cookie ? { cookie } : {},
      body: JSON.stringify({ fileList }),
    })
    return { status: res.status, body: await res.json() }
  }

  it('asks for sign-in without a session', async () => {
    const res = await upload(form('anon.png', binary(100)))
    expect(res).toEqual({ status: 401, body: { ok: false, error: { code: 'NOT_SIGNED_IN', message: '请先登录' } } })
    expect(await tempUrls([`${FILE_ID_PREFIX}x.png`])).toMatchObject({ status: 401 })
    const forged = await upload(form('anon.png', binary(100)), 'bwm_dev_session=eyJvcGVuaWQiOiJ4In0.forged')
    expect(forged.status).toBe(401)
  })

  it('stores a multipart upload under the uploader’s openid folder; its temp URL serves the bytes', async () => {
    const { cookie, openid } = await signIn()
    const content = binary(200 * 1024)
    const res = await upload(form('evidence/receipt.png', content), cookie)
    expect(res).toEqual({ status: 200, body: { ok: true, data: { fileID: `${FILE_ID_PREFIX}${openid}/evidence/receipt.png` } } })
    const urls = await tempUrls([res.body.data.fileID], cookie)
    expect(urls).toEqual({
      status: 200,
      body: { ok: true, data: { fileList: [{ fileID: res.body.data.fileID, tempFileURL: expect.any(String), maxAge: 7200, status: 0, errMsg: 'ok' }] } },
    })
    const got = await bytesAt(urls.body.data.fileList[0].tempFileURL)
    expect(got.type).toBe('image/png')
    expect(got.body.equals(content)).toBe(true)
    // Functions see the same file.
    expect((await sdk.downloadFile({ fileID: res.body.data.fileID })).fileContent.equals(content)).toBe(true)
  })

  it('also takes a raw body with ?cloudPath=', async () => {
    const { cookie, openid } = await signIn()
    const content = binary(1000, PDF_HEADER)
    const res = await upload(content, cookie, `?cloudPath=${encodeURIComponent('docs/合同.pdf')}`)
    expect(res).toEqual({ status: 200, body: { ok: true, data: { fileID: `${FILE_ID_PREFIX}${openid}/docs/合同.pdf` } } })
    expect((await sdk.downloadFile({ fileID: res.body.data.fileID })).fileContent.equals(content)).toBe(true)
  })

  it('keeps one person’s files out of another’s reach', async () => {
    const alice = await signIn()
    const bob = await signIn()
    const mine = await upload(form('avatar.png', binary(300)), alice.cookie)
    const theirs = await upload(form('avatar.png', binary(400)), bob.cookie)
    expect(mine.body.data.fileID).not.toBe(theirs.body.data.fileID)
    // A path that climbs out of the folder is refused, not resolved.
    const climb = await upload(form(`../${alice.openid}/avatar.png`, binary(500)), bob.cookie)
    expect(climb).toMatchObject({ status: 400, body: { ok: false, error: { code: 'BAD_INPUT', details: { reason: 'bad_cloud_path' } } } })
    expect((await sdk.downloadFile({ fileID: mine.body.data.fileID })).fileContent.equals(binary(300))).toBe(true)
  })

  it('refuses files over 10 MB', async () => {
    const { cookie } = await signIn()
    const res = await upload(form('big.png', binary(GATEWAY_UPLOAD_LIMIT + 1)), cookie)
    expect(res).toEqual({
      status: 413,
      body: { ok: false, error: { code: 'BAD_INPUT', message: '文件不能超过 10 MB', details: { reason: 'too_large', limitBytes: GATEWAY_UPLOAD_LIMIT } } },
    })
    expect((await upload(form('edge.png', binary(GATEWAY_UPLOAD_LIMIT)), cookie)).status).toBe(200)
  })

  it('takes only images and PDFs, judged by their bytes', async () => {
    const { cookie } = await signIn()
    const text = await upload(form('notes.txt', Buffer.from('plain text'), 'text/plain', 'notes.txt'), cookie)
    expect(text).toMatchObject({ status: 415, body: { ok: false, error: { code: 'BAD_INPUT', details: { reason: 'unsupported_type' } } } })
    // HTML wearing an image's name and type.
    const disguised = await upload(form('photo.png', Buffer.from('<html><script>alert(1)</script></html>')), cookie)
    expect(disguised.status).toBe(415)
    // An image declared as something else is refused too.
    expect((await upload(form('photo.svg', binary(100), 'image/svg+xml', 'photo.svg'), cookie)).status).toBe(415)
    for (const [name, header] of [
      ['a.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0])],
      ['a.gif', Buffer.from('GIF89a')],
      ['a.webp', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP')])],
      ['a.pdf', PDF_HEADER],
    ] as const) {
      expect((await upload(form(name, binary(64, header), 'application/octet-stream', name), cookie)).status).toBe(200)
    }
  })

  it('checks the form: a cloud path and a file are both required', async () => {
    const { cookie } = await signIn()
    expect(await upload(form(null, binary(10)), cookie)).toMatchObject({ status: 400, body: { error: { details: { reason: 'missing_cloud_path' } } } })
    expect(await upload(form('x.png', null), cookie)).toMatchObject({ status: 400, body: { error: { details: { reason: 'missing_file' } } } })
  })

  it('answers temp-urls per file, refusing empty or oversized lists', async () => {
    const { cookie } = await signIn()
    const missing = `${FILE_ID_PREFIX}nobody/none.png`
    expect(await tempUrls([missing], cookie)).toEqual({
      status: 200,
      body: { ok: true, data: { fileList: [{ fileID: missing, tempFileURL: '', maxAge: 0, status: -503003, errMsg: 'storage file not exists' }] } },
    })
    expect((await tempUrls([], cookie)).status).toBe(400)
    expect((await tempUrls('not-a-list', cookie)).status).toBe(400)
    expect((await tempUrls(Array.from({ length: 51 }, () => missing), cookie)).status).toBe(400)
  })
})
