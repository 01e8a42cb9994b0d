import Taro from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { QUIZ_ASK_MAX, QUIZ_ASK_MIN } from '@contract'
import { FormField } from '@/components/record/form-field'
import { ChoiceChips } from '@/components/record/filter-chips'
import { InlineError } from '@/components/state-views'
import { fieldIds, type QuestionForm } from './draft-form'

const MAX_QUESTIONS = 40
const MAX_OPTIONS = 4
const MIN_OPTIONS = 2

type AskCount = '0' | '3' | '4' | '5'

const askOptions: Array<{ value: AskCount; label: string }> = [
  { value: '0', label: '不设测验' },
  ...Array.from({ length: QUIZ_ASK_MAX - QUIZ_ASK_MIN + 1 }, (_, i) => {
    const n = QUIZ_ASK_MIN + i
    return { value: String(n) as AskCount, label: `每人 ${n} 题` }
  }),
]

export interface QuizProps {
  askCount: number
  questions: QuestionForm[]
  sections: Array<{ key: string; label: string }>
  expanded: string | null
  onExpand: (key: string | null) => void
  errorOf: (field: string) => string | null
  problemsIn: (questionKey: string) => number
  onAskCount: (count: number) => void
  onChange: (questions: QuestionForm[], field?: string) => void
  newKey: () => string
}

function QuestionCard({ question, index, props }: { question: QuestionForm; index: number; props: QuizProps }) {
  const { questions, sections, expanded, onExpand, errorOf, problemsIn, onChange } = props
  const open = expanded === question.key
  const id = `edit-question-${question.key}`
  const problems = problemsIn(question.key)
  const sectionIndex = sections.findIndex((s) => s.key === question.sectionKey)

  const update = (patch: Partial<QuestionForm>, field?: string) => onChange(questions.map((q) => (q.key === question.key ? { ...q, ...patch } : q)), field)
  const setOption = (optionIndex: number, value: string) =>
    update({ options: question.options.map((o, i) => (i === optionIndex ? value : o)) }, fieldIds.options(question.key))
  const removeOption = (optionIndex: number) => {
    const answer = question.answer === optionIndex ? -1 : question.answer > optionIndex ? question.answer - 1 : question.answer
    update({ options: question.options.filter((_, i) => i !== optionIndex), answer }, fieldIds.options(question.key))
  }
  const remove = async () => {
    const answer = await Taro.showModal({ title: '删除题目', content: `第${index + 1}题将从题库删除。`, confirmText: '删除', confirmColor: '#e34d59' }).catch(() => ({ confirm: false }))
    if (answer.confirm) onChange(questions.filter((q) => q.key !== question.key))
  }

  return (
    <View id={id} className={`edit-question card${open ? ' edit-question--open' : ''}`}>
      <View id={`${id}-toggle`} className='edit-chapter__head' onClick={() => onExpand(open ? null : question.key)}>
        <View className='edit-chapter__name'>
          <Text className='edit-question__title'>
            {index + 1}. {question.prompt.trim() || '未填写题目'}
          </Text>
          {problems > 0 ? <Text className='edit-chapter__problems'>{problems} 处待修改</Text> : null}
        </View>
        <Text className='edit-chapter__arrow'>{open ? '收起' : '展开'}</Text>
      </View>
      {open ? (
        <View className='edit-chapter__body'>
          <FormField id={fieldIds.prompt(question.key)} label='题目' required error={errorOf(fieldIds.prompt(question.key))}>
            <TextArea placeholder='如：客户索要验证码时应当？' maxLength={120} autoSize rows={2} value={question.prompt} onChange={(value: string) => update({ prompt: value }, fieldIds.prompt(question.key))} />
          </FormField>
          <FormField id={fieldIds.options(question.key)} label='选项（点左侧圆圈设为正确答案）' required error={errorOf(fieldIds.options(question.key))}>
            <View className='edit-options'>
              {question.options.map((option, optionIndex) => {
                const right = question.answer === optionIndex
                return (
                  <View key={optionIndex} id={`${id}-option-${optionIndex}`} className={`edit-option${right ? ' edit-option--right' : ''}`}>
                    <View id={`${id}-answer-${optionIndex}`} className='edit-option__mark' onClick={() => update({ answer: optionIndex }, fieldIds.options(question.key))}>
                      <Text>{right ? '✓' : ''}</Text>
                    </View>
                    <Input className='edit-option__input' placeholder={`选项${optionIndex + 1}`} maxLength={60} value={option} onChange={(value: string) => setOption(optionIndex, value)} />
                    {question.options.length > MIN_OPTIONS ? (
                      <Text id={`${id}-remove-${optionIndex}`} className='edit-option__remove' onClick={() => removeOption(optionIndex)}>
                        ×
                      </Text>
                    ) : null}
                  </View>
                )
              })}
              {question.options.length < MAX_OPTIONS ? (
                <Text id={`${id}-add-option`} className='edit-options__add' onClick={() => update({ options: [...question.options, ''] })}>
                  ＋ 添加选项
                </Text>
              ) : null}
            </View>
          </FormField>
          <FormField id={fieldIds.section(question.key)} label='答错时重读的小节' required error={errorOf(fieldIds.section(question.key))}>
            <Picker
              mode='selector'
              range={sections.map((s) => s.label)}
              value={Math.max(0, sectionIndex)}
              onChange={(event) => {
                const chosen = sections[Number(event.detail.value)]
                if (chosen) update({ sectionKey: chosen.key }, fieldIds.section(question.key))
              }}
            >
              <View className='record__picker'>
                <Text className={sectionIndex >= 0 ? '' : 'record__picker-placeholder'}>{sectionIndex >= 0 ? sections[sectionIndex]?.label : '请选择小节'}</Text>
                <Text className='record__picker-arrow'>›</Text>
              </View>
            </Picker>
          </FormField>
          <View className='edit-chapter__foot'>
            <Text className='edit-chapter__foot-label'>本题</Text>
            <View className='edit-tools'>
              <Text id={`${id}-delete`} className='edit-tools__tool edit-tools__tool--danger' onClick={() => void remove()}>
                删除
              </Text>
            </View>
          </View>
        </View>
      ) : null}
    </View>
  )
}

/** The bank each reader's questions are drawn from, and how many each gets. */
export function QuizEditor(props: QuizProps) {
  const { askCount, questions, errorOf, onAskCount, onChange, onExpand, newKey } = props
  const add = () => {
    if (questions.length >= MAX_QUESTIONS) {
      void Taro.showToast({ title: `题库最多${MAX_QUESTIONS}题`, icon: 'none' })
      return
    }
    const key = newKey()
    onChange([...questions, { key, prompt: '', options: ['', ''], answer: -1, sectionKey: '' }])
    onExpand(key)
  }
  return (
    <View id='draft-quiz' className='edit-quiz'>
      <View className='card edit-quiz__count'>
        <FormField id={fieldIds.askCount} label='每人抽题数' required hint='答错的题会指回相应小节，改对后才能确认' error={errorOf(fieldIds.askCount)}>
          <ChoiceChips idPrefix={fieldIds.askCount} options={askOptions} selected={String(askCount) as AskCount} onSelect={(value) => onAskCount(Number(value))} />
        </FormField>
        <Text className='edit-quiz__bank'>题库共 {questions.length} 题</Text>
      </View>
      {questions.map((question, index) => (
        <QuestionCard key={question.key} question={question} index={index} props={props} />
      ))}
      <InlineError id={`${fieldIds.questions}-error`} message={errorOf(fieldIds.questions)} />
      <Button id='quiz-add-question' className='edit-chapters__add' fill='dashed' block onClick={add}>
        ＋ 添加题目
      </Button>
    </View>
  )
}
