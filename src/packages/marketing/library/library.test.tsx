import { act, fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MarketingLibraryPage from './index'
import MarketingMinePage from '../mine/index'
import MarketingReviewPage from '../review/index'
import { installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { marketingSummary, pageOf } from '../../../../test/doubles/marketing'
import { byId, renderPagesAsH5, routeTo, shown } from '../../../../test/doubles/screen'

function backend(list: Handler, person = employee) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person, policyToAcknowledge: null }),
    'marketing.list': list,
  })
}

const approved = marketingSummary({ id: 'mkt-2', title: '年终促销海报', status: 'approved', flagCount: 0, pushCount: 4, authorName: '李四' })

renderPagesAsH5()

describe('marketing library', () => {
  it('lists approved material for everyone, each with a way to record a push', async () => {
    const calls = backend(() => ok(pageOf([approved])))
    render(<MarketingLibraryPage />)
    await waitFor(() => byId('marketing-library-list'))
    expect(calls.callsTo('marketing.list')[0]?.payload).toEqual({ scope: 'library', page: 1, pageSize: 20 })
    expect(byId('marketing-library-total').textContent).toBe('共 1 份可用素材')
    expect(byId('marketing-item-mkt-2').textContent).toContain('年终促销海报')
    expect(byId('marketing-item-mkt-2').textContent).toContain('李四 · 销售部')
    expect(byId('marketing-item-mkt-2').textContent).toContain('已推送 4 次')
    fireEvent.click(byId('marketing-record-push-mkt-2'))
    expect(Taro.navigateTo).toHaveBeenCalledTimes(1)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/marketing/push/index?id=mkt-2' })
    fireEvent.click(byId('marketing-item-mkt-2'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/marketing/detail/index?id=mkt-2' })
  })

  it('searches by title once the typing pauses', async () => {
    jest.useFakeTimers()
    try {
      const calls = backend(({ keyword }) => ok(pageOf(keyword ? [] : [approved])))
      render(<MarketingLibraryPage />)
      await waitFor(() => byId('marketing-library-list'))
      const input = byId('marketing-library-search').querySelector('input') as HTMLInputElement
      fireEvent.change(input, { target: { value: ' 门锁 ' } })
      await act(async () => {
        jest.advanceTimersByTime(450)
      })
      await waitFor(() => byId('marketing-library-empty'))
      expect(byId('marketing-library-empty').textContent).toContain('没有匹配的素材')
      expect(calls.callsTo('marketing.list').map((c) => c.payload)).toEqual([
        { scope: 'library', page: 1, pageSize: 20 },
        { scope: 'library', page: 1, pageSize: 20, keyword: '门锁' },
      ])
    } finally {
      jest.useRealTimers()
    }
  })

  it('invites a first submission when the library is empty', async () => {
    backend(() => ok(pageOf([])))
    render(<MarketingLibraryPage />)
    await waitFor(() => byId('marketing-library-empty'))
    fireEvent.click(byId('marketing-library-submit'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/marketing/submit/index' })
  })
})

describe('my material', () => {
  it('lists the author’s own material by status and starts a new submission', async () => {
    const calls = backend(({ status }) => ok(pageOf(status === 'rejected' ? [] : [marketingSummary()])))
    render(<MarketingMinePage />)
    await waitFor(() => byId('marketing-mine-list'))
    expect(byId('marketing-item-mkt-1').textContent).toContain('用语提示 3 处')
    expect(byId('marketing-item-mkt-1').textContent).not.toContain('张三 · 销售部')
    fireEvent.click(byId('marketing-mine-filter-rejected'))
    await waitFor(() => expect(byId('marketing-mine-empty').textContent).toContain('没有已驳回的素材'))
    expect(calls.callsTo('marketing.list').map((c) => c.payload)).toEqual([
      { scope: 'mine', page: 1, pageSize: 20 },
      { scope: 'mine', page: 1, pageSize: 20, status: 'rejected' },
    ])
    fireEvent.click(byId('marketing-new'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/marketing/submit/index' })
  })
})

describe('material to review', () => {
  beforeEach(() => routeTo(Taro.useRouter, '/packages/marketing/review/index', {}))

  it('lists what waits for a head, oldest first, with author and findings', async () => {
    const calls = backend(() => ok(pageOf([marketingSummary()])), head)
    render(<MarketingReviewPage />)
    await waitFor(() => byId('marketing-review-list'))
    expect(calls.callsTo('marketing.list')[0]?.payload).toEqual({ scope: 'review', page: 1, pageSize: 20 })
    expect(byId('marketing-review-total').textContent).toBe('共 1 份待审核，最早提交的在前')
    expect(byId('marketing-item-mkt-1').textContent).toContain('张三 · 销售部')
  })

  it('tells an admin where submissions come from when nothing waits', async () => {
    backend(() => ok(pageOf([])), admin)
    render(<MarketingReviewPage />)
    await waitFor(() => expect(byId('marketing-review-empty').textContent).toContain('各部门提交的素材会显示在这里'))
  })

  it('opens an admin on one department’s items, the department shown and cleared by a tap', async () => {
    routeTo(Taro.useRouter, '/packages/marketing/review/index', { departmentId: 'd-sales' })
    const calls = installBackend({
      'session.whoami': () => ok({ status: 'bound', person: admin, policyToAcknowledge: null }),
      'marketing.list': () => ok(pageOf([marketingSummary()])),
      'roster.listDepartments': () => ok({ items: [{ id: 'd-sales', name: '销售部', headId: null, headName: null, staffCount: 3 }] }),
    })
    render(<MarketingReviewPage />)
    await waitFor(() => byId('marketing-review-list'))
    expect(calls.callsTo('marketing.list')[0]?.payload).toEqual({ scope: 'review', page: 1, pageSize: 20, departmentId: 'd-sales' })
    await waitFor(() => expect(byId('marketing-review-active-department').textContent).toBe('部门：销售部 ×'))
    fireEvent.click(byId('marketing-review-active-department'))
    await waitFor(() => expect(calls.callsTo('marketing.list').at(-1)?.payload).toEqual({ scope: 'review', page: 1, pageSize: 20 }))
    expect(shown('marketing-review-active')).toBe(false)
  })

  it('keeps a head on their own department whatever the link says', async () => {
    routeTo(Taro.useRouter, '/packages/marketing/review/index', { departmentId: 'd-other' })
    const calls = backend(() => ok(pageOf([marketingSummary()])), head)
    render(<MarketingReviewPage />)
    await waitFor(() => byId('marketing-review-list'))
    expect(calls.callsTo('marketing.list')[0]?.payload).toEqual({ scope: 'review', page: 1, pageSize: 20 })
  })

  it('is not offered to employees', async () => {
    const calls = backend(() => ok(pageOf([])))
    render(<MarketingReviewPage />)
    await waitFor(() => byId('forbidden-screen'))
    expect(calls.callsTo('marketing.list')).toHaveLength(0)
    expect(shown('marketing-review-list')).toBe(false)
  })
})
