import { z } from 'zod'
import { bound, spec } from './action-spec'
import { emptySchema, idSchema, pageInputSchema, pageOf } from './common'
import { fileIdSchema } from './anomalies'
import { marketingFlagKinds } from './marketing-check'

export * from './marketing-check'

/**
 * 四.二: material pushed to customers is reviewed first. An employee submits it; their head
 * (or an admin) approves or rejects it; approved material forms a library every colleague
 * may push from, and each push is recorded. 三.一.2–3: business groups are registered with
 * a purpose and reviewed periodically.
 */

// ---------------------------------------------------------------- terms

export const MAX_MARKETING_TERMS = 300
export const marketingTermSchema = z.string().trim().min(1, '用语不能为空').max(20, '每个用语不能超过20个字')

function termList(label: string) {
  return z
    .array(marketingTermSchema)
    .max(MAX_MARKETING_TERMS, `${label}最多${MAX_MARKETING_TERMS}个`)
    .refine((list) => new Set(list).size === list.length, `${label}中有重复的用语`)
}

export const marketingTermsSchema = z
  .object({
    absolute: termList('绝对化用语'),
    promise: termList('承诺性用语'),
    exceptions: termList('例外词'),
  })
  .strict()

export const marketingTermsOutput = z.object({
  absolute: z.array(z.string()),
  promise: z.array(z.string()),
  exceptions: z.array(z.string()),
  /** Null while the built-in defaults are in use. */
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
})
export type MarketingTermsSettings = z.infer<typeof marketingTermsOutput>

// ---------------------------------------------------------------- items

export const marketingStatuses = ['pending', 'approved', 'rejected', 'withdrawn'] as const
export const marketingStatusSchema = z.enum(marketingStatuses)
export type MarketingStatus = z.infer<typeof marketingStatusSchema>
export const marketingStatusLabels: Record<MarketingStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '已驳回',
  withdrawn: '已撤回',
}

export const marketingEvents = ['approve', 'reject', 'withdraw'] as const
export type MarketingEvent = (typeof marketingEvents)[number]

export const MARKETING_TITLE_MAX = 40
export const MARKETING_TEXT_MAX = 2000
export const MAX_MARKETING_IMAGES = 6

export const marketingFlagSchema = z.object({
  kind: z.enum(marketingFlagKinds),
  term: z.string(),
  excerpt: z.string(),
  explanation: z.string(),
  index: z.number().int(),
})

export const submitMarketingInput = z
  .object({
    title: z.string().trim().min(1, '标题不能为空').max(MARKETING_TITLE_MAX, `标题不能超过${MARKETING_TITLE_MAX}个字`),
    text: z.string().trim().min(1, '文案不能为空').max(MARKETING_TEXT_MAX, `文案不能超过${MARKETING_TEXT_MAX}个字`),
    images: z.array(fileIdSchema).max(MAX_MARKETING_IMAGES, `图片最多${MAX_MARKETING_IMAGES}张`).default([]),
  })
  .strict()
export type SubmitMarketingInput = z.infer<typeof submitMarketingInput>

export const marketingIdInput = z.object({ id: idSchema }).strict()

export const REVIEW_COMMENT_MAX = 200
export const reviewMarketingInput = z
  .object({
    id: idSchema,
    decision: z.enum(['approve', 'reject']),
    comment: z.string().trim().max(REVIEW_COMMENT_MAX, `意见不能超过${REVIEW_COMMENT_MAX}个字`).optional(),
  })
  .strict()
  .refine((v) => v.decision === 'approve' || (v.comment ?? '').length >= 2, { message: '驳回时请写明原因（至少2个字）', path: ['comment'] })

export const marketingTimelineEventLabels = {
  submit: '提交审核',
  approve: '审核通过',
  reject: '审核驳回',
  withdraw: '作者撤回',
} as const
export const marketingTimelineEntrySchema = z.object({
  at: z.string(),
  actorName: z.string(),
  event: z.enum(['submit', 'approve', 'reject', 'withdraw']),
  comment: z.string().nullable(),
})

export const marketingSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The opening of the text, for lists. */
  preview: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  status: marketingStatusSchema,
  flagCount: z.number().int(),
  imageCount: z.number().int(),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  /** Pushes recorded by anyone. */
  pushCount: z.number().int(),
})
export type MarketingSummary = z.infer<typeof marketingSummarySchema>

export const marketingDetailSchema = marketingSummarySchema.extend({
  text: z.string(),
  images: z.array(z.string()),
  /** Found in the text at submission, with the terms in force then. */
  flags: z.array(marketingFlagSchema),
  reviewerName: z.string().nullable(),
  reviewComment: z.string().nullable(),
  timeline: z.array(marketingTimelineEntrySchema),
  /** What the caller can do with it now. */
  available: z.array(z.enum(marketingEvents)),
  /** Approved material can be pushed by anyone; the button shows only then. */
  canPush: z.boolean(),
})
export type MarketingDetail = z.infer<typeof marketingDetailSchema>

export const marketingListScopes = ['mine', 'review', 'library'] as const
export const listMarketingInput = pageInputSchema
  .extend({
    /** mine: the caller's own; review: pending items the caller decides; library: approved material. */
    scope: z.enum(marketingListScopes),
    status: marketingStatusSchema.optional(),
    /** Part of the title. */
    keyword: z.string().trim().max(MARKETING_TITLE_MAX).optional(),
    /** One department's items; heads may name only their own, admins any. */
    departmentId: idSchema.optional(),
  })
  .strict()
export const listMarketingOutput = pageOf(marketingSummarySchema)

// ---------------------------------------------------------------- pushes

export const pushCustomerSchema = z.string().trim().min(1, '客户名称不能为空').max(40, '客户名称不能超过40个字')
export const MAX_PUSH_CUSTOMERS = 50
export const MAX_PUSH_GROUPS = 20

export const recordPushInput = z
  .object({
    itemId: idSchema,
    /** Customers as the pusher names them: names, or ids from their customer records. */
    customers: z.array(pushCustomerSchema).max(MAX_PUSH_CUSTOMERS, `一次最多记录${MAX_PUSH_CUSTOMERS}位客户`).default([]),
    groupIds: z.array(idSchema).max(MAX_PUSH_GROUPS, `一次最多选择${MAX_PUSH_GROUPS}个群`).default([]),
    /** How many people it reached; by default the customers plus the groups' member counts. */
    count: z.number().int().min(1, '推送人数至少为1').max(100_000, '推送人数过大').optional(),
    note: z.string().trim().max(200, '备注不能超过200个字').optional(),
  })
  .strict()
  .refine((v) => v.customers.length + v.groupIds.length > 0, { message: '请填写推送的客户或选择群组', path: ['customers'] })

export const pushSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  itemTitle: z.string(),
  byId: z.string(),
  byName: z.string(),
  departmentName: z.string(),
  at: z.string(),
  customers: z.array(z.string()),
  groups: z.array(z.object({ id: z.string(), name: z.string() })),
  count: z.number().int(),
  note: z.string().nullable(),
})
export type MarketingPush = z.infer<typeof pushSchema>

export const listPushesInput = pageInputSchema.extend({ itemId: idSchema.optional() }).strict()
export const listPushesOutput = pageOf(pushSchema)

// ---------------------------------------------------------------- business groups

export const groupStatuses = ['active', 'dissolved'] as const
export const groupStatusSchema = z.enum(groupStatuses)
export type GroupStatus = z.infer<typeof groupStatusSchema>
export const groupStatusLabels: Record<GroupStatus, string> = { active: '使用中', dissolved: '已解散' }

/** 三.一.2: a group states its purpose, and its members stay relevant; reviews find out. */
export const groupFlags = ['no_purpose', 'review_overdue', 'not_needed', 'members_irrelevant'] as const
export const groupFlagSchema = z.enum(groupFlags)
export type GroupFlag = z.infer<typeof groupFlagSchema>
export const groupFlagLabels: Record<GroupFlag, string> = {
  no_purpose: '未写明建群目的',
  review_overdue: '超过3个月未复核',
  not_needed: '复核认为已无需保留',
  members_irrelevant: '复核认为成员需清理',
}

/** Months after creation or the last review by which a group is reviewed again. */
export const GROUP_REVIEW_MONTHS = 3

export const groupEvents = ['update', 'review', 'dissolve'] as const
export type GroupEvent = (typeof groupEvents)[number]

const groupNameSchema = z.string().trim().min(1, '群名称不能为空').max(40, '群名称不能超过40个字')
const groupPurposeSchema = z.string().trim().max(200, '建群目的不能超过200个字')
const groupRelatedSchema = z.string().trim().max(60, '相关客户或项目不能超过60个字')
const memberCountSchema = z.number({ required_error: '请填写群成员人数', invalid_type_error: '请填写群成员人数' }).int('人数须为整数').min(1, '群成员人数至少为1').max(500, '微信群最多500人')

export const createGroupInput = z
  .object({
    name: groupNameSchema,
    /** Optional to register a group as it is; a group without one is flagged until it has one. */
    purpose: groupPurposeSchema.optional(),
    /** A colleague of the same department; the caller when left out. */
    ownerId: idSchema.optional(),
    relatedTo: groupRelatedSchema.optional(),
    memberCount: memberCountSchema,
  })
  .strict()
export type CreateGroupInput = z.infer<typeof createGroupInput>

export const updateGroupInput = z
  .object({
    id: idSchema,
    name: groupNameSchema.optional(),
    /** An empty text removes the purpose. */
    purpose: groupPurposeSchema.optional(),
    ownerId: idSchema.optional(),
    relatedTo: groupRelatedSchema.optional(),
    memberCount: memberCountSchema.optional(),
  })
  .strict()

export const reviewGroupInput = z
  .object({
    id: idSchema,
    stillNeeded: z.boolean({ required_error: '请回答群是否仍需保留' }),
    membersRelevant: z.boolean({ required_error: '请回答成员是否仍与业务相关' }),
    note: z.string().trim().max(200, '说明不能超过200个字').optional(),
  })
  .strict()

export const dissolveGroupInput = z.object({ id: idSchema, note: z.string().trim().max(200, '说明不能超过200个字').optional() }).strict()
export const groupIdInput = z.object({ id: idSchema }).strict()

export const groupReviewSchema = z.object({
  at: z.string(),
  byName: z.string(),
  stillNeeded: z.boolean(),
  membersRelevant: z.boolean(),
  note: z.string().nullable(),
})
export type GroupReview = z.infer<typeof groupReviewSchema>

export const groupSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.string().nullable(),
  ownerId: z.string(),
  ownerName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  relatedTo: z.string().nullable(),
  memberCount: z.number().int(),
  status: groupStatusSchema,
  createdAt: z.string(),
  lastReviewedAt: z.string().nullable(),
  lastReviewedByName: z.string().nullable(),
  /** The next review is due by this Shanghai date. */
  reviewDueOn: z.string(),
  flags: z.array(groupFlagSchema),
})
export type GroupSummary = z.infer<typeof groupSummarySchema>

export const groupDetailSchema = groupSummarySchema.extend({
  createdByName: z.string(),
  dissolvedAt: z.string().nullable(),
  dissolvedByName: z.string().nullable(),
  dissolveNote: z.string().nullable(),
  /** Newest first. */
  reviews: z.array(groupReviewSchema),
  available: z.array(z.enum(groupEvents)),
})
export type GroupDetail = z.infer<typeof groupDetailSchema>

export const groupListScopes = ['mine', 'department', 'all'] as const
export const listGroupsInput = pageInputSchema
  .extend({
    /** mine: groups the caller owns; department: a head's own (admins: any, by departmentId); all: admins. */
    scope: z.enum(groupListScopes),
    departmentId: idSchema.optional(),
    flaggedOnly: z.boolean().default(false),
    status: groupStatusSchema.optional(),
    keyword: z.string().trim().max(40).optional(),
  })
  .strict()
export const listGroupsOutput = pageOf(groupSummarySchema).extend({ flaggedCount: z.number().int() })

// ---------------------------------------------------------------- actions

/** Actions of this domain, merged into the one list in ./actions.ts. */
export const marketingActions = {
  'marketing.submit': spec({
    fn: 'api',
    input: submitMarketingInput,
    output: marketingDetailSchema,
    audience: bound,
    writes: true,
    summary: 'Submit promotional material for review; wording that breaches the advertising rules is flagged with it.',
  }),
  'marketing.withdraw': spec({
    fn: 'api',
    input: marketingIdInput,
    output: marketingDetailSchema,
    audience: bound,
    writes: true,
    summary: 'The author withdraws material still waiting for review.',
  }),
  'marketing.review': spec({
    fn: 'api',
    input: reviewMarketingInput,
    output: marketingDetailSchema,
    audience: ['head', 'admin'],
    writes: true,
    summary: 'The author’s head (or an admin) approves material into the library or rejects it with a reason.',
  }),
  'marketing.get': spec({
    fn: 'api',
    input: marketingIdInput,
    output: marketingDetailSchema,
    audience: bound,
    writes: false,
    summary: 'One item with its flags and history: approved material for everyone, otherwise its author, their head and admins.',
  }),
  'marketing.list': spec({
    fn: 'api',
    input: listMarketingInput,
    output: listMarketingOutput,
    audience: bound,
    writes: false,
    summary: 'The caller’s own material, material waiting for the caller’s review, or the approved library searched by title.',
  }),
  'marketing.recordPush': spec({
    fn: 'api',
    input: recordPushInput,
    output: pushSchema,
    audience: bound,
    writes: true,
    summary: 'Record that approved material was pushed to named customers and/or business groups.',
  }),
  'marketing.listPushes': spec({
    fn: 'api',
    input: listPushesInput,
    output: listPushesOutput,
    audience: bound,
    writes: false,
    summary: 'Recorded pushes, newest first: one’s own, a head’s department’s, or (admins) all; optionally of one item.',
  }),
  'marketing.getTerms': spec({
    fn: 'api',
    input: emptySchema,
    output: marketingTermsOutput,
    audience: bound,
    writes: false,
    summary: 'The absolute-claim and promise terms (and their exceptions) the material check uses.',
  }),
  'marketing.updateTerms': spec({
    fn: 'api',
    input: marketingTermsSchema,
    output: marketingTermsOutput,
    audience: ['admin'],
    writes: true,
    summary: 'Replace the term lists; items already submitted keep the flags they were given.',
  }),
  'group.create': spec({
    fn: 'api',
    input: createGroupInput,
    output: groupDetailSchema,
    audience: bound,
    writes: true,
    summary: 'Register a business WeChat group with its purpose, owner, related customers or project and size.',
  }),
  'group.update': spec({
    fn: 'api',
    input: updateGroupInput,
    output: groupDetailSchema,
    audience: bound,
    writes: true,
    summary: 'Correct an active group’s registration (its owner, their head or an admin).',
  }),
  'group.review': spec({
    fn: 'api',
    input: reviewGroupInput,
    output: groupDetailSchema,
    audience: ['head', 'admin'],
    writes: true,
    summary: 'The department’s head (or an admin) records whether the group is still needed and its members still relevant.',
  }),
  'group.dissolve': spec({
    fn: 'api',
    input: dissolveGroupInput,
    output: groupDetailSchema,
    audience: bound,
    writes: true,
    summary: 'Mark a group as dissolved (its owner, their head or an admin).',
  }),
  'group.get': spec({
    fn: 'api',
    input: groupIdInput,
    output: groupDetailSchema,
    audience: bound,
    writes: false,
    summary: 'One group with its flags and reviews, for its owner, their head and admins.',
  }),
  'group.list': spec({
    fn: 'api',
    input: listGroupsInput,
    output: listGroupsOutput,
    audience: bound,
    writes: false,
    summary: 'Groups the caller owns, a head’s department’s, or (admins) all; optionally only those flagged.',
  }),
} as const
