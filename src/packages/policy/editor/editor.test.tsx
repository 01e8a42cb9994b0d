import { act, fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages, shanghaiDate, type PolicyVersionDetail } from '@contract'
import PolicyEditorPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, head } from '../../../../test/doubles/people'
import { draftDetail, draftVersion, policyDocument, policyQuiz, policyVersion } from '../../../../test/doubles/policy'
import { byId, control, errorText, pick, pickerOf, renderPagesAsH5, routeTo, shown, type } from '../../../../test/doubles/screen'

function open(handlers: Record<string, Handler> = {}, detail: PolicyVersionDetail = draftDetail()) {
  routeTo(Taro.useRouter, '/packages/policy/editor/index', { id: detail.version.id })
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: admin, policyToAcknowledge: null }),
    'policy.getVersion': () => ok(detail),
    'policy.saveDraft': ({ revision }) => ok(draftVersion({ revision: revision + 1 })),
    ...handlers,
  })
}

async function ready(): Promise<void> {
  await waitFor(() => byId('policy-editor'))
}

function isOpen(chapterKey: string): boolean {
  return shown(`edit-chapter-${chapterKey}-title`)
}

/** Ids of the items added on screen, whose keys the editor makes up. */
function added(prefix: string): string[] {
  return Array.from(document.querySelectorAll(`[id^="${prefix}"]`))
    .map((element) => element.id)
    .filter((id) => /^edit-(chapter|section|question)-[cqs]-[a-z0-9]+-[a-z0-9]+$/.test(id))
}

function keyOf(id: string): string {
  return id.replace(/^edit-(chapter|section|question)-/, '')
}

renderPagesAsH5()

describe('editing a policy draft', () => {
  it('opens one chapter at a time with its sections and clauses, one a line', async () => {
    open()
    render(<PolicyEditorPage />)
    await ready()
    expect((control('draft-title') as HTMLInputElement).value).toBe('业务微信管理制度')
    expect(isOpen('general')).toBe(true)
    expect(isOpen('use')).toBe(false)
    expect(control('edit-section-purpose-clauses').value).toBe('规范公司业务微信的使用。\n保护客户信息安全。')
    fireEvent.click(byId('edit-chapter-use-toggle'))
    expect(isOpen('use')).toBe(true)
    expect(isOpen('general')).toBe(false)
    expect(byId('edit-chapter-use').textContent).toContain('二、日常使用')
    expect(byId('edit-section-add-customer').textContent).toContain('2.1')
  })

  it('checks the text as it is typed and will not save it with mistakes', async () => {
    const backend = open()
    render(<PolicyEditorPage />)
    await ready()
    type('edit-section-purpose-heading', '  ')
    expect(errorText('edit-section-purpose-heading')).toBe('小节标题不能为空')
    type('edit-section-scope-clauses', '\n \n')
    expect(errorText('edit-section-scope-clauses')).toBe('每个小节至少一条')
    type('edit-section-scope-clauses', `全体在职员工。\n${'长'.repeat(501)}`)
    expect(errorText('edit-section-scope-clauses')).toBe('第2条：每条不能超过500个字')
    type('edit-section-scope-clauses', '全体在职员工。')
    expect(errorText('edit-section-scope-clauses')).toBeNull()

    fireEvent.click(byId('policy-save'))
    expect(byId('policy-errors').textContent).toContain('一、总则 · 1.1：小节标题不能为空')
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先修正标红的内容' }))
    expect(backend.callsTo('policy.saveDraft')).toHaveLength(0)

    // A mistake in a folded chapter is counted on its header, and the summary opens it.
    fireEvent.click(byId('edit-chapter-use-toggle'))
    type('edit-chapter-use-title', '')
    fireEvent.click(byId('edit-chapter-general-toggle'))
    expect(byId('edit-chapter-use').textContent).toContain('1 处待修改')
    fireEvent.click(byId('policy-errors').querySelectorAll('.edit-problems__item')[1] as HTMLElement)
    expect(isOpen('use')).toBe(true)
    expect(errorText('edit-chapter-use-title')).toBe('章标题不能为空')
  })

  it('saves with the revision it loaded, then with the one the save returned', async () => {
    const backend = open()
    render(<PolicyEditorPage />)
    await ready()
    type('edit-section-purpose-clauses', '规范公司业务微信的使用。\n\n  保护客户信息安全。  \n不得私自转让账号。')
    expect(shown('draft-dirty')).toBe(true)
    type('draft-change-summary', '新增不得转让账号')
    fireEvent.click(byId('policy-save'))
    await waitFor(() => expect(shown('draft-dirty')).toBe(false))
    type('draft-title', '业务微信使用管理制度')
    fireEvent.click(byId('policy-save'))
    await waitFor(() => expect(backend.callsTo('policy.saveDraft')).toHaveLength(2))

    const [first, second] = backend.callsTo('policy.saveDraft').map((call) => call.payload)
    expect(first).toEqual({
      versionId: 'policy-v3',
      revision: 0,
      document: {
        ...policyDocument(),
        chapters: [
          {
            ...policyDocument().chapters[0]!,
            sections: [{ key: 'purpose', heading: '目的', clauses: ['规范公司业务微信的使用。', '保护客户信息安全。', '不得私自转让账号。'] }, policyDocument().chapters[0]!.sections[1]!],
          },
          policyDocument().chapters[1]!,
        ],
      },
      quiz: policyQuiz(),
      changeSummary: '新增不得转让账号',
    })
    expect(second).toMatchObject({ revision: 1, document: { title: '业务微信使用管理制度' } })
  })

  it('adds, orders and deletes chapters and sections, with keys of its own', async () => {
    const backend = open()
    render(<PolicyEditorPage />)
    await ready()
    fireEvent.click(byId('policy-add-chapter'))
    const [chapterId] = added('edit-chapter-c-')
    const [sectionId] = added('edit-section-s-')
    expect(chapterId).toBeDefined()
    const chapterKey = keyOf(chapterId!)
    const sectionKey = keyOf(sectionId!)
    expect(isOpen(chapterKey)).toBe(true)
    expect(isOpen('general')).toBe(false)
    type(`edit-chapter-${chapterKey}-title`, '附则')
    type(`edit-section-${sectionKey}-heading`, '施行')
    type(`edit-section-${sectionKey}-clauses`, '本制度自发布之日起施行。')

    // The new chapter goes before 日常使用; the empty section added by mistake goes without asking.
    fireEvent.click(byId(`edit-chapter-${chapterKey}-up`))
    expect(byId(`edit-chapter-${chapterKey}`).textContent).toContain('二、附则')
    fireEvent.click(byId(`edit-chapter-${chapterKey}-add-section`))
    const extra = added('edit-section-s-').find((id) => id !== sectionId)!
    fireEvent.click(byId(`${extra}-delete`))
    expect(Taro.showModal).not.toHaveBeenCalled()
    expect(shown(extra)).toBe(false)

    // Deleting a chapter asks first, and says which questions lose their section.
    fireEvent.click(byId('edit-chapter-use-toggle'))
    fireEvent.click(byId('edit-chapter-use-delete'))
    await waitFor(() => expect(shown('edit-chapter-use')).toBe(false))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('有 2 道测验题关联其中的小节') }))

    // Those questions now point nowhere, so the draft cannot be saved until they are fixed.
    fireEvent.click(byId('policy-save'))
    expect(byId('policy-errors').textContent).toContain('第1题：关联的小节已删除，请重新选择')
    expect(backend.callsTo('policy.saveDraft')).toHaveLength(0)
    expect(shown('edit-question-q-verify-section')).toBe(true)
    pick('edit-question-q-verify-section', '2')
    expect(pickerOf('edit-question-q-verify-section').value).toBe('2')
    fireEvent.click(byId('edit-question-q-password-toggle'))
    pick('edit-question-q-password-section', '2')
    fireEvent.click(byId('policy-save'))
    await waitFor(() => expect(backend.callsTo('policy.saveDraft')).toHaveLength(1))
    const saved = backend.callsTo('policy.saveDraft')[0]?.payload as { document: { chapters: Array<{ key: string; title: string; sections: Array<{ key: string }> }> }; quiz: { questions: Array<{ sectionKey: string }> } }
    expect(saved.document.chapters.map((c) => c.title)).toEqual(['总则', '附则'])
    expect(saved.document.chapters[1]?.key).toMatch(/^[a-z0-9-]{1,32}$/)
    expect(saved.document.chapters[1]?.sections.map((s) => s.key)).toEqual([sectionKey])
    expect(saved.quiz.questions.map((q) => q.sectionKey)).toEqual([sectionKey, sectionKey, 'scope'])
  })

  it('writes quiz questions: options, the right one and the section to re-read', async () => {
    const backend = open({}, draftDetail({ quiz: { askCount: 0, questions: [] } }))
    render(<PolicyEditorPage />)
    await ready()
    expect(byId('quiz-ask-count-0').className).toContain('active')
    fireEvent.click(byId('quiz-ask-count-3'))
    fireEvent.click(byId('policy-save'))
    expect(errorText('quiz-ask-count')).toBe('题库题目少于每次抽题数')
    fireEvent.click(byId('quiz-ask-count-0'))

    fireEvent.click(byId('quiz-add-question'))
    const [questionId] = added('edit-question-q-')
    const key = keyOf(questionId!)
    fireEvent.click(byId('policy-save'))
    expect(errorText(`edit-question-${key}-options`)).toBe('请点选正确答案')
    expect(errorText(`edit-question-${key}-section`)).toBe('请选择答错时要重读的小节')
    type(`edit-question-${key}-prompt`, '登录密码多久修改一次？')
    type(`edit-question-${key}-option-0`, '30天')
    type(`edit-question-${key}-option-1`, '90天')
    fireEvent.click(byId(`edit-question-${key}-add-option`))
    type(`edit-question-${key}-option-2`, '不用改')
    fireEvent.click(byId(`edit-question-${key}-answer-2`))
    fireEvent.click(byId(`edit-question-${key}-remove-0`))
    expect(byId(`edit-question-${key}-option-1`).className).toContain('right')
    pick(`edit-question-${key}-section`, '3')
    fireEvent.click(byId('policy-save'))
    await waitFor(() => expect(backend.callsTo('policy.saveDraft')).toHaveLength(1))
    expect(backend.callsTo('policy.saveDraft')[0]?.payload).toMatchObject({
      quiz: { askCount: 0, questions: [{ key, prompt: '登录密码多久修改一次？', options: ['90天', '不用改'], answer: 1, sectionKey: 'password' }] },
    })
  })

  it('previews the text as readers will see it', async () => {
    open()
    render(<PolicyEditorPage />)
    await ready()
    type('edit-section-purpose-heading', '目的与依据')
    fireEvent.click(byId('policy-preview'))
    expect(byId('preview-section-purpose').textContent).toContain('1.1 目的与依据')
    expect(byId('preview-body').textContent).toContain('二、日常使用')
    expect(shown('draft-title')).toBe(false)
    fireEvent.click(byId('policy-preview'))
    expect(shown('draft-title')).toBe(true)
  })

  it('publishes: saves unsaved edits first, then publishes from the chosen date', async () => {
    const backend = open({ 'policy.publish': (input) => ok(policyVersion({ id: 'policy-v3', number: 3, effectiveFrom: input.effectiveFrom })) })
    render(<PolicyEditorPage />)
    await ready()
    type('draft-change-summary', '新增添加客户一节')
    fireEvent.click(byId('policy-publish'))
    await waitFor(() => byId('publish-panel'))
    const today = shanghaiDate(new Date())
    expect(pickerOf('publish-effective-from')).toMatchObject({ value: today, start: today })
    expect((control('publish-ack-days') as HTMLInputElement).value).toBe('7')
    expect(control('publish-summary').value).toBe('新增添加客户一节')

    type('publish-ack-days', '0')
    fireEvent.click(byId('publish-confirm'))
    expect(errorText('publish-ack-days')).toBe('确认期限至少1天')
    type('publish-ack-days', '10')
    pick('publish-effective-from', '2099-01-01')
    fireEvent.click(byId('publish-confirm'))

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/policy/version/index?id=policy-v3' }))
    expect(backend.calls.map((call) => call.key).filter((key) => key.startsWith('policy.'))).toEqual(['policy.getVersion', 'policy.saveDraft', 'policy.publish'])
    expect(backend.callsTo('policy.saveDraft')[0]?.payload).toMatchObject({ revision: 0, changeSummary: '新增添加客户一节' })
    expect(backend.callsTo('policy.publish')[0]?.payload).toEqual({
      versionId: 'policy-v3',
      revision: 1,
      effectiveFrom: '2099-01-01',
      ackWithinDays: 10,
      changeSummary: '新增添加客户一节',
    })
  })

  it('publishes a saved draft without saving it again, and shows a refused date next to the date', async () => {
    const backend = open(
      { 'policy.publish': () => fail('EFFECTIVE_BEFORE_PREVIOUS', errorMessages.EFFECTIVE_BEFORE_PREVIOUS) },
      draftDetail({ version: draftVersion({ revision: 4, changeSummary: '调整确认期限' }) }),
    )
    render(<PolicyEditorPage />)
    await ready()
    fireEvent.click(byId('policy-publish'))
    await waitFor(() => byId('publish-panel'))
    fireEvent.click(byId('publish-confirm'))
    await waitFor(() => expect(errorText('publish-effective-from')).toBe(errorMessages.EFFECTIVE_BEFORE_PREVIOUS))
    expect(backend.callsTo('policy.saveDraft')).toHaveLength(0)
    expect(backend.callsTo('policy.publish')[0]?.payload).toMatchObject({ revision: 4, changeSummary: '调整确认期限', ackWithinDays: 7 })
    expect(Taro.redirectTo).not.toHaveBeenCalled()
    fireEvent.click(byId('publish-cancel'))
    expect(shown('publish-panel')).toBe(false)
  })

  it('says when another admin saved first, and reloads on request', async () => {
    let loads = 0
    const backend = open({
      'policy.getVersion': () => {
        loads += 1
        return ok(loads === 1 ? draftDetail() : draftDetail({ version: draftVersion({ revision: 5 }), document: policyDocument({ title: '他人修改后的标题' }) }))
      },
      'policy.saveDraft': () => fail('DRAFT_STALE', errorMessages.DRAFT_STALE),
    })
    render(<PolicyEditorPage />)
    await ready()
    type('draft-title', '我的标题')
    fireEvent.click(byId('policy-save'))
    await waitFor(() => byId('policy-stale'))
    expect(byId('policy-stale').textContent).toContain('草稿已被他人修改')
    fireEvent.click(byId('policy-reload'))
    await waitFor(() => expect((control('draft-title') as HTMLInputElement).value).toBe('他人修改后的标题'))
    expect(shown('policy-stale')).toBe(false)
    expect(backend.callsTo('policy.getVersion')).toHaveLength(2)
  })

  it('discards the draft after asking', async () => {
    const backend = open({ 'policy.discardDraft': () => ok({ discarded: true }) })
    render(<PolicyEditorPage />)
    await ready()
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(byId('policy-discard'))
    await act(async () => undefined)
    expect(backend.callsTo('policy.discardDraft')).toHaveLength(0)
    fireEvent.click(byId('policy-discard'))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    expect(backend.callsTo('policy.discardDraft')[0]?.payload).toEqual({ versionId: 'policy-v3', revision: 0 })
  })

  it('does not edit a version already published', async () => {
    open({}, draftDetail({ version: policyVersion({ id: 'policy-v3', number: 3 }) }))
    render(<PolicyEditorPage />)
    await waitFor(() => byId('editor-not-draft'))
    fireEvent.click(byId('editor-open-version'))
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/policy/version/index?id=policy-v3' })
  })

  it('is for admins only', async () => {
    routeTo(Taro.useRouter, '/packages/policy/editor/index', { id: 'policy-v3' })
    installBackend({ 'session.whoami': () => ok({ status: 'bound', person: head, policyToAcknowledge: null }) })
    render(<PolicyEditorPage />)
    await waitFor(() => byId('forbidden-screen'))
  })
})
