import { useState } from 'react'
import Taro from '@tarojs/taro'
import { fieldIssues, hasCode } from '@/services/accounts'
import { isCloudError } from '@/services/cloud'
import { messageOf, showSuccess } from '@/services/feedback'
import { discardPolicyDraft, publishPolicy, savePolicyDraft } from '@/services/policy'
import { policyVersionDetail, routes } from '@/routes'
import { documentOf, fieldIds, quizOf, type DraftForm } from './draft-form'
import type { PublishChoice, PublishField } from './publish-panel'

type Busy = 'save' | 'publish' | 'discard' | null

/** The question keys a QUIZ_SECTION_MISSING refusal names. */
function questionsOf(err: unknown): string[] {
  if (!isCloudError(err) || typeof err.details !== 'object' || err.details === null) return []
  const { questions } = err.details as { questions?: unknown }
  return Array.isArray(questions) ? questions.filter((q): q is string => typeof q === 'string') : []
}

/**
 * Saving, publishing and discarding one draft. Every write carries the revision the editor
 * holds, so a save over another admin's newer one is refused as stale rather than lost.
 */
export function useDraftActions(versionId: string, initialRevision: number, initialSaved: string) {
  const [revision, setRevision] = useState(initialRevision)
  const [savedAs, setSavedAs] = useState(initialSaved)
  const [busy, setBusy] = useState<Busy>(null)
  const [stale, setStale] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  /** The server's word on form fields, by field id, until the field is edited. */
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [publishErrors, setPublishErrors] = useState<Partial<Record<PublishField, string>>>({})

  const refuse = (err: unknown, publishing: boolean) => {
    if (hasCode(err, 'DRAFT_STALE')) {
      setStale(true)
      return
    }
    if (hasCode(err, 'EFFECTIVE_DATE_PAST', 'EFFECTIVE_BEFORE_PREVIOUS')) {
      setPublishErrors({ effectiveFrom: messageOf(err) })
      return
    }
    if (hasCode(err, 'QUIZ_SECTION_MISSING')) {
      setFieldErrors(Object.fromEntries(questionsOf(err).map((key) => [fieldIds.section(key), messageOf(err)])))
      setRefusal(messageOf(err))
      return
    }
    const issues = fieldIssues(err)
    if (publishing && (issues.effectiveFrom || issues.ackWithinDays || issues.changeSummary)) {
      setPublishErrors({ effectiveFrom: issues.effectiveFrom, ackWithinDays: issues.ackWithinDays, changeSummary: issues.changeSummary })
    } else if (issues.changeSummary) {
      setFieldErrors({ [fieldIds.changeSummary]: issues.changeSummary })
    } else {
      setRefusal(messageOf(err))
    }
  }

  /** The new revision, or null when the save was refused (and the refusal is on screen). */
  const persist = async (form: DraftForm, publishing: boolean): Promise<number | null> => {
    try {
      const saved = await savePolicyDraft({ versionId, revision, document: documentOf(form), quiz: quizOf(form), changeSummary: form.changeSummary.trim() })
      setRevision(saved.revision)
      setSavedAs(JSON.stringify(form))
      return saved.revision
    } catch (err) {
      refuse(err, publishing)
      return null
    }
  }

  const begin = (what: Busy) => {
    setBusy(what)
    setRefusal(null)
  }

  const save = async (form: DraftForm) => {
    if (busy) return
    begin('save')
    const saved = await persist(form, false)
    setBusy(null)
    if (saved !== null) showSuccess('已保存')
  }

  const publish = async (form: DraftForm, choice: PublishChoice) => {
    if (busy) return
    begin('publish')
    setPublishErrors({})
    // Publishing takes the draft as stored, so unsaved edits are saved first.
    const current = JSON.stringify(form) === savedAs ? revision : await persist(form, true)
    if (current === null) {
      setBusy(null)
      return
    }
    try {
      await publishPolicy({ versionId, revision: current, ...choice })
      showSuccess('已发布')
      void Taro.redirectTo({ url: policyVersionDetail(versionId) })
    } catch (err) {
      refuse(err, true)
    } finally {
      setBusy(null)
    }
  }

  const discard = async () => {
    if (busy) return
    const answer = await Taro.showModal({
      title: '放弃草稿',
      content: '草稿及其中的全部修改将被删除，不能恢复。',
      confirmText: '放弃草稿',
      confirmColor: '#e34d59',
    }).catch(() => ({ confirm: false }))
    if (!answer.confirm) return
    begin('discard')
    try {
      await discardPolicyDraft(versionId, revision)
      showSuccess('已放弃草稿')
      void Taro.navigateBack().catch(() => Taro.redirectTo({ url: routes.policyVersions }))
    } catch (err) {
      refuse(err, false)
    } finally {
      setBusy(null)
    }
  }

  const clearFieldError = (field: string) => setFieldErrors((previous) => (field in previous ? Object.fromEntries(Object.entries(previous).filter(([key]) => key !== field)) : previous))
  const clearPublishError = (field: PublishField) => setPublishErrors((previous) => (previous[field] ? { ...previous, [field]: undefined } : previous))

  return { savedAs, busy, stale, refusal, fieldErrors, publishErrors, save, publish, discard, clearFieldError, clearPublishError }
}
