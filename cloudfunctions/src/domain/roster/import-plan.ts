import {
  cnMobileSchema,
  emailSchema,
  personNameSchema,
  type Role,
  type RosterRowError,
} from '../../../../types/contract'
import type { CsvRecord } from '../csv'

/** Header names accepted for each column: Chinese as staff write them, English for exports. */
const COLUMNS = {
  name: ['姓名', 'name'],
  mobile: ['手机', '手机号', '手机号码', 'mobile'],
  email: ['邮箱', '电子邮箱', 'email'],
  department: ['部门', 'department'],
  role: ['角色', 'role'],
} as const
type Column = keyof typeof COLUMNS

const COLUMN_LABELS: Record<Column, string> = { name: '姓名', mobile: '手机', email: '邮箱', department: '部门', role: '角色' }

const ROLE_BY_LABEL: Record<string, Role> = {
  员工: 'employee',
  employee: 'employee',
  部门负责人: 'head',
  负责人: 'head',
  head: 'head',
  管理员: 'admin',
  admin: 'admin',
}

/** Each import commits in one transaction; WeChat Cloud functions must finish well inside 60 s. */
export const MAX_ROSTER_ROWS = 500

export interface RosterDepartment {
  id: string
  name: string
  headId: string | null
}

export interface RosterPerson {
  id: string
  name: string
  mobile: string
  email: string
  departmentId: string
  role: Role
  status: 'active' | 'left'
}

export type PersonFields = Omit<RosterPerson, 'id'>

export interface RosterPlan {
  rows: number
  errors: RosterRowError[]
  creates: RosterPerson[]
  updates: Array<{ id: string; before: RosterPerson; after: PersonFields }>
  /** Departments whose head changes, with the new head (null = none). */
  headChanges: Array<{ departmentId: string; before: string | null; headId: string | null }>
}

interface ParsedRow {
  line: number
  fields: PersonFields
}

function columnIndexes(header: string[]): { indexes: Record<Column, number>; missing: Column[] } {
  const normalized = header.map((h) => h.trim().toLowerCase())
  const indexes = {} as Record<Column, number>
  const missing: Column[] = []
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const index = normalized.findIndex((h) => (COLUMNS[column] as readonly string[]).includes(h))
    if (index === -1) missing.push(column)
    indexes[column] = index
  }
  return { indexes, missing }
}

/**
 * Decides, without touching the database, what importing a roster would change and
 * every reason it cannot. The caller writes nothing unless `errors` is empty.
 */
export function planRosterImport(
  records: CsvRecord[],
  departments: RosterDepartment[],
  existing: RosterPerson[],
  makeId: () => string,
): RosterPlan {
  const plan: RosterPlan = { rows: 0, errors: [], creates: [], updates: [], headChanges: [] }
  const error = (line: number, field: string, message: string) => plan.errors.push({ line, field, message })

  const [header, ...dataRecords] = records
  if (!header) {
    error(1, '表头', '花名册为空')
    return plan
  }
  const { indexes, missing } = columnIndexes(header.cells)
  if (missing.length > 0) {
    error(header.line, '表头', `缺少列：${missing.map((c) => COLUMN_LABELS[c]).join('、')}（需要：姓名,手机,邮箱,部门,角色）`)
    return plan
  }
  plan.rows = dataRecords.length
  if (dataRecords.length === 0) {
    error(header.line, '表头', '花名册只有表头，没有员工数据')
    return plan
  }
  if (dataRecords.length > MAX_ROSTER_ROWS) {
    error(header.line, '表头', `一次最多导入${MAX_ROSTER_ROWS}行，请分批导入`)
    return plan
  }

  const departmentByName = new Map(departments.map((d) => [d.name, d]))
  const existingByMobile = new Map(existing.map((p) => [p.mobile, p]))
  const existingByEmail = new Map(existing.map((p) => [p.email.toLowerCase(), p]))
  const firstLineOfMobile = new Map<string, number>()
  const firstLineOfEmail = new Map<string, number>()
  const parsed: ParsedRow[] = []

  for (const record of dataRecords) {
    const cell = (column: Column) => record.cells[indexes[column]] ?? ''
    const before = plan.errors.length
    const check = <T>(column: Column, result: { success: true; data: T } | { success: false; error: { issues: Array<{ message: string }> } }): T | undefined => {
      if (result.success) return result.data
      error(record.line, COLUMN_LABELS[column], result.error.issues[0]?.message ?? '格式不正确')
      return undefined
    }
    const name = check('name', personNameSchema.safeParse(cell('name')))
    const mobile = check('mobile', cnMobileSchema.safeParse(cell('mobile')))
    const email = check('email', emailSchema.safeParse(cell('email')))
    const department = departmentByName.get(cell('department').trim())
    if (!department) {
      error(record.line, '部门', cell('department') ? `部门「${cell('department')}」不存在，请先添加部门` : '部门不能为空')
    }
    const role = ROLE_BY_LABEL[cell('role').trim().toLowerCase()] ?? ROLE_BY_LABEL[cell('role').trim()]
    if (!role) error(record.line, '角色', '角色须为：员工、部门负责人或管理员')

    if (mobile) {
      const seen = firstLineOfMobile.get(mobile)
      if (seen !== undefined) error(record.line, '手机', `手机号与第${seen}行重复`)
      else firstLineOfMobile.set(mobile, record.line)
    }
    if (email) {
      const key = email.toLowerCase()
      const seen = firstLineOfEmail.get(key)
      if (seen !== undefined) error(record.line, '邮箱', `邮箱与第${seen}行重复`)
      else firstLineOfEmail.set(key, record.line)
      const owner = existingByEmail.get(key)
      if (owner && owner.mobile !== mobile) error(record.line, '邮箱', `邮箱已被「${owner.name}」使用`)
    }
    if (plan.errors.length === before && name && mobile && email && department && role) {
      parsed.push({
        line: record.line,
        fields: { name, mobile, email, departmentId: department.id, role, status: 'active' },
      })
    }
  }

  // The roster after the import, to check rules that span rows: one head per department, at least one admin.
  const finalByMobile = new Map<string, { fields: PersonFields; line: number | null; id: string }>()
  for (const p of existing) finalByMobile.set(p.mobile, { fields: p, line: null, id: p.id })
  for (const row of parsed) {
    const prior = finalByMobile.get(row.fields.mobile)
    finalByMobile.set(row.fields.mobile, { fields: row.fields, line: row.line, id: prior?.id ?? makeId() })
  }
  const active = [...finalByMobile.values()].filter((p) => p.fields.status === 'active')

  for (const department of departments) {
    const heads = active.filter((p) => p.fields.departmentId === department.id && p.fields.role === 'head')
    if (heads.length > 1) {
      const names = heads.map((h) => h.fields.name).join('、')
      for (const head of heads) {
        if (head.line !== null) error(head.line, '角色', `部门「${department.name}」只能有一位负责人（当前：${names}）`)
      }
      continue
    }
    const headId = heads[0]?.id ?? null
    if (headId !== department.headId) plan.headChanges.push({ departmentId: department.id, before: department.headId, headId })
  }

  if (existing.some((p) => p.role === 'admin' && p.status === 'active') && !active.some((p) => p.fields.role === 'admin')) {
    for (const row of parsed) {
      const prior = existingByMobile.get(row.fields.mobile)
      if (prior?.role === 'admin') error(row.line, '角色', '至少需要保留一位管理员')
    }
  }

  if (plan.errors.length > 0) {
    plan.errors.sort((a, b) => a.line - b.line)
    return plan
  }

  for (const row of parsed) {
    const prior = existingByMobile.get(row.fields.mobile)
    if (!prior) {
      plan.creates.push({ id: finalByMobile.get(row.fields.mobile)!.id, ...row.fields })
      continue
    }
    const changed = (Object.keys(row.fields) as Array<keyof PersonFields>).some((k) => row.fields[k] !== prior[k])
    if (changed) plan.updates.push({ id: prior.id, before: prior, after: row.fields })
  }
  return plan
}
