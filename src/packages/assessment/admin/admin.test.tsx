import { act, fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { AppealRow } from '@contract'
import AssessmentAdminPage, { APPEALS_PAGE_SIZE } from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, head } from '../../../../test/doubles/people'
import { distribution, freezeClock, overview, run } from '../../../../test/doubles/assessment'
import { byId, renderPagesAsH5, routeTo, shown } from '../../../../test/doubles/screen'

function backend(handlers: Record<string, Handler> = {}, viewer = admin) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'assessment.getRun': () => ok(overview()),
    'assessment.distribution': () => ok(distribution()),
    'assessment.listAppeals': () => ok(appealsPage([])),
    ...handlers,
  })
}

async function opened() {
  render(<AssessmentAdminPage />)
  await waitFor(() => byId('assessment-run-panel'))
}

function disabled(id: string): boolean {
  const el = byId(id)
  return el.hasAttribute('disabled') || el.className.includes('disabled')
}

function appeal(personId: string, personName: string, month: string, overrides: Partial<AppealRow> = {}): AppealRow {
  return {
    id: `result-${month}-${personId}`,
    month,
    personId,
    personName,
    departmentId: 'd-sales',
    departmentName: '销售部',
    total: 74.5,
    grade: '合格',
    reason: '抽查当天客户改用电话沟通，微信里看不到回复',
    appealedAt: '2026-11-03T02:30:00.000Z',
    ...overrides,
  }
}

function appealsPage(items: AppealRow[], total = items.length, page = 1) {
  return { items, total, page, pageSize: APPEALS_PAGE_SIZE }
}

renderPagesAsH5()

describe('monthly assessment administration', () => {
  beforeEach(() => routeTo(Taro.useRouter, '/packages/assessment/admin/index', {}))

  describe('with the clock on Friday 2026-11-27', () => {
    freezeClock()

    it('opens on the month and the department’s appeals it was opened with', async () => {
      routeTo(Taro.useRouter, '/packages/assessment/admin/index', { tab: 'appeals', month: '2026-09', departmentId: 'd-sales' })
      const calls = backend({
        'assessment.listAppeals': ({ departmentId }) => ok(appealsPage(departmentId ? [appeal('p-zhang', '张三', '2026-09')] : [appeal('p-zhang', '张三', '2026-09'), appeal('p-li', '李四', '2026-10')])),
        'roster.listDepartments': () => ok({ items: [{ id: 'd-sales', name: '销售部', headId: null, headName: null, staffCount: 3 }] }),
      })
      await opened()
      expect(calls.callsTo('assessment.getRun')[0].payload).toEqual({ month: '2026-09' })
      expect(byId('assessment-admin-month-2026-09').className).toContain('account-chips__chip--active')
      await waitFor(() => expect(byId('assessment-appeals-title').textContent).toBe('待处理申诉 (1)'))
      expect(calls.callsTo('assessment.listAppeals')[0].payload).toEqual({ page: 1, pageSize: APPEALS_PAGE_SIZE, departmentId: 'd-sales' })
      await waitFor(() => expect(byId('assessment-appeals-active-department').textContent).toBe('部门：销售部 ×'))
      fireEvent.click(byId('assessment-appeals-active-department'))
      await waitFor(() => expect(byId('assessment-appeals-title').textContent).toBe('待处理申诉 (2)'))
      expect(calls.callsTo('assessment.listAppeals').at(-1)?.payload).toEqual({ page: 1, pageSize: APPEALS_PAGE_SIZE })
      expect(shown('assessment-appeals-active')).toBe(false)
    })

    it('opens the last closed month with its finished run and the distribution by department', async () => {
      const calls = backend()
      await opened()
      expect(calls.callsTo('assessment.getRun')[0].payload).toEqual({ month: '2026-10' })
      expect(byId('assessment-admin-month-2026-10').className).toContain('account-chips__chip--active')
      expect(shown('assessment-admin-month-2026-11')).toBe(true)
      expect(shown('watermark')).toBe(true)
      expect(byId('assessment-run-status').textContent).toBe('已完成')
      expect(byId('assessment-run-progress').textContent).toBe('已处理 12/12 人')
      expect(disabled('assessment-publish')).toBe(false)
      // Nothing to export before publication.
      expect(shown('assessment-export')).toBe(false)

      await waitFor(() => byId('assessment-distribution-d-sales'))
      expect(calls.callsTo('assessment.distribution')[0].payload).toEqual({ month: '2026-10' })
      expect(byId('assessment-distribution-d-sales-summary').textContent).toBe('10人，平均80.2分')
      expect(byId('assessment-distribution-d-sales-counts').textContent).toBe('优秀2良好3合格4不合格1')
      expect(byId('assessment-distribution-d-service-counts').textContent).toBe('优秀0良好2合格0不合格0')
      expect(byId('assessment-distribution-total-summary').textContent).toBe('12人，平均80.8分')
      const parts = byId('assessment-distribution-d-sales').querySelectorAll('.assessment-hbar__part')
      expect(Array.from(parts).map((p) => (p as HTMLElement).style.width)).toEqual(['20%', '30%', '40%', '10%'])
    })

    it('publishes after confirmation, then freezes the month', async () => {
      const calls = backend({
        'assessment.publishMonth': () => ok(run({ publishedAt: '2026-11-27T02:05:00.000Z', publishedByName: '王五' })),
      })
      await opened()
      ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
      fireEvent.click(byId('assessment-publish'))
      await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
      expect(calls.callsTo('assessment.publishMonth')).toHaveLength(0)

      fireEvent.click(byId('assessment-publish'))
      await waitFor(() => byId('assessment-published'))
      expect(calls.callsTo('assessment.publishMonth')[0].payload).toEqual({ month: '2026-10' })
      expect(byId('assessment-published').textContent).toBe('王五 2026-11-27 10:05 发布，该月结果已冻结')
      expect(shown('assessment-publish')).toBe(false)
      expect(shown('assessment-run')).toBe(false)
      await waitFor(() => expect(calls.callsTo('assessment.distribution')).toHaveLength(2))
    })

    describe('exporting a published month', () => {
      const taro = Taro as unknown as Record<string, jest.Mock>
      const file = {
        fileID: 'cloud://env/exports/assessment/2026-10/all-1.xlsx',
        url: 'https://files.example/exports/assessment/2026-10/all-1.xlsx?sign=abc',
        fileName: '考核结果-2026-10-全公司.xlsx',
        rows: 12,
        expiresAt: '2026-11-27T03:00:00.000Z',
      }
      const publishedMonth = () => ok(overview({ published: true, publishedAt: '2026-11-02T02:00:00.000Z', run: run({ publishedAt: '2026-11-02T02:00:00.000Z', publishedByName: '王五' }) }))
      let open: jest.SpyInstance

      beforeEach(() => {
        taro.downloadFile = jest.fn(async () => ({ tempFilePath: 'wxfile://tmp/results.xlsx', statusCode: 200 }))
        taro.openDocument = jest.fn(async () => ({ errMsg: 'openDocument:ok' }))
        taro.setClipboardData = jest.fn(async () => ({ errMsg: 'setClipboardData:ok' }))
        open = jest.spyOn(window, 'open').mockImplementation(() => null)
      })
      afterEach(() => {
        open.mockRestore()
        ;(console.error as Partial<jest.Mock>).mockRestore?.()
      })

      it('in the browser opens the link and shows it to copy', async () => {
        const calls = backend({ 'assessment.getRun': publishedMonth, 'assessment.exportResults': () => ok(file) })
        await opened()
        expect(shown('assessment-export-link')).toBe(false)
        fireEvent.click(byId('assessment-export'))
        await waitFor(() => byId('assessment-export-link'))
        expect(calls.callsTo('assessment.exportResults')[0].payload).toEqual({ month: '2026-10' })
        expect(byId('assessment-export-link').textContent).toBe(file.url)
        expect(open).toHaveBeenCalledWith(file.url)
        expect(taro.downloadFile).not.toHaveBeenCalled()
        fireEvent.click(byId('assessment-export-copy'))
        expect(taro.setClipboardData).toHaveBeenCalledWith({ data: file.url })
      })

      it('in WeChat downloads the workbook and opens it in the document viewer', async () => {
        process.env.TARO_ENV = 'weapp'
        // NutUI's weapp icons style a raw <i> with a mini-program-only key that jsdom's React warns about.
        const original = console.error
        jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
          if (!args.map(String).join(' ').includes('-webkitMask')) original(...args)
        })
        const calls = backend({ 'assessment.getRun': publishedMonth, 'assessment.exportResults': () => ok(file) })
        await opened()
        fireEvent.click(byId('assessment-export'))
        await waitFor(() => expect(taro.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/results.xlsx', fileType: 'xlsx', showMenu: true }))
        expect(calls.callsTo('assessment.exportResults')).toHaveLength(1)
        expect(taro.downloadFile).toHaveBeenCalledWith({ url: file.url })
        expect(open).not.toHaveBeenCalled()
        expect(shown('assessment-export-link')).toBe(false)
      })

      it('shows the refusal', async () => {
        backend({ 'assessment.getRun': publishedMonth, 'assessment.exportResults': () => fail('ASSESSMENT_NOT_READY', '该月考核结果尚未发布，暂不能导出') })
        await opened()
        fireEvent.click(byId('assessment-export'))
        await waitFor(() => expect(byId('assessment-export-error').textContent).toBe('该月考核结果尚未发布，暂不能导出'))
        expect(open).not.toHaveBeenCalled()
      })
    })

    it('does not offer to publish a preview and shows the refusal of a run', async () => {
      const calls = backend({
        'assessment.getRun': ({ month }) => ok(overview({ month, run: run({ month, preview: true }) })),
        'assessment.runMonth': () => fail('MONTH_PUBLISHED', '该月考核结果已发布，不能重新计算'),
      })
      await opened()
      fireEvent.click(byId('assessment-admin-month-2026-11'))
      await waitFor(() => expect(calls.callsTo('assessment.getRun')).toHaveLength(2))
      expect(calls.callsTo('assessment.getRun')[1].payload).toEqual({ month: '2026-11' })
      await waitFor(() => expect(byId('assessment-run-status').textContent).toBe('已完成（预览，月末后需重新计算）'))
      expect(disabled('assessment-publish')).toBe(true)
      fireEvent.click(byId('assessment-run'))
      await waitFor(() => expect(byId('assessment-run-error').textContent).toBe('该月考核结果已发布，不能重新计算'))
    })

    it('says when a month was never computed', async () => {
      backend({
        'assessment.getRun': () => ok(overview({ run: null })),
        'assessment.distribution': () => ok(distribution({ departments: [], total: { counts: [], count: 0, average: null } })),
      })
      await opened()
      expect(byId('assessment-run-status').textContent).toBe('该月尚未计算')
      expect(byId('assessment-run').textContent).toBe('开始计算')
      expect(disabled('assessment-publish')).toBe(true)
      await waitFor(() => byId('assessment-distribution-empty'))
    })

    describe('pending appeals', () => {
      const queue = [appeal('p-zhang', '张三', '2026-09', { appealedAt: '2026-10-08T01:00:00.000Z', total: 58, grade: '不合格' }), appeal('p-li', '李四', '2026-10', { departmentName: '客服部' })]

      it('lists the appeals waiting for a decision with their count, and opens the result where it is decided', async () => {
        const calls = backend({ 'assessment.listAppeals': () => ok(appealsPage(queue)) })
        await opened()
        await waitFor(() => expect(byId('assessment-appeals-title').textContent).toBe('待处理申诉 (2)'))
        expect(calls.callsTo('assessment.listAppeals')[0].payload).toEqual({ page: 1, pageSize: APPEALS_PAGE_SIZE })
        const rows = byId('assessment-appeals').querySelectorAll('[id^="assessment-appeal-result-"]')
        expect(Array.from(rows).map((r) => r.id)).toEqual(['assessment-appeal-result-2026-09-p-zhang', 'assessment-appeal-result-2026-10-p-li'])
        const first = byId('assessment-appeal-result-2026-09-p-zhang').textContent ?? ''
        expect(first).toContain('张三（销售部）· 2026年9月')
        expect(first).toContain('58分')
        expect(first).toContain('不合格')
        expect(first).toContain('抽查当天客户改用电话沟通，微信里看不到回复')
        expect(first).toContain('2026-10-08 09:00 申诉')
        expect(byId('assessment-appeal-result-2026-10-p-li').textContent).toContain('李四（客服部）')

        fireEvent.click(byId('assessment-appeal-result-2026-10-p-li'))
        expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/assessment/mine/index?id=result-2026-10-p-li' })
      })

      it('says when nothing waits', async () => {
        backend()
        await opened()
        await waitFor(() => byId('assessment-appeals-empty'))
        expect(byId('assessment-appeals-title').textContent).toBe('待处理申诉 (0)')
        expect(byId('assessment-appeals-empty').textContent).toBe('暂无待处理的申诉')
      })

      it('loads the next page on request', async () => {
        const firstPage = Array.from({ length: APPEALS_PAGE_SIZE }, (_, i) => appeal(`p-${i}`, `员工${i}`, '2026-10'))
        const calls = backend({
          'assessment.listAppeals': ({ page }) => ok(page === 1 ? appealsPage(firstPage, APPEALS_PAGE_SIZE + 1) : appealsPage([appeal('p-last', '最后一位', '2026-10')], APPEALS_PAGE_SIZE + 1, 2)),
        })
        await opened()
        await waitFor(() => byId('assessment-appeals-more'))
        expect(byId('assessment-appeals-title').textContent).toBe(`待处理申诉 (${APPEALS_PAGE_SIZE + 1})`)
        fireEvent.click(byId('assessment-appeals-more'))
        await waitFor(() => byId('assessment-appeal-result-2026-10-p-last'))
        expect(calls.callsTo('assessment.listAppeals')[1].payload).toEqual({ page: 2, pageSize: APPEALS_PAGE_SIZE })
        expect(shown('assessment-appeals-more')).toBe(false)
      })

      it('shows a failure with a retry', async () => {
        let tries = 0
        backend({ 'assessment.listAppeals': () => (++tries === 1 ? fail('INTERNAL', '网络不太稳定，请重试') : ok(appealsPage(queue))) })
        await opened()
        const error = await waitFor(() => byId('assessment-appeals-error'))
        expect(error.textContent).toContain('网络不太稳定，请重试')
        fireEvent.click(within(error).getByText('重试'))
        await waitFor(() => expect(byId('assessment-appeals-title').textContent).toBe('待处理申诉 (2)'))
      })

      it('reads the queue again on coming back, so a decided appeal is gone', async () => {
        const showMock = Taro.useDidShow as jest.Mock
        const hideMock = Taro.useDidHide as jest.Mock
        const showOnMount = showMock.getMockImplementation()
        const hideDefault = hideMock.getMockImplementation()
        const shows: Array<() => void> = []
        const hides: Array<() => void> = []
        showMock.mockImplementation((callback: () => void) => {
          shows.push(callback)
        })
        hideMock.mockImplementation((callback: () => void) => {
          hides.push(callback)
        })
        let round = 0
        const calls = backend({ 'assessment.listAppeals': () => ok(++round === 1 ? appealsPage(queue) : appealsPage(queue.slice(0, 1))) })
        try {
          await opened()
          await waitFor(() => byId('assessment-appeal-result-2026-10-p-li'))
          fireEvent.click(byId('assessment-appeal-result-2026-10-p-li'))
          act(() => {
            for (const hide of hides.slice(-1)) hide()
            for (const show of shows.slice(-1)) show()
          })
          await waitFor(() => expect(byId('assessment-appeals-title').textContent).toBe('待处理申诉 (1)'))
          expect(shown('assessment-appeal-result-2026-10-p-li')).toBe(false)
          expect(calls.callsTo('assessment.listAppeals')).toHaveLength(2)
        } finally {
          showMock.mockImplementation(showOnMount)
          hideMock.mockImplementation(hideDefault)
        }
      })
    })

    it('keeps heads out', async () => {
      backend({}, head)
      render(<AssessmentAdminPage />)
      await waitFor(() => byId('forbidden-screen'))
    })
  })

  it('runs the month and polls its progress every two seconds until it is done', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-27T02:00:00.000Z') })
    try {
      const progress = [run({ status: 'running', processed: 5, finishedAt: null }), run({ status: 'done', processed: 12 })]
      const calls = backend({
        'assessment.getRun': ({ runId }) => ok(runId ? overview({ run: progress.shift() }) : overview({ run: null })),
        'assessment.runMonth': () => ok(run({ status: 'running', processed: 0, finishedAt: null })),
      })
      await opened()
      fireEvent.click(byId('assessment-run'))
      await waitFor(() => expect(byId('assessment-run-progress').textContent).toBe('已处理 0/12 人'))
      expect(calls.callsTo('assessment.runMonth')[0].payload).toEqual({ month: '2026-10' })
      expect(byId('assessment-run-status').textContent).toBe('计算中')
      expect(disabled('assessment-run')).toBe(true)
      expect(disabled('assessment-publish')).toBe(true)
      expect(calls.callsTo('assessment.getRun')).toHaveLength(1)

      await act(async () => {
        jest.advanceTimersByTime(1999)
      })
      expect(calls.callsTo('assessment.getRun')).toHaveLength(1)
      await act(async () => {
        jest.advanceTimersByTime(1)
      })
      await waitFor(() => expect(byId('assessment-run-progress').textContent).toBe('已处理 5/12 人'))
      expect(calls.callsTo('assessment.getRun')[1].payload).toEqual({ runId: 'run-1' })

      await act(async () => {
        jest.advanceTimersByTime(2000)
      })
      await waitFor(() => expect(byId('assessment-run-status').textContent).toBe('已完成'))
      expect(byId('assessment-run-progress').textContent).toBe('已处理 12/12 人')
      expect(disabled('assessment-publish')).toBe(false)
      // Finished: no more questions, and the distribution is read again.
      await act(async () => {
        jest.advanceTimersByTime(10000)
      })
      expect(calls.callsTo('assessment.getRun')).toHaveLength(3)
      await waitFor(() => expect(calls.callsTo('assessment.distribution')).toHaveLength(2))
    } finally {
      jest.useRealTimers()
    }
  })
})
