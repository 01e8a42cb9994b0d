import { z } from 'zod'
import { bound, spec } from './action-spec'
import { isoDateSchema } from './accounts'
import { cnMobileSchema, emptySchema, idSchema, pageInputSchema, pageOf } from './common'

/**
 * Customer files (四.一.3) kept by whoever added the customer on their business account
 * (三.一.1), with what happened since: communications, planned follow-ups and feedback.
 * The owner writes the file; their head and the administration read it.
 */

export const customerSources = ['self_added', 'customer_added', 'referral', 'event', 'other'] as const
export const customerSourceSchema = z.enum(customerSources)
export type CustomerSource = z.infer<typeof customerSourceSchema>
export const customerSourceLabels: Record<CustomerSource, string> = {
  self_added: '主动添加',
  customer_added: '客户主动添加',
  referral: '同事推荐',
  event: '活动或展会',
  other: '其他',
}

export const MAX_CUSTOMER_TAGS = 8
export const CUSTOMER_TAG_MAX = 12

export const customerNameSchema = z.string().trim().min(1, '请填写客户姓名').max(32, '客户姓名不能超过32个字')
export const customerCompanySchema = z.string().trim().max(60, '公司名称不能超过60个字')
export const customerTagSchema = z.string().trim().min(1, '标签不能为空').max(CUSTOMER_TAG_MAX, `每个标签不能超过${CUSTOMER_TAG_MAX}个字`)
export const customerTagsSchema = z
  .array(customerTagSchema)
  .max(MAX_CUSTOMER_TAGS, `最多${MAX_CUSTOMER_TAGS}个标签`)
  .refine((tags) => new Set(tags).size === tags.length, '标签不能重复')

const customerFields = {
  name: customerNameSchema,
  /** Left out (not sent empty) when the customer gave none. */
  company: customerCompanySchema.optional(),
  phone: cnMobileSchema.optional(),
  source: customerSourceSchema,
  tags: customerTagsSchema.default([]),
}

export const createCustomerInput = z
  .object({
    ...customerFields,
    /** The employee introduced themself and the company, and the customer agreed to be added. */
    consent: z.literal(true, { errorMap: () => ({ message: '请确认已做自我介绍并征得客户同意' }) }),
  })
  .strict()
export type CreateCustomerInput = z.infer<typeof createCustomerInput>

/** Replaces the basic information; leaving company or phone out clears it. */
export const updateCustomerInput = z.object({ customerId: idSchema, ...customerFields }).strict()
export type UpdateCustomerInput = z.infer<typeof updateCustomerInput>

export const customerIdInput = z.object({ customerId: idSchema }).strict()

export const contactChannels = ['wechat', 'phone', 'meeting', 'email', 'other'] as const
export const contactChannelSchema = z.enum(contactChannels)
export type ContactChannel = z.infer<typeof contactChannelSchema>
export const contactChannelLabels: Record<ContactChannel, string> = {
  wechat: '微信',
  phone: '电话',
  meeting: '面谈',
  email: '邮件',
  other: '其他',
}

export const logContactInput = z
  .object({
    customerId: idSchema,
    /** Shanghai date of the communication, today or earlier. */
    on: isoDateSchema,
    channel: contactChannelSchema,
    summary: z.string().trim().min(1, '请填写沟通要点').max(300, '沟通要点不能超过300个字'),
    nextStep: z.string().trim().max(120, '下一步不能超过120个字').optional(),
  })
  .strict()
export type LogContactInput = z.infer<typeof logContactInput>

/** How far ahead a follow-up can be planned; beyond a year it is a wish, not a plan. */
export const FOLLOW_UP_MAX_DAYS_AHEAD = 366

export const planFollowUpInput = z
  .object({
    customerId: idSchema,
    dueOn: isoDateSchema,
    what: z.string().trim().min(1, '请填写跟进内容').max(120, '跟进内容不能超过120个字'),
  })
  .strict()
export type PlanFollowUpInput = z.infer<typeof planFollowUpInput>

export const followUpOutcomeSchema = z.enum(['done', 'cancelled'])
export const closeFollowUpInput = z
  .object({
    followUpId: idSchema,
    outcome: followUpOutcomeSchema,
    note: z.string().trim().max(120, '说明不能超过120个字').optional(),
  })
  .strict()
export type CloseFollowUpInput = z.infer<typeof closeFollowUpInput>

export const COMPLAINT_MIN = 2
export const addFeedbackInput = z
  .object({
    customerId: idSchema,
    on: isoDateSchema,
    satisfaction: z.number({ required_error: '请选择满意度' }).int().min(1, '满意度为1-5分').max(5, '满意度为1-5分'),
    complaint: z.boolean(),
    content: z.string().trim().max(300, '反馈内容不能超过300个字').optional(),
  })
  .strict()
  .refine((v) => !v.complaint || (v.content ?? '').length >= COMPLAINT_MIN, { message: '请写明投诉内容', path: ['content'] })
export type AddFeedbackInput = z.infer<typeof addFeedbackInput>

export const satisfactionLabels: Record<number, string> = { 1: '很不满意', 2: '不满意', 3: '一般', 4: '满意', 5: '很满意' }

/** Stored status of a follow-up; what it means today is its state. */
export const followUpStatuses = ['planned', 'done', 'cancelled'] as const
export const followUpStatusSchema = z.enum(followUpStatuses)
export type FollowUpStatus = z.infer<typeof followUpStatusSchema>

export const followUpStates = ['planned', 'due_today', 'overdue', 'done_on_time', 'done_late', 'cancelled'] as const
export const followUpStateSchema = z.enum(followUpStates)
export type FollowUpState = z.infer<typeof followUpStateSchema>
export const followUpStateLabels: Record<FollowUpState, string> = {
  planned: '待跟进',
  due_today: '今天到期',
  overdue: '已逾期',
  done_on_time: '按时完成',
  done_late: '逾期完成',
  cancelled: '已取消',
}

export const followUpSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  dueOn: z.string(),
  what: z.string(),
  status: followUpStatusSchema,
  state: followUpStateSchema,
  /** Whole days past the due date while still open; 0 otherwise. */
  daysOverdue: z.number().int(),
  plannedAt: z.string(),
  plannedByName: z.string(),
  doneAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  /** Done on or before the due date (Shanghai); null until done. */
  onTime: z.boolean().nullable(),
  note: z.string().nullable(),
})
export type FollowUp = z.infer<typeof followUpSchema>

export const customerSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  /** Lists only ever carry the masked number. */
  phoneMasked: z.string().nullable(),
  source: customerSourceSchema,
  tags: z.array(z.string()),
  ownerId: z.string(),
  ownerName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  lastContactOn: z.string().nullable(),
  /** The earliest open follow-up. */
  nextFollowUpOn: z.string().nullable(),
  complaintCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type CustomerSummary = z.infer<typeof customerSummarySchema>

const timelineBase = { id: z.string(), on: z.string(), at: z.string(), byName: z.string() }
export const customerTimelineEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('contact'), ...timelineBase, channel: contactChannelSchema, summary: z.string(), nextStep: z.string().nullable() }),
  /** Closed follow-ups; open ones are listed apart, above the timeline. */
  z.object({ kind: z.literal('followUp'), ...timelineBase, followUp: followUpSchema }),
  z.object({ kind: z.literal('feedback'), ...timelineBase, satisfaction: z.number().int(), complaint: z.boolean(), content: z.string().nullable() }),
])
export type CustomerTimelineEntry = z.infer<typeof customerTimelineEntrySchema>

/** The detail shows at most this many timeline entries, the newest. */
export const CUSTOMER_TIMELINE_LIMIT = 100

export const customerStatsSchema = z.object({
  contacts: z.number().int(),
  followUpsOpen: z.number().int(),
  followUpsOnTime: z.number().int(),
  followUpsLate: z.number().int(),
  /** Open and past their due date today. */
  followUpsOverdue: z.number().int(),
  feedbackCount: z.number().int(),
  /** One decimal; null without feedback. */
  averageSatisfaction: z.number().nullable(),
  complaints: z.number().int(),
})
export type CustomerStats = z.infer<typeof customerStatsSchema>

export const customerDetailSchema = customerSummarySchema.extend({
  /** In full for those entitled to it (the owner, their head, admins), else null. */
  phone: z.string().nullable(),
  consentAt: z.string(),
  addedByName: z.string(),
  stats: customerStatsSchema,
  openFollowUps: z.array(followUpSchema),
  timeline: z.array(customerTimelineEntrySchema),
  /** All entries there are; more than the timeline shows when it was cut. */
  timelineTotal: z.number().int(),
  /** The caller owns the file and may write to it. */
  canWrite: z.boolean(),
})
export type CustomerDetail = z.infer<typeof customerDetailSchema>

/** mine: the caller's own; managed: a head's department, or (admins) everyone's. */
export const customerScopeSchema = z.enum(['mine', 'managed'])
export type CustomerScope = z.infer<typeof customerScopeSchema>

export const customerListFilterSchema = z.enum(['all', 'due', 'complaints'])
export type CustomerListFilter = z.infer<typeof customerListFilterSchema>

export const listCustomersInput = pageInputSchema
  .extend({
    scope: customerScopeSchema.default('mine'),
    /** Matches name, company or a tag (any part), or the whole phone number. */
    keyword: z.string().trim().max(32, '关键词不能超过32个字').optional(),
    /** due: has a follow-up due today or overdue; complaints: has had a complaint. */
    filter: customerListFilterSchema.default('all'),
    /** Managed scope only: a head may name only their own department. */
    departmentId: idSchema.optional(),
  })
  .strict()
export const listCustomersOutput = pageOf(customerSummarySchema)

/** due: due today or overdue; overdue: past the due date; open: every open one. */
export const followUpWindowSchema = z.enum(['due', 'overdue', 'open'])
export type FollowUpWindow = z.infer<typeof followUpWindowSchema>

export const listFollowUpsInput = pageInputSchema
  .extend({
    scope: customerScopeSchema.default('mine'),
    window: followUpWindowSchema.default('due'),
    departmentId: idSchema.optional(),
  })
  .strict()
export const listFollowUpsOutput = pageOf(followUpSchema)

/** Placeholders an employee's own details replace in the self-introduction. */
export const INTRO_NAME = '{姓名}'
export const INTRO_DEPARTMENT = '{部门}'

export const DEFAULT_SELF_INTRODUCTION = `您好，我是${INTRO_DEPARTMENT}的${INTRO_NAME}，负责与您对接相关业务，添加您是为了方便及时沟通、为您提供服务，谢谢！`

export const selfIntroductionTemplateSchema = z
  .string()
  .trim()
  .min(10, '模板至少10个字')
  .max(200, '模板不能超过200个字')
  .refine((t) => t.includes(INTRO_NAME), `模板须包含${INTRO_NAME}，发送时换成员工本人姓名`)
  .refine((t) => t.includes(INTRO_DEPARTMENT), `模板须包含${INTRO_DEPARTMENT}，发送时换成员工所在部门`)

export const updateSelfIntroductionInput = z.object({ template: selfIntroductionTemplateSchema }).strict()

export const selfIntroductionSchema = z.object({
  template: z.string(),
  /** Never edited: the built-in wording. */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
})
export type SelfIntroduction = z.infer<typeof selfIntroductionSchema>

/** The template with the employee's name and department in place of the placeholders. */
export function fillSelfIntroduction(template: string, person: { name: string; departmentName: string }): string {
  return template.split(INTRO_NAME).join(person.name).split(INTRO_DEPARTMENT).join(person.departmentName)
}

const owned = 'the owner only; their head and admins read but do not write'

/** Actions of this domain, merged into the one list in ./actions.ts. */
export const customerActions = {
  'customer.create': spec({
    fn: 'api',
    input: createCustomerInput,
    output: customerDetailSchema,
    audience: bound,
    writes: true,
    summary: 'File a customer the caller added on their business account, with their confirmation that they introduced themself and the customer agreed.',
  }),
  'customer.update': spec({
    fn: 'api',
    input: updateCustomerInput,
    output: customerDetailSchema,
    audience: bound,
    writes: true,
    summary: `Correct a customer's basic information; ${owned}.`,
  }),
  'customer.get': spec({
    fn: 'api',
    input: customerIdInput,
    output: customerDetailSchema,
    audience: bound,
    writes: false,
    summary: 'A customer file with its timeline (newest first), open follow-ups and counts, for its owner, their head and admins.',
  }),
  'customer.list': spec({
    fn: 'api',
    input: listCustomersInput,
    output: listCustomersOutput,
    audience: bound,
    writes: false,
    summary: 'The caller’s customers, or (heads) their department’s, or (admins) everyone’s; searchable, phone numbers masked.',
  }),
  'customer.logContact': spec({
    fn: 'api',
    input: logContactInput,
    output: customerDetailSchema,
    audience: bound,
    writes: true,
    summary: `Record a communication with a customer; ${owned}.`,
  }),
  'customer.planFollowUp': spec({
    fn: 'api',
    input: planFollowUpInput,
    output: customerDetailSchema,
    audience: bound,
    writes: true,
    summary: `Plan a follow-up due today or within a year; ${owned}.`,
  }),
  'customer.closeFollowUp': spec({
    fn: 'api',
    input: closeFollowUpInput,
    output: customerDetailSchema,
    audience: bound,
    writes: true,
    summary: `Mark an open follow-up done (on time when on or before its due date) or cancel it; ${owned}.`,
  }),
  'customer.addFeedback': spec({
    fn: 'api',
    input: addFeedbackInput,
    output: customerDetailSchema,
    audience: bound,
    writes: true,
    summary: `Record a customer's satisfaction and any complaint; ${owned}.`,
  }),
  'customer.listFollowUps': spec({
    fn: 'api',
    input: listFollowUpsInput,
    output: listFollowUpsOutput,
    audience: bound,
    writes: false,
    summary: 'Open follow-ups due today, overdue or all: the caller’s, or (heads) their department’s, or (admins) everyone’s.',
  }),
  'customer.getSelfIntroduction': spec({
    fn: 'api',
    input: emptySchema,
    output: selfIntroductionSchema,
    audience: bound,
    writes: false,
    summary: 'The company’s self-introduction template for friend requests, with {姓名} and {部门} to fill in.',
  }),
  'customer.updateSelfIntroduction': spec({
    fn: 'api',
    input: updateSelfIntroductionInput,
    output: selfIntroductionSchema,
    audience: ['admin'],
    writes: true,
    summary: 'Change the self-introduction template.',
  }),
} as const
