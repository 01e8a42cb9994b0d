import { act, fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages } from '@contract'
import AnomalyReportPage from './index'
import { resetAppState } from '@/store/app'
import { shanghaiClock } from '@/services/accounts'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { employee } from '../../../../test/doubles/people'
import { accountSummary } from '../../../../test/doubles/accounts'
import { anomalyDetail } from '../../../../test/doubles/records'
import { byId, errorText, pick, shown, type } from '../../../../test/doubles/screen'

const FILE_ID = 'cloud://local-env.bucket/o-zhang/anomalies/202603/1-abc.png'

function backend(report: Handler, extra: Record<string, Handler> = {}) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: employee }),
    'account.listAccounts': () => ok({ items: [accountSummary()], total: 1, page: 1, pageSize: 20 }),
    'anomaly.report': report,
    'POST /api/storage/upload': () => ok({ fileID: FILE_ID }),
    'POST /api/storage/temp-urls': ({ fileList }) => ok({ fileList: fileList.map((fileID: string) => ({ fileID, tempFileURL: `https://tmp.example/${fileID.split('/').pop()}` })) }),
    ...extra,
  })
}

/** In the browser the picker is a file input under the upload tile. */
function chooseFiles(count = 1): void {
  const input = byId('anomaly-upload').querySelector('input[type=file]') as HTMLInputElement
  const files = Array.from({ length: count }, (_, i) => new File(['png'], `shot-${i}.png`, { type: 'image/png' }))
  fireEvent.change(input, { target: { files } })
}

beforeEach(() => {
  resetAppState()
  process.env.TARO_ENV = 'h5'
  jest.clearAllMocks()
  let made = 0
  URL.createObjectURL = jest.fn(() => `blob:local-${++made}`)
})
afterEach(() => {
  delete process.env.TARO_ENV
})

describe('report an anomaly', () => {
  it('starts at now in Shanghai time and names the reporter’s account', async () => {
    backend(() => ok(anomalyDetail()))
    render(<AnomalyReportPage />)
    await waitFor(() => byId('anomaly-form'))
    const now = shanghaiClock()
    expect(byId('anomaly-occurred').textContent).toContain(now.date)
    await waitFor(() => expect(byId('anomaly-account').textContent).toContain('zhangsan_sales'))
  })

  it('checks each field as it is filled in, and sends nothing while something is wrong', async () => {
    const calls = backend(() => ok(anomalyDetail()))
    render(<AnomalyReportPage />)
    await waitFor(() => byId('anomaly-form'))
    expect(errorText('anomaly-type')).toBeNull()

    fireEvent.click(byId('anomaly-submit'))
    expect(errorText('anomaly-type')).toBe('请选择异常类型')
    expect(errorText('anomaly-description')).toBe('请描述发生了什么（至少10个字）')
    expect(errorText('anomaly-occurred')).toBeNull()
    expect(calls.callsTo('anomaly.report')).toHaveLength(0)

    fireEvent.click(byId('anomaly-type-fraud'))
    expect(errorText('anomaly-type')).toBeNull()
    expect(byId('anomaly-type-fraud').className).toContain('choice-chips__chip--active')

    type('anomaly-description', '有人冒充我')
    expect(errorText('anomaly-description')).toBe('请描述发生了什么（至少10个字）')
    type('anomaly-description', '有人冒充我向客户索要转账，客户已报警')
    expect(errorText('anomaly-description')).toBeNull()

    // Tomorrow cannot have happened yet.
    const tomorrow = new Date(Date.now() + 36 * 3600_000)
    pick('anomaly-occurred', shanghaiClock(tomorrow).date, 0)
    expect(errorText('anomaly-occurred')).toBe(errorMessages.OCCURRED_IN_FUTURE)
    pick('anomaly-occurred', shanghaiClock().date, 0)
    pick('anomaly-occurred', '00:00', 1)
    expect(errorText('anomaly-occurred')).toBeNull()
  })

  it('uploads a screenshot, shows it from its stored copy, and sends the report with it', async () => {
    const calls = backend((payload) => ok(anomalyDetail({ id: 'an-9', screenshots: payload.screenshots })))
    render(<AnomalyReportPage />)
    await waitFor(() => byId('anomaly-account'))

    chooseFiles()
    expect(byId('anomaly-shot-0').querySelector('img')?.getAttribute('src')).toBe('blob:local-1')
    await waitFor(() => expect(byId('anomaly-shot-0').querySelector('img')?.getAttribute('src')).toBe('https://tmp.example/1-abc.png'))
    const upload = calls.callsTo('POST /api/storage/upload')[0]?.payload as { cloudPath: string; file: Blob }
    expect(upload.cloudPath).toMatch(/^anomalies\/\d{6}\/\d+-[a-z0-9]+\.png$/)
    expect(upload.file).toBeInstanceOf(Blob)

    fireEvent.click(byId('anomaly-shot-0').querySelector('img') as HTMLElement)
    expect(Taro.previewImage).toHaveBeenCalledWith({ urls: ['https://tmp.example/1-abc.png'], current: 'https://tmp.example/1-abc.png' })

    fireEvent.click(byId('anomaly-type-stolen'))
    type('anomaly-description', '  账号在陌生设备登录，给客户发了借钱消息  ')
    fireEvent.click(byId('anomaly-submit'))

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/account/anomaly/index?id=an-9' }))
    const sent = calls.callsTo('anomaly.report')[0]?.payload as Record<string, unknown>
    expect(sent).toMatchObject({ type: 'stolen', description: '账号在陌生设备登录，给客户发了借钱消息', screenshots: [FILE_ID], accountId: 'acc-1' })
    expect(sent.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$/)
  })

  it('lets a screenshot be removed before sending', async () => {
    const calls = backend(() => ok(anomalyDetail()))
    render(<AnomalyReportPage />)
    await waitFor(() => byId('anomaly-form'))
    chooseFiles()
    await waitFor(() => expect(byId('anomaly-shot-0').textContent).not.toContain('上传中'))
    fireEvent.click(byId('anomaly-shot-0-remove'))
    expect(shown('anomaly-shot-0')).toBe(false)

    fireEvent.click(byId('anomaly-type-other'))
    type('anomaly-description', '收到可疑的登录验证码短信，不是我本人操作')
    fireEvent.click(byId('anomaly-submit'))
    await waitFor(() => expect(calls.callsTo('anomaly.report')).toHaveLength(1))
    expect(calls.callsTo('anomaly.report')[0]?.payload).toMatchObject({ screenshots: [] })
  })

  it('says when an upload fails and keeps the form usable', async () => {
    backend(() => ok(anomalyDetail()), { 'POST /api/storage/upload': () => fail('BAD_INPUT', '只能上传图片（PNG、JPEG、GIF、WebP）或 PDF 文件') })
    render(<AnomalyReportPage />)
    await waitFor(() => byId('anomaly-form'))
    chooseFiles()
    await waitFor(() => expect(byId('anomaly-upload-error').textContent).toContain('只能上传图片'))
    expect(shown('anomaly-shot-0')).toBe(false)
    expect(shown('anomaly-upload')).toBe(true)
  })

  it('offers no more than six screenshots', async () => {
    const calls = backend(() => ok(anomalyDetail()))
    render(<AnomalyReportPage />)
    await waitFor(() => byId('anomaly-form'))
    chooseFiles(8)
    await waitFor(() => byId('anomaly-shot-5'))
    expect(shown('anomaly-shot-6')).toBe(false)
    expect(shown('anomaly-upload')).toBe(false)
    await waitFor(() => expect(calls.callsTo('POST /api/storage/upload')).toHaveLength(6))
  })

  it('in WeChat picks with the image picker and uploads through cloud storage', async () => {
    process.env.TARO_ENV = 'weapp'
    // NutUI's weapp icons style a raw <i> with a mini-program-only key that jsdom's React warns about.
    const original = console.error
    jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      if (!args.map(String).join(' ').includes('-webkitMask')) original(...args)
    })
    const calls = backend((payload) => ok(anomalyDetail({ id: 'an-5', screenshots: payload.screenshots })))
    ;(Taro.chooseImage as jest.Mock).mockResolvedValueOnce({ tempFilePaths: ['wxfile://tmp_1.jpg'], tempFiles: [{ path: 'wxfile://tmp_1.jpg', size: 9 }] })
    ;(Taro.cloud.uploadFile as jest.Mock).mockResolvedValueOnce({ fileID: 'cloud://prod-env.bucket/anomalies/202603/1.jpg', statusCode: 200, errMsg: 'ok' })
    ;(Taro.cloud.getTempFileURL as jest.Mock).mockResolvedValueOnce({
      fileList: [{ fileID: 'cloud://prod-env.bucket/anomalies/202603/1.jpg', tempFileURL: 'https://tmp.example/1.jpg', status: 0 }],
      errMsg: 'ok',
    })
    render(<AnomalyReportPage />)
    await waitFor(() => byId('anomaly-form'))
    expect(byId('anomaly-upload').querySelector('input')).toBeNull()
    fireEvent.click(byId('anomaly-upload'))
    await waitFor(() => expect(byId('anomaly-shot-0').querySelector('img')?.getAttribute('src')).toBe('https://tmp.example/1.jpg'))
    expect((Taro.chooseImage as jest.Mock).mock.calls[0]?.[0]).toMatchObject({ count: 6 })
    expect((Taro.cloud.uploadFile as jest.Mock).mock.calls[0]?.[0]).toMatchObject({ filePath: 'wxfile://tmp_1.jpg' })
    expect((Taro.cloud.uploadFile as jest.Mock).mock.calls[0]?.[0].cloudPath).toMatch(/^anomalies\/\d{6}\/\d+-[a-z0-9]+\.jpg$/)

    fireEvent.click(byId('anomaly-type-malicious_link'))
    type('anomaly-description', '点开了客户发来的链接后账号被强制下线')
    fireEvent.click(byId('anomaly-submit'))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/account/anomaly/index?id=an-5' }))
    expect(calls.callsTo('anomaly.report')[0]?.payload).toMatchObject({ screenshots: ['cloud://prod-env.bucket/anomalies/202603/1.jpg'] })
    ;(console.error as jest.Mock).mockRestore()
  })

  it('puts a refusal about the time next to the time, and others above the button', async () => {
    let attempt = 0
    backend(() => (++attempt === 1 ? fail('OCCURRED_IN_FUTURE', errorMessages.OCCURRED_IN_FUTURE) : fail('INTERNAL', errorMessages.INTERNAL)))
    render(<AnomalyReportPage />)
    await waitFor(() => byId('anomaly-form'))
    fireEvent.click(byId('anomaly-type-lost_phone'))
    type('anomaly-description', '手机在地铁上丢失，账号仍在登录状态')
    fireEvent.click(byId('anomaly-submit'))
    await waitFor(() => expect(errorText('anomaly-occurred')).toBe(errorMessages.OCCURRED_IN_FUTURE))
    expect(shown('anomaly-error')).toBe(false)

    await act(async () => {
      pick('anomaly-occurred', '00:00', 1)
    })
    fireEvent.click(byId('anomaly-submit'))
    await waitFor(() => expect(byId('anomaly-error').textContent).toBe(errorMessages.INTERNAL))
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })
})
