import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DevSessions, readCookie } from './dev-session'

describe('dev sessions', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bwm-session-'))

  it('round-trips a signed session and survives a restart with the same data folder', () => {
    const token = new DevSessions(dir).issue({ openid: 'local-p1', personId: 'p1' })
    expect(new DevSessions(dir).verify(token)).toMatchObject({ openid: 'local-p1', personId: 'p1' })
  })

  it('rejects a tampered body, a forged signature and garbage', () => {
    const sessions = new DevSessions(dir)
    const token = sessions.issue({ openid: 'local-p1', personId: 'p1' })
    const [, mac] = token.split('.')
    const forgedBody = Buffer.from(JSON.stringify({ openid: 'local-admin', personId: 'admin', issuedAt: 1 })).toString('base64url')
    expect(sessions.verify(`${forgedBody}.${mac}`)).toBeNull()
    expect(sessions.verify(`${token}x`)).toBeNull()
    expect(sessions.verify('nonsense')).toBeNull()
    expect(sessions.verify(undefined)).toBeNull()
  })

  it('does not accept sessions signed with another data folder’s key', () => {
    const other = new DevSessions(mkdtempSync(path.join(tmpdir(), 'bwm-session-')))
    expect(new DevSessions(dir).verify(other.issue({ openid: 'x', personId: null }))).toBeNull()
  })

  it('reads one cookie out of a header', () => {
    expect(readCookie('a=1; bwm=x%3Dy; c=3', 'bwm')).toBe('x=y')
    expect(readCookie(undefined, 'bwm')).toBeUndefined()
    expect(readCookie('a=1', 'bwm')).toBeUndefined()
  })
})
