import { fireEvent, render, waitFor, within } from '@testing-library/react'
import { errorMessages } from '@contract'
import RosterImportPage from './index'
import { resetAppState } from '@/store/app'
import { fail, installBackend, ok } from '../../../../test/doubles/backend'
import { admin, head } from '../../../../test/doubles/people'

const CSV = '姓名,手机,邮箱,部门,角色\n张三,13800000001,z@example.com,销售部,员工\n李四,1380000,l@example.com,销售部,经理\n'
const rowErrors = [
  { line: 3, field: '手机', message: '手机号须为11位中国大陆手机号' },
  { line: 3, field: '角色', message: '角色只能是员工、部门负责人或管理员' },
]

function byId(id: string): HTMLElement {
  const found = document.getElementById(id)
  if (!found) throw new Error(`#${id} is not on screen`)
  return found
}

async function openAsAdmin(handlers: Parameters<typeof installBackend>[0]) {
  const backend = installBackend({ 'session.whoami': () => ok({ status: 'bound', person: admin }), ...handlers })
  render(<RosterImportPage />)
  const textarea = await waitFor(() => byId('roster-csv'))
  fireEvent.change(textarea, { target: { value: CSV } })
  return backend
}

beforeEach(() => {
  resetAppState()
  process.env.TARO_ENV = 'h5'
})
afterEach(() => {
  delete process.env.TARO_ENV
})

describe('roster import', () => {
  it('shows the header hint with the allowed roles', async () => {
    installBackend({ 'session.whoami': () => ok({ status: 'bound', person: admin }) })
    render(<RosterImportPage />)
    const hint = await waitFor(() => byId('roster-sample'))
    expect(hint.textContent).toContain('姓名,手机,邮箱,部门,角色')
    expect(hint.textContent).toContain('部门负责人')
  })

  it('checks without committing and lists every row error', async () => {
    const backend = await openAsAdmin({
      'roster.import': () => ok({ rows: 2, errors: rowErrors, committed: false, created: 0, updated: 0 }),
    })
    fireEvent.click(byId('roster-validate'))

    const table = await waitFor(() => byId('roster-errors'))
    expect(backend.callsTo('roster.import')[0]?.payload).toEqual({ csv: CSV, commit: false })
    expect(byId('roster-summary').textContent).toContain('共 2 行，发现 2 处错误')
    const first = within(byId('roster-error-0'))
    expect(first.getByText('3')).toBeTruthy()
    expect(first.getByText('手机')).toBeTruthy()
    expect(first.getByText('手机号须为11位中国大陆手机号')).toBeTruthy()
    expect(within(table).getByText('角色只能是员工、部门负责人或管理员')).toBeTruthy()
    expect(document.getElementById('roster-result')).toBeNull()
  })

  it('reports a clean check as ready to import', async () => {
    await openAsAdmin({ 'roster.import': () => ok({ rows: 2, errors: [], committed: false, created: 1, updated: 1 }) })
    fireEvent.click(byId('roster-validate'))
    const summary = await waitFor(() => byId('roster-summary'))
    expect(summary.textContent).toContain('校验通过')
    expect(document.getElementById('roster-errors')).toBeNull()
  })

  it('shows the row errors of a refused import (ROSTER_INVALID) and says nothing was imported', async () => {
    await openAsAdmin({
      'roster.import': () => fail('ROSTER_INVALID', errorMessages.ROSTER_INVALID, { errors: rowErrors }),
    })
    fireEvent.click(byId('roster-commit'))

    await waitFor(() => byId('roster-errors'))
    expect(byId('roster-summary').textContent).toContain('未导入任何数据')
    expect(byId('roster-error-1').textContent).toContain('角色')
  })

  it('shows created and updated counts after a successful import', async () => {
    const backend = await openAsAdmin({
      'roster.import': () => ok({ rows: 2, errors: [], committed: true, created: 5, updated: 3 }),
    })
    fireEvent.click(byId('roster-commit'))

    const result = await waitFor(() => byId('roster-result'))
    expect(backend.callsTo('roster.import')[0]?.payload).toEqual({ csv: CSV, commit: true })
    expect(result.textContent).toContain('导入成功')
    expect(byId('roster-created').textContent).toBe('5')
    expect(byId('roster-updated').textContent).toBe('3')
  })

  it('drops a report once the text changes', async () => {
    await openAsAdmin({ 'roster.import': () => ok({ rows: 2, errors: rowErrors, committed: false, created: 0, updated: 0 }) })
    fireEvent.click(byId('roster-validate'))
    await waitFor(() => byId('roster-errors'))
    fireEvent.change(byId('roster-csv'), { target: { value: `${CSV}王五,13800000003,w@example.com,行政部,管理员\n` } })
    expect(document.getElementById('roster-errors')).toBeNull()
  })

  it('asks for content before calling the backend', async () => {
    const backend = installBackend({ 'session.whoami': () => ok({ status: 'bound', person: admin }) })
    render(<RosterImportPage />)
    fireEvent.click(await waitFor(() => byId('roster-validate')))
    expect(byId('roster-error').textContent).toBe('请先粘贴花名册内容或选择文件')
    expect(backend.callsTo('roster.import')).toHaveLength(0)
  })

  it('shows other refusals inline', async () => {
    await openAsAdmin({ 'roster.import': () => fail('BAD_INPUT', errorMessages.BAD_INPUT) })
    fireEvent.click(byId('roster-validate'))
    await waitFor(() => expect(byId('roster-error').textContent).toBe(errorMessages.BAD_INPUT))
  })

  it('reads a chosen file into the editor (H5)', async () => {
    installBackend({ 'session.whoami': () => ok({ status: 'bound', person: admin }) })
    render(<RosterImportPage />)
    const input = (await waitFor(() => byId('roster-file'))) as HTMLInputElement
    const file = new File([`\uFEFF${CSV}`], 'roster.csv', { type: 'text/csv' })
    fireEvent.change(input, { target: { files: [file] } })
    await waitFor(() => expect((byId('roster-csv') as HTMLTextAreaElement).value).toBe(CSV))
    expect(byId('roster-file-note').textContent).toContain('roster.csv')
  })

  it('is for admins only', async () => {
    installBackend({ 'session.whoami': () => ok({ status: 'bound', person: head }) })
    render(<RosterImportPage />)
    await waitFor(() => byId('forbidden-screen'))
    expect(document.getElementById('roster-csv')).toBeNull()
  })
})
