import type {
  AckProgress,
  AckStatusRow,
  AcknowledgePolicyResult,
  ActionInput,
  ActionOutput,
  CurrentPolicy,
  PolicyDocument,
  PolicyQuiz,
  PolicyVersionDetail,
  PolicyVersionSummary,
} from '@contract'
import { callAction } from './cloud'

export type { AckProgress, AckStatusRow, AcknowledgePolicyResult, CurrentPolicy, PolicyDocument, PolicyQuiz, PolicyVersionDetail, PolicyVersionSummary }

export function getCurrentPolicy(): Promise<CurrentPolicy> {
  return callAction('policy.getCurrent', {})
}

export interface QuizAnswer {
  questionKey: string
  choice: number
}

/** Only offered once the reader reached the end and ticked the confirmation. */
export function acknowledgePolicy(versionId: string, answers: QuizAnswer[]): Promise<AcknowledgePolicyResult> {
  return callAction('policy.acknowledge', { versionId, readToEnd: true, confirmed: true, answers })
}

export function listPolicyVersions(query: { page: number; pageSize: number }): Promise<ActionOutput<'policy.listVersions'>> {
  return callAction('policy.listVersions', query)
}

export function getPolicyVersion(versionId: string, compare = false): Promise<PolicyVersionDetail> {
  return callAction('policy.getVersion', { versionId, compare })
}

export function startPolicyDraft(): Promise<PolicyVersionDetail> {
  return callAction('policy.startDraft', {})
}

export interface DraftContent {
  versionId: string
  revision: number
  document: PolicyDocument
  quiz: PolicyQuiz
  changeSummary: string
}

export function savePolicyDraft(draft: DraftContent): Promise<PolicyVersionSummary> {
  return callAction('policy.saveDraft', draft)
}

export function publishPolicy(input: ActionInput<'policy.publish'>): Promise<PolicyVersionSummary> {
  return callAction('policy.publish', input)
}

export function discardPolicyDraft(versionId: string, revision: number): Promise<ActionOutput<'policy.discardDraft'>> {
  return callAction('policy.discardDraft', { versionId, revision })
}

export function getAckProgress(versionId?: string): Promise<AckProgress> {
  return callAction('policy.ackProgress', versionId ? { versionId } : {})
}

export function listAckStatus(query: ActionInput<'policy.listAckStatus'>): Promise<ActionOutput<'policy.listAckStatus'>> {
  return callAction('policy.listAckStatus', query)
}

export function remindPolicy(versionId: string, departmentId?: string): Promise<ActionOutput<'policy.remind'>> {
  return callAction('policy.remind', departmentId ? { versionId, departmentId } : { versionId })
}
