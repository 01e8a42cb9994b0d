import { parseCsv } from '../csv'
import { MAX_ROSTER_ROWS, planRosterImport, type RosterDepartment, type RosterPerson } from './import-plan'

const HEADER = '姓名,手机,邮箱,部门,角色'
const departments: RosterDepartment[] = [
  { id: 'd-sales', name: '销售部', headId: 'p-head' },
  { id: 'd-admin', name: '行政部', headId: null },
]
const existing: RosterPerson[] = [
  { id: 'p-head', name: '王磊', mobile: '13900000001', email: 'wl@corp.cn', departmentId: 'd-sales', role: 'head', status: 'active' },
  { id: 'p-admin', name: '陈静', mobile: '13900000002', email: 'cj@corp.cn', departmentId: 'd-admin', role: 'admin', status: 'active' },
]

function plan(csv: string, people = existing) {
  let n = 0
  return planRosterImport(parseCsv(csv), departments, people, () => `new-${++n}`)
}

describe('planRosterImport', () => {
  it('creates new people, with ids from the generator, and counts rows', () => {
    const result = plan(`${HEADER}\n李娜,13900000003,ln@corp.cn,销售部,员工\n张伟,13900000004,zw@corp.cn,行政部,部门负责人`)
    expect(result.errors).toEqual([])
    expect(result.rows).toBe(2)
    expect(result.creates).toEqual([
      { id: 'new-1', name: '李娜', mobile: '13900000003', email: 'ln@corp.cn', departmentId: 'd-sales', role: 'employee', status: 'active' },
      { id: 'new-2', name: '张伟', mobile: '13900000004', email: 'zw@corp.cn', departmentId: 'd-admin', role: 'head', status: 'active' },
    ])
    expect(result.headChanges).toEqual([{ departmentId: 'd-admin', before: null, headId: 'new-2' }])
  })

  it('matches existing people by mobile and updates only what changed', () => {
    const unchanged = plan(`${HEADER}\n王磊,13900000001,wl@corp.cn,销售部,部门负责人`)
    expect(unchanged.errors).toEqual([])
    expect(unchanged.updates).toEqual([])
    const renamed = plan(`${HEADER}\n王磊磊,13900000001,wl@corp.cn,销售部,负责人`)
    expect(renamed.updates).toEqual([
      {
        id: 'p-head',
        before: existing[0],
        after: { name: '王磊磊', mobile: '13900000001', email: 'wl@corp.cn', departmentId: 'd-sales', role: 'head', status: 'active' },
      },
    ])
  })

  it('accepts English headers and role names', () => {
    const result = plan('name,mobile,email,department,role\nLi Na,13900000003,ln@corp.cn,销售部,employee')
    expect(result.errors).toEqual([])
    expect(result.creates).toHaveLength(1)
  })

  it('reports every bad field of every row with its line, and plans nothing', () => {
    const result = plan(`${HEADER}\n,12345,not-an-email,研发部,老板\n李娜,13900000003,ln@corp.cn,销售部,员工`)
    expect(result.creates).toEqual([])
    expect(result.errors).toEqual([
      { line: 2, field: '姓名', message: '姓名不能为空' },
      { line: 2, field: '手机', message: '手机号须为11位中国大陆手机号' },
      { line: 2, field: '邮箱', message: '邮箱格式不正确' },
      { line: 2, field: '部门', message: '部门「研发部」不存在，请先添加部门' },
      { line: 2, field: '角色', message: '角色须为：员工、部门负责人或管理员' },
    ])
  })

  it('refuses a missing column, an empty roster and an oversized one', () => {
    expect(plan('姓名,手机,邮箱,部门\n李娜,13900000003,ln@corp.cn,销售部').errors[0]).toMatchObject({ line: 1, field: '表头', message: expect.stringContaining('角色') })
    expect(plan(HEADER).errors[0].message).toContain('没有员工数据')
    expect(plan('').errors[0].message).toBe('花名册为空')
    const many = Array.from({ length: MAX_ROSTER_ROWS + 1 }, (_, i) => `某某,139${String(i).padStart(8, '0')},a${i}@c.cn,销售部,员工`)
    expect(plan([HEADER, ...many].join('\n')).errors[0].message).toContain('分批')
  })

  it('refuses duplicate mobiles and emails within the file, and an email owned by someone else', () => {
    const result = plan(`${HEADER}\n李娜,13900000003,ln@corp.cn,销售部,员工\n李娜2,13900000003,LN@corp.cn,销售部,员工\n赵雪,13900000005,wl@corp.cn,销售部,员工`)
    expect(result.errors).toEqual([
      { line: 3, field: '手机', message: '手机号与第2行重复' },
      { line: 3, field: '邮箱', message: '邮箱与第2行重复' },
      { line: 4, field: '邮箱', message: '邮箱已被「王磊」使用' },
    ])
  })

  it('allows one head per department, counting heads already in the roster', () => {
    const result = plan(`${HEADER}\n李娜,13900000003,ln@corp.cn,销售部,部门负责人`)
    expect(result.errors).toEqual([{ line: 2, field: '角色', message: '部门「销售部」只能有一位负责人（当前：王磊、李娜）' }])
  })

  it('lets a head be replaced in the same import', () => {
    const result = plan(`${HEADER}\n王磊,13900000001,wl@corp.cn,销售部,员工\n李娜,13900000003,ln@corp.cn,销售部,部门负责人`)
    expect(result.errors).toEqual([])
    expect(result.headChanges).toEqual([{ departmentId: 'd-sales', before: 'p-head', headId: 'new-1' }])
  })

  it('keeps at least one admin', () => {
    const result = plan(`${HEADER}\n陈静,13900000002,cj@corp.cn,行政部,员工`)
    expect(result.errors).toEqual([{ line: 2, field: '角色', message: '至少需要保留一位管理员' }])
  })

  it('lets the very first import create the admin', () => {
    const result = plan(`${HEADER}\n陈静,13900000009,cj9@corp.cn,行政部,管理员`, [])
    expect(result.errors).toEqual([])
    expect(result.headChanges).toEqual([{ departmentId: 'd-sales', before: 'p-head', headId: null }])
  })
})
