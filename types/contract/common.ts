import { z } from 'zod'

export const roles = ['employee', 'head', 'admin'] as const
export const roleSchema = z.enum(roles)
export type Role = z.infer<typeof roleSchema>

export const roleLabels: Record<Role, string> = {
  employee: '员工',
  head: '部门负责人',
  admin: '管理员',
}

/** Who may call an action: a bound role, or `unbound` for callers not yet linked to the roster. */
export type Audience = Role | 'unbound'

export const idSchema = z.string().min(1, '缺少编号').max(64, '编号过长')

/** Mainland China mobile numbers: 11 digits starting with 1[3-9]. */
export const cnMobileSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '手机号须为11位中国大陆手机号')

export const emailSchema = z.string().trim().max(120, '邮箱过长').email('邮箱格式不正确')

export const personNameSchema = z
  .string()
  .trim()
  .min(1, '姓名不能为空')
  .max(32, '姓名不能超过32个字')

export const departmentNameSchema = z
  .string()
  .trim()
  .min(1, '部门名称不能为空')
  .max(32, '部门名称不能超过32个字')

export const pageInputSchema = z.object({
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
})

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
}

export const emptySchema = z.object({}).strict()
