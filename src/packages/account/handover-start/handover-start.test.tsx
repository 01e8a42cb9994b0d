import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages } from '@contract'
import HandoverStartPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { head } from '../../../../test/doubles/people'
import { handoverDetail } from '../../../../test/doubles/records'
import { byId, errorText, routeTo, type, renderPagesAsH5 } from '../../../../test/doubles/screen'

function backend(start: Handler) {
  routeTo(Taro.useRouter, '/packages/account/handover-start/index', { accountId: 'acc-1', wechatId: 'zhangsan_sales' })
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: head }),
    'handover.start': start,
  })
}

renderPagesAsH5()

describe('start a handover', () => {
  it('asks whether the holder is leaving and why, then opens the new handover', async () => {
    const calls = backend(() => ok(handoverDetail({ id: 'ho-7', status: 'designating' })))
    render(<HandoverStartPage />)
    await waitFor(() => byId('handover-form'))
    expect(byId('handover-account').textContent).toContain('zhangsan_sales')

    fireEvent.click(byId('handover-submit'))
    expect(errorText('handover-reason')).toBe('请填写交接原因')
    expect(calls.callsTo('handover.start')).toHaveLength(0)

    // Not leaving unless said so; a tap anywhere on the row says so.
    expect(byId('handover-leaving').querySelector('.nut-switch')?.className).toContain('nut-switch-close')
    fireEvent.click(byId('handover-leaving'))
    expect(byId('handover-leaving').querySelector('.nut-switch')?.className).not.toContain('nut-switch-close')
    type('handover-reason', ' 员工离职 ')
    expect(errorText('handover-reason')).toBeNull()
    fireEvent.click(byId('handover-submit'))

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/account/handover/index?id=ho-7' }))
    expect(calls.callsTo('handover.start')[0]?.payload).toEqual({ accountId: 'acc-1', leaving: true, reason: '员工离职' })
  })

  it('explains a handover already open', async () => {
    const calls = backend(() => fail('HANDOVER_OPEN', errorMessages.HANDOVER_OPEN))
    render(<HandoverStartPage />)
    await waitFor(() => byId('handover-form'))
    type('handover-reason', '岗位调整')
    fireEvent.click(byId('handover-submit'))
    await waitFor(() => expect(byId('handover-error').textContent).toBe(errorMessages.HANDOVER_OPEN))
    expect(calls.callsTo('handover.start')[0]?.payload).toMatchObject({ leaving: false })
  })

  it('looks the WeChat ID up when the link does not carry it', async () => {
    routeTo(Taro.useRouter, '/packages/account/handover-start/index', { accountId: 'acc-1' })
    const calls = installBackend({
      'session.whoami': () => ok({ status: 'bound', person: head }),
      'account.get': () =>
        ok({ id: 'acc-1', wechatId: 'lisi_service', holderId: 'p1', holderName: '李四', departmentId: 'd1', departmentName: '客户服务部', status: 'active', boundPhoneMasked: '139****0000', activatedOn: '2026-11-01', delegation: null }),
    })
    render(<HandoverStartPage />)
    await waitFor(() => expect(byId('handover-account').textContent).toContain('lisi_service'))
    expect(calls.callsTo('account.get')[0]?.payload).toEqual({ id: 'acc-1' })
  })
})
