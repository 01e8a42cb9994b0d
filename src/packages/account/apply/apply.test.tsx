import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages } from '@contract'
import ApplyPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { employee } from '../../../../test/doubles/people'
import { applicationDetail } from '../../../../test/doubles/accounts'
import { renderPagesAsH5 } from '../../../../test/doubles/screen'

function byId(id: string): HTMLElement {
  const found = document.getElementById(id)
  if (!found) throw new Error(`#${id} is not on screen`)
  return found
}

/** The ids sit on the field wrappers; the control is inside. */
function control(id: string): HTMLInputElement | HTMLTextAreaElement {
  const found = byId(id).querySelector('input, textarea')
  if (!found) throw new Error(`#${id} has no control`)
  return found as HTMLInputElement | HTMLTextAreaElement
}

function type(id: string, value: string): void {
  fireEvent.change(control(id), { target: { value } })
}

function errorText(id: string): string | null {
  return document.getElementById(`${id}-error`)?.textContent ?? null
}

function backend(submit: Handler) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: employee }),
    'account.submitApplication': submit,
  })
}

function fillValid(): void {
  type('apply-mobile', '13800000001')
  type('apply-email', 'zhangsan@example.com')
  type('apply-purpose', '维护华东区重点客户群')
}

renderPagesAsH5()

describe('apply for a business WeChat account', () => {
  it('prefills the name, leaves contacts to type, and checks each field as it is typed', async () => {
    backend(() => ok(applicationDetail()))
    render(<ApplyPage />)
    await waitFor(() => byId('apply-form'))

    expect(control('apply-real-name').value).toBe('张三')
    expect(control('apply-mobile').value).toBe('')
    expect(control('apply-email').value).toBe('')
    // The roster's masked values tell the employee which contacts are on file.
    expect(byId('apply-mobile').textContent).toContain('138****0001')
    // Nothing complains before the employee has typed anything.
    expect(errorText('apply-mobile')).toBeNull()
    expect(document.getElementById('apply-reason')).toBeNull()

    type('apply-mobile', '1380')
    expect(errorText('apply-mobile')).toBe('手机号须为11位中国大陆手机号')
    type('apply-mobile', '13800000001')
    expect(errorText('apply-mobile')).toBeNull()

    type('apply-email', 'zhangsan@')
    expect(errorText('apply-email')).toBe('邮箱格式不正确')
    type('apply-email', 'zhangsan@example.com')
    expect(errorText('apply-email')).toBeNull()

    type('apply-purpose', '拉群')
    expect(errorText('apply-purpose')).toBe('请说明开通用途（至少5个字）')
    type('apply-purpose', '维护华东区重点客户群')
    expect(errorText('apply-purpose')).toBeNull()

    type('apply-real-name', '')
    expect(errorText('apply-real-name')).toBe('姓名不能为空')

    // Optional, but checked once something is typed.
    type('apply-wechat-id', '9abc')
    expect(errorText('apply-wechat-id')).toContain('微信号须以字母开头')
    type('apply-wechat-id', '')
    expect(errorText('apply-wechat-id')).toBeNull()
  })

  it('does not send a form with errors, and marks every field that needs attention', async () => {
    const calls = backend(() => ok(applicationDetail()))
    render(<ApplyPage />)
    await waitFor(() => byId('apply-form'))

    fireEvent.click(byId('apply-submit'))

    expect(errorText('apply-mobile')).toBe('手机号须为11位中国大陆手机号')
    expect(errorText('apply-email')).toBe('邮箱格式不正确')
    expect(errorText('apply-purpose')).toBe('请说明开通用途（至少5个字）')
    expect(errorText('apply-real-name')).toBeNull()
    expect(errorText('apply-wechat-id')).toBeNull()
    expect(calls.callsTo('account.submitApplication')).toHaveLength(0)
  })

  it('asks for a reason when contacts differ from the roster, then sends it and opens the new application', async () => {
    const calls = backend(({ contactChangeReason }) =>
      contactChangeReason
        ? ok(applicationDetail({ id: 'app-9', contactChangeReason }))
        : fail('CONTACT_REASON_REQUIRED', errorMessages.CONTACT_REASON_REQUIRED),
    )
    render(<ApplyPage />)
    await waitFor(() => byId('apply-form'))
    fillValid()
    type('apply-wechat-id', 'zhangsan_sales')
    fireEvent.click(byId('apply-submit'))

    await waitFor(() => byId('apply-reason'))
    expect(byId('apply-error').textContent).toContain(errorMessages.CONTACT_REASON_REQUIRED)
    expect(calls.callsTo('account.submitApplication')[0]?.payload).toEqual({
      realName: '张三',
      mobile: '13800000001',
      email: 'zhangsan@example.com',
      purpose: '维护华东区重点客户群',
      intendedWechatId: 'zhangsan_sales',
    })

    // The reason is now required: an empty one is caught here, not by the server.
    fireEvent.click(byId('apply-submit'))
    expect(errorText('apply-reason')).toBe('请填写修改原因（至少2个字）')
    expect(calls.callsTo('account.submitApplication')).toHaveLength(1)

    type('apply-reason', ' 已更换手机号 ')
    expect(errorText('apply-reason')).toBeNull()
    fireEvent.click(byId('apply-submit'))

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/account/application/index?id=app-9' }))
    expect(calls.callsTo('account.submitApplication')[1]?.payload).toMatchObject({ contactChangeReason: '已更换手机号' })
  })

  it.each([
    ['APPLICATION_OPEN', errorMessages.APPLICATION_OPEN],
    ['ACCOUNT_ALREADY_HELD', errorMessages.ACCOUNT_ALREADY_HELD],
  ])('explains %s and links to 我的申请', async (code, message) => {
    backend(() => fail(code, message))
    render(<ApplyPage />)
    await waitFor(() => byId('apply-form'))
    fillValid()
    fireEvent.click(byId('apply-submit'))

    const error = await waitFor(() => byId('apply-error'))
    expect(error.textContent).toContain(message)
    expect(document.getElementById('apply-reason')).toBeNull()
    fireEvent.click(byId('apply-error-link'))
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/account/mine/index' })
  })

  it('goes back to 我的申请 instead of stacking it again when the form was opened from there', async () => {
    ;(Taro.getCurrentPages as jest.Mock).mockReturnValueOnce([{ route: 'packages/account/mine/index' }, { route: 'packages/account/apply/index' }])
    backend(() => fail('APPLICATION_OPEN', errorMessages.APPLICATION_OPEN))
    render(<ApplyPage />)
    await waitFor(() => byId('apply-form'))
    fillValid()
    fireEvent.click(byId('apply-submit'))
    fireEvent.click(await waitFor(() => byId('apply-error-link')))
    expect(Taro.navigateBack).toHaveBeenCalled()
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })

  it('puts the server’s field messages next to the field they concern', async () => {
    backend(() =>
      fail('BAD_INPUT', '提交的内容不符合要求（email）：邮箱格式不正确', { issues: [{ path: 'email', message: '邮箱域名不可用' }] }),
    )
    render(<ApplyPage />)
    await waitFor(() => byId('apply-form'))
    fillValid()
    fireEvent.click(byId('apply-submit'))

    await waitFor(() => expect(errorText('apply-email')).toBe('邮箱域名不可用'))
    expect(document.getElementById('apply-error')).toBeNull()
    type('apply-email', 'zhangsan@example.org')
    expect(errorText('apply-email')).toBeNull()
  })

  it('shows any other refusal above the button', async () => {
    backend(() => fail('INTERNAL', errorMessages.INTERNAL))
    render(<ApplyPage />)
    await waitFor(() => byId('apply-form'))
    fillValid()
    fireEvent.click(byId('apply-submit'))
    await waitFor(() => expect(byId('apply-error').textContent).toBe(errorMessages.INTERNAL))
    expect(document.getElementById('apply-error-link')).toBeNull()
  })
})
