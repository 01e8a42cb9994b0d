import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MySpotChecksPage from './index'
import { installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { employee } from '../../../../test/doubles/people'
import { checkSummary, page } from '../../../../test/doubles/spot-checks'
import { byId, renderPagesAsH5, shown } from '../../../../test/doubles/screen'

const result = checkSummary({ status: 'scored', month: '2026-03', scoredAt: '2026-03-04T07:30:00.000Z', firstReplyMinutes: null, rubricPercent: 93.3 })

function open(handlers: Record<string, Handler> = {}) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: employee, policyToAcknowledge: null }),
    'spotCheck.listMine': ({ page: p, pageSize }) => ok(page([result], { page: p, pageSize })),
    ...handlers,
  })
}

renderPagesAsH5()

describe('my spot-check results', () => {
  it('lists my scored checks under a watermark and opens one', async () => {
    const calls = open()
    render(<MySpotChecksPage />)
    await waitFor(() => byId('my-checks'))
    expect(calls.callsTo('spotCheck.listMine')[0]?.payload).toEqual({ page: 1, pageSize: 20 })
    expect(shown('watermark')).toBe(true)
    expect(byId('my-checks-total').textContent).toBe('共 1 次抽查')
    expect(byId('my-check-round-1-p-zhang').textContent).toContain('93.3 分')
    expect(byId('my-check-round-1-p-zhang').textContent).toContain('销售部 · 2026-03 评分 · 首次回复 未观察到')
    fireEvent.click(byId('my-check-round-1-p-zhang'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/supervision/spot-check/index?id=round-1-p-zhang' })
  })

  it('says when there is no result yet', async () => {
    open({ 'spotCheck.listMine': () => ok(page([])) })
    render(<MySpotChecksPage />)
    await waitFor(() => expect(byId('my-checks-empty').textContent).toContain('还没有抽查结果'))
  })
})
