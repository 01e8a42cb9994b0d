import {
  chapterNumeral,
  locateSection,
  policyDocumentSchema,
  policyQuizSchema,
  savePolicyDraftInput,
  sectionNumber,
  type PolicyDocument,
  type PolicyQuiz,
  type PolicyVersionDetail,
} from '@contract'

/** A section as edited: its clauses in one text box, one clause a line. */
export interface SectionForm {
  key: string
  heading: string
  clauses: string
}

export interface ChapterForm {
  key: string
  title: string
  sections: SectionForm[]
}

export interface QuestionForm {
  key: string
  prompt: string
  options: string[]
  /** -1 until the author taps the right option. */
  answer: number
  /** '' until a section is chosen. */
  sectionKey: string
}

export interface DraftForm {
  title: string
  chapters: ChapterForm[]
  askCount: number
  questions: QuestionForm[]
  changeSummary: string
}

export function formOf(detail: PolicyVersionDetail): DraftForm {
  const quiz = detail.quiz ?? { askCount: 0, questions: [] }
  return {
    title: detail.document.title,
    chapters: detail.document.chapters.map((chapter) => ({
      key: chapter.key,
      title: chapter.title,
      sections: chapter.sections.map((section) => ({ key: section.key, heading: section.heading, clauses: section.clauses.join('\n') })),
    })),
    askCount: quiz.askCount,
    questions: quiz.questions.map((q) => ({ ...q, options: [...q.options] })),
    changeSummary: detail.version.changeSummary,
  }
}

export function clausesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}

export function documentOf(form: DraftForm): PolicyDocument {
  return {
    title: form.title.trim(),
    chapters: form.chapters.map((chapter) => ({
      key: chapter.key,
      title: chapter.title.trim(),
      sections: chapter.sections.map((section) => ({ key: section.key, heading: section.heading.trim(), clauses: clausesOf(section.clauses) })),
    })),
  }
}

export function quizOf(form: DraftForm): PolicyQuiz {
  return {
    askCount: form.askCount,
    questions: form.questions.map((q) => ({ key: q.key, prompt: q.prompt.trim(), options: q.options.map((o) => o.trim()), answer: q.answer, sectionKey: q.sectionKey })),
  }
}

let keyCounter = 0

/**
 * Keys must match `^[a-z0-9-]{1,32}$` and never repeat within a version: the time in base 36
 * keeps them apart across editing sessions, the counter within one.
 */
export function newKey(prefix: 'c' | 's' | 'q', taken: ReadonlySet<string>): string {
  for (;;) {
    keyCounter += 1
    const key = `${prefix}-${Date.now().toString(36)}-${keyCounter.toString(36)}`
    if (!taken.has(key)) return key
  }
}

export function keysOf(form: DraftForm): Set<string> {
  return new Set([...form.chapters.flatMap((c) => [c.key, ...c.sections.map((s) => s.key)]), ...form.questions.map((q) => q.key)])
}

export function move<T>(items: T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta
  if (index < 0 || target < 0 || target >= items.length) return items
  const next = [...items]
  const [item] = next.splice(index, 1)
  next.splice(target, 0, item as T)
  return next
}

/** Field ids: each form field wraps its control in an element with this id, and its message is `<id>-error`. */
export const fieldIds = {
  title: 'draft-title',
  chapters: 'draft-chapters',
  changeSummary: 'draft-change-summary',
  askCount: 'quiz-ask-count',
  questions: 'quiz-questions',
  chapterTitle: (key: string) => `edit-chapter-${key}-title`,
  chapterSections: (key: string) => `edit-chapter-${key}-sections`,
  heading: (key: string) => `edit-section-${key}-heading`,
  clauses: (key: string) => `edit-section-${key}-clauses`,
  prompt: (key: string) => `edit-question-${key}-prompt`,
  options: (key: string) => `edit-question-${key}-options`,
  section: (key: string) => `edit-question-${key}-section`,
}

export interface Problem {
  field: string
  /** Where it is, as the author knows the place: "二、日常使用 · 2.1". */
  place: string
  message: string
  chapterKey?: string
  questionKey?: string
}

export interface Validation {
  /** The first message for each field. */
  byField: Record<string, string>
  problems: Problem[]
}

type Path = Array<string | number>

function documentProblem(form: DraftForm, path: Path, message: string): Problem {
  const [top, chapterIndex, below, sectionIndex, part, clauseIndex] = path
  if (top === 'title') return { field: fieldIds.title, place: '制度名称', message }
  const chapter = typeof chapterIndex === 'number' ? form.chapters[chapterIndex] : undefined
  if (top !== 'chapters' || !chapter || typeof chapterIndex !== 'number') return { field: fieldIds.chapters, place: '章节', message }
  const chapterPlace = `${chapterNumeral(chapterIndex)}、${chapter.title.trim() || '（未命名）'}`
  const section = typeof sectionIndex === 'number' ? chapter.sections[sectionIndex] : undefined
  if (below !== 'sections' || !section || typeof sectionIndex !== 'number') {
    const field = below === 'title' ? fieldIds.chapterTitle(chapter.key) : fieldIds.chapterSections(chapter.key)
    return { field, place: chapterPlace, message, chapterKey: chapter.key }
  }
  const place = `${chapterPlace} · ${sectionNumber(chapterIndex, sectionIndex)}`
  if (part === 'heading') return { field: fieldIds.heading(section.key), place, message, chapterKey: chapter.key }
  const which = typeof clauseIndex === 'number' ? `第${clauseIndex + 1}条：` : ''
  return { field: fieldIds.clauses(section.key), place, message: `${which}${message}`, chapterKey: chapter.key }
}

function quizProblem(form: DraftForm, path: Path, message: string): Problem {
  const [top, questionIndex, part] = path
  if (top === 'askCount') return { field: fieldIds.askCount, place: '测验', message }
  const question = typeof questionIndex === 'number' ? form.questions[questionIndex] : undefined
  if (!question || typeof questionIndex !== 'number') return { field: fieldIds.questions, place: '测验', message }
  const place = `第${questionIndex + 1}题`
  if (part === 'prompt') return { field: fieldIds.prompt(question.key), place, message, questionKey: question.key }
  if (part === 'sectionKey') return { field: fieldIds.section(question.key), place, message, questionKey: question.key }
  return { field: fieldIds.options(question.key), place, message, questionKey: question.key }
}

/** Questions the schema cannot judge alone: an answer and a section must be chosen, and the section must still exist. */
function questionChoices(form: DraftForm, document: PolicyDocument): Problem[] {
  return form.questions.flatMap((question, index) => {
    const place = `第${index + 1}题`
    const problems: Problem[] = []
    if (question.answer < 0) problems.push({ field: fieldIds.options(question.key), place, message: '请点选正确答案', questionKey: question.key })
    if (!question.sectionKey) problems.push({ field: fieldIds.section(question.key), place, message: '请选择答错时要重读的小节', questionKey: question.key })
    else if (!locateSection(document, question.sectionKey)) problems.push({ field: fieldIds.section(question.key), place, message: '关联的小节已删除，请重新选择', questionKey: question.key })
    return problems
  })
}

export function validate(form: DraftForm): Validation {
  const document = documentOf(form)
  const problems: Problem[] = []
  const doc = policyDocumentSchema.safeParse(document)
  if (!doc.success) problems.push(...doc.error.issues.map((issue) => documentProblem(form, issue.path, issue.message)))
  const choices = questionChoices(form, document)
  problems.push(...choices)
  const quiz = policyQuizSchema.safeParse(quizOf(form))
  if (!quiz.success) {
    // A missing answer or section is said above in plainer words than the schema's.
    const said = new Set(choices.map((p) => p.field))
    problems.push(...quiz.error.issues.map((issue) => quizProblem(form, issue.path, issue.message)).filter((p) => !said.has(p.field)))
  }
  const summary = savePolicyDraftInput.shape.changeSummary.safeParse(form.changeSummary)
  if (!summary.success) problems.push({ field: fieldIds.changeSummary, place: '改动说明', message: summary.error.issues[0]?.message ?? '' })

  const byField: Record<string, string> = {}
  for (const problem of problems) byField[problem.field] ??= problem.message
  return { byField, problems }
}

/** "2.1 添加客户" for each section of the document as it stands, for the question's section picker. */
export function sectionChoices(form: DraftForm): Array<{ key: string; label: string }> {
  return form.chapters.flatMap((chapter, chapterIndex) =>
    chapter.sections.map((section, sectionIndex) => ({ key: section.key, label: `${sectionNumber(chapterIndex, sectionIndex)} ${section.heading.trim() || '（未命名小节）'}` })),
  )
}
