import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { GroupDetail, PersonSummary } from '@contract'
import GroupPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { employee, head } from '../../../../test/doubles/people'
import { groupDetail } from '../../../../test/doubles/marketing'
import { byId, errorText, renderPagesAsH5, routeTo, shown, type } from '../../../../test/doubles/screen'

const buttons = ['group-review', 'group-edit', 'group-dissolve']
const shownButtons = () => buttons.filter(shown)

function open(viewer: PersonSummary, detail: GroupDetail, handlers: Record<string, Handler> = {}) {
  routeTo(Taro.useRouter, '/packages/marketing/group/index', { id: detail.id })
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'group.get': () => ok(detail),
    ...handlers,
  })
}

const overdue = groupDetail({ flags: ['review_overdue'], reviewDueOn: '2026-02-01', available: ['update', 'review', 'dissolve'] })

renderPagesAsH5()

describe('business group detail', () => {
  it('shows the registration under a watermark, what needs attention and that it was never reviewed', async () => {
    open(employee, groupDetail({ purpose: null, flags: ['no_purpose'], available: ['update', 'dissolve'] }))
    render(<GroupPage />)
    await waitFor(() => byId('group-detail'))
    expect(byId('group-name-value').textContent).toBe('门锁老客户群')
    expect(byId('group-status').textContent).toBe('使用中')
    expect(byId('group-flags-no_purpose').textContent).toBe('未写明建群目的')
    expect(byId('group-purpose-value').textContent).toBe('未写明')
    expect(byId('group-related-value').textContent).toBe('华东区门锁老客户')
    expect(byId('group-members-value').textContent).toBe('约 36 人')
    expect(byId('group-due').textContent).toBe('2026-06-02')
    expect(byId('group-last-review').textContent).toBe('尚未复核')
    expect(byId('group-reviews-empty').textContent).toContain('请在 2026-06-02 前完成首次复核')
    expect(shown('watermark')).toBe(true)
    expect(shownButtons()).toEqual(['group-edit', 'group-dissolve'])
    fireEvent.click(byId('group-edit'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/marketing/group-edit/index?id=group-1' })
  })

  it('has the head answer both questions to review, and shows the review', async () => {
    const reviewed = groupDetail({
      lastReviewedAt: '2026-03-03T02:00:00.000Z',
      lastReviewedByName: '李四',
      reviewDueOn: '2026-06-03',
      flags: ['members_irrelevant'],
      reviews: [{ at: '2026-03-03T02:00:00.000Z', byName: '李四', stillNeeded: true, membersRelevant: false, note: '需移出两名离职客户' }],
      available: ['update', 'review', 'dissolve'],
    })
    const calls = open(head, overdue, { 'group.review': () => ok(reviewed) })
    render(<GroupPage />)
    await waitFor(() => byId('group-review'))
    expect(byId('group-flags-review_overdue').textContent).toBe('超过3个月未复核')
    fireEvent.click(byId('group-review'))
    fireEvent.click(byId('group-review-confirm'))
    expect(errorText('group-review-needed')).toBe('请回答群是否仍需保留')
    expect(errorText('group-review-relevant')).toBe('请回答成员是否仍与业务相关')
    expect(calls.callsTo('group.review')).toHaveLength(0)

    fireEvent.click(byId('group-review-needed-no'))
    expect(byId('group-review-dissolve-hint').textContent).toContain('不再需要的群请在微信中解散')
    fireEvent.click(byId('group-review-needed-yes'))
    expect(shown('group-review-dissolve-hint')).toBe(false)
    fireEvent.click(byId('group-review-relevant-no'))
    type('group-review-note', '需移出两名离职客户')
    fireEvent.click(byId('group-review-confirm'))
    await waitFor(() => byId('group-review-0'))
    expect(calls.callsTo('group.review').map((c) => c.payload)).toEqual([{ id: 'group-1', stillNeeded: true, membersRelevant: false, note: '需移出两名离职客户' }])
    expect(byId('group-review-0').textContent).toContain('成员需清理')
    expect(byId('group-flags-members_irrelevant').textContent).toBe('复核认为成员需清理')
    expect(byId('group-last-review').textContent).toBe('2026-03-03 10:00 · 李四')
    expect(shown('group-review-form')).toBe(false)
  })

  it('marks a group dissolved, after which nothing more can be done', async () => {
    const dissolved = groupDetail({ status: 'dissolved', dissolvedAt: '2026-03-04T02:00:00.000Z', dissolvedByName: '张三', dissolveNote: '项目已结束', available: [] })
    const calls = open(employee, groupDetail({ available: ['update', 'dissolve'] }), { 'group.dissolve': () => ok(dissolved) })
    render(<GroupPage />)
    await waitFor(() => byId('group-dissolve'))
    fireEvent.click(byId('group-dissolve'))
    type('group-dissolve-note', '项目已结束')
    fireEvent.click(byId('group-dissolve-confirm'))
    await waitFor(() => expect(byId('group-status').textContent).toBe('已解散'))
    expect(calls.callsTo('group.dissolve').map((c) => c.payload)).toEqual([{ id: 'group-1', note: '项目已结束' }])
    expect(byId('group-dissolved').textContent).toBe('2026-03-04 10:00 · 张三：项目已结束')
    expect(shown('group-due')).toBe(false)
    expect(shownButtons()).toEqual([])
  })

  it('reloads when the group changed under the reviewer', async () => {
    let changed = false
    open(head, overdue, {
      'group.get': () => ok(changed ? groupDetail({ status: 'dissolved', available: [] }) : overdue),
      'group.review': () => {
        changed = true
        return fail('CONFLICT')
      },
    })
    render(<GroupPage />)
    await waitFor(() => byId('group-review'))
    fireEvent.click(byId('group-review'))
    fireEvent.click(byId('group-review-needed-yes'))
    fireEvent.click(byId('group-review-relevant-yes'))
    fireEvent.click(byId('group-review-confirm'))
    await waitFor(() => expect(byId('group-status').textContent).toBe('已解散'))
    expect(byId('group-error').textContent).toBe('该群已被他人修改或解散，已为你刷新为最新状态')
  })
})
