import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Local stand-in for WeChat's trusted identity: in WeChat the platform tells a cloud
 * function who called (OPENID); locally a signed cookie chosen at dev sign-in does.
 */
export interface DevSession {
  openid: string
  personId: string | null
  issuedAt: number
}

export const SESSION_COOKIE = 'bwm_dev_session'

export class DevSessions {
  private readonly secret: Buffer

  constructor(dataDir: string) {
    // Kept beside the data so sessions survive a runtime restart.
    const file = path.join(dataDir, 'dev-session.key')
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true })
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
    }
    this.secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex')
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url')
  }

  issue(session: Omit<DevSession, 'issuedAt'>): string {
    const body = Buffer.from(JSON.stringify({ ...session, issuedAt: Date.now() })).toString('base64url')
    return `${body}.${this.sign(body)}`
  }

  verify(token: string | undefined): DevSession | null {
    if (!token) return null
    const [body, mac] = token.split('.')
    if (!body || !mac) return null
    const expected = Buffer.from(this.sign(body))
    const given = Buffer.from(mac)
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
    try {
      const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as DevSession
      return typeof parsed.openid === 'string' ? parsed : null
    } catch {
      return null
    }
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return decodeURIComponent(rest.join('='))
  }
  return undefined
}

/** The openid a seeded person gets when signed in locally; stable so data survives restarts. */
export function devOpenidFor(personId: string): string {
  return `local-${personId}`
}
