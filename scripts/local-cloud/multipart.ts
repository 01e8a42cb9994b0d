/**
 * A small multipart/form-data reader for whole bodies already in memory. The runtime needs
 * it twice: `wx.openApi` wire requests (whose `requestData` part is binary protobuf without a
 * filename, which WHATWG `Response.formData()` would decode as UTF-8 text and corrupt) and the
 * H5 upload route.
 */
export interface FormPart {
  name: string
  filename?: string
  contentType?: string
  data: Buffer
}

export class MultipartError extends Error {}

/** The boundary of a multipart/form-data content type, or null when it is not one. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return null
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  const boundary = match?.[1] ?? match?.[2]
  // RFC 2046 caps boundaries at 70 characters.
  return boundary && boundary.length <= 70 ? boundary : null
}

const CRLF = Buffer.from('\r\n')
const HEADER_END = Buffer.from('\r\n\r\n')

export function parseMultipart(body: Buffer, boundary: string): FormPart[] {
  const delimiter = Buffer.from(`--${boundary}`)
  const between = Buffer.concat([CRLF, delimiter])
  let pos = body.indexOf(delimiter)
  if (pos < 0) throw new MultipartError('multipart body has no boundary')
  pos += delimiter.length
  const parts: FormPart[] = []
  for (;;) {
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return parts // closing "--"
    if (body[pos] !== 0x0d || body[pos + 1] !== 0x0a) throw new MultipartError('malformed multipart delimiter')
    pos += 2
    const headerEnd = body.indexOf(HEADER_END, pos)
    if (headerEnd < 0) throw new MultipartError('multipart part without headers')
    const headers = parseHeaders(body.subarray(pos, headerEnd).toString('utf8'))
    const dataStart = headerEnd + HEADER_END.length
    const next = body.indexOf(between, dataStart)
    if (next < 0) throw new MultipartError('multipart body is truncated')
    const disposition = parseDisposition(headers.get('content-disposition'))
    if (!disposition) throw new MultipartError('multipart part without a form-data name')
    parts.push({
      name: disposition.name,
      ...(disposition.filename !== undefined ? { filename: disposition.filename } : {}),
      ...(headers.has('content-type') ? { contentType: headers.get('content-type') } : {}),
      data: body.subarray(dataStart, next),
    })
    pos = next + between.length
  }
}

function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>()
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  return headers
}

function parseDisposition(value: string | undefined): { name: string; filename?: string } | null {
  if (!value || !/^form-data\b/i.test(value)) return null
  const params = new Map<string, string>()
  const re = /;\s*([a-z*]+)=(?:"((?:[^"\\]|\\.)*)"|([^;]*))/gi
  for (let m = re.exec(value); m; m = re.exec(value)) {
    params.set(m[1].toLowerCase(), m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3].trim())
  }
  const name = params.get('name')
  if (name === undefined) return null
  let filename = params.get('filename')
  const extended = params.get('filename*')
  if (extended) {
    const m = /^utf-8''(.*)$/i.exec(extended)
    if (m) {
      try {
        filename = decodeURIComponent(m[1])
      } catch {
        // Keep the plain filename when the extended one is not valid percent-encoding.
      }
    }
  }
  return filename === undefined ? { name } : { name, filename }
}
