import { useCallback, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { Button, Switch, TextArea } from '@nutui/nutui-react-taro'
import { errorMessages, selfCheckAnswersSchema, type SelfCheck, type SelfCheckOverview } from '@contract'
import { fieldIssues, formatShanghaiTime, hasCode, shanghaiToday } from '@/services/accounts'
import { messageOf, showSuccess } from '@/services/feedback'
import { getSelfCheck, submitSelfCheck } from '@/services/security'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, InlineError, PageLoading } from '@/components/state-views'
import { useLoaded } from '@/hooks/use-loaded'
import { FormField } from '@/components/record/form-field'
import { firstIssue } from '@/components/record/outcome'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import './index.scss'

type Question = 'paymentPasswordStrong' | 'securityVerificationOn' | 'noUnknownLinks'

/** 二.三: what each holder confirms every month, worded as the statement they switch on. */
const questions: Array<{ key: Question; id: string; title: string; hint: string }> = [
  { key: 'paymentPasswordStrong', id: 'sc-payment', title: '微信支付密码已设置且不易被猜到', hint: '不用生日、连号、重复数字' },
  { key: 'securityVerificationOn', id: 'sc-verification', title: '已开启账号安全验证', hint: '如登录保护、声音锁、设备锁' },
  { key: 'noUnknownLinks', id: 'sc-links', title: '本月未点击来源不明的链接或二维码', hint: '包括陌生人发来的文件和小程序' },
]

interface Answers {
  paymentPasswordStrong: boolean
  securityVerificationOn: boolean
  noUnknownLinks: boolean
  passwordChangedOn: string
  note: string
}

function answersFrom(record: SelfCheck | null): Answers {
  return {
    paymentPasswordStrong: record?.paymentPasswordStrong ?? false,
    securityVerificationOn: record?.securityVerificationOn ?? false,
    noUnknownLinks: record?.noUnknownLinks ?? false,
    passwordChangedOn: record?.passwordChangedOn ?? '',
    note: record?.note ?? '',
  }
}

function checkDate(value: string, today: string): string | null {
  if (!value) return '请选择登录密码最近一次修改的日期'
  const format = firstIssue(selfCheckAnswersSchema.shape.passwordChangedOn.safeParse(value))
  if (format) return format
  return value > today ? errorMessages.DATE_IN_FUTURE : null
}

function Status({ overview }: { overview: SelfCheckOverview }) {
  const { record, settings } = overview
  return (
    <View className='record__head card' id='self-check-status'>
      <View className='record__head-row'>
        <Text className='record__title'>{overview.month} 月度自查</Text>
        <Text className={`self-check__state${record ? (record.passed ? ' self-check__state--passed' : ' self-check__state--issues') : ''}`} id='self-check-state'>
          {record ? (record.passed ? '已完成 · 通过' : '已完成 · 有问题') : '未完成'}
        </Text>
      </View>
      <Text className='record__who' id='self-check-due'>
        截止日期 {overview.dueOn}（每月 {settings.selfCheckDueDay} 日前完成）
      </Text>
      {overview.overdue && !record ? (
        <Text className='self-check__warning' id='self-check-overdue'>
          本月自查已逾期，请尽快完成
        </Text>
      ) : null}
      <Text className={`self-check__password${overview.passwordTooOld ? ' self-check__password--old' : ''}`} id='self-check-password-age'>
        {overview.passwordAgeDays === null
          ? `登录密码须每 ${settings.passwordMaxAgeDays} 天内修改一次，请在下方填写最近修改日期`
          : overview.passwordAgeDays === 0
            ? `登录密码今天刚修改过（要求 ${settings.passwordMaxAgeDays} 天内）`
            : `登录密码已 ${overview.passwordAgeDays} 天未修改（要求 ${settings.passwordMaxAgeDays} 天内）${overview.passwordTooOld ? '，请尽快修改' : ''}`}
      </Text>
      {record ? <Text className='record__when'>提交于 {formatShanghaiTime(record.submittedAt)}</Text> : null}
    </View>
  )
}

function Result({ record }: { record: SelfCheck }) {
  return (
    <View className={`self-check__result card${record.passed ? ' self-check__result--passed' : ''}`} id='sc-result'>
      <Text className='self-check__result-title'>{record.passed ? '本月自查通过，账号安全状况良好' : `发现 ${record.issues.length} 项问题，请尽快处理`}</Text>
      {record.issues.length > 0 ? (
        <View className='self-check__issues' id='sc-issues'>
          {record.issues.map((issue, index) => (
            <Text key={issue} className='self-check__issue' id={`sc-issue-${index}`}>
              {index + 1}. {issue}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  )
}

function SelfCheckForm({ overview, onSubmitted }: { overview: SelfCheckOverview; onSubmitted: (record: SelfCheck) => void }) {
  const [today] = useState(() => shanghaiToday())
  const [answers, setAnswers] = useState<Answers>(() => answersFrom(overview.record))
  const [dateTouched, setDateTouched] = useState(false)
  const [serverErrors, setServerErrors] = useState<Partial<Record<'passwordChangedOn' | 'note', string>>>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)

  const dateError = dateTouched ? (serverErrors.passwordChangedOn ?? checkDate(answers.passwordChangedOn, today)) : null
  const noteError = serverErrors.note ?? firstIssue(selfCheckAnswersSchema.shape.note.safeParse(answers.note))

  const submit = async () => {
    if (submitting) return
    setDateTouched(true)
    if (checkDate(answers.passwordChangedOn, today) || noteError) {
      void Taro.showToast({ title: '请先修正标红的内容', icon: 'none', duration: 2000 })
      return
    }
    setSubmitting(true)
    setRefusal(null)
    setServerErrors({})
    try {
      const record = await submitSelfCheck(answers)
      showSuccess('已提交')
      onSubmitted(record)
    } catch (err) {
      if (hasCode(err, 'DATE_IN_FUTURE')) setServerErrors({ passwordChangedOn: messageOf(err) })
      else {
        const issues = fieldIssues(err)
        if (issues.passwordChangedOn || issues.note) setServerErrors({ passwordChangedOn: issues.passwordChangedOn, note: issues.note })
        else setRefusal(messageOf(err))
      }
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <>
      <View className='record__form card' id='self-check-form'>
        {questions.map((question) => (
          // The whole row is the control: a tap anywhere on it flips the answer; the switch only shows it.
          <View
            key={question.key}
            id={question.id}
            className='switch-row'
            onClick={() => setAnswers((previous) => ({ ...previous, [question.key]: !previous[question.key] }))}
          >
            <View className='switch-row__text'>
              <Text className='switch-row__title'>{question.title}</Text>
              <Text className='switch-row__hint'>{question.hint}</Text>
            </View>
            <Switch checked={answers[question.key]} loadingIcon={null} />
          </View>
        ))}
        <FormField
          id='sc-password-date'
          label='登录密码最近修改日期'
          required
          hint={`须在 ${overview.settings.passwordMaxAgeDays} 天内修改过`}
          error={dateError}
        >
          <Picker
            mode='date'
            value={answers.passwordChangedOn || today}
            end={today}
            onChange={(event) => {
              setAnswers((previous) => ({ ...previous, passwordChangedOn: String(event.detail.value) }))
              setDateTouched(true)
              setServerErrors((previous) => ({ ...previous, passwordChangedOn: undefined }))
            }}
          >
            <View className='record__picker'>
              <Text className={answers.passwordChangedOn ? '' : 'record__picker-placeholder'}>{answers.passwordChangedOn || '请选择日期'}</Text>
              <Text className='record__picker-arrow'>›</Text>
            </View>
          </Picker>
        </FormField>
        <FormField id='sc-note' label='补充说明' error={noteError}>
          <TextArea
            placeholder='如有异常情况或已采取的措施，可在此说明'
            maxLength={300}
            rows={2}
            value={answers.note}
            onChange={(value: string) => {
              setAnswers((previous) => ({ ...previous, note: value }))
              setServerErrors((previous) => ({ ...previous, note: undefined }))
            }}
          />
        </FormField>
      </View>
      <InlineError id='self-check-error' message={refusal} />
      <View className='record__submit'>
        <Button id='sc-submit' type='primary' block loading={submitting} disabled={submitting} onClick={() => void submit()}>
          {overview.record ? '重新提交本月自查' : '提交自查'}
        </Button>
      </View>
    </>
  )
}

function SelfCheckScreen() {
  const { data, error, reload, setData } = useLoaded(useCallback(() => getSelfCheck(), []))
  const refresh = useCallback(() => getSelfCheck().then(setData, () => undefined), [setData])
  const [formKey, setFormKey] = useState(0)

  usePullDownRefresh(() => {
    void refresh().finally(() => void Taro.stopPullDownRefresh())
  })

  if (error) return <ErrorState id='self-check-load-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />

  const onSubmitted = (record: SelfCheck) => {
    // Show the verdict at once; the password age and overdue state follow from the server.
    setData({ ...data, record, overdue: false })
    setFormKey((key) => key + 1)
    void refresh()
  }

  return (
    <View className='account-page record self-check' id='self-check'>
      <Status overview={data} />
      {data.record ? <Result record={data.record} /> : null}
      <Text className='page-section__title'>{data.record ? '修改本月自查' : '本月自查'}</Text>
      <SelfCheckForm key={formKey} overview={data} onSubmitted={onSubmitted} />
    </View>
  )
}

export default function SelfCheckPage() {
  return <SessionGate>{() => <SelfCheckScreen />}</SessionGate>
}
