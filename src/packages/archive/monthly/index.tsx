import { useCallback, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { confirmMonthlyInput, monthlyComplete, type MonthlyConfirmation, type MonthlyOverview } from '@contract'
import { fieldIssues, formatShanghaiTime } from '@/services/accounts'
import { confirmMonthly, getMonthly, type MonthlyAnswers } from '@/services/archives'
import { messageOf, showSuccess } from '@/services/feedback'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, InlineError, PageLoading } from '@/components/state-views'
import { useLoaded } from '@/hooks/use-loaded'
import { FormField } from '@/components/record/form-field'
import { firstIssue } from '@/components/record/outcome'
import { archiveEdit, archiveList } from '../paths'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/archive.scss'
import './index.scss'

type Duty = 'classified' | 'cleaned' | 'backedUp'

/** 五.一 and 五.二, as what each person ticks once they have done it this month. */
const duties: Array<{ key: Duty; id: string; title: string; hint: string }> = [
  { key: 'classified', id: 'monthly-classified', title: '已分类整理', hint: '按客户、项目、通知等把聊天和文件归类，便于查找' },
  { key: 'cleaned', id: 'monthly-cleaned', title: '已清理无用信息', hint: '删除过期通知、重复文件和无关的群聊记录' },
  { key: 'backedUp', id: 'monthly-backed-up', title: '已备份重要资料', hint: '合同文件、客户沟通记录等已存到本地或云端，并已登记存放位置' },
]

function answersFrom(confirmation: MonthlyConfirmation | null): MonthlyAnswers {
  return {
    classified: confirmation?.classified ?? false,
    cleaned: confirmation?.cleaned ?? false,
    backedUp: confirmation?.backedUp ?? false,
    note: confirmation?.note ?? '',
  }
}

function stateLabel(confirmation: MonthlyConfirmation | null): string {
  if (!confirmation) return '未确认'
  return confirmation.complete ? '已确认' : '已确认 · 有未完成事项'
}

function Status({ overview }: { overview: MonthlyOverview }) {
  const { confirmation } = overview
  return (
    <View className='record__head card' id='monthly-status'>
      <View className='record__head-row'>
        <Text className='record__title'>{overview.month} 信息整理与备份</Text>
        <Text className={`archive-monthly__state${confirmation?.complete ? ' archive-monthly__state--done' : ''}`} id='monthly-state'>
          {stateLabel(confirmation)}
        </Text>
      </View>
      <Text className='record__who' id='monthly-due'>
        截止日期 {overview.dueOn}（每月 {overview.dueDay} 日前确认）
      </Text>
      {overview.overdue ? (
        <Text className='archive-monthly__warning' id='monthly-overdue'>
          本月确认已逾期，请尽快完成
        </Text>
      ) : null}
      <Text className='archive-monthly__activity' id='monthly-activity'>
        本月登记备份 {overview.recordsThisMonth} 条{overview.lastBackedUpOn ? ` · 最近一次备份 ${overview.lastBackedUpOn}` : ' · 还没有登记过备份'}
      </Text>
      {confirmation ? (
        <Text className='record__when'>
          确认于 {formatShanghaiTime(confirmation.confirmedAt)}
          {confirmation.onTime ? '' : '（逾期）'}
        </Text>
      ) : null}
    </View>
  )
}

function Result({ confirmation }: { confirmation: MonthlyConfirmation }) {
  const undone = duties.filter((duty) => !confirmation[duty.key]).map((duty) => duty.title.replace(/^已/, ''))
  return (
    <View className={`archive-monthly__result card${confirmation.complete ? '' : ' archive-monthly__result--partial'}`} id='monthly-result'>
      <Text className='archive-monthly__result-title'>{confirmation.complete ? '本月信息已整理、清理并备份' : `尚未完成：${undone.join('、')}`}</Text>
      {confirmation.note ? <Text className='archive-monthly__result-note'>备注：{confirmation.note}</Text> : null}
    </View>
  )
}

function ConfirmForm({ overview, onConfirmed }: { overview: MonthlyOverview; onConfirmed: (confirmation: MonthlyConfirmation) => void }) {
  const [answers, setAnswers] = useState<MonthlyAnswers>(() => answersFrom(overview.confirmation))
  const [tried, setTried] = useState(false)
  const [serverNote, setServerNote] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  // The same schema the server parses: a duty left unticked needs its reason in the note.
  const parsed = confirmMonthlyInput.safeParse({ ...answers, note: answers.note })
  const noteIssue = firstIssue(parsed, 'note')
  // "Reason needed" shows once they tried to confirm; a note that is too long shows at once.
  const noteError = serverNote ?? (tried || answers.note.length > 0 ? noteIssue : null)
  const complete = monthlyComplete(answers)

  const submit = async () => {
    if (saving) return
    setTried(true)
    if (!parsed.success) {
      void Taro.showToast({ title: '请先修正标红的内容', icon: 'none', duration: 2000 })
      return
    }
    setSaving(true)
    setRefusal(null)
    setServerNote(null)
    try {
      const confirmation = await confirmMonthly(answers)
      showSuccess('已确认')
      onConfirmed(confirmation)
    } catch (err) {
      const issues = fieldIssues(err)
      if (issues.note) setServerNote(issues.note)
      else setRefusal(messageOf(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <>
      <View className='record__form card' id='monthly-form'>
        {duties.map((duty) => {
          const on = answers[duty.key]
          return (
            <View
              key={duty.key}
              id={duty.id}
              className={`tick-row${on ? ' tick-row--on' : ''}`}
              ariaRole='checkbox'
              // Typed Taro props stop at the role and label; the state still reaches H5 and tests as the plain attribute.
              aria-checked={on}
              ariaLabel={`${duty.title}，${on ? '已勾选' : '未勾选'}`}
              onClick={() => {
                setAnswers((previous) => ({ ...previous, [duty.key]: !previous[duty.key] }))
                setServerNote(null)
              }}
            >
              <View className='tick-row__box'>{on ? <Text>✓</Text> : null}</View>
              <View className='tick-row__text'>
                <Text className='tick-row__title'>{duty.title}</Text>
                <Text className='tick-row__hint'>{duty.hint}</Text>
              </View>
            </View>
          )
        })}
        <FormField id='monthly-note' label='备注' hint={complete ? undefined : '有未完成的事项时，请写明原因和打算何时完成'} error={noteError}>
          <TextArea
            placeholder={complete ? '如有需要说明的情况，可写在这里' : '如：本月出差，下周一完成清理'}
            maxLength={200}
            rows={2}
            value={answers.note}
            onChange={(value: string) => {
              setAnswers((previous) => ({ ...previous, note: value }))
              setServerNote(null)
            }}
          />
        </FormField>
      </View>
      <InlineError id='monthly-error' message={refusal} />
      <View className='record__submit'>
        <Button id='monthly-confirm' type='primary' block loading={saving} disabled={saving} onClick={() => void submit()}>
          {overview.confirmation ? '更新本月确认' : '确认本月已完成'}
        </Button>
      </View>
      <View className='archive-links'>
        <Button className='archive-links__link' id='monthly-add-record' fill='outline' type='primary' onClick={() => void Taro.navigateTo({ url: archiveEdit() })}>
          登记备份
        </Button>
        <Button className='archive-links__link' id='monthly-records' fill='outline' onClick={() => void Taro.navigateTo({ url: archiveList() })}>
          我的备份记录
        </Button>
      </View>
    </>
  )
}

function MonthlyScreen() {
  const { data, error, reload, setData } = useLoaded(useCallback(() => getMonthly(), []))
  const refresh = useCallback(() => getMonthly().then(setData, () => undefined), [setData])
  const [formKey, setFormKey] = useState(0)

  usePullDownRefresh(() => {
    void refresh().finally(() => void Taro.stopPullDownRefresh())
  })

  if (error) return <ErrorState id='monthly-load-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />

  const onConfirmed = (confirmation: MonthlyConfirmation) => {
    setData({ ...data, confirmation, overdue: false })
    setFormKey((key) => key + 1)
  }

  return (
    <View className='account-page record archive-monthly' id='archive-monthly'>
      <Status overview={data} />
      {data.confirmation ? <Result confirmation={data.confirmation} /> : null}
      <Text className='page-section__title'>{data.confirmation ? '修改本月确认' : '本月完成了哪些'}</Text>
      <ConfirmForm key={formKey} overview={data} onConfirmed={onConfirmed} />
    </View>
  )
}

export default function ArchiveMonthlyPage() {
  return <SessionGate>{() => <MonthlyScreen />}</SessionGate>
}
