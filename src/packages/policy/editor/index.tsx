import { useCallback, useEffect, useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import type { PolicyVersionDetail } from '@contract'
import { getPolicyVersion } from '@/services/policy'
import { formatShanghaiTime } from '@/services/accounts'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { FormField } from '@/components/record/form-field'
import { useLoaded } from '@/hooks/use-loaded'
import { policyVersionDetail } from '@/routes'
import { PolicyBody } from '../components/policy-body'
import { ChaptersEditor } from './chapter-editor'
import { QuizEditor } from './quiz-editor'
import { PublishPanel } from './publish-panel'
import { documentOf, fieldIds, formOf, keysOf, newKey, sectionChoices, validate, type DraftForm, type Problem } from './draft-form'
import { useDraftActions } from './use-draft-actions'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/policy.scss'
import './index.scss'

function scrollTo(selector: string): void {
  Taro.nextTick(() => void Taro.pageScrollTo({ selector, offsetTop: -16, duration: 300 }).catch(() => undefined))
}

function Problems({ problems, onOpen }: { problems: Problem[]; onOpen: (problem: Problem) => void }) {
  return (
    <View id='policy-errors' className='policy-banner policy-banner--error edit-problems'>
      <Text className='edit-problems__title'>还有 {problems.length} 处需要修改：</Text>
      {problems.map((problem, index) => (
        <Text key={`${problem.field}-${index}`} className='edit-problems__item' onClick={() => onOpen(problem)}>
          {problem.place}：{problem.message}
        </Text>
      ))}
    </View>
  )
}

function Editor({ detail, onReload }: { detail: PolicyVersionDetail; onReload: () => void }) {
  const versionId = detail.version.id
  const initial = useMemo(() => formOf(detail), [detail])
  const [form, setForm] = useState<DraftForm>(initial)
  const actions = useDraftActions(versionId, detail.version.revision, useMemo(() => JSON.stringify(initial), [initial]))
  const [touched, setTouched] = useState<Record<string, true>>({})
  const [attempted, setAttempted] = useState(false)
  const [chapterOpen, setChapterOpen] = useState<string | null>(() => detail.document.chapters[0]?.key ?? null)
  const [questionOpen, setQuestionOpen] = useState<string | null>(null)
  const [preview, setPreview] = useState(false)
  const [publishing, setPublishing] = useState(false)

  const validation = useMemo(() => validate(form), [form])
  const dirty = JSON.stringify(form) !== actions.savedAs
  const visible = (field: string) => attempted || Boolean(touched[field])
  const errorOf = (field: string) => actions.fieldErrors[field] ?? (visible(field) ? (validation.byField[field] ?? null) : null)
  const shownProblems = validation.problems.filter((p) => visible(p.field))

  // Leaving the mini program page with unsaved edits asks first; the browser build has no such hook.
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return
    if (dirty) void Taro.enableAlertBeforeUnload({ message: '修改尚未保存，确定离开吗？' })
    else void Taro.disableAlertBeforeUnload()
  }, [dirty])

  const edit = (next: DraftForm, field?: string) => {
    setForm(next)
    if (!field) return
    setTouched((previous) => (previous[field] ? previous : { ...previous, [field]: true }))
    actions.clearFieldError(field)
  }
  const makeKey = (prefix: 'c' | 's' | 'q') => newKey(prefix, keysOf(form))

  const open = (problem: Problem) => {
    if (problem.chapterKey) setChapterOpen(problem.chapterKey)
    if (problem.questionKey) setQuestionOpen(problem.questionKey)
    setPreview(false)
    scrollTo(`#${problem.field}`)
  }

  /** Shows every problem and opens the first; true when there are none. */
  const ready = (): boolean => {
    setAttempted(true)
    const first = validation.problems[0]
    if (!first) return true
    void Taro.showToast({ title: '请先修正标红的内容', icon: 'none', duration: 2000 })
    if (first.chapterKey) setChapterOpen(first.chapterKey)
    if (first.questionKey) setQuestionOpen(first.questionKey)
    setPreview(false)
    scrollTo('#policy-errors')
    return false
  }

  const startPublishing = () => {
    if (!ready()) return
    setPublishing(true)
    scrollTo('#publish-panel')
  }

  const sections = sectionChoices(form)
  const countIn = (match: (p: Problem) => boolean) => shownProblems.filter(match).length

  return (
    <View id='policy-editor' className='account-page policy-editor'>
      <View className='policy-banner policy-banner--warn'>
        <Text className='policy-banner__text'>
          草稿{detail.previousNumber ? `，基于第${detail.previousNumber}版` : ''}，最后保存于 {formatShanghaiTime(detail.version.updatedAt)}
        </Text>
        {dirty ? (
          <Text id='draft-dirty' className='edit-dirty'>
            未保存
          </Text>
        ) : null}
      </View>
      {actions.stale ? (
        <View id='policy-stale' className='policy-banner policy-banner--error'>
          <Text className='policy-banner__text'>草稿已被他人修改并保存。重新加载可看到最新内容，你未保存的修改将丢失。</Text>
          <Text id='policy-reload' className='policy-banner__link' onClick={onReload}>
            重新加载
          </Text>
        </View>
      ) : null}
      {actions.refusal ? (
        <View id='policy-editor-error' className='policy-banner policy-banner--error'>
          <Text className='policy-banner__text'>{actions.refusal}</Text>
        </View>
      ) : null}
      {shownProblems.length > 0 && attempted ? <Problems problems={shownProblems} onOpen={open} /> : null}

      {preview ? (
        <View id='policy-preview'>
          <Text className='page-section__title'>预览（员工看到的样子）</Text>
          <View className='policy-banner'>
            <Text className='policy-banner__text'>{form.title.trim() || '未填写制度名称'}</Text>
          </View>
          <PolicyBody document={documentOf(form)} bodyId='preview-body' sectionIdPrefix='preview-section-' />
        </View>
      ) : (
        <>
          <View className='card edit-card'>
            <FormField id={fieldIds.title} label='制度名称' required error={errorOf(fieldIds.title)}>
              <Input placeholder='如：业务微信管理制度' maxLength={60} value={form.title} onChange={(value: string) => edit({ ...form, title: value }, fieldIds.title)} />
            </FormField>
          </View>
          <Text className='page-section__title'>章节（点章名展开编辑）</Text>
          <ChaptersEditor
            chapters={form.chapters}
            expanded={chapterOpen}
            onExpand={setChapterOpen}
            errorOf={errorOf}
            problemsIn={(key) => countIn((p) => p.chapterKey === key)}
            questionsOn={(keys) => form.questions.filter((q) => keys.includes(q.sectionKey)).length}
            onChange={(chapters, field) => edit({ ...form, chapters }, field)}
            newKey={makeKey}
          />
          <Text className='page-section__title'>阅读测验</Text>
          <QuizEditor
            askCount={form.askCount}
            questions={form.questions}
            sections={sections}
            expanded={questionOpen}
            onExpand={setQuestionOpen}
            errorOf={errorOf}
            problemsIn={(key) => countIn((p) => p.questionKey === key)}
            onAskCount={(askCount) => edit({ ...form, askCount }, fieldIds.askCount)}
            onChange={(questions, field) => edit({ ...form, questions }, field)}
            newKey={() => makeKey('q')}
          />
          <Text className='page-section__title'>改动说明</Text>
          <View className='card edit-card'>
            <FormField id={fieldIds.changeSummary} label='本版改动' hint='发布时可再修改；员工阅读时会先看到' error={errorOf(fieldIds.changeSummary)}>
              <TextArea
                placeholder='简要说明与上一版相比改了什么'
                maxLength={300}
                showCount
                autoSize
                rows={3}
                value={form.changeSummary}
                onChange={(value: string) => edit({ ...form, changeSummary: value }, fieldIds.changeSummary)}
              />
            </FormField>
          </View>
        </>
      )}

      {publishing ? (
        <PublishPanel
          initialSummary={form.changeSummary.trim()}
          busy={actions.busy === 'publish'}
          serverErrors={actions.publishErrors}
          onFieldChange={actions.clearPublishError}
          onCancel={() => setPublishing(false)}
          onConfirm={(choice) => void actions.publish({ ...form, changeSummary: choice.changeSummary }, choice)}
        />
      ) : null}

      <View className='edit-discard'>
        <Button id='policy-discard' fill='none' type='danger' size='small' loading={actions.busy === 'discard'} disabled={actions.busy !== null} onClick={() => void actions.discard()}>
          放弃草稿
        </Button>
      </View>

      {/* Always at the thumb; hidden while the publish form, which has its own buttons, is open. */}
      {publishing ? null : (
        <View className='edit-bar'>
          <Button id='policy-preview' className='edit-bar__button' fill='outline' onClick={() => setPreview((value) => !value)}>
            {preview ? '继续编辑' : '预览'}
          </Button>
          <Button
            id='policy-save'
            className='edit-bar__button'
            fill='outline'
            type='primary'
            loading={actions.busy === 'save'}
            disabled={actions.busy !== null}
            onClick={() => {
              if (ready()) void actions.save(form)
            }}
          >
            保存草稿
          </Button>
          <Button id='policy-publish' className='edit-bar__button' type='primary' disabled={actions.busy !== null} onClick={startPublishing}>
            发布
          </Button>
        </View>
      )}
    </View>
  )
}

function EditorScreen({ id }: { id: string }) {
  const { data, error, reload } = useLoaded(useCallback(() => getPolicyVersion(id), [id]))
  if (error) return <ErrorState id='editor-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  if (data.version.status !== 'draft') {
    return (
      <View className='account-page'>
        <EmptyState id='editor-not-draft' title='该版本已发布，不能再编辑' description='如需修改，请回到版本列表编辑新版本' />
        <View className='record__submit'>
          <Button id='editor-open-version' type='primary' block onClick={() => void Taro.redirectTo({ url: policyVersionDetail(data.version.id) })}>
            查看该版本
          </Button>
        </View>
      </View>
    )
  }
  return <Editor key={`${data.version.id}:${data.version.revision}`} detail={data} onReload={reload} />
}

export default function PolicyEditorPage() {
  const router = useRouter()
  const id = typeof router.params.id === 'string' ? router.params.id : ''
  return (
    <SessionGate roles={['admin']}>
      {() => (id ? <EditorScreen id={id} /> : <ErrorState id='editor-error' message='缺少草稿编号，请从版本列表重新打开' />)}
    </SessionGate>
  )
}
