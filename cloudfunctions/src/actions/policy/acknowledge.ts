import { type AcknowledgePolicyResult, type ActionInput, type PolicyDocument, type WrongAnswer, locateSection, sectionNumber, shanghaiDate } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { gradeAnswers, pickQuestions } from '../../domain/policy-quiz'
import type { QuizQuestion } from '../../../../types/contract'
import { loadAck, loadVersionInForceWithText, POLICY_ACKS, policyAckId, toPolicyAck, type PolicyAckDoc } from '../../repos/policy'
import { quizSeed } from './read'

function wrongAnswer(doc: PolicyDocument, question: QuizQuestion): WrongAnswer {
  const found = locateSection(doc, question.sectionKey)
  return {
    questionKey: question.key,
    prompt: question.prompt,
    sectionKey: question.sectionKey,
    sectionLabel: found ? `${sectionNumber(found.chapterIndex, found.sectionIndex)} ${found.section.heading}` : '',
    clauses: found ? found.section.clauses : [],
  }
}

/**
 * Reads the person's acknowledgement record inside a transaction, creating it when absent,
 * and applies `change` to it. The transaction makes "first write wins" hold for two taps at once.
 */
async function updateAckRecord(
  ctx: ActionContext,
  base: Omit<PolicyAckDoc, '_id'>,
  change: (current: Omit<PolicyAckDoc, '_id'>) => Omit<PolicyAckDoc, '_id'> | null,
): Promise<{ before: Omit<PolicyAckDoc, '_id'> | null; after: Omit<PolicyAckDoc, '_id'> }> {
  const id = policyAckId(base.versionId, base.personId)
  return ctx.db.runTransaction(async (tx) => {
    const existing = await tx
      .collection<PolicyAckDoc>(POLICY_ACKS)
      .doc(id)
      .get()
      .then(
        (r) => r.data,
        () => null,
      )
    const current = existing ? { ...existing } : { ...base }
    if ('_id' in current) delete (current as Partial<PolicyAckDoc>)._id
    const next = change(current)
    if (next) await tx.collection(POLICY_ACKS).doc(id).set({ data: next })
    return { before: existing, after: next ?? current }
  })
}

export async function acknowledgePolicy(input: ActionInput<'policy.acknowledge'>, ctx: ActionContext): Promise<AcknowledgePolicyResult> {
  const me = requirePerson(ctx)
  const now = ctx.now()
  const version = await loadVersionInForceWithText(ctx.db, shanghaiDate(now))
  if (!version || version._id !== input.versionId || version.number === null) refuse('POLICY_NOT_IN_FORCE')
  const existing = await loadAck(ctx.db, version._id, me._id)
  const earlier = existing ? toPolicyAck(existing) : null
  // Acknowledging again changes nothing: the first time is the one on record.
  if (earlier) return { outcome: 'acknowledged', acknowledgement: earlier }

  const asked = pickQuestions(version.quiz, quizSeed(me._id, version._id))
  const grade = gradeAnswers(asked, input.answers ?? [])
  if (!grade.complete) refuse('QUIZ_INCOMPLETE')

  const base: Omit<PolicyAckDoc, '_id'> = {
    versionId: version._id,
    versionNumber: version.number,
    personId: me._id,
    departmentId: me.departmentId,
    acknowledgedAt: null,
    quizAsked: asked.length,
    quizFailedAttempts: 0,
    lastRemindedAt: null,
  }
  const targetId = policyAckId(version._id, me._id)
  if (grade.wrong.length > 0) {
    const { before, after } = await updateAckRecord(ctx, base, (current) => (current.acknowledgedAt ? null : { ...current, quizFailedAttempts: current.quizFailedAttempts + 1 }))
    if (after.acknowledgedAt) return { outcome: 'acknowledged', acknowledgement: toPolicyAck({ _id: targetId, ...after })! }
    await writeAudit(ctx, {
      action: ctx.action,
      targetCollection: POLICY_ACKS,
      targetId,
      before: before ? { quizFailedAttempts: before.quizFailedAttempts } : null,
      after: { quizFailedAttempts: after.quizFailedAttempts, wrong: grade.wrong.map((q) => q.key) },
    })
    return { outcome: 'retry', wrong: grade.wrong.map((q) => wrongAnswer(version.document, q)) }
  }

  const { before, after } = await updateAckRecord(ctx, base, (current) => (current.acknowledgedAt ? null : { ...current, acknowledgedAt: now, quizAsked: asked.length }))
  const acknowledgement = toPolicyAck({ _id: targetId, ...after })!
  if (!before?.acknowledgedAt) {
    await writeAudit(ctx, {
      action: ctx.action,
      targetCollection: POLICY_ACKS,
      targetId,
      before: before ? { acknowledgedAt: null, quizFailedAttempts: before.quizFailedAttempts } : null,
      after: { versionNumber: version.number, acknowledgedAt: acknowledgement.acknowledgedAt, quizAsked: asked.length },
    })
  }
  return { outcome: 'acknowledged', acknowledgement }
}
