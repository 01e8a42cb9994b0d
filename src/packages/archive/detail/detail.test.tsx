import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { useRouter } from '@tarojs/taro'
import { errorMessages } from '@contract'
import ArchiveDetailPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { archiveDetail } from '../../../../test/doubles/archives'
import { byId, renderPagesAsH5, routeTo, shown } from '../../../../test/doubles/screen'

function backend(person = employee, handlers: Record<string, Handler> = {}) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person, policyToAcknowledge: null }),
    'archive.get': () => ok(archiveDetail()),
    ...handlers,
  })
}

renderPagesAsH5()
beforeEach(() => routeTo(useRouter, '/packages/archive/detail/index', { id: 'ar-1' }))

describe('archive record', () => {
  it('shows what was backed up, how and where, under a watermark', async () => {
    backend()
    render(<ArchiveDetailPage />)
    await waitFor(() => byId('archive-detail'))
    expect(shown('watermark')).toBe(true)
    expect(byId('archive-detail-title').textContent).toBe('华飞科技年度框架合同')
    expect(byId('archive-detail-category').textContent).toBe('合同文件')
    expect(byId('archive-detail-owner').textContent).toBe('张三 · 销售部')
    expect(byId('archive-detail-location').textContent).toBe('云端')
    expect(byId('archive-detail-location-note').textContent).toBe('公司网盘/销售部/合同/2026')
    expect(byId('archive-detail-backed-up-on').textContent).toBe('2026-03-01')
    expect(byId('archive-detail-customer').textContent).toBe('上海华飞科技')
    expect(byId('archive-detail-description').textContent).toBe('盖章页与补充协议扫描件')

    fireEvent.click(byId('archive-edit'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/archive/edit/index?id=ar-1' })
  })

  it('offers a head nothing to change', async () => {
    backend(head, { 'archive.get': () => ok(archiveDetail({ canEdit: false, canDelete: false, customerName: null, description: null })) })
    render(<ArchiveDetailPage />)
    await waitFor(() => byId('archive-detail'))
    expect(shown('archive-edit')).toBe(false)
    expect(shown('archive-delete')).toBe(false)
    expect(byId('archive-detail-customer').textContent).toBe('未填写')
  })

  it('deletes after confirmation and goes back', async () => {
    const calls = backend(admin, {
      'archive.get': () => ok(archiveDetail({ canEdit: false })),
      'archive.delete': ({ id }) => ok({ id }),
    })
    render(<ArchiveDetailPage />)
    await waitFor(() => byId('archive-delete'))
    expect(shown('archive-edit')).toBe(false)

    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(byId('archive-delete'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '将删除张三登记的“华飞科技年度框架合同”，操作会留档。' }))
    expect(calls.callsTo('archive.delete')).toHaveLength(0)

    fireEvent.click(byId('archive-delete'))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    expect(calls.callsTo('archive.delete')[0]?.payload).toEqual({ id: 'ar-1' })
  })

  it('says why a delete failed', async () => {
    backend(employee, { 'archive.delete': () => fail('CONFLICT', errorMessages.CONFLICT) })
    render(<ArchiveDetailPage />)
    fireEvent.click(await waitFor(() => byId('archive-delete')))
    await waitFor(() => expect(byId('archive-delete-error').textContent).toBe(errorMessages.CONFLICT))
    expect(Taro.navigateBack).not.toHaveBeenCalled()
  })

  it('says when the record is gone', async () => {
    backend(employee, { 'archive.get': () => fail('NOT_FOUND', errorMessages.NOT_FOUND) })
    render(<ArchiveDetailPage />)
    await waitFor(() => expect(byId('archive-detail-error').textContent).toContain(errorMessages.NOT_FOUND))
  })
})
