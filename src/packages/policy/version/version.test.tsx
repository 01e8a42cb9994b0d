import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { PersonSummary } from '@contract'
import PolicyVersionPage from './index'
import { installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { draftDetail, policyComparison, versionDetail } from '../../../../test/doubles/policy'
import { byId, renderPagesAsH5, routeTo, shown } from '../../../../test/doubles/screen'

function open(person: PersonSummary, handlers: Record<string, Handler> = {}, id = 'policy-v2') {
  routeTo(Taro.useRouter, '/packages/policy/version/index', { id })
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person, policyToAcknowledge: null }),
    'policy.getVersion': ({ compare }) => ok(versionDetail({ comparison: compare ? policyComparison() : null })),
    ...handlers,
  })
}

function tagOf(id: string): string {
  return byId(`${id}-change`).textContent ?? ''
}

renderPagesAsH5()

describe('one policy version', () => {
  it('shows the text, and compares it with the previous version on request', async () => {
    const backend = open(employee)
    render(<PolicyVersionPage />)
    await waitFor(() => byId('version-body'))
    expect(byId('version-number').textContent).toBe('第2版')
    expect(byId('version-effective').textContent).toContain('2026-03-01')
    expect(byId('version-section-add-customer').textContent).toContain('2.1 添加客户')
    expect(shown('policy-comparison')).toBe(false)
    expect(shown('version-progress')).toBe(false)

    fireEvent.click(byId('policy-compare-toggle'))
    await waitFor(() => byId('policy-comparison'))
    expect(backend.callsTo('policy.getVersion').map((call) => call.payload)).toEqual([
      { versionId: 'policy-v2', compare: false },
      { versionId: 'policy-v2', compare: true },
    ])
    expect(shown('version-body')).toBe(false)
    const counts = byId('comparison-counts').textContent
    expect(counts).toContain('与第1版相比')
    expect(counts).toContain('新增 1 节')
    expect(counts).toContain('修改 1 节')
    expect(counts).toContain('删除 1 节')

    expect(tagOf('compare-chapter-general')).toBe('未改动')
    expect(tagOf('compare-chapter-use')).toBe('修改')
    expect(tagOf('compare-chapter-security')).toBe('新增')
    expect(byId('compare-chapter-use-previous').textContent).toBe('原：使用规范')
    expect(byId('compare-chapter-security').textContent).toContain('三、账号安全')

    // Changed: the new clause in green with ＋, the old one struck through in red.
    const changed = byId('compare-section-add-customer')
    expect(tagOf('compare-section-add-customer')).toBe('修改')
    expect(byId('compare-section-add-customer-previous').textContent).toBe('原：加好友')
    const added = within(changed).getByText(/不得向客户索要验证码/)
    expect(added.textContent).toBe('＋ 不得向客户索要验证码。')
    expect(added.className).toContain('clause--added')
    expect(within(changed).getByText(/可以添加任何人/).className).toContain('clause--removed')
    expect(within(changed).getByText('只添加业务往来客户。').className).toContain('clause--unchanged')

    expect(tagOf('compare-section-groups')).toBe('删除')
    expect(byId('compare-section-groups').textContent).toContain('群聊')
    expect(byId('compare-section-password').textContent).toContain('3.1 账号密码')

    // Unchanged sections fold to one line until opened.
    const unchanged = byId('compare-section-purpose')
    expect(unchanged.textContent).toContain('1.1 目的')
    expect(unchanged.textContent).not.toContain('规范公司业务微信的使用。')
    fireEvent.click(unchanged)
    expect(byId('compare-section-purpose').textContent).toContain('规范公司业务微信的使用。')

    // Back to the full text without another request.
    fireEvent.click(byId('policy-compare-toggle'))
    expect(shown('version-body')).toBe(true)
    fireEvent.click(byId('policy-compare-toggle'))
    expect(shown('policy-comparison')).toBe(true)
    expect(backend.callsTo('policy.getVersion')).toHaveLength(2)
  })

  it('has nothing to compare the first version with', async () => {
    open(employee, { 'policy.getVersion': () => ok(versionDetail({ previousNumber: null })) })
    render(<PolicyVersionPage />)
    await waitFor(() => byId('version-first'))
    expect(shown('policy-compare-toggle')).toBe(false)
  })

  it('lets heads open the acknowledgement progress of a published version', async () => {
    open(head)
    render(<PolicyVersionPage />)
    fireEvent.click(await waitFor(() => byId('version-progress')))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/policy/progress/index?versionId=policy-v2' })
  })

  it('lets admins go on editing a draft', async () => {
    open(admin, { 'policy.getVersion': () => ok(draftDetail()) }, 'policy-v3')
    render(<PolicyVersionPage />)
    fireEvent.click(await waitFor(() => byId('version-edit')))
    expect(byId('version-number').textContent).toBe('草稿')
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/policy/editor/index?id=policy-v3' })
  })
})
