import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { useRouter } from '@tarojs/taro'
import { errorMessages } from '@contract'
import ArchiveEditPage from './index'
import { addDays, shanghaiToday } from '@/services/accounts'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { employee } from '../../../../test/doubles/people'
import { archiveDetail } from '../../../../test/doubles/archives'
import { byId, control, errorText, pick, pickerOf, renderPagesAsH5, routeTo, shown, type } from '../../../../test/doubles/screen'

function backend(handlers: Record<string, Handler> = {}) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: employee, policyToAcknowledge: null }),
    ...handlers,
  })
}

renderPagesAsH5()

describe('register a backup', () => {
  beforeEach(() => routeTo(useRouter, '/packages/archive/edit/index', {}))

  it('checks each field as it is filled in and sends nothing while something is wrong', async () => {
    const calls = backend({ 'archive.create': () => ok(archiveDetail()) })
    render(<ArchiveEditPage />)
    await waitFor(() => byId('archive-form'))
    const today = shanghaiToday()
    expect(pickerOf('archive-backed-up-on')).toEqual({ value: today, start: undefined, end: today })
    expect(errorText('archive-title')).toBeNull()

    fireEvent.click(byId('archive-save'))
    expect(errorText('archive-category')).toBe('请选择资料类别')
    expect(errorText('archive-title')).toBe('请填写资料名称')
    expect(errorText('archive-location')).toBe('请选择备份方式')
    expect(errorText('archive-location-note')).toBe('请写明备份存放的位置')
    expect(errorText('archive-backed-up-on')).toBeNull()
    expect(errorText('archive-customer')).toBeNull()
    expect(calls.callsTo('archive.create')).toHaveLength(0)

    fireEvent.click(byId('archive-category-communication'))
    expect(errorText('archive-category')).toBeNull()
    expect(byId('archive-category-communication').className).toContain('choice-chips__chip--active')
    type('archive-title', '合'.repeat(61))
    expect(errorText('archive-title')).toBe('资料名称不能超过60个字')
    type('archive-title', '客户沟通截图（3月）')
    expect(errorText('archive-title')).toBeNull()
    fireEvent.click(byId('archive-location-local'))
    expect(errorText('archive-location')).toBeNull()
    type('archive-location-note', '公司NAS/客户部/2026')
    expect(errorText('archive-location-note')).toBeNull()
    pick('archive-backed-up-on', addDays(today, 1))
    expect(errorText('archive-backed-up-on')).toBe(errorMessages.DATE_IN_FUTURE)
    fireEvent.click(byId('archive-save'))
    expect(calls.callsTo('archive.create')).toHaveLength(0)
    pick('archive-backed-up-on', '2026-03-01')
    expect(errorText('archive-backed-up-on')).toBeNull()
  })

  it('sends the trimmed fields, leaves empty ones out, and opens the new record', async () => {
    const calls = backend({ 'archive.create': () => ok(archiveDetail({ id: 'ar-9' })) })
    render(<ArchiveEditPage />)
    await waitFor(() => byId('archive-form'))
    fireEvent.click(byId('archive-category-contract'))
    type('archive-title', '  华飞科技年度框架合同 ')
    fireEvent.click(byId('archive-location-cloud'))
    type('archive-location-note', '公司网盘/销售部/合同/2026')
    pick('archive-backed-up-on', '2026-03-01')
    type('archive-customer', '   ')
    fireEvent.click(byId('archive-save'))

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/archive/detail/index?id=ar-9' }))
    expect(calls.callsTo('archive.create')[0]?.payload).toEqual({
      category: 'contract',
      title: '华飞科技年度框架合同',
      location: 'cloud',
      locationNote: '公司网盘/销售部/合同/2026',
      backedUpOn: '2026-03-01',
    })
  })

  it('puts a refused date next to the date and other refusals under the form', async () => {
    let answer = fail('DATE_IN_FUTURE', errorMessages.DATE_IN_FUTURE)
    backend({ 'archive.create': () => answer })
    render(<ArchiveEditPage />)
    await waitFor(() => byId('archive-form'))
    fireEvent.click(byId('archive-category-other'))
    type('archive-title', '培训课件')
    fireEvent.click(byId('archive-location-cloud'))
    type('archive-location-note', '企业微盘/培训')
    fireEvent.click(byId('archive-save'))
    await waitFor(() => expect(errorText('archive-backed-up-on')).toBe(errorMessages.DATE_IN_FUTURE))

    answer = fail('INTERNAL', errorMessages.INTERNAL)
    pick('archive-backed-up-on', '2026-03-01')
    fireEvent.click(byId('archive-save'))
    await waitFor(() => expect(byId('archive-save-error').textContent).toBe(errorMessages.INTERNAL))
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })
})

describe('edit a backup', () => {
  beforeEach(() => routeTo(useRouter, '/packages/archive/edit/index', { id: 'ar-1' }))

  it('starts from the record and saves against its revision', async () => {
    const calls = backend({
      'archive.get': () => ok(archiveDetail({ revision: 2 })),
      'archive.update': (payload) => ok(archiveDetail({ ...payload, revision: 3 })),
    })
    render(<ArchiveEditPage />)
    await waitFor(() => byId('archive-form'))
    expect(shown('watermark')).toBe(true)
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '修改备份记录' })
    expect(control('archive-title').value).toBe('华飞科技年度框架合同')
    expect(byId('archive-category-contract').className).toContain('choice-chips__chip--active')
    expect(byId('archive-location-cloud').className).toContain('choice-chips__chip--active')
    expect(pickerOf('archive-backed-up-on').value).toBe('2026-03-01')

    type('archive-description', '')
    type('archive-location-note', '公司NAS/销售部/合同')
    fireEvent.click(byId('archive-save'))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    expect(calls.callsTo('archive.update')[0]?.payload).toEqual({
      id: 'ar-1',
      revision: 2,
      category: 'contract',
      title: '华飞科技年度框架合同',
      location: 'cloud',
      locationNote: '公司NAS/销售部/合同',
      backedUpOn: '2026-03-01',
      customerName: '上海华飞科技',
    })
  })

  it('loads the newer copy when the record changed elsewhere', async () => {
    let revision = 0
    const calls = backend({
      'archive.get': () => ok(archiveDetail({ revision, title: revision ? '已在别处改过的名称' : '华飞科技年度框架合同' })),
      'archive.update': () => {
        revision = 1
        return fail('CONFLICT', errorMessages.CONFLICT)
      },
    })
    render(<ArchiveEditPage />)
    await waitFor(() => byId('archive-form'))
    type('archive-title', '我的修改')
    fireEvent.click(byId('archive-save'))
    await waitFor(() => byId('archive-stale'))
    await waitFor(() => expect(control('archive-title').value).toBe('已在别处改过的名称'))
    fireEvent.click(byId('archive-save'))
    await waitFor(() => expect(calls.callsTo('archive.update')).toHaveLength(2))
    expect(calls.callsTo('archive.update')[1]?.payload).toMatchObject({ revision: 1, title: '已在别处改过的名称' })
  })

  it('does not offer someone else’s record for editing', async () => {
    backend({ 'archive.get': () => ok(archiveDetail({ canEdit: false })) })
    render(<ArchiveEditPage />)
    await waitFor(() => expect(byId('archive-edit-error').textContent).toContain('只能修改自己登记的记录'))
    expect(shown('archive-form')).toBe(false)
  })
})
