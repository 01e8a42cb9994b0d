import { fireEvent, render, waitFor } from '@testing-library/react'
import { errorMessages } from '@contract'
import SelfIntroductionPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee } from '../../../../test/doubles/people'
import { selfIntroduction } from '../../../../test/doubles/customers'
import { byId, errorText, renderPagesAsH5, shown, type } from '../../../../test/doubles/screen'

function backend(viewer = admin, handlers: Record<string, Handler> = {}) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'customer.getSelfIntroduction': () => ok(selfIntroduction()),
    ...handlers,
  })
}

renderPagesAsH5()

async function opened() {
  render(<SelfIntroductionPage />)
  await waitFor(() => byId('intro-form'))
}

describe('the self-introduction template', () => {
  it('shows the template, who changed it, and how it reads for an employee', async () => {
    backend()
    await opened()
    expect(byId('intro-status').textContent).toBe('王五 修改于 2026-11-01 10:00')
    expect(byId('intro-preview-text').textContent).toBe('您好，我是示例科技行政部的王五，负责与您对接相关业务，添加您是为了方便及时沟通，谢谢！')
  })

  it('says when the built-in wording is in use', async () => {
    backend(admin, { 'customer.getSelfIntroduction': () => ok(selfIntroduction({ isDefault: true, updatedAt: null, updatedByName: null })) })
    await opened()
    expect(byId('intro-status').textContent).toBe('正在使用系统默认模板')
  })

  it('insists on both placeholders as it is edited, and saves', async () => {
    const template = '您好，我是示例科技{部门}的{姓名}，想添加您为好友，方便沟通合作。'
    const calls = backend(admin, { 'customer.updateSelfIntroduction': () => ok(selfIntroduction({ template, updatedByName: '王五', updatedAt: '2026-11-27T02:00:00.000Z' })) })
    await opened()
    type('intro-template', '您好，我是示例科技的销售，想添加您为好友。')
    expect(errorText('intro-template')).toBe('模板须包含{姓名}，发送时换成员工本人姓名')
    fireEvent.click(byId('intro-save'))
    expect(calls.callsTo('customer.updateSelfIntroduction')).toHaveLength(0)
    type('intro-template', '您好，我是示例科技的{姓名}，想添加您为好友。')
    expect(errorText('intro-template')).toBe('模板须包含{部门}，发送时换成员工所在部门')
    type('intro-template', template)
    expect(errorText('intro-template')).toBeNull()
    expect(byId('intro-preview-text').textContent).toBe('您好，我是示例科技行政部的王五，想添加您为好友，方便沟通合作。')
    fireEvent.click(byId('intro-save'))
    await waitFor(() => expect(byId('intro-status').textContent).toBe('王五 修改于 2026-11-27 10:00'))
    expect(calls.callsTo('customer.updateSelfIntroduction')[0]?.payload).toEqual({ template })
  })

  it('shows a refusal under the form', async () => {
    backend(admin, { 'customer.updateSelfIntroduction': () => fail('INTERNAL', errorMessages.INTERNAL) })
    await opened()
    fireEvent.click(byId('intro-save'))
    await waitFor(() => expect(byId('intro-error').textContent).toBe(errorMessages.INTERNAL))
  })

  it('is for admins only', async () => {
    const calls = backend(employee)
    render(<SelfIntroductionPage />)
    await waitFor(() => byId('forbidden-screen'))
    expect(shown('intro-form')).toBe(false)
    expect(calls.callsTo('customer.getSelfIntroduction')).toHaveLength(0)
  })
})
