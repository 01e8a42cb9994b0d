import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { cloudPathProblem, DEFAULT_TEMP_URL_SECONDS, FILE_ID_PREFIX, LocalStorage, sniffUploadType } from './storage'

describe('cloudPathProblem', () => {
  it('accepts ordinary keys, Chinese and spaces included', () => {
    for (const ok of ['a.png', 'evidence/2024/06/photo 1.jpg', '凭证/截图.png', 'a-b_c!.*(1).txt']) expect(cloudPathProblem(ok)).toBeNull()
  })

  it('refuses what COS refuses and what would break a link', () => {
    for (const bad of ['', '/a.png', 'a//b.png', 'dir/', 'a/../b.png', './a.png', 'a?.png', 'a#b', '100%.png', 'a\\b', 'tab\there', 'x'.repeat(851)]) {
      expect(cloudPathProblem(bad)).not.toBeNull()
    }
    expect(cloudPathProblem('字'.repeat(283))).toBeNull() // 849 bytes
    expect(cloudPathProblem('字'.repeat(284))).not.toBeNull() // 852 bytes
  })
})

describe('sniffUploadType', () => {
  it('knows the accepted images and PDF by their first bytes, and nothing else', () => {
    expect(sniffUploadType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png')
    expect(sniffUploadType(Buffer.from([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg')
    expect(sniffUploadType(Buffer.from('GIF87a...'))).toBe('image/gif')
    expect(sniffUploadType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]))).toBe('image/webp')
    expect(sniffUploadType(Buffer.from('%PDF-1.4'))).toBe('application/pdf')
    expect(sniffUploadType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull()
    expect(sniffUploadType(Buffer.from('RIFF....WAVE'))).toBeNull()
    expect(sniffUploadType(Buffer.alloc(0))).toBeNull()
  })
})

describe('LocalStorage', () => {
  let dir: string
  let now: number
  let storage: LocalStorage
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bwm-storage-unit-'))
    now = 1_700_000_000
    storage = new LocalStorage({ dataDir: dir, baseUrl: () => 'http://127.0.0.1:1', nowSeconds: () => now })
  })
  afterEach(() => {
    storage.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('maps file IDs to keys only for its own env and bucket', () => {
    expect(storage.cloudPathOf(`${FILE_ID_PREFIX}a/b.png`)).toBe('a/b.png')
    expect(storage.cloudPathOf(FILE_ID_PREFIX)).toBeNull()
    expect(storage.cloudPathOf('cloud://other.6f74-other-1300000000/a/b.png')).toBeNull()
  })

  it('signs links with an expiry two hours out by default', () => {
    storage.put('a.png', Buffer.from('x'))
    const url = new URL(storage.tempUrl('a.png'))
    expect(url.pathname).toBe('/storage/file/a.png')
    expect(Number(url.searchParams.get('t'))).toBe(now + DEFAULT_TEMP_URL_SECONDS)
  })

  it('answers the wire with per-file codes', () => {
    storage.put('a.png', Buffer.from('x'))
    const { download_list } = storage.handleWire('storage.batchGetDownloadUrl', {
      file_list: [{ fileid: `${FILE_ID_PREFIX}a.png`, max_age: 60 }, { fileid: `${FILE_ID_PREFIX}b.png` }],
    }) as { download_list: Array<Record<string, unknown>> }
    expect(download_list[0]).toMatchObject({ code: 'SUCCESS', maxAge: 60 })
    expect(download_list[1]).toMatchObject({ code: 'STORAGE_FILE_NONEXIST', tempFileURL: '' })
    expect(() => storage.handleWire('storage.batchGetDownloadUrl', {})).toThrow(/file_list/)
    expect(() => storage.handleWire('storage.copyFile', {})).toThrow(/not served/)
  })

  it('drops the replaced blob when a key is overwritten or deleted', () => {
    const blobs = () => readdirSync(path.join(dir, 'storage/blobs'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
    storage.put('a.png', Buffer.from('one'))
    storage.put('a.png', Buffer.from('two'))
    expect(blobs()).toBe(1)
    expect(storage.read('a.png')!.toString()).toBe('two')
    expect(storage.stat('a.png')).toMatchObject({ size: 3, contentType: 'image/png', owner: null })
    expect(storage.remove('a.png')).toBe(true)
    expect(storage.remove('a.png')).toBe(false)
    expect(blobs()).toBe(0)
  })
})
