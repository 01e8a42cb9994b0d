import { fireEvent, render, waitFor } from '@testing-library/react'
import MarketingTermsPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, head } from '../../../../test/doubles/people'
import { terms } from '../../../../test/doubles/marketing'
import { byId, renderPagesAsH5, shown, type } from '../../../../test/doubles/screen'

const small = terms({ absolute: ['国家级', '最'], promise: ['稳赚'], exceptions: ['最近'], updatedAt: '2026-03-02T02:00:00.000Z', updatedByName: '王五' })

function open(handlers: Record<string, Handler> = {}, person = admin) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person, policyToAcknowledge: null }),
    'marketing.getTerms': () => ok(small),
    'marketing.updateTerms': (payload) => ok({ ...payload, updatedAt: '2026-03-03T02:00:00.000Z', updatedByName: '王五' }),
    ...handlers,
  })
}

renderPagesAsH5()

describe('marketing terms', () => {
  it('shows the lists in use and who saved them', async () => {
    open()
    render(<MarketingTermsPage />)
    await waitFor(() => byId('terms-absolute'))
    expect(byId('terms-updated').textContent).toContain('当前用语由王五于 2026-03-02 10:00 保存。')
    expect(byId('terms-absolute-0').textContent).toContain('国家级')
    expect(byId('terms-promise-0').textContent).toContain('稳赚')
    expect(byId('terms-exceptions-0').textContent).toContain('最近')
    expect(byId('terms-save').className).toContain('nut-button-disabled')
    type('terms-exceptions-input', '保证金')
    fireEvent.click(byId('terms-exceptions-add'))
    expect(byId('terms-save').className).not.toContain('nut-button-disabled')
  })

  it('tries a text against the lists being edited', async () => {
    open()
    render(<MarketingTermsPage />)
    await waitFor(() => byId('terms-try'))
    type('terms-try', '最近推出顶级新品，稳赚')
    expect(byId('terms-try-result').textContent).toContain('发现 1 处：承诺性用语 1 处')
    type('terms-absolute-input', '顶级')
    fireEvent.click(byId('terms-absolute-add'))
    expect(byId('terms-try-result').textContent).toContain('发现 2 处：绝对化用语 1 处 · 承诺性用语 1 处')
  })

  it('adds and removes terms, refuses duplicates, and saves the lists', async () => {
    const calls = open()
    render(<MarketingTermsPage />)
    await waitFor(() => byId('terms-absolute'))
    type('terms-absolute-input', '国家级')
    fireEvent.click(byId('terms-absolute-add'))
    expect(byId('terms-absolute-input-error').textContent).toBe('已在列表中')
    type('terms-promise-input', '包赚')
    fireEvent.click(byId('terms-promise-add'))
    fireEvent.click(byId('terms-absolute-1-remove'))
    fireEvent.click(byId('terms-save'))
    await waitFor(() => expect(byId('terms-updated').textContent).toContain('2026-03-03 10:00'))
    expect(calls.callsTo('marketing.updateTerms').map((c) => c.payload)).toEqual([{ absolute: ['国家级'], promise: ['稳赚', '包赚'], exceptions: ['最近'] }])
  })

  it('restores the built-in lists to save', async () => {
    const calls = open()
    render(<MarketingTermsPage />)
    await waitFor(() => byId('terms-absolute'))
    fireEvent.click(byId('terms-defaults'))
    expect(byId('terms-absolute').textContent).toContain('世界级')
    fireEvent.click(byId('terms-save'))
    await waitFor(() => expect(calls.callsTo('marketing.updateTerms')).toHaveLength(1))
    expect((calls.callsTo('marketing.updateTerms')[0]?.payload as { promise: string[] }).promise).toContain('零风险')
  })

  it('shows a refusal to save', async () => {
    open({ 'marketing.updateTerms': () => fail('FORBIDDEN') })
    render(<MarketingTermsPage />)
    await waitFor(() => byId('terms-absolute'))
    fireEvent.click(byId('terms-absolute-0-remove'))
    fireEvent.click(byId('terms-save'))
    await waitFor(() => expect(byId('terms-error').textContent).toBe('你没有权限进行此操作'))
  })

  it('is for admins only', async () => {
    const calls = open({}, head)
    render(<MarketingTermsPage />)
    await waitFor(() => byId('forbidden-screen'))
    expect(calls.callsTo('marketing.getTerms')).toHaveLength(0)
    expect(shown('terms-absolute')).toBe(false)
  })
})
