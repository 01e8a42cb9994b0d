import { act, fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages } from '@contract'
import WorkbenchPage from '@/pages/workbench/index'
import AdminPage from '@/pages/admin/index'
import ApprovalsPage from '@/pages/approvals/index'
import MePage from '@/pages/me/index'
import { fail, installBackend, ok } from '../../../test/doubles/backend'
import { admin, employee, head } from '../../../test/doubles/people'
import { renderPagesAsH5 } from '../../../test/doubles/screen'

const devPeople = [
  { id: 'p-zhang', name: '张三', role: 'employee', departmentId: 'd-sales', departmentName: '销售部', bound: true },
  { id: 'p-li', name: '李四', role: 'head', departmentId: 'd-sales', departmentName: '销售部', bound: false },
  { id: 'p-wang', name: '王五', role: 'admin', departmentId: 'd-admin', departmentName: '行政部', bound: true },
]

function byId(id: string): HTMLElement {
  const found = document.getElementById(id)
  if (!found) throw new Error(`#${id} is not on screen`)
  return found
}

async function findById(id: string): Promise<HTMLElement> {
  return waitFor(() => byId(id))
}

renderPagesAsH5()

describe('session gate, H5', () => {
  it('shows the dev sign-in when there is no session, and signs in as the chosen person', async () => {
    let signedIn: string | null = null
    const backend = installBackend({
      'session.whoami': () => (signedIn ? ok({ status: 'bound', person: admin }) : fail('NOT_SIGNED_IN', errorMessages.NOT_SIGNED_IN)),
      'GET /dev/people': () => ok({ people: devPeople }),
      'POST /dev/sign-in': ({ personId }) => {
        signedIn = personId
        return ok({ personId })
      },
    })
    render(<WorkbenchPage />)

    const signIn = await findById('dev-sign-in')
    expect(byId('dev-sign-in-note').textContent).toContain('仅限本地环境')
    await waitFor(() => byId('person-p-wang'))
    // Grouped by department, with role tags and the unbound marker.
    expect(within(signIn).getByText('销售部')).toBeTruthy()
    expect(within(signIn).getByText('行政部')).toBeTruthy()
    expect(within(byId('person-p-li')).getByText('部门负责人')).toBeTruthy()
    expect(within(byId('person-p-li')).getByText('未绑定')).toBeTruthy()

    fireEvent.click(within(byId('person-p-wang')).getByText('王五'))

    await waitFor(() => expect(byId('whoami-name').textContent).toBe('王五'))
    expect(byId('whoami-role').textContent).toBe('管理员')
    expect(byId('whoami-department').textContent).toBe('行政部')
    expect(backend.callsTo('POST /dev/sign-in')).toEqual([{ key: 'POST /dev/sign-in', payload: { personId: 'p-wang' } }])
    // An admin sees the admin tab and the roster entry.
    expect(byId('tab-admin')).toBeTruthy()
    expect(byId('entry-roster')).toBeTruthy()
  })

  it('filters the people by name or department', async () => {
    installBackend({
      'session.whoami': () => fail('NOT_SIGNED_IN'),
      'GET /dev/people': () => ok({ people: devPeople }),
    })
    render(<WorkbenchPage />)
    await findById('person-p-wang')

    fireEvent.change(byId('dev-people-search').querySelector('input') as HTMLInputElement, { target: { value: '行政' } })

    await waitFor(() => expect(document.getElementById('person-p-zhang')).toBeNull())
    expect(byId('person-p-wang')).toBeTruthy()
  })

  it('enters as a visitor, which lands on the unbound screen', async () => {
    let visitor = false
    const backend = installBackend({
      'session.whoami': () => (visitor ? ok({ status: 'unbound' }) : fail('NOT_SIGNED_IN')),
      'GET /dev/people': () => ok({ people: devPeople }),
      'POST /dev/sign-in': () => {
        visitor = true
        return ok({ personId: null })
      },
    })
    render(<WorkbenchPage />)
    fireEvent.click(await findById('visitor-sign-in'))

    const unbound = await findById('unbound-screen')
    expect(unbound.textContent).toContain('尚未绑定')
    expect(unbound.textContent).toContain('手机号')
    expect(backend.callsTo('POST /dev/sign-in')[0]?.payload).toEqual({ visitor: true })
    // No phone button in a browser; the way out is switching identity.
    expect(document.getElementById('bind-phone')).toBeNull()
    fireEvent.click(byId('switch-identity'))
    await findById('dev-sign-in')
  })

  it('shows a retryable error when whoami fails for another reason', async () => {
    let attempts = 0
    installBackend({
      'session.whoami': () => (++attempts === 1 ? fail('INTERNAL', errorMessages.INTERNAL) : ok({ status: 'bound', person: employee })),
    })
    render(<WorkbenchPage />)
    const error = await findById('session-error')
    expect(error.textContent).toContain(errorMessages.INTERNAL)
    fireEvent.click(within(error).getByText('重试'))
    await waitFor(() => expect(byId('whoami-name').textContent).toBe('张三'))
  })

  it('hides the admin tab from non-admins and the admin page refuses them', async () => {
    installBackend({ 'session.whoami': () => ok({ status: 'bound', person: employee }) })
    render(<AdminPage />)
    await findById('forbidden-screen')
    expect(document.getElementById('admin-home')).toBeNull()
    expect(byId('tab-workbench')).toBeTruthy()
    expect(document.getElementById('tab-admin')).toBeNull()
  })

  it('asks whoami once for several tab pages', async () => {
    const backend = installBackend({
      'session.whoami': () => ok({ status: 'bound', person: head }),
      'todo.list': () => ok({ approvals: [], mine: [] }),
    })
    render(
      <>
        <ApprovalsPage />
        <MePage />
      </>,
    )
    await findById('todo-approvals-empty')
    expect(byId('me-role').textContent).toBe('部门负责人')
    expect(byId('me-mobile').textContent).toBe('138****0001')
    expect(backend.callsTo('session.whoami')).toHaveLength(1)
  })

  it('gives employees their own applications, not a review queue', async () => {
    installBackend({
      'session.whoami': () => ok({ status: 'bound', person: employee }),
      'todo.list': () => ok({ approvals: [], mine: [] }),
    })
    render(<ApprovalsPage />)
    await findById('todo-mine-empty')
    expect(document.getElementById('todo-approvals')).toBeNull()
  })

  it('signs out from 我的 back to the dev sign-in', async () => {
    let signedIn = true
    installBackend({
      'session.whoami': () => (signedIn ? ok({ status: 'bound', person: employee }) : fail('NOT_SIGNED_IN')),
      'POST /dev/sign-out': () => {
        signedIn = false
        return ok({})
      },
      'GET /dev/people': () => ok({ people: devPeople }),
    })
    render(<MePage />)
    fireEvent.click(await findById('sign-out'))
    await findById('dev-sign-in')
  })
})

describe('session gate, WeChat', () => {
  let consoleError: jest.SpyInstance
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
    // NutUI's icons write mini-program style keys when TARO_ENV is weapp; React DOM complains about them.
    const original = console.error
    consoleError = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].includes('Unsupported style property')) return
      original(...args)
    })
  })
  afterEach(() => consoleError.mockRestore())

  it('binds by phone with the code from the getPhoneNumber button', async () => {
    let bound = false
    const backend = installBackend({
      'session.whoami': () => ok(bound ? { status: 'bound', person: employee } : { status: 'unbound' }),
      'session.bindByPhone': () => {
        bound = true
        return ok({ status: 'bound', person: employee })
      },
    })
    render(<WorkbenchPage />)
    const button = await findById('bind-phone')
    expect(button.getAttribute('data-open-type')).toBe('getPhoneNumber')
    expect(document.getElementById('switch-identity')).toBeNull()

    await act(async () => {
      button.dispatchEvent(new CustomEvent('getphonenumber', { detail: { code: 'one-time-code', errMsg: 'getPhoneNumber:ok' } }))
    })

    await waitFor(() => expect(byId('whoami-name').textContent).toBe('张三'))
    expect(backend.callsTo('session.bindByPhone')[0]?.payload).toEqual({ code: 'one-time-code' })
    expect(Taro.cloud.callFunction).toHaveBeenCalledWith({
      name: 'api',
      data: { action: 'session.bindByPhone', payload: { code: 'one-time-code' } },
    })
  })

  it('says clearly when the phone number is not in the roster', async () => {
    installBackend({
      'session.whoami': () => ok({ status: 'unbound' }),
      'session.bindByPhone': () => fail('PHONE_NOT_IN_ROSTER', errorMessages.PHONE_NOT_IN_ROSTER),
    })
    render(<WorkbenchPage />)
    const button = await findById('bind-phone')
    await act(async () => {
      button.dispatchEvent(new CustomEvent('getphonenumber', { detail: { code: 'c' } }))
    })
    await waitFor(() => expect(byId('bind-error').textContent).toBe(errorMessages.PHONE_NOT_IN_ROSTER))
    expect(byId('unbound-screen')).toBeTruthy()
  })

  it('does not call the backend when the user declines to share the number', async () => {
    const backend = installBackend({ 'session.whoami': () => ok({ status: 'unbound' }) })
    render(<WorkbenchPage />)
    const button = await findById('bind-phone')
    await act(async () => {
      button.dispatchEvent(new CustomEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:fail user deny' } }))
    })
    expect(byId('bind-error').textContent).toBe('需要授权手机号才能完成绑定')
    expect(backend.callsTo('session.bindByPhone')).toHaveLength(0)
  })

  it('never shows the dev sign-in, even if the backend says NOT_SIGNED_IN', async () => {
    installBackend({ 'session.whoami': () => fail('NOT_SIGNED_IN', errorMessages.NOT_SIGNED_IN) })
    render(<WorkbenchPage />)
    await findById('session-error')
    expect(document.getElementById('dev-sign-in')).toBeNull()
  })
})
