import type { PolicyQuiz, PublicQuizQuestion, QuizQuestion } from '../../../types/contract/policy'

/** FNV-1a over UTF-16 code units: enough to turn a seed string into a 32-bit generator seed. */
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** mulberry32: small and well mixed even for seeds that differ in one bit, as FNV hashes of similar strings do. */
function mulberry32(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * The questions one reader is asked, in the order they are asked. The same seed always gives
 * the same questions, so a reader who reopens the quiz is not re-rolled until the answers they
 * want come up; callers seed with the reader and the policy version (for example
 * `${userId}:${versionId}`) so each new version, and each colleague, gets a different mix.
 *
 * The bank is put in key order first, so the pick depends on which questions there are and not
 * on the order they happen to be stored in.
 */
export function pickQuestions(quiz: PolicyQuiz, seed: string): QuizQuestion[] {
  const count = Math.min(quiz.askCount, quiz.questions.length)
  if (count <= 0) return []
  const bank = [...quiz.questions].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const random = mulberry32(hashSeed(seed))
  // A partial Fisher–Yates shuffle: only the positions that are asked need drawing.
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (bank.length - i))
    ;[bank[i], bank[j]] = [bank[j], bank[i]]
  }
  return bank.slice(0, count)
}

export interface QuizAnswer {
  questionKey: string
  choice: number
}

export interface QuizGrade {
  /** Every asked question has an answer and no answer is for a question that was not asked. */
  complete: boolean
  correct: number
  /** Asked questions answered wrongly, in the order asked; each names the section to re-read. */
  wrong: QuizQuestion[]
}

/**
 * Grades answers against the questions that were asked. An incomplete submission is still
 * graded as far as it goes, so `correct` and `wrong` cover only answered, asked questions; an
 * unanswered question is neither, and an answer to a question not asked is ignored. Deciding
 * whether an incomplete grade passes is the caller's business. When a question is answered
 * more than once the first answer counts, so sending every option for one question cannot
 * pass it.
 */
export function gradeAnswers(asked: readonly QuizQuestion[], answers: readonly QuizAnswer[]): QuizGrade {
  const askedKeys = new Set(asked.map((q) => q.key))
  const choices = new Map<string, number>()
  let complete = true
  for (const answer of answers) {
    if (!askedKeys.has(answer.questionKey)) {
      complete = false
    } else if (!choices.has(answer.questionKey)) {
      choices.set(answer.questionKey, answer.choice)
    }
  }

  let correct = 0
  const wrong: QuizQuestion[] = []
  for (const question of asked) {
    const choice = choices.get(question.key)
    if (choice === undefined) complete = false
    else if (choice === question.answer) correct++
    else wrong.push(question)
  }
  return { complete, correct, wrong }
}

export function publicQuestion(question: QuizQuestion): PublicQuizQuestion {
  return { key: question.key, prompt: question.prompt, options: [...question.options] }
}
