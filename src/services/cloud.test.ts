import Taro from '@tarojs/taro'
import { errorMessages } from '@contract'
import { NETWORK_ERROR_MESSAGE } from '@/config'
import { callAction, CloudError, isCloudError, onAuthLost, unwrapEnvelope } from './cloud'
import { showError } from './feedback'

const callFunction = Taro.cloud.callFunction as unknown as jest.Mock

function respondWith(body: unknown, status = 200) {
  const fetchMock = jest.fn(async () => ({ status, ok: status < 400, json: async () => body }))
  ;(globalThis as { fetch?: unknown }).fetch = fetchMock
  return fetchMock
}

async function caught(promise: Promise<unknown>): Promise<CloudError> {
  try {
    await promise
  } catch (err) {
    if (isCloudError(err)) return err
    throw err
  }
  throw new Error('expected a CloudError')
}

afterEach(() => {
  delete process.env.TARO_ENV
  onAuthLost(null)
  jest.clearAllMocks()
})

describe('unwrapEnvelope', () => {
  it('returns data from an ok envelope', () => {
    expect(unwrapEnvelope({ ok: true, data: { n: 1 } })).toEqual({ n: 1 })
  })

  it('throws the refusal it carries, details included', () => {
    const details = { errors: [{ line: 2, field: '手机', message: '重复' }] }
    const err = (() => {
      try {
        unwrapEnvelope({ ok: false, error: { code: 'ROSTER_INVALID', message: '花名册有错误', details } })
      } catch (e) {
        return e
      }
    })()
    expect(err).toBeInstanceOf(CloudError)
    expect(err).toMatchObject({ code: 'ROSTER_INVALID', message: '花名册有错误', details })
  })

  it('fills in the Chinese text when the server sent none', () => {
    expect(() => unwrapEnvelope({ ok: false, error: { code: 'FORBIDDEN' } })).toThrow(errorMessages.FORBIDDEN)
  })

  it('treats anything else as INTERNAL', () => {
    expect(() => unwrapEnvelope('<html>502</html>')).toThrow(errorMessages.INTERNAL)
    expect(() => unwrapEnvelope({ result: 1 })).toThrow(CloudError)
  })
})

describe('callAction in H5', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5'
  })

  it('posts the action to /api/<function> with the session cookie and returns data', async () => {
    const fetchMock = respondWith({ ok: true, data: { status: 'unbound' } })
    await expect(callAction('session.whoami', {})).resolves.toEqual({ status: 'unbound' })
    expect(fetchMock).toHaveBeenCalledWith('/api/api', {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'session.whoami', payload: {} }),
    })
    expect(callFunction).not.toHaveBeenCalled()
  })

  it('throws a CloudError with the code, message and details of a refusal', async () => {
    respondWith({ ok: false, error: { code: 'FORBIDDEN', message: '你没有权限进行此操作', details: { need: 'admin' } } }, 403)
    const err = await caught(callAction('roster.addDepartment', { name: '财务部' }))
    expect(err).toMatchObject({ code: 'FORBIDDEN', message: '你没有权限进行此操作', details: { need: 'admin' } })
  })

  it('turns a network failure into INTERNAL with a Chinese message', async () => {
    ;(globalThis as { fetch?: unknown }).fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch')
    })
    const err = await caught(callAction('session.whoami', {}))
    expect(err.code).toBe('INTERNAL')
    expect(err.message).toBe(NETWORK_ERROR_MESSAGE)
  })

  it('turns a body that is not JSON into INTERNAL', async () => {
    ;(globalThis as { fetch?: unknown }).fetch = jest.fn(async () => ({
      status: 502,
      json: async () => {
        throw new SyntaxError('Unexpected token <')
      },
    }))
    const err = await caught(callAction('session.whoami', {}))
    expect(err).toMatchObject({ code: 'INTERNAL', message: errorMessages.INTERNAL })
  })

  it('reports a lost sign-in from any action but whoami', async () => {
    const lost = jest.fn()
    onAuthLost(lost)
    respondWith({ ok: false, error: { code: 'NOT_SIGNED_IN', message: '请先登录' } })
    await caught(callAction('session.whoami', {}))
    expect(lost).not.toHaveBeenCalled()
    await caught(callAction('roster.listDepartments', {}))
    expect(lost).toHaveBeenCalledWith('NOT_SIGNED_IN')
  })
})

describe('callAction in WeChat', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
  })

  it('calls the action’s cloud function with {action, payload} and unwraps result', async () => {
    callFunction.mockResolvedValue({ result: { ok: true, data: { items: [] } }, errMsg: 'cloud.callFunction:ok' })
    const fetchMock = respondWith({})
    await expect(callAction('roster.listDepartments', {})).resolves.toEqual({ items: [] })
    expect(callFunction).toHaveBeenCalledWith({ name: 'api', data: { action: 'roster.listDepartments', payload: {} } })
    expect(fetchMock).not.toHaveBeenCalled()
    expect(Taro.cloud.init).toHaveBeenCalledWith(expect.objectContaining({ traceUser: true }))
  })

  it('throws the envelope’s refusal', async () => {
    callFunction.mockResolvedValue({
      result: { ok: false, error: { code: 'PHONE_NOT_IN_ROSTER', message: errorMessages.PHONE_NOT_IN_ROSTER } },
      errMsg: 'cloud.callFunction:ok',
    })
    const err = await caught(callAction('session.bindByPhone', { code: 'c0de' }))
    expect(err).toMatchObject({ code: 'PHONE_NOT_IN_ROSTER', message: errorMessages.PHONE_NOT_IN_ROSTER })
  })

  it('turns a failed call (offline, function crashed) into INTERNAL', async () => {
    callFunction.mockRejectedValue({ errCode: -1, errMsg: 'cloud.callFunction:fail network error' })
    const err = await caught(callAction('session.whoami', {}))
    expect(err).toMatchObject({ code: 'INTERNAL', message: NETWORK_ERROR_MESSAGE })
    expect(err.details).toEqual({ cause: 'cloud.callFunction:fail network error' })
  })
})

describe('showError', () => {
  it('shows a refusal’s own message', () => {
    showError(new CloudError('DEPARTMENT_EXISTS', errorMessages.DEPARTMENT_EXISTS))
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '部门已存在', icon: 'none' }))
  })

  it('shows the generic text for anything unexpected', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    showError(new Error('boom'))
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: errorMessages.INTERNAL }))
    spy.mockRestore()
  })
})
