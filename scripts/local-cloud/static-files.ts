import { createReadStream, existsSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
}

/** Serves the H5 build; unknown paths get index.html because the app uses browser-mode routing. */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  const index = path.join(root, 'index.html')
  if (!existsSync(index)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('H5 build not found: run `npm run build:h5` (npm start does it for you).\n')
    return
  }
  const url = new URL(req.url ?? '/', 'http://local')
  const requested = path.normalize(path.join(root, decodeURIComponent(url.pathname)))
  const inside = requested.startsWith(root + path.sep)
  const file = inside && existsSync(requested) && statSync(requested).isFile() ? requested : index
  const ext = path.extname(file)
  // Hashed assets never change; index.html must always be fresh.
  const cache = file === index ? 'no-cache' : 'public, max-age=31536000, immutable'
  res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': cache })
  createReadStream(file).pipe(res)
}
