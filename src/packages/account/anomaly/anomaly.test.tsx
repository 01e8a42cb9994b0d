import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages, type AnomalyDetail, type AnomalyEvent, type PersonSummary } from '@contract'
import AnomalyPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { employee, head } from '../../../../test/doubles/people'
import { anomalyDetail } from '../../../../test/doubles/records'
import { byId, errorText, routeTo, shown, type, renderPagesAsH5 } from '../../../../test/doubles/screen'

const buttons = ['anomaly-acknowledge', 'anomaly-measure', 'anomaly-resolve']
const shownButtons = () => buttons.filter(shown)

function open(viewer: PersonSummary, detail: AnomalyDetail, handlers: Record<string, Handler> = {}) {
  routeTo(Taro.useRouter, '/packages/account/anomaly/index', { id: detail.id })
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer }),
    'anomaly.get': () => ok(detail),
    'POST /api/storage/temp-urls': ({ fileList }) =>
      ok({ fileList: fileList.map((fileID: string) => ({ fileID, tempFileURL: `https://tmp.example/${fileID.split('/').pop()}` })) }),
    ...handlers,
  })
}

const acknowledged = (detail: AnomalyDetail): AnomalyDetail => ({
  ...detail,
  status: 'acknowledged',
  acknowledgedAt: '2026-03-02T02:42:00.000Z',
  acknowledgedBy: '李四',
  minutesToAcknowledge: 12,
  available: ['recordMeasure', 'resolve'],
})

renderPagesAsH5()

describe('anomaly detail', () => {
  it('shows the report: type, status, reporter, account, description and screenshots to preview', async () => {
    const detail = anomalyDetail({ screenshots: ['cloud://env.b/a/1.png', 'cloud://env.b/a/2.png'] })
    open(employee, detail)
    render(<AnomalyPage />)
    await waitFor(() => byId('anomaly-detail'))
    expect(byId('anomaly-detail').textContent).toContain('账号被盗用')
    expect(byId('anomaly-status').textContent).toBe('待处理')
    expect(byId('anomaly-reporter').textContent).toBe('张三')
    expect(byId('anomaly-department').textContent).toBe('销售部')
    expect(byId('anomaly-account').textContent).toContain('zhangsan_sales')
    expect(byId('anomaly-account-status').textContent).toBe('正常')
    expect(byId('anomaly-description').textContent).toBe(detail.description)
    expect(byId('anomaly-timing').textContent).toContain('尚未受理')
    expect(byId('anomaly-measures').textContent).toContain('还没有记录处置措施')

    const thumb = await waitFor(() => {
      const img = byId('anomaly-shot-1').querySelector('img')
      if (!img) throw new Error('not yet')
      return img
    })
    fireEvent.click(thumb)
    expect(Taro.previewImage).toHaveBeenCalledWith({ urls: ['https://tmp.example/1.png', 'https://tmp.example/2.png'], current: 'https://tmp.example/2.png' })
    expect(shownButtons()).toEqual([])
  })

  it('says how long acknowledging and resolving took, lists the measures, and marks a suspended account', async () => {
    open(
      head,
      anomalyDetail({
        status: 'resolved',
        accountStatus: 'suspended',
        minutesToAcknowledge: 12,
        minutesToResolve: 185,
        resolution: '账号已找回并修改密码',
        resolvedAt: '2026-03-02T05:35:00.000Z',
        measures: [
          { type: 'suspend_account', note: '先停用，防止继续诈骗', at: '2026-03-02T02:45:00.000Z', actorName: '李四' },
          { type: 'warn_customers', note: null, at: '2026-03-02T03:00:00.000Z', actorName: '李四' },
        ],
      }),
    )
    render(<AnomalyPage />)
    await waitFor(() => byId('anomaly-detail'))
    expect(byId('anomaly-timing').textContent).toContain('12 分钟后受理')
    expect(byId('anomaly-timing').textContent).toContain('3 小时 5 分钟后解决')
    expect(byId('anomaly-account-status').textContent).toBe('已停用')
    expect(byId('anomaly-account').textContent).toContain('该账号已停用')
    const first = within(byId('measure-0'))
    expect(first.getByText('停用账号')).toBeTruthy()
    expect(first.getByText('李四')).toBeTruthy()
    expect(first.getByText('2026-03-02 10:45')).toBeTruthy()
    expect(first.getByText('先停用，防止继续诈骗')).toBeTruthy()
    expect(within(byId('measure-1')).getByText('提醒客户防范')).toBeTruthy()
    expect(byId('anomaly-resolution').textContent).toContain('账号已找回并修改密码')
  })

  it('says a report acknowledged within the minute was acknowledged within a minute', async () => {
    open(head, anomalyDetail({ status: 'acknowledged', minutesToAcknowledge: 0 }))
    render(<AnomalyPage />)
    await waitFor(() => byId('anomaly-detail'))
    expect(byId('anomaly-timing').textContent).toContain('1 分钟内受理')
    expect(byId('anomaly-timing').textContent).toContain('尚未解决')
  })

  it.each<[AnomalyEvent[], string[]]>([
    [['acknowledge'], ['anomaly-acknowledge']],
    [['recordMeasure', 'resolve'], ['anomaly-measure', 'anomaly-resolve']],
    [[], []],
  ])('offers only the buttons the server allows: %j', async (available, expected) => {
    open(head, anomalyDetail({ available }))
    render(<AnomalyPage />)
    await waitFor(() => byId('anomaly-detail'))
    expect(shownButtons()).toEqual(expected)
  })

  it('acknowledges in one tap and shows the detail the server returns', async () => {
    const detail = anomalyDetail({ available: ['acknowledge'] })
    const calls = open(head, detail, { 'anomaly.acknowledge': () => ok(acknowledged(detail)) })
    render(<AnomalyPage />)
    await waitFor(() => byId('anomaly-detail'))
    fireEvent.click(byId('anomaly-acknowledge'))
    await waitFor(() => expect(byId('anomaly-status').textContent).toBe('处理中'))
    expect(calls.callsTo('anomaly.acknowledge')[0]?.payload).toEqual({ id: 'an-1' })
    expect(byId('anomaly-timing').textContent).toContain('12 分钟后受理')
    expect(shownButtons()).toEqual(['anomaly-measure', 'anomaly-resolve'])
  })

  it('records a measure with a type and an optional note', async () => {
    const detail = acknowledged(anomalyDetail())
    const calls = open(head, detail, {
      'anomaly.recordMeasure': ({ type: measure, note }) =>
        ok({ ...detail, measures: [{ type: measure, note: note ?? null, at: '2026-03-02T03:00:00.000Z', actorName: '李四' }] }),
    })
    render(<AnomalyPage />)
    await waitFor(() => byId('anomaly-detail'))
    fireEvent.click(byId('anomaly-measure'))
    fireEvent.click(byId('measure-confirm'))
    expect(errorText('measure-type')).toBe('请选择措施类型')
    expect(calls.callsTo('anomaly.recordMeasure')).toHaveLength(0)

    fireEvent.click(byId('measure-type-change_password'))
    type('measure-note', ' 已由本人修改登录密码 ')
    fireEvent.click(byId('measure-confirm'))
    await waitFor(() => expect(within(byId('measure-0')).getByText('修改密码')).toBeTruthy())
    expect(calls.callsTo('anomaly.recordMeasure')[0]?.payload).toEqual({ id: 'an-1', type: 'change_password', note: '已由本人修改登录密码' })
    expect(Taro.showModal).not.toHaveBeenCalled()
    expect(shown('measure-form')).toBe(false)
  })

  it('warns before suspending the account, and suspends on the confirm button', async () => {
    const detail = acknowledged(anomalyDetail())
    const calls = open(head, detail, {
      'anomaly.recordMeasure': () =>
        ok({ ...detail, accountStatus: 'suspended', measures: [{ type: 'suspend_account', note: null, at: '2026-03-02T03:00:00.000Z', actorName: '李四' }] }),
    })
    render(<AnomalyPage />)
    await waitFor(() => byId('anomaly-detail'))
    fireEvent.click(byId('anomaly-measure'))
    expect(shown('measure-suspend-warning')).toBe(false)
    expect(byId('measure-confirm').textContent).toBe('记录措施')
    fireEvent.click(byId('measure-type-suspend_account'))
    expect(byId('measure-suspend-warning').textContent).toContain('立即停用账号 zhangsan_sales')
    expect(byId('measure-confirm').textContent).toBe('确认停用账号')
    expect(calls.callsTo('anomaly.recordMeasure')).toHaveLength(0)

    fireEvent.click(byId('measure-confirm'))
    await waitFor(() => expect(byId('anomaly-account-status').textContent).toBe('已停用'))
    expect(calls.callsTo('anomaly.recordMeasure')[0]?.payload).toEqual({ id: 'an-1', type: 'suspend_account' })
  })

  it('does not offer suspending an account that cannot be suspended', async () => {
    open(head, acknowledged(anomalyDetail({ accountStatus: 'suspended' })))
    render(<AnomalyPage />)
    await waitFor(() => byId('anomaly-detail'))
    fireEvent.click(byId('anomaly-measure'))
    expect(shown('measure-type-suspend_account')).toBe(false)
    expect(shown('measure-type-warn_customers')).toBe(true)
  })

  it('resolves with a result text, checked as it is typed', async () => {
    const detail = acknowledged(anomalyDetail())
    const calls = open(head, detail, {
      'anomaly.resolve': ({ resolution }) => ok({ ...detail, status: 'resolved', resolution, minutesToResolve: 180, available: [] }),
    })
    render(<AnomalyPage />)
    await waitFor(() => byId('anomaly-detail'))
    fireEvent.click(byId('anomaly-resolve'))
    fireEvent.click(byId('resolve-confirm'))
    expect(errorText('resolve-text')).toBe('请填写处理结果')
    type('resolve-text', '已找回账号并提醒客户')
    expect(errorText('resolve-text')).toBeNull()
    fireEvent.click(byId('resolve-confirm'))
    await waitFor(() => expect(byId('anomaly-status').textContent).toBe('已解决'))
    expect(calls.callsTo('anomaly.resolve')[0]?.payload).toEqual({ id: 'an-1', resolution: '已找回账号并提醒客户' })
    expect(byId('anomaly-timing').textContent).toContain('3 小时后解决')
    expect(shownButtons()).toEqual([])
  })

  it('reloads and says so when someone else handled it first', async () => {
    const detail = anomalyDetail({ available: ['acknowledge'] })
    let loads = 0
    const calls = open(head, detail, {
      'anomaly.get': () => ok(++loads === 1 ? detail : { ...acknowledged(detail), available: [] }),
      'anomaly.acknowledge': () => fail('CONFLICT', errorMessages.CONFLICT),
    })
    render(<AnomalyPage />)
    await waitFor(() => byId('anomaly-detail'))
    fireEvent.click(byId('anomaly-acknowledge'))
    await waitFor(() => expect(byId('anomaly-status').textContent).toBe('处理中'))
    expect(byId('anomaly-error').textContent).toContain('已被他人处理')
    expect(calls.callsTo('anomaly.get')).toHaveLength(2)
  })

  it('explains a report the caller may not see', async () => {
    open(employee, anomalyDetail(), { 'anomaly.get': () => fail('NOT_FOUND', errorMessages.NOT_FOUND) })
    render(<AnomalyPage />)
    const error = await waitFor(() => byId('anomaly-error'))
    expect(error.textContent).toContain(errorMessages.NOT_FOUND)
  })
})
