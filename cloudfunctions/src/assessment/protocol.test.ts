import { continueEventSchema, isPlatformCall } from './protocol'

describe('isPlatformCall', () => {
  it('serves the timer and other cloud functions', () => {
    expect(isPlatformCall({})).toBe(true)
    expect(isPlatformCall({ SOURCE: 'wx_trigger' })).toBe(true)
    expect(isPlatformCall({ SOURCE: 'wx_server' })).toBe(true)
    // A function started by a user's call may pass the user on; the server hop is listed.
    expect(isPlatformCall({ OPENID: 'o-admin', SOURCE: 'wx_client,wx_server' })).toBe(true)
  })

  it('refuses a user calling the function directly', () => {
    expect(isPlatformCall({ OPENID: 'o-user', SOURCE: 'wx_client' })).toBe(false)
    expect(isPlatformCall({ OPENID: 'o-user' })).toBe(false)
    expect(isPlatformCall({ OPENID: 'o-user', SOURCE: 'wx_devtools' })).toBe(false)
  })
})

describe('continueEventSchema', () => {
  it('takes the run, its month and the cursor to start from', () => {
    expect(continueEventSchema.safeParse({ Type: 'Continue', month: '2026-10', runId: 'arun-1', cursor: null }).success).toBe(true)
    expect(continueEventSchema.safeParse({ Type: 'Continue', month: '2026-10', runId: 'arun-1', cursor: 'p-sales-east-02' }).success).toBe(true)
  })

  it('refuses anything else', () => {
    expect(continueEventSchema.safeParse({ Type: 'Continue', month: '2026-13', runId: 'arun-1', cursor: null }).success).toBe(false)
    expect(continueEventSchema.safeParse({ Type: 'Continue', month: '2026-10', runId: 'arun-1' }).success).toBe(false)
    expect(continueEventSchema.safeParse({ Type: 'Continue', month: '2026-10', runId: 'arun-1', cursor: null, extra: 1 }).success).toBe(false)
  })
})
