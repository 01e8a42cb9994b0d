import { gradeAnswers, pickQuestions, publicQuestion } from './policy-quiz'
import { policyQuizSchema, publicQuizQuestionSchema, type PolicyQuiz, type QuizQuestion } from '../../../types/contract/policy'

function question(n: number): QuizQuestion {
  return { key: `q${n}`, prompt: `第${n}题`, options: ['甲', '乙', '丙', '丁'], answer: n % 4, sectionKey: `s${n % 3}` }
}

const bank: QuizQuestion[] = Array.from({ length: 10 }, (_, i) => question(i + 1))
const quiz: PolicyQuiz = policyQuizSchema.parse({ askCount: 3, questions: bank })
const seeds = Array.from({ length: 2000 }, (_, i) => `user-${i}:version-7`)
const keysOf = (questions: QuizQuestion[]) => questions.map((q) => q.key)

describe('pickQuestions', () => {
  it('gives the same questions in the same order for the same seed', () => {
    const first = keysOf(pickQuestions(quiz, 'user-42:version-7'))
    for (let i = 0; i < 5; i++) expect(keysOf(pickQuestions(quiz, 'user-42:version-7'))).toEqual(first)
  })

  it('asks askCount distinct questions from the bank', () => {
    for (const askCount of [3, 4, 5]) {
      for (const seed of seeds.slice(0, 200)) {
        const picked = pickQuestions({ ...quiz, askCount }, seed)
        expect(picked).toHaveLength(askCount)
        expect(new Set(keysOf(picked)).size).toBe(askCount)
        for (const q of picked) expect(quiz.questions).toContain(q)
      }
    }
  })

  it('asks nothing when the quiz is off', () => {
    expect(pickQuestions({ ...quiz, askCount: 0 }, 'user-1:version-7')).toEqual([])
  })

  it('asks the whole bank, shuffled, when askCount equals its size', () => {
    const small = { askCount: 3, questions: bank.slice(0, 3) }
    const orders = new Set(seeds.slice(0, 100).map((seed) => keysOf(pickQuestions(small, seed)).join()))
    for (const order of orders) expect(order.split(',').sort()).toEqual(['q1', 'q2', 'q3'])
    expect(orders.size).toBe(6)
  })

  it('gives different readers, and the same reader on a new version, different mixes', () => {
    const mixes = seeds.map((seed) => keysOf(pickQuestions(quiz, seed)).join())
    // Readers whose seeds differ by one character share a mix about as often as chance says:
    // 1 in 720 ordered picks, so around 3 of 2000 neighbours.
    const sameAsNeighbour = mixes.filter((mix, i) => i > 0 && mix === mixes[i - 1]).length
    expect(sameAsNeighbour).toBeLessThanOrEqual(10)
    const uses = new Map<string, number>()
    for (const mix of mixes) uses.set(mix, (uses.get(mix) ?? 0) + 1)
    expect(uses.size).toBeGreaterThan(600)
    expect(Math.max(...uses.values())).toBeLessThanOrEqual(12)
    const acrossVersions = new Set(Array.from({ length: 20 }, (_, v) => keysOf(pickQuestions(quiz, `user-1:version-${v}`)).join()))
    expect(acrossVersions.size).toBeGreaterThanOrEqual(18)
  })

  it('picks every question about equally often, in every position', () => {
    const picked = new Map<string, number>()
    const first = new Map<string, number>()
    for (const seed of seeds) {
      const keys = keysOf(pickQuestions(quiz, seed))
      for (const key of keys) picked.set(key, (picked.get(key) ?? 0) + 1)
      first.set(keys[0], (first.get(keys[0]) ?? 0) + 1)
    }
    // Expected 2000 × 3 / 10 = 600 picks and 200 first places per question.
    expect([...picked.keys()].sort()).toEqual(keysOf(bank).sort())
    for (const count of picked.values()) expect(count).toBeGreaterThan(500)
    for (const count of picked.values()) expect(count).toBeLessThan(700)
    expect(first.size).toBe(10)
    for (const count of first.values()) expect(count).toBeGreaterThan(140)
    for (const count of first.values()) expect(count).toBeLessThan(260)
  })

  it('does not depend on the order the bank is stored in', () => {
    const reversed = { ...quiz, questions: [...bank].reverse() }
    for (const seed of seeds.slice(0, 50)) expect(keysOf(pickQuestions(reversed, seed))).toEqual(keysOf(pickQuestions(quiz, seed)))
  })

  it('leaves the bank as it was', () => {
    const before = keysOf(quiz.questions)
    pickQuestions(quiz, 'user-3:version-7')
    expect(keysOf(quiz.questions)).toEqual(before)
  })
})

describe('gradeAnswers', () => {
  const asked = [question(1), question(2), question(3)]
  const right = asked.map((q) => ({ questionKey: q.key, choice: q.answer }))

  it('grades all right answers complete with nothing to re-read', () => {
    expect(gradeAnswers(asked, right)).toEqual({ complete: true, correct: 3, wrong: [] })
  })

  it('accepts answers in any order', () => {
    expect(gradeAnswers(asked, [...right].reverse())).toEqual({ complete: true, correct: 3, wrong: [] })
  })

  it('returns a wrong answer with the question, which names its section', () => {
    const answers = right.map((a) => (a.questionKey === 'q2' ? { ...a, choice: (a.choice + 1) % 4 } : a))
    const grade = gradeAnswers(asked, answers)
    expect(grade).toEqual({ complete: true, correct: 2, wrong: [question(2)] })
    expect(grade.wrong[0].sectionKey).toBe('s2')
  })

  it('treats an out-of-range choice as wrong', () => {
    const grade = gradeAnswers(asked, [right[0], right[1], { questionKey: 'q3', choice: 9 }])
    expect(grade).toEqual({ complete: true, correct: 2, wrong: [question(3)] })
  })

  it('is incomplete when an asked question is unanswered, counting only what was answered', () => {
    expect(gradeAnswers(asked, [right[0], { questionKey: 'q3', choice: 0 }])).toEqual({ complete: false, correct: 1, wrong: [question(3)] })
    expect(gradeAnswers(asked, [])).toEqual({ complete: false, correct: 0, wrong: [] })
  })

  it('is incomplete when an answer is for a question not asked, which is otherwise ignored', () => {
    expect(gradeAnswers(asked, [...right, { questionKey: 'q9', choice: 0 }])).toEqual({ complete: false, correct: 3, wrong: [] })
  })

  it('counts the first of several answers to one question', () => {
    expect(gradeAnswers(asked, [{ questionKey: 'q1', choice: 0 }, ...right])).toEqual({ complete: true, correct: 2, wrong: [question(1)] })
    expect(gradeAnswers(asked, [...right, { questionKey: 'q1', choice: 0 }])).toEqual({ complete: true, correct: 3, wrong: [] })
  })

  it('grades what pickQuestions asked', () => {
    const picked = pickQuestions(quiz, 'user-5:version-7')
    const answers = picked.map((q) => ({ questionKey: q.key, choice: q.answer }))
    expect(gradeAnswers(picked, answers)).toEqual({ complete: true, correct: 3, wrong: [] })
    // Another reader's questions cannot be answered with these answers.
    const other = pickQuestions(quiz, 'user-6:version-7')
    expect(keysOf(other).sort()).not.toEqual(keysOf(picked).sort())
    expect(gradeAnswers(other, answers).complete).toBe(false)
  })
})

describe('publicQuestion', () => {
  it('sends the prompt and options without the answer', () => {
    const sent = publicQuestion(question(2))
    expect(sent).toEqual({ key: 'q2', prompt: '第2题', options: ['甲', '乙', '丙', '丁'] })
    expect(sent).not.toHaveProperty('answer')
    expect(publicQuizQuestionSchema.strict().safeParse(sent).success).toBe(true)
  })

  it('does not share the options list with the bank', () => {
    const source = question(1)
    publicQuestion(source).options.push('戊')
    expect(source.options).toHaveLength(4)
  })
})
