import { z } from 'zod'
import { bound, spec } from './action-spec'
import { emptySchema } from './common'
import * as roster from './roster'
import * as accounts from './accounts'
import * as anomalies from './anomalies'
import * as delegations from './delegations'
import * as handovers from './handovers'
import * as security from './security'
import * as notifications from './notifications'
import * as policy from './policy-versions'
import * as notices from './notices'
import { workingTimeSettingsSchema } from './working-time'
import { customerActions } from './customers'
import { marketingActions } from './marketing'
import { taskActions } from './tasks'
import { archiveActions } from './archives'
import { assessmentRuleActions } from './assessment-rules'
import { spotCheckActions } from './spot-checks'
import { violationActions } from './violations'
import { assessmentResultActions } from './assessment-results'
import { replyStatActions } from './reply-stats'
import { auditActions } from './audit'
import { dashboardActions } from './dashboard'
import { retentionActions } from './retention'

export type { ActionSpec } from './action-spec'

/**
 * The one list of backend actions. The mini program, the cloud functions, the local
 * gateway's `/dev/actions` and the authorization tests all read it.
 */
export const actions = {
  'session.whoami': spec({
    fn: 'api',
    input: emptySchema,
    output: roster.whoamiOutput,
    audience: ['unbound', ...bound],
    writes: false,
    summary: 'Who the caller is in the roster, or that they are not yet bound.',
  }),
  'session.bindByPhone': spec({
    fn: 'api',
    input: roster.bindByPhoneInput,
    output: roster.whoamiOutput,
    audience: ['unbound'],
    writes: true,
    summary: 'Bind the caller’s WeChat identity to the roster entry with the verified phone number.',
  }),
  'roster.listDepartments': spec({
    fn: 'api',
    input: roster.listDepartmentsInput,
    output: roster.listDepartmentsOutput,
    audience: bound,
    writes: false,
    summary: 'All departments with their heads and staff counts.',
  }),
  'roster.addDepartment': spec({
    fn: 'api',
    input: roster.addDepartmentInput,
    output: roster.addDepartmentOutput,
    audience: ['admin'],
    writes: true,
    summary: 'Create a department.',
  }),
  'roster.listPeople': spec({
    fn: 'api',
    input: roster.listPeopleInput,
    output: roster.listPeopleOutput,
    audience: bound,
    writes: false,
    summary: 'Staff list with masked contacts; heads and employees see only their own department (employees only people in service, e.g. to pick a delegate).',
  }),
  'roster.import': spec({
    fn: 'api',
    input: roster.importRosterInput,
    output: roster.importRosterOutput,
    audience: ['admin'],
    writes: true,
    summary: 'Validate a roster CSV row by row and, on commit, import all of it or nothing.',
  }),
  'account.submitApplication': spec({
    fn: 'api',
    input: accounts.submitApplicationInput,
    output: accounts.applicationDetailSchema,
    audience: bound,
    writes: true,
    summary: 'Apply for a business WeChat account; one open application per person.',
  }),
  'account.withdrawApplication': spec({
    fn: 'api',
    input: accounts.applicationIdInput,
    output: accounts.applicationDetailSchema,
    audience: bound,
    writes: true,
    summary: 'The applicant withdraws an application that is still pending.',
  }),
  'account.reviewApplication': spec({
    fn: 'api',
    input: accounts.reviewApplicationInput,
    output: accounts.applicationDetailSchema,
    audience: ['head', 'admin'],
    writes: true,
    summary: 'The head of the applicant’s department approves or rejects (admins stand in for heads’ own applications).',
  }),
  'account.activateApplication': spec({
    fn: 'api',
    input: accounts.activateApplicationInput,
    output: accounts.applicationDetailSchema,
    audience: ['admin'],
    writes: true,
    summary: 'The administration activates a head-approved application, creating the account.',
  }),
  'account.declineActivation': spec({
    fn: 'api',
    input: accounts.declineActivationInput,
    output: accounts.applicationDetailSchema,
    audience: ['admin'],
    writes: true,
    summary: 'The administration rejects a head-approved application.',
  }),
  'account.getApplication': spec({
    fn: 'api',
    input: accounts.applicationIdInput,
    output: accounts.applicationDetailSchema,
    audience: bound,
    writes: false,
    summary: 'One application with its timeline, for its applicant, their head and admins.',
  }),
  'account.listApplications': spec({
    fn: 'api',
    input: accounts.listApplicationsInput,
    output: accounts.listApplicationsOutput,
    audience: bound,
    writes: false,
    summary: 'The caller’s own applications, those waiting for their decision, or (admins) all.',
  }),
  'account.get': spec({
    fn: 'api',
    input: accounts.accountIdInput,
    output: accounts.accountSummarySchema,
    audience: bound,
    writes: false,
    summary: 'One account, for its holder, the delegate operating it, their head and admins.',
  }),
  'account.listAccounts': spec({
    fn: 'api',
    input: accounts.listAccountsInput,
    output: accounts.listAccountsOutput,
    audience: bound,
    writes: false,
    summary: 'The account registry: admins see all, heads their department, employees their own.',
  }),
  'anomaly.report': spec({
    fn: 'api',
    input: anomalies.reportAnomalyInput,
    output: anomalies.anomalyDetailSchema,
    audience: bound,
    writes: true,
    summary: 'Report an account anomaly (stolen, login restricted, fraud…) to one’s department head.',
  }),
  'anomaly.get': spec({
    fn: 'api',
    input: anomalies.anomalyIdInput,
    output: anomalies.anomalyDetailSchema,
    audience: bound,
    writes: false,
    summary: 'One anomaly report with the measures taken, for its reporter, their head and admins.',
  }),
  'anomaly.acknowledge': spec({
    fn: 'api',
    input: anomalies.anomalyIdInput,
    output: anomalies.anomalyDetailSchema,
    audience: ['head', 'admin'],
    writes: true,
    summary: 'The reporter’s head (or an admin) acknowledges the report.',
  }),
  'anomaly.recordMeasure': spec({
    fn: 'api',
    input: anomalies.recordMeasureInput,
    output: anomalies.anomalyDetailSchema,
    audience: ['head', 'admin'],
    writes: true,
    summary: 'Record a measure taken; suspending the account takes effect on the account itself.',
  }),
  'anomaly.resolve': spec({
    fn: 'api',
    input: anomalies.resolveAnomalyInput,
    output: anomalies.anomalyDetailSchema,
    audience: ['head', 'admin'],
    writes: true,
    summary: 'Close an acknowledged report with its resolution.',
  }),
  'anomaly.list': spec({
    fn: 'api',
    input: anomalies.listAnomaliesInput,
    output: anomalies.listAnomaliesOutput,
    audience: bound,
    writes: false,
    summary: 'Reports the caller made, or those the caller handles.',
  }),
  'delegation.request': spec({
    fn: 'api',
    input: delegations.requestDelegationInput,
    output: delegations.delegationDetailSchema,
    audience: bound,
    writes: true,
    summary: 'The holder asks for a named colleague to operate their account for a period.',
  }),
  'delegation.review': spec({
    fn: 'api',
    input: delegations.reviewDelegationInput,
    output: delegations.delegationDetailSchema,
    audience: ['head', 'admin'],
    writes: true,
    summary: 'The holder’s head approves or rejects a delegation.',
  }),
  'delegation.withdraw': spec({
    fn: 'api',
    input: delegations.delegationIdInput,
    output: delegations.delegationDetailSchema,
    audience: bound,
    writes: true,
    summary: 'The holder withdraws a pending request.',
  }),
  'delegation.revoke': spec({
    fn: 'api',
    input: delegations.revokeDelegationInput,
    output: delegations.delegationDetailSchema,
    audience: bound,
    writes: true,
    summary: 'End an approved delegation early (holder, their head or an admin).',
  }),
  'delegation.get': spec({
    fn: 'api',
    input: delegations.delegationIdInput,
    output: delegations.delegationDetailSchema,
    audience: bound,
    writes: false,
    summary: 'One delegation with its timeline.',
  }),
  'delegation.list': spec({
    fn: 'api',
    input: delegations.listDelegationsInput,
    output: delegations.listDelegationsOutput,
    audience: bound,
    writes: false,
    summary: 'Delegations the caller holds or operates, waits to decide, or may see.',
  }),
  'handover.start': spec({
    fn: 'api',
    input: handovers.startHandoverInput,
    output: handovers.handoverDetailSchema,
    audience: bound,
    writes: true,
    summary: 'Start handing over an account (the holder, their head or an admin).',
  }),
  'handover.designate': spec({
    fn: 'api',
    input: handovers.designateReceiverInput,
    output: handovers.handoverDetailSchema,
    audience: ['head', 'admin'],
    writes: true,
    summary: 'The holder’s head designates the colleague who receives the account.',
  }),
  'handover.tick': spec({
    fn: 'api',
    input: handovers.tickChecklistInput,
    output: handovers.handoverDetailSchema,
    audience: bound,
    writes: true,
    summary: 'Tick a checklist item; each item is ticked by the person responsible for it.',
  }),
  'handover.close': spec({
    fn: 'api',
    input: handovers.closeHandoverInput,
    output: handovers.handoverDetailSchema,
    audience: ['admin'],
    writes: true,
    summary: 'Close a completed handover: the account passes to the receiver or is closed; a leaver is marked as left.',
  }),
  'handover.cancel': spec({
    fn: 'api',
    input: handovers.cancelHandoverInput,
    output: handovers.handoverDetailSchema,
    audience: ['head', 'admin'],
    writes: true,
    summary: 'Cancel a handover that is not closed; the account returns to its previous status.',
  }),
  'handover.get': spec({
    fn: 'api',
    input: handovers.handoverIdInput,
    output: handovers.handoverDetailSchema,
    audience: bound,
    writes: false,
    summary: 'One handover with its checklist.',
  }),
  'handover.list': spec({
    fn: 'api',
    input: handovers.listHandoversInput,
    output: handovers.listHandoversOutput,
    audience: bound,
    writes: false,
    summary: 'Handovers the caller is part of, or handles.',
  }),
  'security.getSelfCheck': spec({
    fn: 'api',
    input: security.getSelfCheckInput,
    output: security.getSelfCheckOutput,
    audience: bound,
    writes: false,
    summary: 'The caller’s security self-check for a month, its due date and their password age.',
  }),
  'security.submitSelfCheck': spec({
    fn: 'api',
    input: security.submitSelfCheckInput,
    output: security.selfCheckSchema,
    audience: bound,
    writes: true,
    summary: 'Submit this month’s security self-check; submitting again the same month updates it.',
  }),
  'security.listSelfChecks': spec({
    fn: 'api',
    input: security.listSelfChecksInput,
    output: security.listSelfChecksOutput,
    audience: ['head', 'admin'],
    writes: false,
    summary: 'Who has done the month’s self-check: heads their department, admins everyone.',
  }),
  'security.getSettings': spec({
    fn: 'api',
    input: emptySchema,
    output: security.securitySettingsSchema,
    audience: bound,
    writes: false,
    summary: 'Password age limit and self-check due day.',
  }),
  'security.updateSettings': spec({
    fn: 'api',
    input: security.updateSecuritySettingsInput,
    output: security.securitySettingsSchema,
    audience: ['admin'],
    writes: true,
    summary: 'Change the password age limit and the self-check due day.',
  }),
  'notify.getConsent': spec({
    fn: 'api',
    input: emptySchema,
    output: notifications.consentQuotaSchema,
    audience: bound,
    writes: false,
    summary: 'How many one-time subscribe messages the caller has left per template, and the template ids.',
  }),
  'notify.recordConsent': spec({
    fn: 'api',
    input: notifications.recordConsentInput,
    output: notifications.consentQuotaSchema,
    audience: bound,
    writes: true,
    summary: 'Count the one-time subscriptions the caller just accepted.',
  }),
  'policy.getCurrent': spec({
    fn: 'api',
    input: emptySchema,
    output: policy.getCurrentPolicyOutput,
    audience: bound,
    writes: false,
    summary: 'The version in force with the caller’s quiz questions and acknowledgement, and any version published to take effect later.',
  }),
  'policy.acknowledge': spec({
    fn: 'api',
    input: policy.acknowledgePolicyInput,
    output: policy.acknowledgePolicyOutput,
    audience: bound,
    writes: true,
    summary: 'Acknowledge the version in force after reading it and answering its quiz; a wrong answer returns the sections to re-read; acknowledging again keeps the first time.',
  }),
  'policy.listVersions': spec({
    fn: 'api',
    input: policy.listPolicyVersionsInput,
    output: policy.listPolicyVersionsOutput,
    audience: bound,
    writes: false,
    summary: 'Published versions, newest first; admins also see the open draft.',
  }),
  'policy.getVersion': spec({
    fn: 'api',
    input: policy.getPolicyVersionInput,
    output: policy.getPolicyVersionOutput,
    audience: bound,
    writes: false,
    summary: 'One version’s text, optionally compared chapter by chapter with the version before it; drafts and quiz answers for admins only.',
  }),
  'policy.startDraft': spec({
    fn: 'api',
    input: policy.startPolicyDraftInput,
    output: policy.getPolicyVersionOutput,
    audience: ['admin'],
    writes: true,
    summary: 'Open a draft copied from the latest published version, or return the draft already open.',
  }),
  'policy.saveDraft': spec({
    fn: 'api',
    input: policy.savePolicyDraftInput,
    output: policy.policyVersionSummarySchema,
    audience: ['admin'],
    writes: true,
    summary: 'Save the draft’s text, quiz and change summary; refused if someone saved a newer revision.',
  }),
  'policy.publish': spec({
    fn: 'api',
    input: policy.publishPolicyInput,
    output: policy.policyVersionSummarySchema,
    audience: ['admin'],
    writes: true,
    summary: 'Publish the draft as the next version, effective from a date (today or later); everyone must acknowledge it again.',
  }),
  'policy.discardDraft': spec({
    fn: 'api',
    input: policy.discardPolicyDraftInput,
    output: policy.discardPolicyDraftOutput,
    audience: ['admin'],
    writes: true,
    summary: 'Throw the open draft away.',
  }),
  'policy.ackProgress': spec({
    fn: 'api',
    input: policy.ackProgressInput,
    output: policy.ackProgressOutput,
    audience: ['head', 'admin'],
    writes: false,
    summary: 'Acknowledgement rate and overdue count per department for a version (default: the one in force); heads get their own department.',
  }),
  'policy.listAckStatus': spec({
    fn: 'api',
    input: policy.listAckStatusInput,
    output: policy.listAckStatusOutput,
    audience: ['head', 'admin'],
    writes: false,
    summary: 'Who has and has not acknowledged a version, filterable to the overdue; heads see their own department.',
  }),
  'policy.remind': spec({
    fn: 'api',
    input: policy.remindPolicyInput,
    output: policy.remindPolicyOutput,
    audience: ['head', 'admin'],
    writes: true,
    summary: 'Remind everyone (or one department) who has not acknowledged the version in force; each person at most once a day.',
  }),
  'notice.send': spec({
    fn: 'api',
    input: notices.sendNoticeInput,
    output: notices.noticeSchema,
    audience: ['head', 'admin'],
    writes: true,
    summary: 'Send a work notice to everyone, departments or named people (heads: their own department), optionally asking for acknowledgement within working time.',
  }),
  'notice.listMine': spec({
    fn: 'api',
    input: notices.listMyNoticesInput,
    output: notices.listMyNoticesOutput,
    audience: bound,
    writes: false,
    summary: 'Notices sent to the caller, those awaiting their acknowledgement first.',
  }),
  'notice.acknowledge': spec({
    fn: 'api',
    input: notices.noticeIdInput,
    output: notices.receiptSchema,
    audience: bound,
    writes: true,
    summary: 'Acknowledge a notice sent to the caller; acknowledging again keeps the first time.',
  }),
  'notice.get': spec({
    fn: 'api',
    input: notices.noticeIdInput,
    output: notices.getNoticeOutput,
    audience: bound,
    writes: false,
    summary: 'A notice with the caller’s receipt; for its sender and admins, the acknowledgement counts.',
  }),
  'notice.listSent': spec({
    fn: 'api',
    input: notices.listSentNoticesInput,
    output: notices.listSentNoticesOutput,
    audience: ['head', 'admin'],
    writes: false,
    summary: 'Notices the caller sent (admins: all notices), newest first.',
  }),
  'notice.listReceipts': spec({
    fn: 'api',
    input: notices.listReceiptsInput,
    output: notices.listReceiptsOutput,
    audience: ['head', 'admin'],
    writes: false,
    summary: 'Who acknowledged a notice, when, in how much working time, and who is late; for its sender and admins.',
  }),
  'notice.listOverdueReceipts': spec({
    fn: 'api',
    input: notices.listOverdueReceiptsInput,
    output: notices.listOverdueReceiptsOutput,
    audience: ['head', 'admin'],
    writes: false,
    summary: 'Receipts past their deadline and not acknowledged among a month’s notices, longest late first; heads their own department, admins any.',
  }),
  'worktime.getSettings': spec({
    fn: 'api',
    input: emptySchema,
    output: workingTimeSettingsSchema,
    audience: bound,
    writes: false,
    summary: 'Working days, daily working hours, public holidays and make-up workdays used for deadlines.',
  }),
  'worktime.updateSettings': spec({
    fn: 'api',
    input: workingTimeSettingsSchema,
    output: workingTimeSettingsSchema,
    audience: ['admin'],
    writes: true,
    summary: 'Change working days, hours, holidays and make-up workdays.',
  }),
  'todo.list': spec({
    fn: 'api',
    input: emptySchema,
    output: accounts.listTodosOutput,
    audience: bound,
    writes: false,
    summary: 'What waits for the caller’s decision and the caller’s own open requests.',
  }),
  ...customerActions,
  ...marketingActions,
  ...taskActions,
  ...archiveActions,
  ...assessmentRuleActions,
  ...spotCheckActions,
  ...violationActions,
  ...assessmentResultActions,
  ...replyStatActions,
  ...auditActions,
  ...retentionActions,
  ...dashboardActions,
} as const

export type Actions = typeof actions
export type ActionName = keyof Actions
export type ActionInput<N extends ActionName> = z.input<Actions[N]['input']>
export type ActionOutput<N extends ActionName> = z.output<Actions[N]['output']>
export const actionNames = Object.keys(actions) as ActionName[]

export function isActionName(name: unknown): name is ActionName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(actions, name)
}

/** What travels from client to cloud function. */
export interface ActionRequest<N extends ActionName = ActionName> {
  action: N
  payload: ActionInput<N>
}
