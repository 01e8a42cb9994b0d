import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { MarketingDetail, PersonSummary } from '@contract'
import MarketingDetailPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { employee, head } from '../../../../test/doubles/people'
import { approvedDetail, marketingDetail, pageOf, push } from '../../../../test/doubles/marketing'
import { byId, errorText, renderPagesAsH5, routeTo, shown, type } from '../../../../test/doubles/screen'

const buttons = ['marketing-approve', 'marketing-reject', 'marketing-withdraw', 'marketing-record-push', 'marketing-resubmit']
const shownButtons = () => buttons.filter(shown)

function open(viewer: PersonSummary, detail: MarketingDetail, handlers: Record<string, Handler> = {}) {
  routeTo(Taro.useRouter, '/packages/marketing/detail/index', { id: detail.id })
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'marketing.get': () => ok(detail),
    'marketing.listPushes': () => ok(pageOf([push()])),
    'POST /api/storage/temp-urls': ({ fileList }) => ok({ fileList: fileList.map((fileID: string) => ({ fileID, tempFileURL: `https://tmp.example/${fileID.split('/').pop()}` })) }),
    ...handlers,
  })
}

const reviewable = marketingDetail({ available: ['approve', 'reject'] })

renderPagesAsH5()

describe('marketing item detail', () => {
  it('shows the material with what the check found and its history; the author may withdraw it', async () => {
    open(employee, marketingDetail({ available: ['withdraw'], images: ['cloud://env.b/m/1.png'] }))
    render(<MarketingDetailPage />)
    await waitFor(() => byId('marketing-detail'))
    expect(byId('marketing-detail-title').textContent).toBe('智能门锁新品推广')
    expect(byId('marketing-status').textContent).toBe('待审核')
    expect(byId('marketing-body').textContent).toBe('本店门锁采用国家级标准，现价999元，保证三年不坏。')
    expect(byId('marketing-flags-summary').textContent).toBe('提交时发现 3 处：绝对化用语 1 处 · 价格信息 1 处 · 承诺性用语 1 处')
    expect(byId('marketing-flag-1').textContent).toContain('涉及价格或优惠')
    expect(byId('marketing-timeline').textContent).toContain('提交审核')
    expect(byId('timeline-next').textContent).toBe('等待销售部负责人审核')
    await waitFor(() => expect(byId('marketing-detail-image-0').querySelector('img')?.getAttribute('src')).toBe('https://tmp.example/1.png'))
    expect(shownButtons()).toEqual(['marketing-withdraw'])
    expect(shown('marketing-pushes')).toBe(false)
  })

  it('lets the author withdraw after confirming', async () => {
    const calls = open(employee, marketingDetail({ available: ['withdraw'] }), {
      'marketing.withdraw': () => ok(marketingDetail({ status: 'withdrawn', available: [] })),
    })
    render(<MarketingDetailPage />)
    await waitFor(() => byId('marketing-withdraw'))
    fireEvent.click(byId('marketing-withdraw'))
    await waitFor(() => expect(byId('marketing-status').textContent).toBe('已撤回'))
    expect(calls.callsTo('marketing.withdraw')).toEqual([{ key: 'marketing.withdraw', payload: { id: 'mkt-1' } }])
    expect(shownButtons()).toEqual(['marketing-resubmit'])
    fireEvent.click(byId('marketing-resubmit'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/marketing/submit/index?from=mkt-1' })
  })

  it('has the reviewer confirm the flagged wording was checked before approving', async () => {
    const calls = open(head, reviewable, {
      'marketing.review': () => ok(approvedDetail({ pushCount: 0 })),
      'marketing.listPushes': () => ok(pageOf([])),
    })
    render(<MarketingDetailPage />)
    await waitFor(() => byId('marketing-approve'))
    expect(shownButtons()).toEqual(['marketing-approve', 'marketing-reject'])
    fireEvent.click(byId('marketing-approve'))
    await waitFor(() => expect(byId('marketing-status').textContent).toBe('已通过'))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '该素材有 3 处用语提示，确认已核实无误并通过审核？' }))
    expect(calls.callsTo('marketing.review').map((c) => c.payload)).toEqual([{ id: 'mkt-1', decision: 'approve' }])
    expect(shownButtons()).toEqual(['marketing-record-push'])
    await waitFor(() => expect(byId('marketing-pushes-empty').textContent).toBe('还没有推送记录'))
  })

  it('does not approve when the reviewer backs out', async () => {
    const calls = open(head, reviewable)
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    render(<MarketingDetailPage />)
    await waitFor(() => byId('marketing-approve'))
    fireEvent.click(byId('marketing-approve'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    expect(calls.callsTo('marketing.review')).toHaveLength(0)
  })

  it('needs a reason to reject and sends it', async () => {
    const calls = open(head, reviewable, {
      'marketing.review': (payload) => ok(marketingDetail({ status: 'rejected', reviewComment: payload.comment, available: [] })),
    })
    render(<MarketingDetailPage />)
    await waitFor(() => byId('marketing-reject'))
    fireEvent.click(byId('marketing-reject'))
    fireEvent.click(byId('marketing-reject-confirm'))
    expect(errorText('marketing-reject-comment')).toBe('驳回时请写明原因（至少2个字）')
    expect(calls.callsTo('marketing.review')).toHaveLength(0)
    type('marketing-reject-comment', '删除“国家级”，价格以报价单为准')
    expect(errorText('marketing-reject-comment')).toBeNull()
    fireEvent.click(byId('marketing-reject-confirm'))
    await waitFor(() => expect(byId('marketing-status').textContent).toBe('已驳回'))
    expect(calls.callsTo('marketing.review').map((c) => c.payload)).toEqual([{ id: 'mkt-1', decision: 'reject', comment: '删除“国家级”，价格以报价单为准' }])
    expect(shown('marketing-reject-form')).toBe(false)
    expect(shownButtons()).toEqual([])
  })

  it('reloads and says so when someone else decided first', async () => {
    let decided = false
    open(head, reviewable, {
      'marketing.get': () => ok(decided ? approvedDetail({ reviewerName: '王五' }) : reviewable),
      'marketing.review': () => {
        decided = true
        return fail('CONFLICT')
      },
    })
    render(<MarketingDetailPage />)
    await waitFor(() => byId('marketing-approve'))
    fireEvent.click(byId('marketing-approve'))
    await waitFor(() => expect(byId('marketing-status').textContent).toBe('已通过'))
    expect(byId('marketing-error').textContent).toBe('该素材已被他人处理，已为你刷新为最新状态')
  })

  it('lists the pushes of approved material under a watermark and opens the push form', async () => {
    open(employee, approvedDetail())
    render(<MarketingDetailPage />)
    await waitFor(() => byId('push-push-1'))
    expect(byId('push-push-1').textContent).toContain('王先生、李女士、群：门锁老客户群')
    expect(byId('push-push-1').textContent).toContain('38 人')
    expect(shown('watermark')).toBe(true)
    fireEvent.click(byId('marketing-record-push'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/marketing/push/index?id=mkt-1' })
  })

  it('says when the item cannot be opened', async () => {
    open(employee, reviewable, { 'marketing.get': () => fail('FORBIDDEN') })
    render(<MarketingDetailPage />)
    await waitFor(() => expect(byId('marketing-error').textContent).toContain('你没有权限进行此操作'))
  })
})
