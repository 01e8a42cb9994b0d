import { z } from 'zod'
import { isoDateSchema } from './accounts'
import { idSchema, pageInputSchema, pageOf } from './common'

/**
 * The policy is written as chapters of sections, each section a heading with numbered
 * clauses. Chapters and sections carry stable keys that survive edits, so a new version
 * can be compared with the last chapter by chapter, and quiz questions and violations can
 * point at "the section to re-read" whatever its number is today.
 */
const keySchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,32}$/, '编号只能包含小写字母、数字和连字符')

export const POLICY_LIMITS = { chapters: 20, sectionsPerChapter: 20, clausesPerSection: 30, clauseChars: 500 } as const

export const policySectionSchema = z.object({
  key: keySchema,
  heading: z.string().trim().min(1, '小节标题不能为空').max(60, '小节标题不能超过60个字'),
  clauses: z
    .array(z.string().trim().min(1, '条款内容不能为空').max(POLICY_LIMITS.clauseChars, `每条不能超过${POLICY_LIMITS.clauseChars}个字`))
    .min(1, '每个小节至少一条')
    .max(POLICY_LIMITS.clausesPerSection, `每个小节最多${POLICY_LIMITS.clausesPerSection}条`),
})
export type PolicySection = z.infer<typeof policySectionSchema>

export const policyChapterSchema = z.object({
  key: keySchema,
  title: z.string().trim().min(1, '章标题不能为空').max(40, '章标题不能超过40个字'),
  sections: z
    .array(policySectionSchema)
    .min(1, '每章至少一个小节')
    .max(POLICY_LIMITS.sectionsPerChapter, `每章最多${POLICY_LIMITS.sectionsPerChapter}个小节`),
})
export type PolicyChapter = z.infer<typeof policyChapterSchema>

function uniqueKeys(keys: string[]): boolean {
  return new Set(keys).size === keys.length
}

export const policyDocumentSchema = z
  .object({
    title: z.string().trim().min(1, '制度名称不能为空').max(60, '制度名称不能超过60个字'),
    chapters: z.array(policyChapterSchema).min(1, '至少一章').max(POLICY_LIMITS.chapters, `最多${POLICY_LIMITS.chapters}章`),
  })
  .refine((d) => uniqueKeys(d.chapters.map((c) => c.key)), { message: '章编号重复', path: ['chapters'] })
  .refine((d) => uniqueKeys(d.chapters.flatMap((c) => c.sections.map((s) => s.key))), { message: '小节编号重复', path: ['chapters'] })
export type PolicyDocument = z.infer<typeof policyDocumentSchema>

export const quizQuestionSchema = z
  .object({
    key: keySchema,
    prompt: z.string().trim().min(1, '题目不能为空').max(120, '题目不能超过120个字'),
    options: z.array(z.string().trim().min(1, '选项不能为空').max(60, '选项不能超过60个字')).min(2, '至少两个选项').max(4, '最多四个选项'),
    /** Index of the right option. */
    answer: z.number().int().min(0),
    /** The section a wrong answer sends the reader back to. */
    sectionKey: keySchema,
  })
  .refine((q) => q.answer < q.options.length, { message: '正确答案须是其中一个选项', path: ['answer'] })
export type QuizQuestion = z.infer<typeof quizQuestionSchema>

export const QUIZ_ASK_MIN = 3
export const QUIZ_ASK_MAX = 5

export const policyQuizSchema = z
  .object({
    /** How many questions each reader gets from the bank; 0 turns the quiz off. */
    askCount: z.number().int().min(0).max(QUIZ_ASK_MAX),
    questions: z.array(quizQuestionSchema).max(40, '题库最多40题'),
  })
  .refine((q) => q.askCount === 0 || q.askCount >= QUIZ_ASK_MIN, { message: `每次抽题须为${QUIZ_ASK_MIN}-${QUIZ_ASK_MAX}题，或不设测验`, path: ['askCount'] })
  .refine((q) => q.askCount <= q.questions.length, { message: '题库题目少于每次抽题数', path: ['askCount'] })
  .refine((q) => uniqueKeys(q.questions.map((x) => x.key)), { message: '题目编号重复', path: ['questions'] })
export type PolicyQuiz = z.infer<typeof policyQuizSchema>

/** 一, 二, … 二十: chapters are numbered the Chinese way. */
export function chapterNumeral(index: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']
  const n = index + 1
  if (n < 10) return digits[n]
  if (n === 10) return '十'
  if (n < 20) return `十${digits[n - 10]}`
  return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`
}

/** "3.2": a section's number within the version being read. */
export function sectionNumber(chapterIndex: number, sectionIndex: number): string {
  return `${chapterIndex + 1}.${sectionIndex + 1}`
}

/** Where a section sits in a document, or null when the document has no such section. */
export function locateSection(doc: PolicyDocument, sectionKey: string): { chapter: PolicyChapter; chapterIndex: number; section: PolicySection; sectionIndex: number } | null {
  for (const [chapterIndex, chapter] of doc.chapters.entries()) {
    const sectionIndex = chapter.sections.findIndex((s) => s.key === sectionKey)
    if (sectionIndex >= 0) return { chapter, chapterIndex, section: chapter.sections[sectionIndex], sectionIndex }
  }
  return null
}

export function quizRefersToDocument(quiz: PolicyQuiz, doc: PolicyDocument): string[] {
  return quiz.questions.filter((q) => !locateSection(doc, q.sectionKey)).map((q) => q.key)
}

/** A quiz question as a reader gets it: without the answer. */
export const publicQuizQuestionSchema = z.object({ key: z.string(), prompt: z.string(), options: z.array(z.string()) })
export type PublicQuizQuestion = z.infer<typeof publicQuizQuestionSchema>
