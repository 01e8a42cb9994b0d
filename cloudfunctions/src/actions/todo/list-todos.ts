import {
  anomalyStatusLabels,
  anomalyTypeLabels,
  applicationStatusLabels,
  delegationStatusLabels,
  handoverStatusLabels,
  type ActionInput,
  type Todos,
  type TodoItem,
} from '../../../../types/contract'
import { requirePerson, type ActionContext } from '../../core/context'
import { APPLICATIONS, OPEN_APPLICATION_STATUSES, type ApplicationDoc } from '../../repos/applications'
import { ANOMALIES, type AnomalyDoc } from '../../repos/anomalies'
import { loadDepartments } from '../../repos/departments'
import { DELEGATIONS, type DelegationDoc } from '../../repos/delegations'
import { pendingDelegationsQuery } from '../delegation/list'
import { shanghaiMonth } from '../../../../types/contract'
import { loadSecuritySettings } from '../../repos/settings'
import { selfCheckOverview } from '../security/self-check'
import { HANDOVERS, type HandoverDoc } from '../../repos/handovers'
import { pendingQuery } from '../account/list-applications'
import { handlingQuery } from '../anomaly/list'
import { NOTICE_RECEIPTS, NOTICES, receiptOverdue, type NoticeDoc, type ReceiptDoc } from '../../repos/notices'
import { policyToAcknowledge } from '../policy/read'
import { taskTodos } from '../task/todos'
import { customerTodos } from '../customer'
import { marketingTodos } from '../marketing'
import { violationTodoBuckets } from '../violation/todos'
import { spotCheckTodos } from '../spot-check'
import { assessmentTodoBuckets } from '../assessment/todos'
import { archiveTodos } from '../archive/todos'

/** A to-do list longer than this is a backlog; the screen links to the full list. */
const TODO_LIMIT = 50

function anomalyItem(doc: AnomalyDoc, title: string): TodoItem {
  return {
    kind: 'anomaly',
    id: doc._id,
    title,
    subtitle: doc.description,
    statusLabel: anomalyStatusLabels[doc.status],
    since: doc.updatedAt.toISOString(),
  }
}

function delegationItem(doc: DelegationDoc, title: string): TodoItem {
  return {
    kind: 'delegation',
    id: doc._id,
    title,
    subtitle: `${doc.startsOn} 至 ${doc.endsOn}：${doc.reason}`,
    statusLabel: delegationStatusLabels[doc.status],
    since: doc.updatedAt.toISOString(),
  }
}

function handoverItem(doc: HandoverDoc, title: string): TodoItem {
  return {
    kind: 'handover',
    id: doc._id,
    title,
    subtitle: `账号 ${doc.accountWechatId}：${doc.reason}`,
    statusLabel: handoverStatusLabels[doc.status],
    since: doc.updatedAt.toISOString(),
  }
}

/** Heads name receivers in their department; admins tick the password item and close. */
function handoversToRun(ctx: ActionContext) {
  const me = requirePerson(ctx)
  const _ = ctx.db.command
  if (me.role === 'head') return { departmentId: me.departmentId, status: 'designating', holderId: _.neq(me._id) }
  if (me.role === 'admin') return { status: 'in_progress', holderId: _.neq(me._id) }
  return { _id: '__nothing__' }
}

function applicationItem(doc: ApplicationDoc, title: string): TodoItem {
  return {
    kind: 'application',
    id: doc._id,
    title,
    subtitle: doc.purpose,
    statusLabel: applicationStatusLabels[doc.status],
    since: doc.updatedAt.toISOString(),
  }
}

/** Notices waiting for the caller's acknowledgement, the earliest deadline first. */
async function noticesToAcknowledge(ctx: ActionContext): Promise<TodoItem[]> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  const { data: receipts } = await ctx.db
    .collection<ReceiptDoc>(NOTICE_RECEIPTS)
    .where({ personId: me._id, pending: true })
    .orderBy('deadlineAt', 'asc')
    .limit(TODO_LIMIT)
    .get()
  if (receipts.length === 0) return []
  const { data: notices } = await ctx.db
    .collection<NoticeDoc>(NOTICES)
    .where({ _id: ctx.db.command.in(receipts.map((r) => r.noticeId)) })
    .field({ title: true, senderName: true })
    .limit(receipts.length)
    .get()
  const byId = new Map(notices.map((n) => [n._id, n]))
  return receipts.map((r) => ({
    kind: 'notice' as const,
    id: r.noticeId,
    title: `工作通知：${byId.get(r.noticeId)?.title ?? ''}`,
    subtitle: `${byId.get(r.noticeId)?.senderName ?? ''}发来，请确认收到`,
    statusLabel: receiptOverdue(r, now) ? '已逾期' : '待确认',
    since: r.sentAt.toISOString(),
  }))
}

/**
 * To-dos are derived from the records themselves on every read, never kept as copies,
 * so nothing waiting can be missing from the list.
 */
export async function listTodos(_input: ActionInput<'todo.list'>, ctx: ActionContext): Promise<Todos> {
  const me = requirePerson(ctx)
  const _ = ctx.db.command
  const openAnomaly = _.in(['open', 'acknowledged'])
  const headIds = (await loadDepartments(ctx.db)).map((d) => d.headId).filter((id): id is string => Boolean(id))
  const [pending, mine, handling, reported, delegationsToDecide, myDelegations, handoversToDo, myHandovers] = await Promise.all([
    ctx.db.collection<ApplicationDoc>(APPLICATIONS).where(pendingQuery(ctx)).orderBy('submittedAt', 'asc').limit(TODO_LIMIT).get(),
    ctx.db
      .collection<ApplicationDoc>(APPLICATIONS)
      .where({ applicantId: me._id, status: _.in(OPEN_APPLICATION_STATUSES) })
      .orderBy('submittedAt', 'desc')
      .limit(TODO_LIMIT)
      .get(),
    ctx.db.collection<AnomalyDoc>(ANOMALIES).where(_.and([handlingQuery(ctx), { status: openAnomaly }])).orderBy('reportedAt', 'asc').limit(TODO_LIMIT).get(),
    ctx.db.collection<AnomalyDoc>(ANOMALIES).where({ reporterId: me._id, status: openAnomaly }).orderBy('reportedAt', 'desc').limit(TODO_LIMIT).get(),
    ctx.db.collection<DelegationDoc>(DELEGATIONS).where(pendingDelegationsQuery(ctx, headIds)).orderBy('requestedAt', 'asc').limit(TODO_LIMIT).get(),
    ctx.db.collection<DelegationDoc>(DELEGATIONS).where({ holderId: me._id, status: 'pending' }).orderBy('requestedAt', 'desc').limit(TODO_LIMIT).get(),
    ctx.db.collection<HandoverDoc>(HANDOVERS).where(handoversToRun(ctx)).orderBy('startedAt', 'asc').limit(TODO_LIMIT).get(),
    ctx.db
      .collection<HandoverDoc>(HANDOVERS)
      .where(_.and([_.or([{ holderId: me._id }, { receiverId: me._id }]), { status: 'in_progress' }]))
      .orderBy('startedAt', 'desc')
      .limit(TODO_LIMIT)
      .get(),
  ])
  const [selfCheck, policy, noticeItems, taskItems, archiveItems, customerItems, marketingItems, violationItems, spotCheckItems, assessmentItems] = await Promise.all([
    loadSecuritySettings(ctx.db).then((settings) => selfCheckOverview(ctx, me, shanghaiMonth(ctx.now()), settings)),
    policyToAcknowledge(ctx, me),
    noticesToAcknowledge(ctx),
    taskTodos(ctx),
    archiveTodos(ctx),
    customerTodos(ctx),
    marketingTodos(ctx),
    violationTodoBuckets(ctx),
    spotCheckTodos(ctx),
    assessmentTodoBuckets(ctx),
  ])
  const policyItems: TodoItem[] = policy
    ? [
        {
          kind: 'policy',
          id: policy.versionId,
          title: `请阅读并确认《${policy.title}》第${policy.number}版`,
          subtitle: `确认截止 ${policy.dueOn}`,
          statusLabel: policy.overdue ? '已逾期' : '待确认',
          since: ctx.now().toISOString(),
        },
      ]
    : []
  const securityReminders: TodoItem[] = []
  if (!selfCheck.record) {
    securityReminders.push({
      kind: 'selfcheck',
      id: selfCheck.month,
      title: selfCheck.overdue ? '本月账号安全自查已逾期' : '请完成本月账号安全自查',
      subtitle: `截止日期 ${selfCheck.dueOn}`,
      statusLabel: selfCheck.overdue ? '已逾期' : '待完成',
      since: `${selfCheck.month}-01T00:00:00+08:00`,
    })
  }
  if (selfCheck.passwordTooOld) {
    securityReminders.push({
      kind: 'selfcheck',
      id: `${selfCheck.month}-password`,
      title: '业务微信登录密码该更换了',
      subtitle: `已 ${selfCheck.passwordAgeDays} 天未修改（要求 ${selfCheck.settings.passwordMaxAgeDays} 天内）`,
      statusLabel: '待处理',
      since: ctx.now().toISOString(),
    })
  }
  return {
    // Security incidents come before routine approvals.
    approvals: [
      ...handling.data.map((d) => anomalyItem(d, `${d.reporterName}报告：${anomalyTypeLabels[d.type]}`)),
      ...pending.data.map((d) => applicationItem(d, `${d.applicantName}申请业务微信账号`)),
      ...delegationsToDecide.data.map((d) => delegationItem(d, `${d.holderName}申请由${d.delegateName}代操作`)),
      ...handoversToDo.data.map((d) => handoverItem(d, `${d.holderName}的账号交接`)),
      ...marketingItems,
      ...violationItems.approvals,
      ...spotCheckItems,
      ...assessmentItems.approvals,
    ],
    mine: [
      ...violationItems.mine,
      ...assessmentItems.mine,
      ...policyItems,
      ...noticeItems,
      ...customerItems,
      ...taskItems,
      ...securityReminders,
      ...archiveItems,
      ...reported.data.map((d) => anomalyItem(d, `我报告的异常：${anomalyTypeLabels[d.type]}`)),
      ...mine.data.map((d) => applicationItem(d, '我的业务微信账号申请')),
      ...myDelegations.data.map((d) => delegationItem(d, `委托${d.delegateName}代操作`)),
      ...myHandovers.data.map((d) => handoverItem(d, d.holderId === me._id ? '我的账号交接' : `接收${d.holderName}的账号`)),
    ],
  }
}
