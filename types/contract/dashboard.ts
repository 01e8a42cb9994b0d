import { z } from 'zod'
import { spec } from './action-spec'
import { accountStatusSchema } from './accounts'
import { anomalyTypeSchema } from './anomalies'
import { idSchema } from './common'
import { monthSchema } from './security'

/**
 * The admin and head dashboards: every figure in one answer, each with the list page that
 * shows the records behind it. Heads get their own department only.
 *
 * Which month a figure reads:
 * - as of now, whatever the month: accounts by status, approvals waiting, open anomalies and
 *   acknowledgement of the policy version in force;
 * - the chosen month: notice receipts past their deadline among notices sent that month,
 *   spot checks of the month's rounds, and the month's assessment results;
 * - the six months ending with the chosen one: the score trend.
 *
 * Assessment figures read the stored results, one per person and month, which are the latest
 * run of the month (a published month cannot be run again, so for it they are the published
 * ones). Admins see them for every month, marked published or not; heads only for published
 * months, as on the results list.
 */

/** Hours from reporting within which an anomaly should be acknowledged, and resolved. */
export const ANOMALY_RESPONSE_TARGET_HOURS = { acknowledge: 2, resolve: 72 } as const

/** Months the score trend covers, ending with the chosen month. */
export const DASHBOARD_TREND_MONTHS = 6

export const approvalKinds = ['application', 'delegation', 'handover', 'marketing', 'violationAppeal', 'resultAppeal'] as const
export const approvalKindSchema = z.enum(approvalKinds)
export type ApprovalKind = z.infer<typeof approvalKindSchema>
export const approvalKindLabels: Record<ApprovalKind, string> = {
  application: '账号申请',
  delegation: '代操作申请',
  handover: '账号交接',
  marketing: '推广素材审核',
  violationAppeal: '违规申诉',
  resultAppeal: '考核结果申诉',
}

export const dashboardInput = z
  .object({
    /** Left out: the current month in Shanghai. */
    month: monthSchema.optional(),
    /** Admins: one department, or all when left out; heads: their own or left out, anything else is refused. */
    departmentId: idSchema.optional(),
  })
  .strict()
export type DashboardInput = z.input<typeof dashboardInput>

/**
 * The list behind a figure: a page and the query naming the records. `exact` is false where
 * the page does not read every one of these parameters yet (or lists more, e.g. only what
 * waits for the caller): it then opens on a wider list than the figure counts.
 */
export const dashboardDrillSchema = z.object({
  page: z.string(),
  query: z.record(z.string()),
  exact: z.boolean(),
})
export type DashboardDrill = z.infer<typeof dashboardDrillSchema>

/** The drill-down as a navigation URL. */
export function drillUrl(drill: DashboardDrill): string {
  const pairs = Object.entries(drill.query)
  return pairs.length === 0 ? drill.page : `${drill.page}?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`
}

const departmentRef = { departmentId: z.string(), departmentName: z.string() }
const hours = z.number().nullable()
/** Percent with one decimal; 100 where nobody is required (as on the acknowledgement progress page). */
const percent = z.number()

export const dashboardOutput = z.object({
  month: z.string(),
  /** The department the figures are limited to, or null for the whole company. */
  departmentId: z.string().nullable(),
  /** The departments in scope, for the filter and the per-department series. */
  departments: z.array(z.object({ id: z.string(), name: z.string() })),
  asOf: z.string(),
  accounts: z.object({
    total: z.number().int(),
    byStatus: z.array(z.object({ status: accountStatusSchema, label: z.string(), count: z.number().int(), drill: dashboardDrillSchema })),
    byDepartment: z.array(z.object({ ...departmentRef, total: z.number().int(), counts: z.record(z.number().int()), drill: dashboardDrillSchema })),
    drill: dashboardDrillSchema,
  }),
  approvals: z.object({
    total: z.number().int(),
    /** Hours the longest-waiting item of any kind has waited; null when nothing waits. */
    oldestHours: hours,
    byKind: z.array(
      z.object({
        kind: approvalKindSchema,
        label: z.string(),
        count: z.number().int(),
        oldestHours: hours,
        medianHours: hours,
        drill: dashboardDrillSchema,
      }),
    ),
  }),
  anomalies: z.object({
    targetHours: z.object({ acknowledge: z.number(), resolve: z.number() }),
    /** Not yet resolved. */
    open: z.number().int(),
    /** Still waiting for acknowledgement. */
    unacknowledged: z.number().int(),
    /** Unacknowledged past the acknowledgement target, or unresolved past the resolution target. */
    pastTarget: z.number().int(),
    byType: z.array(z.object({ type: anomalyTypeSchema, label: z.string(), open: z.number().int(), pastTarget: z.number().int(), drill: dashboardDrillSchema })),
    drill: dashboardDrillSchema,
  }),
  policyAck: z.object({
    /** The version in force; null before any takes effect (then every count is 0). */
    version: z.object({ id: z.string(), number: z.number().int(), title: z.string(), dueOn: z.string() }).nullable(),
    /** People in service. */
    required: z.number().int(),
    acknowledged: z.number().int(),
    rate: percent,
    departments: z.array(z.object({ ...departmentRef, required: z.number().int(), acknowledged: z.number().int(), rate: percent, drill: dashboardDrillSchema })),
    drill: dashboardDrillSchema,
  }),
  noticesOverdue: z.object({
    /** Receipts of notices sent in the month, past their deadline and not acknowledged. */
    count: z.number().int(),
    departments: z.array(z.object({ ...departmentRef, count: z.number().int(), drill: dashboardDrillSchema })),
    drill: dashboardDrillSchema,
  }),
  spotChecks: z.object({
    /** Checks of the month's rounds, and how many of them are scored. */
    sampled: z.number().int(),
    scored: z.number().int(),
    departments: z.array(z.object({ ...departmentRef, sampled: z.number().int(), scored: z.number().int(), drill: dashboardDrillSchema })),
    drill: dashboardDrillSchema,
  }),
  scores: z.object({
    published: z.boolean(),
    /** False for heads while the month is not published: the counts are then empty. */
    visible: z.boolean(),
    count: z.number().int(),
    average: z.number().nullable(),
    byGrade: z.array(z.object({ grade: z.string(), count: z.number().int(), drill: dashboardDrillSchema })),
    /** Ten-point bands of the total: [0,10), [10,20) … [90, and above]. */
    byBand: z.array(z.object({ from: z.number(), to: z.number().nullable(), label: z.string(), count: z.number().int() })),
    drill: dashboardDrillSchema,
  }),
  trend: z.object({
    /** Oldest first, ending with the chosen month. */
    months: z.array(z.object({ month: z.string(), published: z.boolean(), visible: z.boolean() })),
    departments: z.array(
      z.object({
        ...departmentRef,
        points: z.array(z.object({ month: z.string(), count: z.number().int(), average: z.number().nullable(), drill: dashboardDrillSchema })),
      }),
    ),
    /** The departments in scope together. */
    overall: z.array(z.object({ month: z.string(), count: z.number().int(), average: z.number().nullable(), drill: dashboardDrillSchema })),
  }),
})
export type Dashboard = z.infer<typeof dashboardOutput>

/** Actions of this domain, merged into the one list in ./actions.ts. */
export const dashboardActions = {
  'dashboard.get': spec({
    fn: 'api',
    input: dashboardInput,
    output: dashboardOutput,
    audience: ['head', 'admin'],
    writes: false,
    summary: 'The dashboard’s figures for a month, company-wide or one department (heads: their own), each with the list behind it.',
  }),
} as const
