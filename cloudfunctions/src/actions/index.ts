import type { ActionName } from '../../../types/contract'
import type { HandlerMap } from '../core/handler'
import { customerHandlers } from './customer'
import { marketingHandlers } from './marketing'
import { taskHandlers } from './task'
import { archiveHandlers } from './archive'
import { assessmentRuleHandlers } from './assessment-rules'
import { spotCheckHandlers } from './spot-check'
import { violationHandlers } from './violation'
import { assessmentResultHandlers } from './assessment'
import { replyStatHandlers } from './reply-stats'
import { auditHandlers } from './audit'
import { retentionHandlers } from './retention'
import { dashboardHandlers } from './dashboard'
import { activateApplication } from './account/activate-application'
import { declineActivation } from './account/decline-activation'
import { getAccount } from './account/get-account'
import { getApplication } from './account/get-application'
import { listAccounts } from './account/list-accounts'
import { listApplications } from './account/list-applications'
import { reviewApplication } from './account/review-application'
import { submitApplication } from './account/submit-application'
import { withdrawApplication } from './account/withdraw-application'
import { acknowledgeAnomaly, getAnomaly, recordMeasure, resolveAnomaly } from './anomaly/handle'
import { listAnomalies } from './anomaly/list'
import { reportAnomaly } from './anomaly/report'
import { getDelegation, revokeDelegation, reviewDelegation, withdrawDelegation } from './delegation/decide'
import { listDelegations } from './delegation/list'
import { requestDelegation } from './delegation/request'
import { cancelHandover, closeHandover, designateReceiver, getHandover, tickChecklist } from './handover/progress'
import { listHandovers } from './handover/list'
import { startHandover } from './handover/start'
import { getSecuritySettings, getSelfCheck, listSelfChecks, submitSelfCheck, updateSecuritySettings } from './security/self-check'
import { getConsent, recordConsent } from './notify/consent'
import { addDepartment } from './roster/add-department'
import { importRoster } from './roster/import-roster'
import { listDepartments } from './roster/list-departments'
import { listPeople } from './roster/list-people'
import { bindByPhone } from './session/bind-by-phone'
import { whoami } from './session/whoami'
import { listTodos } from './todo/list-todos'
import { acknowledgePolicy } from './policy/acknowledge'
import { discardPolicyDraft, publishPolicy, savePolicyDraft, startPolicyDraft } from './policy/drafts'
import { ackProgress, listAckStatus, remindPolicy } from './policy/progress'
import { getCurrentPolicy, getPolicyVersion, listPolicyVersions } from './policy/read'
import { acknowledgeNotice } from './notice/acknowledge'
import { getNotice, listMyNotices, listReceipts, listSentNotices } from './notice/read'
import { sendNotice } from './notice/send'
import { listOverdueReceipts } from './notice/overdue'
import { getWorkingTimeSettings, updateWorkingTimeSettings } from './worktime/settings'


/** Wiring only: every action in the contract must have exactly one handler here. */
export const handlers: HandlerMap<ActionName> = {
  'session.whoami': whoami,
  'session.bindByPhone': bindByPhone,
  'roster.listDepartments': listDepartments,
  'roster.addDepartment': addDepartment,
  'roster.listPeople': listPeople,
  'roster.import': importRoster,
  'account.submitApplication': submitApplication,
  'account.withdrawApplication': withdrawApplication,
  'account.reviewApplication': reviewApplication,
  'account.activateApplication': activateApplication,
  'account.declineActivation': declineActivation,
  'account.getApplication': getApplication,
  'account.listApplications': listApplications,
  'account.get': getAccount,
  'account.listAccounts': listAccounts,
  'anomaly.report': reportAnomaly,
  'anomaly.get': getAnomaly,
  'anomaly.acknowledge': acknowledgeAnomaly,
  'anomaly.recordMeasure': recordMeasure,
  'anomaly.resolve': resolveAnomaly,
  'anomaly.list': listAnomalies,
  'delegation.request': requestDelegation,
  'delegation.review': reviewDelegation,
  'delegation.withdraw': withdrawDelegation,
  'delegation.revoke': revokeDelegation,
  'delegation.get': getDelegation,
  'delegation.list': listDelegations,
  'handover.start': startHandover,
  'handover.designate': designateReceiver,
  'handover.tick': tickChecklist,
  'handover.close': closeHandover,
  'handover.cancel': cancelHandover,
  'handover.get': getHandover,
  'handover.list': listHandovers,
  'security.getSelfCheck': getSelfCheck,
  'security.submitSelfCheck': submitSelfCheck,
  'security.listSelfChecks': listSelfChecks,
  'security.getSettings': getSecuritySettings,
  'security.updateSettings': updateSecuritySettings,
  'notify.getConsent': getConsent,
  'notify.recordConsent': recordConsent,
  'policy.getCurrent': getCurrentPolicy,
  'policy.acknowledge': acknowledgePolicy,
  'policy.listVersions': listPolicyVersions,
  'policy.getVersion': getPolicyVersion,
  'policy.startDraft': startPolicyDraft,
  'policy.saveDraft': savePolicyDraft,
  'policy.publish': publishPolicy,
  'policy.discardDraft': discardPolicyDraft,
  'policy.ackProgress': ackProgress,
  'policy.listAckStatus': listAckStatus,
  'policy.remind': remindPolicy,
  'notice.send': sendNotice,
  'notice.listMine': listMyNotices,
  'notice.acknowledge': acknowledgeNotice,
  'notice.get': getNotice,
  'notice.listSent': listSentNotices,
  'notice.listReceipts': listReceipts,
  'notice.listOverdueReceipts': listOverdueReceipts,
  'worktime.getSettings': getWorkingTimeSettings,
  'worktime.updateSettings': updateWorkingTimeSettings,
  'todo.list': listTodos,
  ...customerHandlers,
  ...marketingHandlers,
  ...taskHandlers,
  ...archiveHandlers,
  ...assessmentRuleHandlers,
  ...spotCheckHandlers,
  ...violationHandlers,
  ...assessmentResultHandlers,
  ...replyStatHandlers,
  ...auditHandlers,
  ...retentionHandlers,
  ...dashboardHandlers,
}
