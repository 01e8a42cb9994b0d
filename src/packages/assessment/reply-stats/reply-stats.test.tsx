import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro, { useRouter } from '@tarojs/taro'
import { errorMessages } from '@contract'
import ReplyStatsImportPage, { minutesText, rateText } from './index'
import AssessmentAdminPage from '../admin/index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, head } from '../../../../test/doubles/people'
import { distribution, freezeClock, overview } from '../../../../test/doubles/assessment'
import { byId, renderPagesAsH5, routeTo, shown } from '../../../../test/doubles/screen'

const PATH = '/packages/assessment/reply-stats/index'
const CSV = '姓名,手机号,平均首次回复时长,回复率\n张三,13800000001,12.5,85%\n李四,13800000002,3分30秒,92.5%\n'
const rowErrors = [
  { line: 3, field: '手机号', message: '该手机号不在花名册中' },
  { line: 3, field: '回复率', message: '回复率须为0-100%之间' },
]
const importedRows = [
  { personId: 'p-zhang', personName: '张三', departmentName: '销售部', averageFirstReplyMinutes: 12.5, replyRate: 0.85, importedAt: '2026-11-27T02:00:00.000Z' },
  { personId: 'p-li', personName: '李四', departmentName: '销售部', averageFirstReplyMinutes: 3.5, replyRate: 0.925, importedAt: '2026-11-27T02:00:00.000Z' },
]

type Row = (typeof importedRows)[number]

/** replyStats.* as the server keeps them: a check writes nothing, a clean import stores the month's rows. */
function statsBackend(options: { errors?: typeof rowErrors; viewer?: typeof admin; handlers?: Record<string, Handler> } = {}) {
  const stored = new Map<string, Row[]>()
  const errors = options.errors ?? []
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: options.viewer ?? admin, policyToAcknowledge: null }),
    'replyStats.import': (payload: { month: string; csv: string; commit: boolean }) => {
      const rows = payload.csv.trim().split('\n').length - 1
      const committed = payload.commit && errors.length === 0
      if (committed) stored.set(payload.month, importedRows)
      return ok({ month: payload.month, rows, errors, committed, written: committed ? importedRows.length : 0 })
    },
    'replyStats.list': (payload: { month: string; page: number; pageSize: number }) => {
      const all = stored.get(payload.month) ?? []
      const items = all.slice((payload.page - 1) * payload.pageSize, payload.page * payload.pageSize)
      return ok({ items, total: all.length, page: payload.page, pageSize: payload.pageSize })
    },
    ...options.handlers,
  })
}

async function opened(params: Record<string, string> = {}) {
  routeTo(useRouter, PATH, params)
  render(<ReplyStatsImportPage />)
  const textarea = await waitFor(() => byId('reply-stats-csv'))
  // The month's list settles first, so what a test does next is not raced by it.
  await waitFor(() => expect(['reply-stats-list', 'reply-stats-list-empty', 'reply-stats-list-error'].some(shown)).toBe(true))
  return textarea
}

async function pasted(text = CSV) {
  fireEvent.change(await opened(), { target: { value: text } })
}

renderPagesAsH5()

describe('importing WeCom reply statistics', () => {
  describe('with the clock on Friday 2026-11-27', () => {
    freezeClock()

    it('opens on last month with the expected columns, a sample to copy or download, and an empty list', async () => {
      const calls = statsBackend()
      await opened()
      expect(byId('reply-stats-month-2026-10').className).toContain('account-chips__chip--active')
      expect(byId('reply-stats-target').textContent).toBe('统计月份：2026年10月')
      const hint = byId('reply-stats-sample').textContent ?? ''
      expect(hint).toContain('手机号')
      expect(hint).toContain('平均首次回复时长')
      expect(hint).toContain('回复率')
      expect(hint).toContain('姓名,手机号,平均首次回复时长,回复率')

      fireEvent.click(byId('reply-stats-sample-copy'))
      expect((Taro.setClipboardData as jest.Mock).mock.calls[0][0]).toEqual({ data: expect.stringMatching(/^姓名,手机号,平均首次回复时长,回复率\n/) })
      const download = byId('reply-stats-sample-download') as HTMLAnchorElement
      expect(download.getAttribute('download')).toBe('企业微信统计示例.csv')
      expect(decodeURIComponent(download.getAttribute('href') ?? '')).toContain('姓名,手机号,平均首次回复时长,回复率')

      await waitFor(() => byId('reply-stats-list-empty'))
      expect(calls.callsTo('replyStats.list')[0].payload).toEqual({ month: '2026-10', page: 1, pageSize: 20 })
      expect(shown('watermark')).toBe(true)
    })

    it('opens on the month the link names', async () => {
      const calls = statsBackend()
      await opened({ month: '2026-08' })
      expect(byId('reply-stats-month-2026-08').className).toContain('account-chips__chip--active')
      await waitFor(() => byId('reply-stats-list-empty'))
      expect(calls.callsTo('replyStats.list')[0].payload).toMatchObject({ month: '2026-08' })
    })

    it('ignores a link month that has not begun', async () => {
      statsBackend()
      await opened({ month: '2027-01' })
      expect(byId('reply-stats-month-2026-10').className).toContain('account-chips__chip--active')
      expect(shown('reply-stats-month-2027-01')).toBe(false)
    })

    it('checks without importing and lists every row error', async () => {
      const calls = statsBackend({ errors: rowErrors })
      await pasted()
      await waitFor(() => byId('reply-stats-list-empty'))
      fireEvent.click(byId('reply-stats-validate'))

      const table = await waitFor(() => byId('reply-stats-errors'))
      expect(calls.callsTo('replyStats.import')).toHaveLength(1)
      expect(calls.callsTo('replyStats.import')[0].payload).toEqual({ month: '2026-10', csv: CSV, commit: false })
      expect(byId('reply-stats-summary').textContent).toContain('共 2 行，发现 2 处错误')
      const first = within(byId('reply-stats-error-0'))
      expect(first.getByText('3')).toBeTruthy()
      expect(first.getByText('手机号')).toBeTruthy()
      expect(first.getByText('该手机号不在花名册中')).toBeTruthy()
      expect(within(table).getByText('回复率须为0-100%之间')).toBeTruthy()
      expect(shown('reply-stats-result')).toBe(false)
      // Nothing was written, so the list is not read again.
      expect(calls.callsTo('replyStats.list')).toHaveLength(1)
      expect(shown('reply-stats-list-empty')).toBe(true)
    })

    it('says nothing was imported when an import still has row errors', async () => {
      statsBackend({ errors: rowErrors })
      await pasted()
      fireEvent.click(byId('reply-stats-commit'))
      await waitFor(() => byId('reply-stats-errors'))
      expect(byId('reply-stats-summary').textContent).toContain('未导入任何数据')
      expect(shown('reply-stats-result')).toBe(false)
    })

    it('reports a clean check as ready to import', async () => {
      statsBackend()
      await pasted()
      fireEvent.click(byId('reply-stats-validate'))
      const summary = await waitFor(() => byId('reply-stats-summary'))
      expect(summary.textContent).toContain('校验通过')
      expect(summary.textContent).toContain('将导入 2 人的统计')
      expect(shown('reply-stats-errors')).toBe(false)
    })

    it('imports a valid file into the chosen month, then lists the imported rows', async () => {
      const calls = statsBackend()
      await pasted()
      await waitFor(() => byId('reply-stats-list-empty'))
      fireEvent.click(byId('reply-stats-month-2026-09'))
      await waitFor(() => expect(calls.callsTo('replyStats.list').at(-1)?.payload).toMatchObject({ month: '2026-09' }))
      await waitFor(() => byId('reply-stats-list-empty'))
      fireEvent.click(byId('reply-stats-commit'))

      const result = await waitFor(() => byId('reply-stats-result'))
      expect(calls.callsTo('replyStats.import')[0].payload).toEqual({ month: '2026-09', csv: CSV, commit: true })
      expect(result.textContent).toContain('导入成功')
      expect(result.textContent).toContain('已导入2026年9月')
      expect(byId('reply-stats-written').textContent).toBe('2')

      await waitFor(() => byId('reply-stats-list'))
      expect(byId('reply-stats-total').textContent).toBe('共 2 人')
      expect(byId('reply-stats-row-p-zhang-name').textContent).toBe('张三')
      expect(byId('reply-stats-row-p-zhang-department').textContent).toBe('销售部')
      expect(byId('reply-stats-row-p-zhang-minutes').textContent).toBe('12.5 分钟')
      expect(byId('reply-stats-row-p-zhang-rate').textContent).toBe('85%')
      expect(byId('reply-stats-row-p-li-minutes').textContent).toBe('3.5 分钟')
      expect(byId('reply-stats-row-p-li-rate').textContent).toBe('92.5%')
    })

    it('drops the report when the month changes', async () => {
      statsBackend({ errors: rowErrors })
      await pasted()
      fireEvent.click(byId('reply-stats-validate'))
      await waitFor(() => byId('reply-stats-errors'))
      fireEvent.click(byId('reply-stats-month-2026-09'))
      expect(shown('reply-stats-errors')).toBe(false)
      expect((byId('reply-stats-csv') as HTMLTextAreaElement).value).toBe(CSV)
      await waitFor(() => byId('reply-stats-list-empty'))
    })

    it('asks for content before calling the backend', async () => {
      const calls = statsBackend()
      await opened()
      fireEvent.click(byId('reply-stats-validate'))
      expect(byId('reply-stats-error').textContent).toBe('请先粘贴统计表内容或选择文件')
      expect(calls.callsTo('replyStats.import')).toHaveLength(0)
    })

    it('shows other refusals inline', async () => {
      statsBackend({ handlers: { 'replyStats.import': () => fail('BAD_INPUT', errorMessages.BAD_INPUT) } })
      await pasted()
      fireEvent.click(byId('reply-stats-validate'))
      await waitFor(() => expect(byId('reply-stats-error').textContent).toBe(errorMessages.BAD_INPUT))
    })

    it('pages through a long list', async () => {
      const many = Array.from({ length: 25 }, (_, i) => ({ ...importedRows[0], personId: `p-${i}`, personName: `员工${i}` }))
      const calls = statsBackend({
        handlers: {
          'replyStats.list': (payload: { page: number; pageSize: number }) =>
            ok({ items: many.slice((payload.page - 1) * payload.pageSize, payload.page * payload.pageSize), total: many.length, page: payload.page, pageSize: payload.pageSize }),
        },
      })
      await opened()
      await waitFor(() => byId('reply-stats-row-p-19'))
      expect(shown('reply-stats-row-p-20')).toBe(false)
      fireEvent.click(byId('reply-stats-list-more'))
      await waitFor(() => byId('reply-stats-row-p-24'))
      expect(calls.callsTo('replyStats.list')[1].payload).toEqual({ month: '2026-10', page: 2, pageSize: 20 })
    })

    it('shows a list that failed to load with a retry', async () => {
      let failing = true
      statsBackend({
        handlers: { 'replyStats.list': (payload: { page: number; pageSize: number }) => (failing ? fail('INTERNAL', '服务暂时不可用') : ok({ items: [], total: 0, page: payload.page, pageSize: payload.pageSize })) },
      })
      await opened()
      const error = await waitFor(() => byId('reply-stats-list-error'))
      expect(error.textContent).toContain('服务暂时不可用')
      failing = false
      fireEvent.click(within(error).getByText('重试'))
      await waitFor(() => byId('reply-stats-list-empty'))
    })

    it('is reached from the assessment screen for the selected month', async () => {
      installBackend({
        'session.whoami': () => ok({ status: 'bound', person: admin, policyToAcknowledge: null }),
        'assessment.getRun': (payload: { month: string }) => ok(overview({ month: payload.month })),
        'assessment.distribution': () => ok(distribution()),
        'assessment.listAppeals': (payload: { page: number; pageSize: number }) => ok({ items: [], total: 0, page: payload.page, pageSize: payload.pageSize }),
      })
      render(<AssessmentAdminPage />)
      await waitFor(() => byId('assessment-run-panel'))
      fireEvent.click(byId('assessment-admin-month-2026-09'))
      fireEvent.click(await waitFor(() => byId('assessment-import-reply-stats')))
      expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${PATH}?month=2026-09` })
    })
  })

  it('is for admins only', async () => {
    const calls = statsBackend({ viewer: head })
    routeTo(useRouter, PATH, {})
    render(<ReplyStatsImportPage />)
    await waitFor(() => byId('forbidden-screen'))
    expect(shown('reply-stats-csv')).toBe(false)
    expect(calls.callsTo('replyStats.list')).toHaveLength(0)
  })

  it('formats minutes and rates, with a dash when the export left them out', () => {
    expect(minutesText(12.46)).toBe('12.5 分钟')
    expect(minutesText(null)).toBe('—')
    expect(rateText(0.8567)).toBe('85.7%')
    expect(rateText(1)).toBe('100%')
    expect(rateText(null)).toBe('—')
  })
})
