import { shanghaiDate, type ActionInput, type ActionOutput } from '../../../../types/contract'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { MESSAGE_QUOTA, NOTIFICATIONS, quotaId } from '../../notify/notifier'
import { ACCOUNTS } from '../../repos/accounts'
import { ANOMALIES } from '../../repos/anomalies'
import { APPLICATIONS } from '../../repos/applications'
import { ARCHIVE_CONFIRMATIONS } from '../../repos/archives'
import { ASSESSMENT_RESULTS, ASSESSMENT_RUNS } from '../../repos/assessment-results'
import { DELEGATIONS } from '../../repos/delegations'
import { loadDepartments } from '../../repos/departments'
import { HANDOVERS } from '../../repos/handovers'
import { NOTICE_RECEIPTS } from '../../repos/notices'
import { POLICY_ACKS } from '../../repos/policy'
import { readAll } from '../../repos/read-all'
import { REPLY_STATS } from '../../repos/reply-stats'
import { SELF_CHECKS } from '../../repos/self-checks'
import { SPOT_CHECKS } from '../../repos/spot-checks'
import { VIOLATIONS } from '../../repos/violations'

type Doc = Record<string, unknown> & { _id: string }

/** Records where any of the fields names the person, each once. */
async function recordsOf(ctx: ActionContext, collection: string, fields: string[], personId: string): Promise<Doc[]> {
  const byId = new Map<string, Doc>()
  for (const field of fields) {
    for (const doc of await readAll<Doc>(ctx.db, collection, { [field]: personId })) byId.set(doc._id, doc)
  }
  return [...byId.values()].sort((a, b) => a._id.localeCompare(b._id))
}

/** Dates as ISO strings, the way the document is downloaded. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

/**
 * Everything the product keeps about the caller (docs/data-protection.md), built from the
 * caller in the context, never from the payload. Returned in the response rather than left as
 * a file in cloud storage, so no copy outlives the download. Customer files, tasks and other
 * work records the caller kept for the company are the company's and are not part of it.
 */
export async function exportMyData(_input: ActionInput<'me.exportData'>, ctx: ActionContext): Promise<ActionOutput<'me.exportData'>> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  const departments = await loadDepartments(ctx.db)
  const runs = await readAll<{ _id: string; publishedAt: Date | null }>(ctx.db, ASSESSMENT_RUNS, {}, { publishedAt: true })
  const published = new Set(runs.filter((r) => r.publishedAt).map((r) => r._id))
  const results = await recordsOf(ctx, ASSESSMENT_RESULTS, ['personId'], me._id)
  const notifications = await recordsOf(ctx, NOTIFICATIONS, ['recipientId'], me._id)

  const sections: Record<string, unknown[]> = {
    accountApplications: await recordsOf(ctx, APPLICATIONS, ['applicantId'], me._id),
    accounts: await recordsOf(ctx, ACCOUNTS, ['holderId'], me._id),
    delegations: await recordsOf(ctx, DELEGATIONS, ['holderId', 'delegateId'], me._id),
    handovers: await recordsOf(ctx, HANDOVERS, ['holderId', 'receiverId'], me._id),
    anomaliesReported: await recordsOf(ctx, ANOMALIES, ['reporterId'], me._id),
    noticeReceipts: await recordsOf(ctx, NOTICE_RECEIPTS, ['personId'], me._id),
    policyAcknowledgements: await recordsOf(ctx, POLICY_ACKS, ['personId'], me._id),
    selfChecks: await recordsOf(ctx, SELF_CHECKS, ['personId'], me._id),
    archiveConfirmations: await recordsOf(ctx, ARCHIVE_CONFIRMATIONS, ['personId'], me._id),
    spotChecks: await recordsOf(ctx, SPOT_CHECKS, ['personId'], me._id),
    violations: await recordsOf(ctx, VIOLATIONS, ['personId'], me._id),
    // Unpublished results may still change and are not shown to the person either.
    assessmentResults: results.filter((r) => published.has(String(r.runId))),
    replyStats: await recordsOf(ctx, REPLY_STATS, ['personId'], me._id),
    messageConsents: (await readAll<Doc>(ctx.db, MESSAGE_QUOTA, { _id: quotaId(me._id) })),
    notifications: notifications.map(({ error: _error, ...rest }) => rest),
  }
  const profile = {
    id: me._id,
    name: me.name,
    mobile: me.mobile,
    email: me.email,
    departmentId: me.departmentId,
    departmentName: departments.find((d) => d._id === me.departmentId)?.name ?? '',
    role: me.role,
    status: me.status,
    wechatBound: Boolean(me.openid),
    createdAt: me.createdAt,
  }
  const counts = Object.fromEntries(Object.entries(sections).map(([key, list]) => [key, list.length]))
  const document = plain({ generatedAt: now, about: '业务微信管理：本人数据导出', profile, ...sections })
  await writeAudit(ctx, { action: ctx.action, targetCollection: 'people', targetId: me._id, before: null, after: { counts } })
  return { fileName: `我的数据-${shanghaiDate(now)}.json`, generatedAt: now.toISOString(), counts, document }
}
