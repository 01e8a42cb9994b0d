import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MarketingSubmitPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { employee } from '../../../../test/doubles/people'
import { FLAGGED_TEXT, marketingDetail, terms } from '../../../../test/doubles/marketing'
import { byId, errorText, renderPagesAsH5, routeTo, shown, type } from '../../../../test/doubles/screen'

const FILE_ID = 'cloud://local-env.bucket/marketing/202603/1-abc.png'

function backend(submit: Handler = (payload) => ok(marketingDetail({ id: 'mkt-9', ...payload })), extra: Record<string, Handler> = {}) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: employee, policyToAcknowledge: null }),
    'marketing.getTerms': () => ok(terms()),
    'marketing.submit': submit,
    'POST /api/storage/upload': () => ok({ fileID: FILE_ID }),
    'POST /api/storage/temp-urls': ({ fileList }) => ok({ fileList: fileList.map((fileID: string) => ({ fileID, tempFileURL: `https://tmp.example/${fileID.split('/').pop()}` })) }),
    ...extra,
  })
}

function chooseFiles(count = 1): void {
  const input = byId('marketing-upload').querySelector('input[type=file]') as HTMLInputElement
  const files = Array.from({ length: count }, (_, i) => new File(['png'], `image-${i}.png`, { type: 'image/png' }))
  fireEvent.change(input, { target: { files } })
}

renderPagesAsH5()
beforeEach(() => {
  routeTo(Taro.useRouter, '/packages/marketing/submit/index', {})
  let made = 0
  URL.createObjectURL = jest.fn(() => `blob:local-${++made}`)
})

describe('submit marketing material', () => {
  it('warns as the author types, finding by finding, and says when the text is clean', async () => {
    backend()
    render(<MarketingSubmitPage />)
    await waitFor(() => byId('marketing-form'))
    expect(shown('marketing-warnings')).toBe(false)

    type('marketing-text', '新款门锁本周到店，欢迎预约体验。')
    expect(byId('marketing-warnings').textContent).toBe('未发现绝对化用语、价格或承诺性用语')

    type('marketing-text', FLAGGED_TEXT)
    expect(byId('marketing-warnings-summary').textContent).toBe('发现 3 处需注意：绝对化用语 1 处 · 价格信息 1 处 · 承诺性用语 1 处。审核人会看到这些提示。')
    expect(byId('marketing-warning-0').textContent).toContain('绝对化用语“国家级”')
    expect(byId('marketing-warning-0').textContent).toContain('广告法禁止使用')
    expect(byId('marketing-warning-1').textContent).toContain('价格信息“现价999元”')
    expect(byId('marketing-warning-2').textContent).toContain('承诺性用语“保证”')
    expect(shown('marketing-warning-3')).toBe(false)
    expect(byId('marketing-warning-0').querySelector('.marketing-flags__term')?.textContent).toBe('国家级')

    type('marketing-text', '')
    expect(shown('marketing-warnings')).toBe(false)
  })

  it('checks with the lists the admin keeps', async () => {
    backend(undefined, { 'marketing.getTerms': () => ok(terms({ absolute: ['NO.1'], promise: [], exceptions: [] })) })
    render(<MarketingSubmitPage />)
    await waitFor(() => byId('marketing-form'))
    await waitFor(() => {
      type('marketing-text', '销量no.1，国家级认证')
      expect(byId('marketing-warnings-summary').textContent).toContain('发现 1 处')
    })
    expect(byId('marketing-warning-0').textContent).toContain('“no.1”')
  })

  it('checks title and text as they are filled in, and sends nothing while something is wrong', async () => {
    const calls = backend()
    render(<MarketingSubmitPage />)
    await waitFor(() => byId('marketing-form'))
    expect(errorText('marketing-title')).toBeNull()
    fireEvent.click(byId('marketing-submit'))
    expect(errorText('marketing-title')).toBe('标题不能为空')
    expect(errorText('marketing-text')).toBe('文案不能为空')
    type('marketing-title', '标'.repeat(41))
    expect(errorText('marketing-title')).toBe('标题不能超过40个字')
    type('marketing-title', '新品推广')
    expect(errorText('marketing-title')).toBeNull()
    expect(calls.callsTo('marketing.submit')).toHaveLength(0)
  })

  it('uploads images, asks before sending flagged text, and opens the submitted item', async () => {
    const calls = backend()
    render(<MarketingSubmitPage />)
    await waitFor(() => byId('marketing-form'))
    chooseFiles()
    await waitFor(() => expect(byId('marketing-image-0').querySelector('img')?.getAttribute('src')).toBe('https://tmp.example/1-abc.png'))
    const upload = calls.callsTo('POST /api/storage/upload')[0]?.payload as { cloudPath: string }
    expect(upload.cloudPath).toMatch(/^marketing\/\d{6}\/\d+-[a-z0-9]+\.png$/)

    type('marketing-title', '  门锁新品  ')
    type('marketing-text', `  ${FLAGGED_TEXT}  `)
    fireEvent.click(byId('marketing-submit'))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/marketing/detail/index?id=mkt-9' }))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '发现 3 处需注意的用语，建议修改后再提交。仍要提交审核吗？' }))
    expect(calls.callsTo('marketing.submit').map((c) => c.payload)).toEqual([{ title: '门锁新品', text: FLAGGED_TEXT, images: [FILE_ID] }])
  })

  it('stays on the form when the author chooses to revise flagged text', async () => {
    const calls = backend()
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    render(<MarketingSubmitPage />)
    await waitFor(() => byId('marketing-form'))
    type('marketing-title', '门锁新品')
    type('marketing-text', FLAGGED_TEXT)
    fireEvent.click(byId('marketing-submit'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    expect(calls.callsTo('marketing.submit')).toHaveLength(0)
  })

  it('sends clean text without asking, and shows a refusal by the field it concerns', async () => {
    const calls = backend(() => fail('BAD_INPUT', '提交的内容不符合要求', { issues: [{ path: 'text', message: '文案不能超过2000个字' }] }))
    render(<MarketingSubmitPage />)
    await waitFor(() => byId('marketing-form'))
    type('marketing-title', '门锁新品')
    type('marketing-text', '新款门锁本周到店，欢迎预约体验。')
    fireEvent.click(byId('marketing-submit'))
    await waitFor(() => expect(errorText('marketing-text')).toBe('文案不能超过2000个字'))
    expect(Taro.showModal).not.toHaveBeenCalled()
    expect(calls.callsTo('marketing.submit')).toHaveLength(1)
    expect(shown('marketing-submit-error')).toBe(false)
  })

  it('starts from an earlier submission when sent back to revise it', async () => {
    routeTo(Taro.useRouter, '/packages/marketing/submit/index', { from: 'mkt-1' })
    backend(undefined, { 'marketing.get': () => ok(marketingDetail({ status: 'rejected', images: [FILE_ID] })) })
    render(<MarketingSubmitPage />)
    await waitFor(() => expect((byId('marketing-title').querySelector('input') as HTMLInputElement).value).toBe('智能门锁新品推广'))
    expect((byId('marketing-text').querySelector('textarea') as HTMLTextAreaElement).value).toBe(FLAGGED_TEXT)
    await waitFor(() => expect(byId('marketing-image-0').querySelector('img')?.getAttribute('src')).toBe('https://tmp.example/1-abc.png'))
    expect(byId('marketing-warnings-summary').textContent).toContain('发现 3 处')
  })
})
