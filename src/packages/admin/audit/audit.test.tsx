import { act, fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import AuditLogPage from './index'
import { resetAppState } from '@/store/app'
import { installBackend, ok, fail } from '../../../../test/doubles/backend'
import { admin, head, person } from '../../../../test/doubles/people'
import type { AuditEntryView, PersonSummary } from '@contract'

function byId(id: string): HTMLElement {
  const found = document.getElementById(id)
  if (!found) throw new Error(`#${id} is not on screen`)
  return found
}

const entries: AuditEntryView[] = Array.from({ length: 25 }, (_, i) => ({
  id: `a${i + 1}`,
  actorId: i % 2 === 0 ? 'p-li' : 'p-wang',
  actorName: i % 2 === 0 ? '李四' : '王五',
  action: i === 0 ? 'contact.read' : 'violation.record',
  targetCollection: i === 0 ? 'people' : 'violations',
  targetId: `rec-${i + 1}`,
  at: new Date(Date.UTC(2026, 10, 27, 2, 0, 0) - i * 3600_000).toISOString(),
  changes: i === 1 ? [{ field: 'status', before: 'appealed', after: 'upheld' }, { field: 'mobile', before: null, after: '139****5678' }] : [],
  truncated: false,
}))

const colleagues: PersonSummary[] = [person({ id: 'p-li', name: '李四', role: 'head' }), person({ id: 'p-zhao', name: '赵六' })]

type Query = { page: number; pageSize: number; actorId?: string; action?: string; targetId?: string; from?: string; to?: string }

function auditBackend(viewer: PersonSummary = admin) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer }),
    'roster.listPeople': ({ page, pageSize }) => ok({ items: colleagues, total: colleagues.length, page, pageSize }),
    'audit.search': (payload) => {
      const { page, pageSize, actorId, action, targetId } = payload as Query
      let matches = entries
      if (actorId) matches = matches.filter((e) => e.actorId === actorId)
      if (action) matches = matches.filter((e) => (action.endsWith('.') ? e.action.startsWith(action) : e.action === action))
      if (targetId) matches = matches.filter((e) => e.targetId === targetId)
      return ok({ items: matches.slice((page - 1) * pageSize, page * pageSize), total: matches.length, page, pageSize })
    },
  })
}

function lastQuery(backend: ReturnType<typeof auditBackend>) {
  return backend.callsTo('audit.search').at(-1)?.payload
}

function pickDate(id: string, value: string) {
  act(() => {
    byId(id).dispatchEvent(new CustomEvent('pickerchange', { detail: { value } }))
  })
}

beforeEach(() => {
  resetAppState()
  process.env.TARO_ENV = 'h5'
  ;(Taro.useRouter as jest.Mock).mockReturnValue({ path: '/packages/admin/audit/index', params: {} })
})
afterEach(() => {
  delete process.env.TARO_ENV
})

describe('audit log', () => {
  it('lists entries newest first, page by page', async () => {
    const backend = auditBackend()
    render(<AuditLogPage />)
    await waitFor(() => byId('audit-a20'))
    expect(document.getElementById('audit-a21')).toBeNull()
    expect(byId('audit-total').textContent).toContain('共 25 条')
    expect(byId('audit-a1').textContent).toContain('查看完整联系方式')
    expect(byId('audit-a2').textContent).toContain('violations / rec-2')
    expect(byId('audit-a2').textContent).toContain('2026-11-27 09:00')
    expect(lastQuery(backend)).toEqual({ page: 1, pageSize: 20 })

    fireEvent.click(byId('audit-more'))
    await waitFor(() => byId('audit-a25'))
    expect(byId('audit-list').textContent).toContain('没有更多了')
    expect(backend.callsTo('audit.search').map((c) => (c.payload as Query).page)).toEqual([1, 2])
  })

  it('opens an entry to show its before and after', async () => {
    auditBackend()
    render(<AuditLogPage />)
    fireEvent.click(await waitFor(() => byId('audit-a2')))
    const detail = byId('audit-detail')
    expect(detail.textContent).toContain('王五')
    expect(byId('audit-detail-target').textContent).toContain('violations / rec-2')
    expect(byId('audit-change-status').textContent).toContain('之前：appealed')
    expect(byId('audit-change-status').textContent).toContain('之后：upheld')
    expect(byId('audit-change-mobile').textContent).toContain('139****5678')

    fireEvent.click(byId('audit-detail-close'))
    expect(document.getElementById('audit-detail')).toBeNull()
    fireEvent.click(byId('audit-a3'))
    await waitFor(() => byId('audit-detail-nochange'))
  })

  it('filters by person, action, record and dates', async () => {
    const backend = auditBackend()
    render(<AuditLogPage />)
    await waitFor(() => byId('audit-a1'))

    fireEvent.click(byId('audit-actor-open'))
    fireEvent.click(await waitFor(() => byId('audit-actor-p-li')))
    await waitFor(() => expect(lastQuery(backend)).toEqual({ page: 1, pageSize: 20, actorId: 'p-li' }))
    await waitFor(() => expect(byId('audit-total').textContent).toContain('共 13 条'))

    fireEvent.click(byId('audit-action-contact.read'))
    await waitFor(() => expect(lastQuery(backend)).toEqual({ page: 1, pageSize: 20, actorId: 'p-li', action: 'contact.read' }))
    await waitFor(() => expect(byId('audit-total').textContent).toContain('共 1 条'))

    const action = byId('audit-action-search').querySelector('input') as HTMLInputElement
    fireEvent.change(action, { target: { value: 'violation.' } })
    fireEvent.keyDown(action, { key: 'Enter' })
    await waitFor(() => expect(lastQuery(backend)).toMatchObject({ action: 'violation.' }))

    const record = byId('audit-record-search').querySelector('input') as HTMLInputElement
    fireEvent.change(record, { target: { value: 'rec-3' } })
    fireEvent.keyDown(record, { key: 'Enter' })
    await waitFor(() => expect(lastQuery(backend)).toMatchObject({ targetId: 'rec-3' }))
    await waitFor(() => byId('audit-a3'))

    pickDate('audit-from', '2026-11-01')
    pickDate('audit-to', '2026-11-30')
    await waitFor(() =>
      expect(lastQuery(backend)).toEqual({ page: 1, pageSize: 20, actorId: 'p-li', action: 'violation.', targetId: 'rec-3', from: '2026-11-01', to: '2026-11-30' }),
    )

    // A range that ends before it starts is not sent.
    const calls = backend.callsTo('audit.search').length
    pickDate('audit-from', '2026-12-05')
    await waitFor(() => byId('audit-dates-wrong'))
    expect(backend.callsTo('audit.search')).toHaveLength(calls)

    fireEvent.click(byId('audit-from-clear'))
    fireEvent.click(byId('audit-actor-clear'))
    await waitFor(() => expect(lastQuery(backend)).toEqual({ page: 1, pageSize: 20, action: 'violation.', targetId: 'rec-3', to: '2026-11-30' }))
  })

  it('opens on one record when asked', async () => {
    ;(Taro.useRouter as jest.Mock).mockReturnValue({ path: '/packages/admin/audit/index', params: { targetId: 'rec-5' } })
    const backend = auditBackend()
    render(<AuditLogPage />)
    await waitFor(() => byId('audit-a5'))
    expect(lastQuery(backend)).toEqual({ page: 1, pageSize: 20, targetId: 'rec-5' })
  })

  it('says when nothing matches and retries after an error', async () => {
    let attempts = 0
    installBackend({
      'session.whoami': () => ok({ status: 'bound', person: admin }),
      'audit.search': () => (++attempts === 1 ? fail('INTERNAL', '系统繁忙，请稍后重试') : ok({ items: [], total: 0, page: 1, pageSize: 20 })),
    })
    render(<AuditLogPage />)
    const error = await waitFor(() => byId('audit-error'))
    fireEvent.click(within(error).getByText('重试'))
    await waitFor(() => byId('audit-empty'))
  })

  it('is not shown to non-admins', async () => {
    const backend = auditBackend(head)
    render(<AuditLogPage />)
    await waitFor(() => expect(backend.callsTo('session.whoami').length).toBeGreaterThan(0))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(document.getElementById('audit-filters')).toBeNull()
    expect(backend.callsTo('audit.search')).toHaveLength(0)
  })
})
