import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { PolicyAck, PublicQuizQuestion, WrongAnswer } from '@contract'
import { acknowledgePolicy } from '@/services/policy'
import { hasCode } from '@/services/accounts'
import { messageOf, showSuccess } from '@/services/feedback'
import { markPolicyAcknowledged } from '@/store/session'
import { Clause } from '../components/policy-body'

/** The sticky progress bar covers the top of the screen; a section scrolled to sits just under it. */
const UNDER_PROGRESS_BAR = -56

interface AcknowledgePanelProps {
  versionId: string
  questions: PublicQuizQuestion[]
  /** The reader has scrolled to the end of the text; nothing here can be touched before. */
  readToEnd: boolean
  onAcknowledged: (ack: PolicyAck) => void
  /** Another version took effect while the reader was reading. */
  onOutdated: () => void
}

function scrollTo(selector: string): void {
  void Taro.pageScrollTo({ selector, offsetTop: UNDER_PROGRESS_BAR, duration: 300 }).catch(() => undefined)
}

function QuizQuestion({
  question,
  index,
  choice,
  wrong,
  locked,
  onChoose,
}: {
  question: PublicQuizQuestion
  index: number
  choice: number | undefined
  wrong: WrongAnswer | undefined
  locked: boolean
  onChoose: (choice: number) => void
}) {
  return (
    <View id={`quiz-${question.key}`} className={`policy-quiz${wrong ? ' policy-quiz--wrong' : ''}`}>
      <Text className='policy-quiz__prompt'>
        {index + 1}. {question.prompt}
      </Text>
      {question.options.map((option, optionIndex) => {
        const chosen = choice === optionIndex
        return (
          <View
            key={optionIndex}
            id={`quiz-${question.key}-option-${optionIndex}`}
            className={`policy-radio${chosen ? ' policy-radio--checked' : ''}${locked ? ' policy-radio--locked' : ''}`}
            onClick={() => {
              if (!locked) onChoose(optionIndex)
            }}
          >
            <View className='policy-radio__mark' />
            <Text className='policy-radio__label'>{option}</Text>
          </View>
        )
      })}
      {wrong ? <Text className='policy-quiz__wrong-note'>上次答错了，请重读 {wrong.sectionLabel}</Text> : null}
    </View>
  )
}

/** What to re-read: each wrong question with its section's clauses, and a way back to them in the text. */
function WrongAnswers({ wrong }: { wrong: WrongAnswer[] }) {
  return (
    <View id='policy-wrong' className='policy-wrong'>
      <Text className='policy-wrong__title'>有 {wrong.length} 题回答有误，请重读以下条款后修改答案</Text>
      {wrong.map((item) => (
        <View key={item.questionKey} id={`policy-wrong-${item.questionKey}`} className='policy-wrong__item'>
          <Text className='policy-wrong__prompt'>{item.prompt}</Text>
          <View className='policy-wrong__section'>
            <Text className='policy-wrong__label'>{item.sectionLabel}</Text>
            <Text id={`policy-wrong-${item.questionKey}-goto`} className='policy-wrong__goto' onClick={() => scrollTo(`#section-${item.sectionKey}`)}>
              回到原文
            </Text>
          </View>
          {item.clauses.map((clause, index) => (
            <Clause key={index} index={index} text={clause} className='policy-wrong__clause' />
          ))}
        </View>
      ))}
    </View>
  )
}

function blocker(readToEnd: boolean, unanswered: number, confirmed: boolean): string | null {
  if (!readToEnd) return '请阅读至全文末尾'
  if (unanswered > 0) return `还有 ${unanswered} 题未作答`
  if (!confirmed) return '请勾选上方的确认'
  return null
}

export function AcknowledgePanel({ versionId, questions, readToEnd, onAcknowledged, onOutdated }: AcknowledgePanelProps) {
  const [answers, setAnswers] = useState<Record<string, number>>({})
  const [confirmed, setConfirmed] = useState(false)
  const [wrong, setWrong] = useState<WrongAnswer[]>([])
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [outdated, setOutdated] = useState(false)

  const unanswered = questions.filter((q) => answers[q.key] === undefined).length
  const waitingFor = blocker(readToEnd, unanswered, confirmed)
  const locked = !readToEnd

  const submit = async () => {
    if (waitingFor || submitting) return
    setSubmitting(true)
    setError(null)
    try {
      const result = await acknowledgePolicy(
        versionId,
        questions.map((q) => ({ questionKey: q.key, choice: answers[q.key] ?? 0 })),
      )
      if (result.outcome === 'acknowledged') {
        markPolicyAcknowledged(versionId)
        showSuccess('已确认')
        onAcknowledged(result.acknowledgement)
        return
      }
      setWrong(result.wrong)
      // The list of what to re-read is above the button; bring it into view.
      Taro.nextTick(() => scrollTo('#policy-wrong'))
    } catch (err) {
      setError(messageOf(err))
      setOutdated(hasCode(err, 'POLICY_NOT_IN_FORCE'))
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View id='policy-ack' className={`policy-ack card${locked ? ' policy-ack--locked' : ''}`}>
      <Text className='policy-ack__title'>阅读确认</Text>
      {wrong.length > 0 ? <WrongAnswers wrong={wrong} /> : null}
      {questions.length > 0 ? (
        <View id='policy-quiz' className='policy-ack__quiz'>
          <Text className='policy-ack__hint'>请回答以下 {questions.length} 道题，检验对制度的理解</Text>
          {questions.map((question, index) => (
            <QuizQuestion
              key={question.key}
              question={question}
              index={index}
              choice={answers[question.key]}
              wrong={wrong.find((w) => w.questionKey === question.key)}
              locked={locked}
              onChoose={(choice) => setAnswers((previous) => ({ ...previous, [question.key]: choice }))}
            />
          ))}
        </View>
      ) : null}
      <View
        id='policy-confirm'
        className={`policy-check${confirmed ? ' policy-check--checked' : ''}${locked ? ' policy-check--locked' : ''}`}
        onClick={() => {
          if (!locked) setConfirmed((value) => !value)
        }}
      >
        <View className='policy-check__box'>{confirmed ? <Text className='policy-check__tick'>✓</Text> : null}</View>
        <Text className='policy-check__label'>我已阅读并理解本制度，承诺遵守</Text>
      </View>
      {error ? (
        <View id='policy-ack-error' className='policy-ack__error'>
          <Text>{error}</Text>
          {outdated ? (
            <Text id='policy-ack-reload' className='policy-ack__reload' onClick={onOutdated}>
              刷新
            </Text>
          ) : null}
        </View>
      ) : null}
      <Button id='policy-acknowledge' type='primary' block loading={submitting} disabled={Boolean(waitingFor) || submitting} onClick={() => void submit()}>
        {wrong.length > 0 ? '修改后重新提交' : '确认'}
      </Button>
      {waitingFor ? (
        <Text id='policy-ack-hint' className='policy-ack__blocker'>
          {waitingFor}
        </Text>
      ) : null}
    </View>
  )
}
