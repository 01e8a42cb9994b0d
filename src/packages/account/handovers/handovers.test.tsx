import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { PersonSummary } from '@contract'
import HandoversPage from './index'
import { installBackend, ok } from '../../../../test/doubles/backend'
import { admin, head } from '../../../../test/doubles/people'
import { handoverDetail } from '../../../../test/doubles/records'
import { byId, routeTo, shown, renderPagesAsH5 } from '../../../../test/doubles/screen'

function backend(viewer: PersonSummary, params: Record<string, string>) {
  routeTo(Taro.useRouter, '/packages/account/handovers/index', params)
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer }),
    'roster.listDepartments': () => ok({ items: [{ id: 'd-east', name: '华东销售部', headId: null, headName: null, staffCount: 3 }] }),
    'handover.list': ({ page, pageSize }) => {
      const { checklist: _c, reason: _r, startedByName: _s, outcome: _o, closedAt: _d, available: _a, ...summary } = handoverDetail({ done: 3 })
      return ok({ items: [summary], total: 1, page, pageSize })
    },
  })
}

const payloads = (calls: ReturnType<typeof backend>) => calls.callsTo('handover.list').map((c) => c.payload)

renderPagesAsH5()

describe('handovers opened from a figure', () => {
  it('opens an admin on the unfinished handovers of a department, the department shown and cleared by a tap', async () => {
    const calls = backend(admin, { scope: 'handling', status: 'unfinished', departmentId: 'd-east' })
    render(<HandoversPage />)
    await waitFor(() => byId('handovers-list'))
    expect(payloads(calls)).toEqual([{ scope: 'handling', page: 1, pageSize: 20, status: 'unfinished', departmentId: 'd-east' }])
    expect(byId('handovers-filter-unfinished').className).toContain('active')
    await waitFor(() => expect(byId('handovers-active-department').textContent).toBe('部门：华东销售部 ×'))
    fireEvent.click(byId('handovers-active-department'))
    await waitFor(() => expect(payloads(calls).at(-1)).toEqual({ scope: 'handling', page: 1, pageSize: 20, status: 'unfinished' }))
    expect(shown('handovers-active')).toBe(false)
  })

  it('keeps a head on their own department whatever the link says', async () => {
    const calls = backend(head, { scope: 'handling', status: 'unfinished', departmentId: 'd-other' })
    render(<HandoversPage />)
    await waitFor(() => byId('handovers-list'))
    expect(payloads(calls)).toEqual([{ scope: 'handling', page: 1, pageSize: 20, status: 'unfinished' }])
    expect(shown('handovers-active')).toBe(false)
  })
})
