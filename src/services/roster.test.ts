import { errorMessages } from '@contract'
import { fail, installBackend, ok } from '../../test/doubles/backend'
import { importRoster, listPeople } from './roster'

beforeEach(() => {
  process.env.TARO_ENV = 'h5'
})
afterEach(() => {
  delete process.env.TARO_ENV
})

describe('importRoster', () => {
  it('passes a checked roster through as a report', async () => {
    const backend = installBackend({
      'roster.import': () => ok({ rows: 2, errors: [], committed: false, created: 2, updated: 0 }),
    })
    await expect(importRoster('姓名,手机\n', false)).resolves.toEqual({ rows: 2, errors: [], committed: false, created: 2, updated: 0 })
    expect(backend.callsTo('roster.import')[0]?.payload).toEqual({ csv: '姓名,手机\n', commit: false })
  })

  it('turns ROSTER_INVALID into a report of the row errors in details', async () => {
    const errors = [
      { line: 3, field: '手机', message: '手机号须为11位中国大陆手机号' },
      { line: 5, field: '角色', message: '角色只能是员工、部门负责人或管理员' },
    ]
    installBackend({ 'roster.import': () => fail('ROSTER_INVALID', errorMessages.ROSTER_INVALID, { errors, rows: 9 }) })
    await expect(importRoster('x', true)).resolves.toEqual({ rows: 9, errors, committed: false, created: 0, updated: 0 })
  })

  it('drops malformed rows in details and still fails when none are left', async () => {
    installBackend({ 'roster.import': () => fail('ROSTER_INVALID', errorMessages.ROSTER_INVALID, { errors: [{ line: 'x' }] }) })
    await expect(importRoster('x', true)).rejects.toMatchObject({ code: 'ROSTER_INVALID' })
  })

  it('rethrows other refusals', async () => {
    installBackend({ 'roster.import': () => fail('FORBIDDEN', errorMessages.FORBIDDEN) })
    await expect(importRoster('x', false)).rejects.toMatchObject({ code: 'FORBIDDEN', message: errorMessages.FORBIDDEN })
  })
})

describe('listPeople', () => {
  it('sends only the filters that narrow the list', async () => {
    const backend = installBackend({ 'roster.listPeople': () => ok({ items: [], total: 0, page: 1, pageSize: 20 }) })
    await listPeople({ page: 1, pageSize: 20, keyword: '  ', departmentId: '' })
    await listPeople({ page: 2, pageSize: 20, keyword: ' 张 ', departmentId: 'd-sales' })
    expect(backend.callsTo('roster.listPeople').map((call) => call.payload)).toEqual([
      { page: 1, pageSize: 20 },
      { page: 2, pageSize: 20, keyword: '张', departmentId: 'd-sales' },
    ])
  })
})
