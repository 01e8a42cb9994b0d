import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages, type PersonSummary } from '@contract'
import ViolationRecordPage from './index'
import { addDays, shanghaiToday } from '@/services/accounts'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee, head, person } from '../../../../test/doubles/people'
import { clauseOptions, violationDetail } from '../../../../test/doubles/violations'
import { byId, control, errorText, pick, pickerOf, renderPagesAsH5, shown, type } from '../../../../test/doubles/screen'

const staff: PersonSummary[] = [head, employee, person({ id: 'p-zhao', name: '赵六' })]

function backend(viewer: PersonSummary, handlers: Record<string, Handler> = {}) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'violation.clauses': () => ok(clauseOptions()),
    'roster.listPeople': ({ page, pageSize }) => ok({ items: staff.slice((page - 1) * pageSize, page * pageSize), total: staff.length, page, pageSize }),
    'violation.record': () => ok(violationDetail({ id: 'v-9' })),
    ...handlers,
  })
}

async function openForm() {
  render(<ViolationRecordPage />)
  await waitFor(() => byId('violation-person-p-zhang'))
}

/** Everything a valid record needs, as a head fills it in. */
function fillIn() {
  fireEvent.click(byId('violation-person-p-zhang'))
  fireEvent.click(byId('violation-clause-communication-messages'))
  fireEvent.click(byId('violation-severity-major'))
  fireEvent.click(byId('violation-penalty-preset-1'))
  type('violation-description', ' 客户咨询报价后超过两个工作日未回复。 ')
}

renderPagesAsH5()

describe('record a violation', () => {
  it('offers the head their own department’s people, not themself, and the sections in force by chapter', async () => {
    const calls = backend(head)
    await openForm()
    expect(calls.callsTo('roster.listPeople')[0]?.payload).toEqual({ page: 1, pageSize: 10, departmentId: 'd-sales', status: 'active' })
    expect(shown('violation-person-p-li')).toBe(false)
    expect(shown('violation-person-p-zhao')).toBe(true)
    expect(byId('violation-clause').textContent).toContain('违反条款（现行第1版）')
    expect(byId('violation-clauses').textContent).toContain('第2章 业务微信沟通规范')
    expect(byId('violation-clause-information-confidential').textContent).toContain('5.3 信息保密与权限管理')
  })

  it('lets an admin choose from everyone', async () => {
    const calls = backend(admin)
    await openForm()
    expect(calls.callsTo('roster.listPeople')[0]?.payload).toEqual({ page: 1, pageSize: 10, status: 'active' })
  })

  it('says what is missing and sends nothing while something is wrong', async () => {
    const calls = backend(head)
    await openForm()
    fireEvent.click(byId('violation-submit'))
    expect(errorText('violation-person')).toBe('请选择违规人员')
    expect(errorText('violation-clause')).toBe('请选择违反的制度条款')
    expect(errorText('violation-category')).toBe('请选择违规类别')
    expect(errorText('violation-severity')).toBe('请选择严重程度')
    expect(errorText('violation-points')).toBeNull()
    expect(errorText('violation-penalty')).toBe('请填写处理措施')
    expect(errorText('violation-description')).toBe('请写明违规经过')
    expect(errorText('violation-occurred-on')).toBeNull()
    expect(calls.callsTo('violation.record')).toHaveLength(0)

    // The box stops at the limit the server sets.
    type('violation-description', '经'.repeat(501))
    expect(control('violation-description').value).toHaveLength(500)
    expect(errorText('violation-description')).toBeNull()
    type('violation-penalty', '   ')
    expect(errorText('violation-penalty')).toBe('请填写处理措施')
  })

  it('proposes the severity’s points and the category of the section, both adjustable', async () => {
    backend(head)
    await openForm()
    fireEvent.click(byId('violation-clause-communication-messages'))
    expect(byId('violation-clause-chosen').textContent).toContain('3.2 信息发布与回复')
    expect(shown('violation-clause-accounts-use')).toBe(false)
    expect(byId('violation-category-communication').className).toContain('active')
    fireEvent.click(byId('violation-severity-serious'))
    expect(control('violation-points').value).toBe('10')
    fireEvent.click(byId('violation-severity-minor'))
    expect(control('violation-points').value).toBe('2')
    type('violation-points', '31')
    expect(errorText('violation-points')).toBe('扣分须为0-30的整数')
    type('violation-points', '')
    expect(errorText('violation-points')).toBe('扣分须为0-30的整数')
    type('violation-points', '0')
    expect(errorText('violation-points')).toBeNull()

    // A category the recorder chose stays when they change the section.
    fireEvent.click(byId('violation-category-other'))
    fireEvent.click(byId('violation-clause-change'))
    fireEvent.click(byId('violation-clause-information-confidential'))
    expect(byId('violation-category-other').className).toContain('active')
    expect(byId('violation-category-confidentiality').className).not.toContain('active')
  })

  it('dates it today by default, never later', async () => {
    backend(head)
    await openForm()
    const today = shanghaiToday()
    expect(pickerOf('violation-occurred-on')).toMatchObject({ value: today, end: today })
    pick('violation-occurred-on', addDays(today, 1))
    expect(errorText('violation-occurred-on')).toBe(errorMessages.DATE_IN_FUTURE)
    pick('violation-occurred-on', addDays(today, -3))
    expect(errorText('violation-occurred-on')).toBeNull()
    expect(byId('violation-occurred-on-value').textContent).toBe(addDays(today, -3))
  })

  it('sends the record as filled in and opens it', async () => {
    const calls = backend(head)
    await openForm()
    fillIn()
    expect(control('violation-penalty').value).toBe('书面警告')
    type('violation-points', '6')
    fireEvent.click(byId('violation-submit'))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/supervision/violation/index?id=v-9' }))
    expect(calls.callsTo('violation.record').map((c) => c.payload)).toEqual([
      {
        personId: 'p-zhang',
        occurredOn: shanghaiToday(),
        versionId: 'policy-v1',
        sectionKey: 'communication-messages',
        category: 'communication',
        severity: 'major',
        points: 6,
        penalty: '书面警告',
        description: '客户咨询报价后超过两个工作日未回复。',
      },
    ])
  })

  it('puts a refusal about the person next to the person, and others above the button', async () => {
    let answer = fail('PERSON_LEFT', errorMessages.PERSON_LEFT)
    backend(head, { 'violation.record': () => answer })
    await openForm()
    fillIn()
    fireEvent.click(byId('violation-submit'))
    await waitFor(() => expect(errorText('violation-person')).toBe(errorMessages.PERSON_LEFT))
    expect(shown('violation-record-error')).toBe(false)

    answer = fail('POLICY_NOT_IN_FORCE', errorMessages.POLICY_NOT_IN_FORCE)
    fireEvent.click(byId('violation-submit'))
    await waitFor(() => expect(byId('violation-record-error').textContent).toBe(errorMessages.POLICY_NOT_IN_FORCE))
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })

  it('is for heads and admins, and only once a version is in force', async () => {
    backend(employee)
    render(<ViolationRecordPage />)
    await waitFor(() => byId('forbidden-screen'))
  })

  it('explains that nothing can be cited before a version is in force', async () => {
    backend(head, { 'violation.clauses': () => ok({ version: null, sections: [] }) })
    render(<ViolationRecordPage />)
    await waitFor(() => byId('violation-record-no-policy'))
    expect(shown('violation-submit')).toBe(false)
  })
})
