import Taro from '@tarojs/taro'
import { askConsent, prepareConsent, resetConsent } from './consent'
import { fail, installBackend, ok, type Handler } from '../../test/doubles/backend'

const templateIds = { approvalRequest: 'tmpl-request', approvalResult: 'tmpl-result', anomalyReported: 'tmpl-anomaly' }
const quota = (ids: Record<string, string> = templateIds) => ({ quota: { approvalRequest: 0, approvalResult: 0, anomalyReported: 0 }, templateIds: ids })

const subscribe = Taro.requestSubscribeMessage as unknown as jest.Mock

function backend(handlers: Record<string, Handler> = {}) {
  return installBackend({
    'notify.getConsent': () => ok(quota()),
    'notify.recordConsent': () => ok(quota()),
    ...handlers,
  })
}

/** Lets the prefetch and any follow-up calls settle. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0))
}

beforeEach(() => {
  jest.clearAllMocks()
  resetConsent()
  process.env.TARO_ENV = 'weapp'
})
afterEach(() => {
  delete process.env.TARO_ENV
})

describe('subscribe-message consent', () => {
  it('does nothing at all in H5', async () => {
    process.env.TARO_ENV = 'h5'
    const calls = backend()
    prepareConsent()
    await askConsent('submitApplication')
    expect(calls.calls).toHaveLength(0)
    expect(subscribe).not.toHaveBeenCalled()
  })

  it('asks for the moment’s templates with the ids fetched ahead, and counts the accepted ones', async () => {
    subscribe.mockImplementationOnce(async () => ({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-request': 'accept', 'tmpl-anomaly': 'reject' }))
    const calls = backend()
    prepareConsent()
    await settle()
    await askConsent('openApprovals')
    expect(subscribe).toHaveBeenCalledWith({ tmplIds: ['tmpl-request', 'tmpl-anomaly'] })
    expect(calls.callsTo('notify.recordConsent').map((c) => c.payload)).toEqual([{ accepted: ['approvalRequest'] }])
    expect(calls.callsTo('notify.getConsent')).toHaveLength(1)
  })

  it('records nothing when everything is declined', async () => {
    const calls = backend()
    prepareConsent()
    await settle()
    await askConsent('submitApplication')
    expect(subscribe).toHaveBeenCalledWith({ tmplIds: ['tmpl-result'] })
    expect(calls.callsTo('notify.recordConsent')).toHaveLength(0)
  })

  it('skips templates without an id, and the dialog when none has one', async () => {
    const calls = backend({ 'notify.getConsent': () => ok(quota({ approvalRequest: '', approvalResult: '', anomalyReported: 'tmpl-anomaly' })) })
    prepareConsent()
    await settle()
    await askConsent('submitApplication')
    expect(subscribe).not.toHaveBeenCalled()
    await askConsent('openApprovals')
    expect(subscribe).toHaveBeenCalledWith({ tmplIds: ['tmpl-anomaly'] })
    expect(calls.callsTo('notify.recordConsent')).toHaveLength(0)
  })

  it('does not ask on a tap that comes before the ids arrived, and fetches them for the next', async () => {
    const calls = backend()
    await askConsent('requestDelegation')
    expect(subscribe).not.toHaveBeenCalled()
    await settle()
    expect(calls.callsTo('notify.getConsent')).toHaveLength(1)
    await askConsent('requestDelegation')
    expect(subscribe).toHaveBeenCalledTimes(1)
  })

  it.each<[string, () => void]>([
    ['the dialog throws', () => subscribe.mockImplementationOnce(() => {
      throw new Error('can only be invoked by user TAP gesture')
    })],
    ['the dialog fails', () => subscribe.mockImplementationOnce(async () => Promise.reject({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 }))],
    ['recording fails', () => subscribe.mockImplementationOnce(async () => ({ errMsg: 'ok', 'tmpl-result': 'accept' }))],
  ])('never throws or rejects when %s', async (_case, arrange) => {
    backend({ 'notify.recordConsent': () => fail('INTERNAL', '系统繁忙') })
    prepareConsent()
    await settle()
    arrange()
    await expect(askConsent('reportAnomaly')).resolves.toBeUndefined()
  })

  it('never throws when the ids cannot be fetched', async () => {
    const calls = backend({ 'notify.getConsent': () => fail('INTERNAL', '系统繁忙') })
    prepareConsent()
    await settle()
    await expect(askConsent('reportAnomaly')).resolves.toBeUndefined()
    expect(subscribe).not.toHaveBeenCalled()
    // A later tap tries to fetch again.
    await settle()
    expect(calls.callsTo('notify.getConsent')).toHaveLength(2)
  })

  it('never throws when the Taro API is missing altogether', async () => {
    backend()
    prepareConsent()
    await settle()
    const original = Taro.requestSubscribeMessage
    ;(Taro as unknown as Record<string, unknown>).requestSubscribeMessage = undefined
    try {
      expect(() => askConsent('submitApplication')).not.toThrow()
      await expect(askConsent('submitApplication')).resolves.toBeUndefined()
    } finally {
      ;(Taro as unknown as Record<string, unknown>).requestSubscribeMessage = original
    }
  })
})
