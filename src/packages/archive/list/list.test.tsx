import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro, { useRouter } from '@tarojs/taro'
import { errorMessages } from '@contract'
import ArchiveListPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { archiveRecord } from '../../../../test/doubles/archives'
import { pageOf } from '../../../../test/doubles/notices'
import { byId, renderPagesAsH5, routeTo, shown } from '../../../../test/doubles/screen'

const mine = [
  archiveRecord(),
  archiveRecord({ id: 'ar-2', category: 'communication', title: '客户沟通截图（2月）', location: 'local', locationNote: '公司NAS/客户部/2026', backedUpOn: '2026-02-27', customerName: null }),
]
const colleague = archiveRecord({ id: 'ar-3', ownerId: 'p-zhao', ownerName: '赵六', title: '展会项目方案', category: 'project' })

function backend(person = employee, list?: Handler) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person, policyToAcknowledge: null }),
    'archive.list': list ?? (({ scope }) => ok(pageOf(scope === 'mine' ? mine : [colleague, ...mine]))),
  })
}

renderPagesAsH5()

describe('archive list', () => {
  it('shows my records with where each backup lives, under a watermark, and opens one', async () => {
    const calls = backend()
    render(<ArchiveListPage />)
    await waitFor(() => byId('archive-items'))
    expect(shown('archive-list')).toBe(true)
    expect(shown('watermark')).toBe(true)
    expect(shown('archive-scope')).toBe(false)
    expect(calls.callsTo('archive.list')[0]?.payload).toEqual({ page: 1, pageSize: 20, scope: 'mine' })
    expect(byId('archive-total').textContent).toBe('共 2 条记录')
    const first = byId('archive-row-ar-1')
    expect(within(first).getByText('合同文件')).toBeTruthy()
    expect(first.textContent).toContain('云端 · 公司网盘/销售部/合同/2026')
    expect(first.textContent).toContain('备份于 2026-03-01')
    expect(first.textContent).toContain('客户 上海华飞科技')
    expect(byId('archive-row-ar-2').textContent).toContain('本地 · 公司NAS/客户部/2026')

    fireEvent.click(within(byId('archive-row-ar-2')).getByText('客户沟通截图（2月）'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/archive/detail/index?id=ar-2' })
  })

  it('filters by category and searches', async () => {
    const calls = backend()
    render(<ArchiveListPage />)
    await waitFor(() => byId('archive-items'))
    fireEvent.click(byId('archive-filter-contract'))
    await waitFor(() => expect(calls.callsTo('archive.list').at(-1)?.payload).toEqual({ page: 1, pageSize: 20, scope: 'mine', category: 'contract' }))
    expect(byId('archive-filter-contract').className).toContain('account-chips__chip--active')

    const input = byId('archive-search').querySelector('input') as HTMLInputElement
    fireEvent.change(input, { target: { value: ' 华飞 ' } })
    fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(calls.callsTo('archive.list').at(-1)?.payload).toEqual({ page: 1, pageSize: 20, scope: 'mine', category: 'contract', keyword: '华飞' }))
  })

  it('lets a head switch to the department, naming who registered each record', async () => {
    const calls = backend(head)
    render(<ArchiveListPage />)
    await waitFor(() => byId('archive-items'))
    expect(byId('archive-scope-department').textContent).toBe('本部门')
    expect(shown('archive-scope-all')).toBe(false)
    fireEvent.click(byId('archive-scope-department'))
    await waitFor(() => byId('archive-row-ar-3'))
    expect(calls.callsTo('archive.list').at(-1)?.payload).toEqual({ page: 1, pageSize: 20, scope: 'department' })
    expect(byId('archive-row-ar-3').textContent).toContain('赵六 · 销售部')
  })

  it('opens on the whole company for an admin who asked for it', async () => {
    routeTo(useRouter, '/packages/archive/list/index', { scope: 'all' })
    const calls = backend(admin)
    render(<ArchiveListPage />)
    await waitFor(() => byId('archive-items'))
    expect(calls.callsTo('archive.list')[0]?.payload).toEqual({ page: 1, pageSize: 20, scope: 'all' })
    expect(byId('archive-scope-all').className).toContain('account-chips__chip--active')
  })

  it('ignores a scope the person may not use', async () => {
    routeTo(useRouter, '/packages/archive/list/index', { scope: 'all' })
    const calls = backend(head)
    render(<ArchiveListPage />)
    await waitFor(() => byId('archive-items'))
    expect(calls.callsTo('archive.list')[0]?.payload).toEqual({ page: 1, pageSize: 20, scope: 'mine' })
  })

  it('leads to adding a record and to the monthly confirmation', async () => {
    backend(employee, () => ok(pageOf([])))
    render(<ArchiveListPage />)
    await waitFor(() => byId('archive-empty'))
    expect(byId('archive-empty').textContent).toContain('你还没有登记过备份')
    fireEvent.click(byId('archive-add'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/archive/edit/index' })
    fireEvent.click(byId('archive-monthly-entry'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/archive/monthly/index' })
  })

  it('offers a retry when the list fails to load', async () => {
    backend(employee, () => fail('INTERNAL', errorMessages.INTERNAL))
    render(<ArchiveListPage />)
    await waitFor(() => expect(byId('archive-error').textContent).toContain(errorMessages.INTERNAL))
  })
})
