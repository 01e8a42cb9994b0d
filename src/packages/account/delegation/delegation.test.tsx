import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages, type DelegationDetail, type DelegationEvent, type PersonSummary } from '@contract'
import DelegationPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { employee, head } from '../../../../test/doubles/people'
import { delegationDetail } from '../../../../test/doubles/records'
import { byId, errorText, routeTo, shown, type, renderPagesAsH5 } from '../../../../test/doubles/screen'

const buttons = ['delegation-approve', 'delegation-reject', 'delegation-withdraw', 'delegation-revoke']
const shownButtons = () => buttons.filter(shown)

function open(viewer: PersonSummary, detail: DelegationDetail, handlers: Record<string, Handler> = {}) {
  routeTo(Taro.useRouter, '/packages/account/delegation/index', { id: detail.id })
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer }),
    'delegation.get': () => ok(detail),
    ...handlers,
  })
}

function approved(detail: DelegationDetail, comment: string | null = null): DelegationDetail {
  return {
    ...detail,
    status: 'approved',
    inEffect: true,
    available: [],
    timeline: [...detail.timeline, { at: '2026-03-02T03:00:00.000Z', actorName: '李四', event: 'approve', comment }],
  }
}

renderPagesAsH5()

describe('delegation detail', () => {
  it('shows the period, holder, delegate, status and timeline', async () => {
    open(employee, delegationDetail())
    render(<DelegationPage />)
    await waitFor(() => byId('delegation-detail'))
    expect(byId('delegation-status').textContent).toBe('待负责人审批')
    expect(shown('delegation-in-effect')).toBe(false)
    expect(byId('delegation-period').textContent).toBe('2026-03-02 至 2026-03-05（共 4 天）')
    expect(byId('delegation-holder').textContent).toBe('张三')
    expect(byId('delegation-delegate-name').textContent).toBe('赵六')
    expect(within(byId('timeline-0')).getByText('提交申请')).toBeTruthy()
    expect(byId('delegation-timeline').textContent).toContain('等待部门负责人审批')
    expect(shownButtons()).toEqual([])
  })

  it('marks a delegation in effect', async () => {
    open(employee, approved(delegationDetail()))
    render(<DelegationPage />)
    await waitFor(() => byId('delegation-detail'))
    expect(byId('delegation-status').textContent).toBe('已批准')
    expect(byId('delegation-in-effect').textContent).toBe('生效中')
  })

  it.each<[DelegationEvent[], string[]]>([
    [['approve', 'reject'], ['delegation-approve', 'delegation-reject']],
    [['withdraw'], ['delegation-withdraw']],
    [['revoke'], ['delegation-revoke']],
    [['expire'], []],
  ])('offers only the buttons the server allows: %j', async (available, expected) => {
    open(head, delegationDetail({ available }))
    render(<DelegationPage />)
    await waitFor(() => byId('delegation-detail'))
    expect(shownButtons()).toEqual(expected)
  })

  it('approves with an optional comment', async () => {
    const detail = delegationDetail({ available: ['approve', 'reject'] })
    const calls = open(head, detail, { 'delegation.review': ({ comment }) => ok(approved(detail, comment ?? null)) })
    render(<DelegationPage />)
    await waitFor(() => byId('delegation-detail'))
    fireEvent.click(byId('delegation-approve'))
    fireEvent.click(byId('delegation-confirm'))
    await waitFor(() => expect(byId('delegation-status').textContent).toBe('已批准'))
    expect(calls.callsTo('delegation.review')[0]?.payload).toEqual({ id: 'dl-1', decision: 'approve' })
    expect(within(byId('timeline-1')).getByText('负责人批准')).toBeTruthy()
    expect(shownButtons()).toEqual([])
  })

  it('requires a reason to reject', async () => {
    const detail = delegationDetail({ available: ['approve', 'reject'] })
    const calls = open(head, detail, {
      'delegation.review': ({ comment }) =>
        ok({ ...detail, status: 'rejected', available: [], timeline: [...detail.timeline, { at: '2026-03-02T03:00:00.000Z', actorName: '李四', event: 'reject', comment }] }),
    })
    render(<DelegationPage />)
    await waitFor(() => byId('delegation-detail'))
    fireEvent.click(byId('delegation-reject'))
    fireEvent.click(byId('delegation-confirm'))
    expect(errorText('delegation-comment')).toBe('驳回时请填写原因')
    expect(calls.callsTo('delegation.review')).toHaveLength(0)
    type('delegation-comment', '请改由同组同事代操作')
    fireEvent.click(byId('delegation-confirm'))
    await waitFor(() => expect(byId('delegation-status').textContent).toBe('已驳回'))
    expect(calls.callsTo('delegation.review')[0]?.payload).toEqual({ id: 'dl-1', decision: 'reject', comment: '请改由同组同事代操作' })
  })

  it('withdraws after confirming, with no comment', async () => {
    const detail = delegationDetail({ available: ['withdraw'] })
    const calls = open(employee, detail, { 'delegation.withdraw': () => ok({ ...detail, status: 'withdrawn', available: [] }) })
    render(<DelegationPage />)
    await waitFor(() => byId('delegation-detail'))
    fireEvent.click(byId('delegation-withdraw'))
    expect(shown('delegation-comment')).toBe(false)
    fireEvent.click(byId('delegation-confirm'))
    await waitFor(() => expect(byId('delegation-status').textContent).toBe('已撤回'))
    expect(calls.callsTo('delegation.withdraw')[0]?.payload).toEqual({ id: 'dl-1' })
  })

  it('revokes early with an optional comment', async () => {
    const detail = approved(delegationDetail(), null)
    const withRevoke = { ...detail, available: ['revoke'] as DelegationEvent[] }
    const calls = open(employee, withRevoke, { 'delegation.revoke': () => ok({ ...detail, status: 'revoked', inEffect: false, available: [] }) })
    render(<DelegationPage />)
    await waitFor(() => byId('delegation-detail'))
    fireEvent.click(byId('delegation-revoke'))
    type('delegation-comment', '已提前回到岗位')
    fireEvent.click(byId('delegation-confirm'))
    await waitFor(() => expect(byId('delegation-status').textContent).toBe('已提前收回'))
    expect(calls.callsTo('delegation.revoke')[0]?.payload).toEqual({ id: 'dl-1', comment: '已提前回到岗位' })
    expect(shown('delegation-in-effect')).toBe(false)
  })

  it('shows other refusals and keeps the buttons', async () => {
    open(head, delegationDetail({ available: ['approve', 'reject'] }), {
      'delegation.review': () => fail('SELF_APPROVAL', errorMessages.SELF_APPROVAL),
    })
    render(<DelegationPage />)
    await waitFor(() => byId('delegation-detail'))
    fireEvent.click(byId('delegation-approve'))
    fireEvent.click(byId('delegation-confirm'))
    await waitFor(() => expect(byId('delegation-error').textContent).toBe(errorMessages.SELF_APPROVAL))
    expect(shownButtons()).toEqual(['delegation-approve', 'delegation-reject'])
  })
})
