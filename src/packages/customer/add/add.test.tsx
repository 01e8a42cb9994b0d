import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { DEFAULT_SELF_INTRODUCTION, errorMessages } from '@contract'
import CustomerAddPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { employee } from '../../../../test/doubles/people'
import { customerDetail, selfIntroduction } from '../../../../test/doubles/customers'
import { byId, errorText, renderPagesAsH5, routeTo, shown, type } from '../../../../test/doubles/screen'

const taro = Taro as unknown as Record<string, jest.Mock>

function backend(handlers: Record<string, Handler> = {}) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: employee, policyToAcknowledge: null }),
    'customer.getSelfIntroduction': () => ok(selfIntroduction()),
    'customer.create': (payload) => ok(customerDetail({ id: 'cust-9', name: payload.name })),
    ...handlers,
  })
}

renderPagesAsH5()

beforeEach(() => {
  routeTo(Taro.useRouter, '/packages/customer/add/index', {})
  taro.setClipboardData = jest.fn(async () => ({ errMsg: 'setClipboardData:ok' }))
})

async function opened() {
  render(<CustomerAddPage />)
  await waitFor(() => byId('customer-form'))
}

describe('adding a customer', () => {
  it('shows the company’s self-introduction with the employee’s own name and department, ready to copy', async () => {
    backend()
    await opened()
    await waitFor(() => byId('customer-intro-text'))
    const text = '您好，我是示例科技销售部的张三，负责与您对接相关业务，添加您是为了方便及时沟通，谢谢！'
    expect(byId('customer-intro-text').textContent).toBe(text)
    fireEvent.click(byId('customer-intro-copy'))
    await waitFor(() => expect(byId('customer-intro-copy').textContent).toBe('已复制'))
    expect(taro.setClipboardData).toHaveBeenCalledWith({ data: text })
  })

  it('falls back to the built-in wording when the template cannot be loaded', async () => {
    backend({ 'customer.getSelfIntroduction': () => fail('INTERNAL', errorMessages.INTERNAL) })
    await opened()
    await waitFor(() => byId('customer-intro-text'))
    expect(byId('customer-intro-text').textContent).toBe(DEFAULT_SELF_INTRODUCTION.replace('{部门}', '销售部').replace('{姓名}', '张三'))
  })

  it('checks each field as it is typed, and sends nothing until the consent is ticked', async () => {
    const calls = backend()
    await opened()
    expect(errorText('customer-name')).toBeNull()
    fireEvent.click(byId('customer-submit'))
    expect(errorText('customer-name')).toBe('请填写客户姓名')
    expect(errorText('customer-source')).toBe('请选择客户来源')
    expect(errorText('customer-consent-field')).toBe('请确认已做自我介绍并征得客户同意')
    expect(errorText('customer-phone')).toBeNull()

    type('customer-phone', '1380000')
    expect(errorText('customer-phone')).toBe('手机号须为11位中国大陆手机号')
    type('customer-phone', '13800000001')
    expect(errorText('customer-phone')).toBeNull()
    type('customer-name', '周建国')
    expect(errorText('customer-name')).toBeNull()
    fireEvent.click(byId('customer-source-referral'))
    expect(errorText('customer-source')).toBeNull()
    expect(calls.callsTo('customer.create')).toHaveLength(0)

    fireEvent.click(byId('customer-consent'))
    expect(byId('customer-consent').getAttribute('aria-checked')).toBe('true')
    expect(errorText('customer-consent-field')).toBeNull()
    fireEvent.click(byId('customer-consent'))
    expect(errorText('customer-consent-field')).toBe('请确认已做自我介绍并征得客户同意')
  })

  it('adds tags one by one, refusing a long or repeated one, and files the customer', async () => {
    const calls = backend()
    await opened()
    type('customer-name', '  周建国 ')
    type('customer-company', '杭州远望贸易')
    fireEvent.click(byId('customer-source-event'))
    type('customer-tag-input', '重点客户')
    fireEvent.click(byId('customer-tag-add'))
    type('customer-tag-input', '华东')
    fireEvent.click(byId('customer-tag-add'))
    type('customer-tag-input', '华东')
    fireEvent.click(byId('customer-tag-add'))
    expect(byId('customer-tag-input-error').textContent).toBe('标签不能重复')
    type('customer-tag-input', '这个标签写得实在是太长了吧')
    fireEvent.click(byId('customer-tag-add'))
    expect(byId('customer-tag-input-error').textContent).toBe('每个标签不能超过12个字')
    expect([byId('customer-tag-0').textContent, byId('customer-tag-1').textContent]).toEqual(['重点客户×', '华东×'])
    fireEvent.click(byId('customer-tag-0-remove'))
    expect(byId('customer-tag-0').textContent).toBe('华东×')

    fireEvent.click(byId('customer-consent'))
    fireEvent.click(byId('customer-submit'))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/customer/detail/index?id=cust-9' }))
    // Blank optional fields stay out of the request.
    expect(calls.callsTo('customer.create')[0]?.payload).toEqual({ name: '周建国', company: '杭州远望贸易', source: 'event', tags: ['华东'], consent: true })
  })

  it('puts a duplicate phone refusal next to the phone, and others above the button', async () => {
    let attempt = 0
    backend({
      'customer.create': () => (++attempt === 1 ? fail('CUSTOMER_DUPLICATE', errorMessages.CUSTOMER_DUPLICATE) : fail('INTERNAL', errorMessages.INTERNAL)),
    })
    await opened()
    type('customer-name', '周建国')
    type('customer-phone', '13800000001')
    fireEvent.click(byId('customer-source-self_added'))
    fireEvent.click(byId('customer-consent'))
    fireEvent.click(byId('customer-submit'))
    await waitFor(() => expect(errorText('customer-phone')).toBe(errorMessages.CUSTOMER_DUPLICATE))
    expect(shown('customer-form-error')).toBe(false)
    type('customer-phone', '13800000002')
    fireEvent.click(byId('customer-submit'))
    await waitFor(() => expect(byId('customer-form-error').textContent).toBe(errorMessages.INTERNAL))
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })
})

describe('editing a customer', () => {
  it('starts from the file, without the template or consent, and saves the change', async () => {
    routeTo(Taro.useRouter, '/packages/customer/add/index', { id: 'cust-1' })
    const calls = backend({
      'customer.get': () => ok(customerDetail()),
      'customer.update': () => ok(customerDetail({ company: null })),
    })
    await opened()
    expect(shown('customer-intro')).toBe(false)
    expect(shown('customer-consent')).toBe(false)
    expect(shown('watermark')).toBe(true)
    expect((byId('customer-name').querySelector('input') as HTMLInputElement).value).toBe('周建国')
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '编辑客户' })
    type('customer-company', '')
    fireEvent.click(byId('customer-submit'))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    expect(calls.callsTo('customer.update')[0]?.payload).toEqual({ customerId: 'cust-1', name: '周建国', phone: '13800000001', source: 'self_added', tags: ['重点客户', '华东'] })
  })

  it('tells a reader of someone else’s file that only its owner edits it', async () => {
    routeTo(Taro.useRouter, '/packages/customer/add/index', { id: 'cust-1' })
    backend({ 'customer.get': () => ok(customerDetail({ canWrite: false })) })
    render(<CustomerAddPage />)
    await waitFor(() => expect(byId('customer-form-load-error').textContent).toContain('只有客户的负责人可以修改档案'))
    expect(shown('customer-form')).toBe(false)
  })
})
