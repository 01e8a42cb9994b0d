import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { PersonSummary } from '@contract'
import PolicyVersionsPage from './index'
import { installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee } from '../../../../test/doubles/people'
import { draftDetail, draftVersion, policyVersion } from '../../../../test/doubles/policy'
import { byId, renderPagesAsH5, shown } from '../../../../test/doubles/screen'

const versions = [
  draftVersion({ id: 'policy-v4', updatedAt: '2026-03-05T02:00:00.000Z' }),
  policyVersion({ id: 'policy-v3', number: 3, effectiveFrom: '2026-04-01', inForce: false, upcoming: true, changeSummary: '调整确认期限' }),
  policyVersion(),
  policyVersion({ id: 'policy-v1', number: 1, effectiveFrom: '2026-01-01', inForce: false, changeSummary: '首次发布' }),
]

function open(person: PersonSummary, handlers: Record<string, Handler> = {}) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person, policyToAcknowledge: null }),
    'policy.listVersions': () => ok({ items: person.role === 'admin' ? versions : versions.slice(1), total: 4, page: 1, pageSize: 20 }),
    ...handlers,
  })
}

renderPagesAsH5()

describe('policy versions', () => {
  it('lists versions with their number, state, date and what changed', async () => {
    open(employee)
    render(<PolicyVersionsPage />)
    await waitFor(() => byId('policy-version-policy-v2'))
    expect(byId('policy-version-policy-v2-number').textContent).toBe('第2版')
    expect(byId('policy-version-policy-v2-in-force').textContent).toBe('现行')
    expect(byId('policy-version-policy-v2').textContent).toContain('生效日期 2026-03-01')
    expect(byId('policy-version-policy-v2').textContent).toContain('新增添加客户的要求')
    expect(byId('policy-version-policy-v3-upcoming').textContent).toBe('待生效')
    expect(shown('policy-version-policy-v1-in-force')).toBe(false)
    expect(shown('policy-new-draft')).toBe(false)
    fireEvent.click(byId('policy-version-policy-v1'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/policy/version/index?id=policy-v1' })
  })

  it('lets admins open the draft in the editor, or start one', async () => {
    const backend = open(admin, { 'policy.startDraft': () => ok(draftDetail({ version: draftVersion({ id: 'policy-v4' }) })) })
    render(<PolicyVersionsPage />)
    await waitFor(() => byId('policy-version-policy-v4'))
    expect(byId('policy-version-policy-v4-number').textContent).toBe('草稿')
    fireEvent.click(byId('policy-version-policy-v4'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/policy/editor/index?id=policy-v4' })

    fireEvent.click(byId('policy-new-draft'))
    await waitFor(() => expect(backend.callsTo('policy.startDraft')).toHaveLength(1))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/policy/editor/index?id=policy-v4' }))
  })
})
