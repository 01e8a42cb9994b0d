import { MultipartError, multipartBoundary, parseMultipart } from './multipart'

async function encode(form: FormData): Promise<{ body: Buffer; boundary: string }> {
  const res = new Response(form)
  const boundary = multipartBoundary(res.headers.get('content-type') ?? undefined)
  if (!boundary) throw new Error('no boundary')
  return { body: Buffer.from(await res.arrayBuffer()), boundary }
}

describe('multipartBoundary', () => {
  it('reads plain and quoted boundaries, and only from multipart/form-data', () => {
    expect(multipartBoundary('multipart/form-data; boundary=----abc')).toBe('----abc')
    expect(multipartBoundary('Multipart/Form-Data; charset=utf-8; boundary="a b:c"')).toBe('a b:c')
    expect(multipartBoundary('application/json')).toBeNull()
    expect(multipartBoundary('multipart/form-data')).toBeNull()
    expect(multipartBoundary(undefined)).toBeNull()
    expect(multipartBoundary(`multipart/form-data; boundary=${'x'.repeat(71)}`)).toBeNull()
  })
})

describe('parseMultipart', () => {
  it('keeps binary parts byte for byte, with their filename and type', async () => {
    const bytes = Buffer.from(Array.from({ length: 1024 }, (_, i) => (i * 37) & 0xff))
    const form = new FormData()
    form.set('cloudPath', '凭证/a.png')
    form.set('file', new Blob([bytes], { type: 'image/png' }), '截图.png')
    const { body, boundary } = await encode(form)
    const parts = parseMultipart(body, boundary)
    expect(parts.map((p) => p.name)).toEqual(['cloudPath', 'file'])
    expect(parts[0].data.toString('utf8')).toBe('凭证/a.png')
    expect(parts[0].filename).toBeUndefined()
    expect(parts[1]).toMatchObject({ filename: '截图.png', contentType: 'image/png' })
    expect(parts[1].data.equals(bytes)).toBe(true)
  })

  it('reads a binary part without a filename (the SDK’s protobuf requestData)', () => {
    const payload = Buffer.from([0x0a, 0x0d, 0x0a, 0x2d, 0x2d, 0xff, 0x00])
    const body = Buffer.concat([
      Buffer.from('--B\r\nContent-Disposition: form-data; name="action"\r\n\r\nwx.openApi\r\n'),
      Buffer.from('--B\r\nContent-Disposition: form-data; name="requestData"\r\nContent-Type: application/octet-stream\r\n\r\n'),
      payload,
      Buffer.from('\r\n--B--\r\n'),
    ])
    const parts = parseMultipart(body, 'B')
    expect(parts[0].data.toString()).toBe('wx.openApi')
    expect(parts[1].data.equals(payload)).toBe(true)
  })

  it('prefers an RFC 5987 filename*', () => {
    const body = Buffer.from(
      `--B\r\nContent-Disposition: form-data; name="file"; filename="fallback.png"; filename*=UTF-8''%E5%90%88%E5%90%8C.pdf\r\n\r\nx\r\n--B--`,
    )
    expect(parseMultipart(body, 'B')[0].filename).toBe('合同.pdf')
  })

  it('refuses truncated or malformed bodies', () => {
    expect(() => parseMultipart(Buffer.from('no boundary here'), 'B')).toThrow(MultipartError)
    expect(() => parseMultipart(Buffer.from('--B\r\nContent-Disposition: form-data; name="a"\r\n\r\nnever ends'), 'B')).toThrow(MultipartError)
    expect(() => parseMultipart(Buffer.from('--B\r\nContent-Type: text/plain\r\n\r\nx\r\n--B--'), 'B')).toThrow(/name/)
  })
})
