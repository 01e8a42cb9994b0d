import { useCallback, useState, type ReactNode } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, Tag, TextArea } from '@nutui/nutui-react-taro'
import {
  APPEAL_REASON_MAX,
  MAX_EVIDENCE_ITEMS,
  appealInput,
  appealStatusLabels,
  decideAppealInput,
  indicatorLabels,
  recordPage,
  violationCategoryLabels,
  violationSeverityLabels,
  violationStatusLabels,
  type PersonSummary,
  type ViolationCategory,
  type ViolationSeverity,
  type ViolationStatus,
} from '@contract'
import { formatShanghaiTime } from '@/services/accounts'
import { adjustResult, appealResult, assessmentTarget, getMyAssessment, upholdResult, type AssessmentResult, type MyAssessment } from '@/services/assessment'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, InlineError, PageLoading } from '@/components/state-views'
import { FormField } from '@/components/record/form-field'
import { ChoiceChips } from '@/components/record/filter-chips'
import { perform } from '@/components/record/outcome'
import { Watermark } from '@/components/watermark'
import { useLoaded } from '@/hooks/use-loaded'
import { MonthChips } from '../components/month-chips'
import { lastClosedMonth, monthLabel, monthsEndingAt } from '../components/months'
import { GradeTag } from '../components/grade-tag'
import { TrendBars } from '../components/trend'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/assessment.scss'
import './index.scss'

const SWITCHER_MONTHS = 6

/** Labels come from the contract where it has them; anything newer shows as the server wrote it. */
function labelOf<K extends string>(labels: Record<K, string>, value: string): string {
  return (labels as Record<string, string>)[value] ?? value
}

function when(iso: string | null): string {
  return iso ? formatShanghaiTime(iso) : ''
}

function EvidenceGroup({ id, title, count, children }: { id: string; title: string; count: number; children: ReactNode }) {
  return (
    <View id={id} className='assessment-mine__evidence-group'>
      <Text className='assessment-mine__evidence-title'>{`${title}（${count}）`}</Text>
      {count === 0 ? <Text className='assessment-mine__none'>无</Text> : children}
      {count >= MAX_EVIDENCE_ITEMS ? <Text className='assessment-mine__none'>{`仅列出前${MAX_EVIDENCE_ITEMS}条`}</Text> : null}
    </View>
  )
}

function Evidence({ details }: { details: MyAssessment['details'] }) {
  const open = (url: string) => void Taro.navigateTo({ url })
  return (
    <View className='record__section card'>
      <Text className='assessment-mine__section-title'>考核依据</Text>
      <EvidenceGroup id='assessment-evidence-lateNotices' title='未按时确认的通知' count={details.lateNotices.length}>
        {details.lateNotices.map((item) => (
          <View key={item.noticeId} id={`assessment-evidence-lateNotices-${item.noticeId}`} className='assessment-evidence__item' onClick={() => open(recordPage('notice', item.noticeId))}>
            <Text>{item.title}</Text>
            <Text className='assessment-evidence__meta'>
              {`截止 ${when(item.deadlineAt) || '—'}，${item.acknowledgedAt ? `${when(item.acknowledgedAt)} 确认` : '未确认'}`}
            </Text>
          </View>
        ))}
      </EvidenceGroup>
      <EvidenceGroup id='assessment-evidence-followUps' title='逾期的客户跟进' count={details.followUps.length}>
        {details.followUps.map((item) => (
          <View key={item.followUpId} id={`assessment-evidence-followUps-${item.followUpId}`} className='assessment-evidence__item'>
            <Text>{item.customerName}</Text>
            <Text className='assessment-evidence__meta'>
              {item.state === 'overdue' ? `应于 ${item.dueOn} 跟进，逾期未完成` : `应于 ${item.dueOn} 跟进，${when(item.doneAt)} 才完成`}
            </Text>
          </View>
        ))}
      </EvidenceGroup>
      <EvidenceGroup id='assessment-evidence-lateTasks' title='逾期的任务' count={details.lateTasks.length}>
        {details.lateTasks.map((item) => (
          <View key={item.taskId} id={`assessment-evidence-lateTasks-${item.taskId}`} className='assessment-evidence__item' onClick={() => open(recordPage('task', item.taskId))}>
            <Text>{item.title}</Text>
            <Text className='assessment-evidence__meta'>{`应于 ${item.dueOn} 完成，${item.doneAt ? `${when(item.doneAt)} 完成` : '未完成'}`}</Text>
          </View>
        ))}
      </EvidenceGroup>
      <EvidenceGroup id='assessment-evidence-spotChecks' title='会话抽查' count={details.spotChecks.length}>
        {details.spotChecks.map((item) => (
          <View key={item.spotCheckId} id={`assessment-evidence-spotChecks-${item.spotCheckId}`} className='assessment-evidence__item' onClick={() => open(recordPage('spotcheck', item.spotCheckId))}>
            <Text>
              {`首次回复 ${item.firstReplyMinutes === null ? '未观察到' : `${item.firstReplyMinutes}分钟`}，沟通评分 ${item.rubricPercent === null ? '—' : `${item.rubricPercent}分`}`}
            </Text>
            <Text className='assessment-evidence__meta'>{[when(item.scoredAt), item.notes].filter(Boolean).join('，')}</Text>
          </View>
        ))}
      </EvidenceGroup>
      <EvidenceGroup id='assessment-evidence-violations' title='违规记录' count={details.violations.length}>
        {details.violations.map((item) => (
          <View key={item.violationId} id={`assessment-evidence-violations-${item.violationId}`} className='assessment-evidence__item' onClick={() => open(recordPage('violation', item.violationId))}>
            <Text>{`${item.clauseLabel}，扣${item.points}分`}</Text>
            <Text className='assessment-evidence__meta'>
              {`${item.occurredOn} · ${labelOf<ViolationCategory>(violationCategoryLabels, item.category)} · ${labelOf<ViolationSeverity>(violationSeverityLabels, item.severity)} · ${labelOf<ViolationStatus>(violationStatusLabels, item.status)}`}
            </Text>
          </View>
        ))}
      </EvidenceGroup>
    </View>
  )
}

function AppealForm({ result, onDone, onStale }: { result: AssessmentResult; onDone: (updated: AssessmentResult) => void; onStale: () => void }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [touched, setTouched] = useState(false)
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const check = appealInput.shape.reason.safeParse(reason)
  const issue = check.success ? null : check.error.issues[0]?.message ?? null

  if (!open) {
    return (
      <View className='record__submit'>
        <Button id='assessment-appeal' fill='outline' block onClick={() => setOpen(true)}>
          对结果有异议，申诉
        </Button>
      </View>
    )
  }
  const submit = async () => {
    setTouched(true)
    if (issue || busy) return
    setBusy(true)
    setRefusal(null)
    await perform(
      () => appealResult(result.id, reason),
      '已提交申诉',
      (outcome) => {
        if (outcome.done) onDone(outcome.done)
        // Someone else decided first: show what stands now rather than a form that cannot succeed.
        else if (outcome.stale) onStale()
        else setRefusal(outcome.error ?? null)
      },
    )
    setBusy(false)
  }
  return (
    <View id='assessment-appeal-form' className='record__form card'>
      <Text className='assessment-mine__line'>每个月的结果只能申诉一次，请一次写清楚。</Text>
      <FormField id='assessment-appeal-reason' label='申诉理由' required error={touched ? issue : null}>
        <TextArea
          placeholder='哪一项有异议、为什么，可附上相关记录'
          maxLength={APPEAL_REASON_MAX}
          showCount
          rows={4}
          value={reason}
          onChange={(value: string) => {
            setReason(value)
            setTouched(true)
          }}
        />
      </FormField>
      <InlineError id='assessment-appeal-error' message={refusal} />
      <View className='assessment-mine__buttons'>
        <Button id='assessment-appeal-cancel' fill='outline' onClick={() => setOpen(false)}>
          取消
        </Button>
        <Button id='assessment-appeal-submit' type='primary' loading={busy} disabled={busy} onClick={() => void submit()}>
          提交申诉
        </Button>
      </View>
    </View>
  )
}

type Decision = 'uphold' | 'adjust'

/** Admins decide a pending appeal where they read it, next to the evidence. */
function DecideForm({ result, onDone, onStale }: { result: AssessmentResult; onDone: (updated: AssessmentResult) => void; onStale: () => void }) {
  const [decision, setDecision] = useState<Decision>('uphold')
  const [total, setTotal] = useState(String(result.total))
  const [comment, setComment] = useState('')
  const [touched, setTouched] = useState(false)
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const parsedTotal = /^\d{1,3}(\.\d)?$/.test(total.trim()) ? Number(total.trim()) : Number.NaN
  const check = decideAppealInput.safeParse(decision === 'uphold' ? { id: result.id, decision, comment } : { id: result.id, decision, total: parsedTotal, comment })
  const issueOf = (field: string) => (check.success ? null : check.error.issues.find((i) => i.path[0] === field)?.message ?? null)
  const totalIssue = decision === 'adjust' && Number.isNaN(parsedTotal) ? '请输入0-100的分数，最多一位小数' : issueOf('total')

  const submit = async () => {
    setTouched(true)
    if (!check.success || totalIssue || busy) return
    setBusy(true)
    setRefusal(null)
    await perform(
      () => (decision === 'uphold' ? upholdResult(result.id, comment) : adjustResult(result.id, parsedTotal, comment)),
      decision === 'uphold' ? '已维持原结果' : '已调整总分',
      (outcome) => {
        if (outcome.done) onDone(outcome.done)
        // Someone else decided first: show what stands now rather than a form that cannot succeed.
        else if (outcome.stale) onStale()
        else setRefusal(outcome.error ?? null)
      },
    )
    setBusy(false)
  }
  return (
    <View id='assessment-decide' className='record__form card'>
      <Text className='assessment-mine__section-title'>处理申诉</Text>
      <ChoiceChips
        idPrefix='assessment-decide'
        options={[
          { value: 'uphold', label: '维持原结果' },
          { value: 'adjust', label: '调整总分' },
        ]}
        selected={decision}
        onSelect={setDecision}
      />
      {decision === 'adjust' ? (
        <FormField id='assessment-decide-total' label='调整后的总分' required hint='等级按现行规则随总分确定' error={touched ? totalIssue : null}>
          <Input type='digit' maxLength={5} value={total} onChange={(value: string) => setTotal(value)} />
        </FormField>
      ) : null}
      <FormField id='assessment-decide-comment' label='处理意见' required error={touched ? issueOf('comment') : null}>
        <TextArea
          maxLength={300}
          rows={3}
          value={comment}
          onChange={(value: string) => {
            setComment(value)
            setTouched(true)
          }}
        />
      </FormField>
      <InlineError id='assessment-decide-error' message={refusal} />
      <Button id='assessment-decide-submit' type='primary' block loading={busy} disabled={busy} onClick={() => void submit()}>
        提交处理结果
      </Button>
    </View>
  )
}

function ResultView({ data, viewer, onResult, onStale }: { data: MyAssessment; viewer: PersonSummary; onResult: (updated: AssessmentResult) => void; onStale: () => void }) {
  const result = data.result
  if (!result) {
    return <EmptyState id='assessment-unpublished' title={`${data.month ? monthLabel(data.month) : '本月'}的考核结果尚未发布`} description='发布后可在这里查看得分和依据' />
  }
  const appeal = result.appeal
  return (
    <View>
      <View className='record__head card'>
        <View className='assessment-score'>
          <Text id='assessment-total' className='assessment-score__total'>
            {result.total}
          </Text>
          <Text className='assessment-score__unit'>分</Text>
          <GradeTag id='assessment-grade' grade={result.grade} />
          {result.published ? null : <Tag type='warning'>未发布</Tag>}
        </View>
        <Text id='assessment-deductions' className='assessment-mine__line'>
          {`四项加权 ${result.score.weighted} 分，违规扣 ${result.score.deductions} 分，计算得分 ${result.score.total}`}
        </Text>
        {result.adjustment ? (
          <Text id='assessment-adjusted' className='assessment-mine__line'>
            {`申诉后由${result.adjustment.adjustedByName}调整为 ${result.adjustment.total} 分（${result.adjustment.grade}）：${result.adjustment.comment}`}
          </Text>
        ) : null}
        <Text id='assessment-rule-version' className='assessment-mine__line'>
          {`按考核规则版本${result.ruleVersion}计算，${when(result.computedAt)}`}
        </Text>
      </View>

      <View className='record__section card'>
        <Text className='assessment-mine__section-title'>四项指标</Text>
        {result.score.indicators.map((indicator) => (
          <View key={indicator.key} id={`assessment-indicator-${indicator.key}`} className='assessment-indicator'>
            <View className='assessment-indicator__head'>
              <Text className='assessment-indicator__name'>{`${indicatorLabels[indicator.key]}（权重${indicator.weight}%）`}</Text>
              {indicator.insufficient ? (
                <View id={`assessment-indicator-${indicator.key}-insufficient`}>
                  <Tag type='warning'>证据不足</Tag>
                </View>
              ) : null}
              <Text id={`assessment-indicator-${indicator.key}-score`} className='assessment-indicator__score'>
                {indicator.score}
              </Text>
            </View>
            <Text className='assessment-indicator__explain'>{indicator.explanation}</Text>
          </View>
        ))}
      </View>

      <Evidence details={data.details} />

      {appeal ? (
        <View id='assessment-appeal-status' className='record__section card'>
          <Text className='assessment-mine__section-title'>{`申诉：${appealStatusLabels[appeal.status]}`}</Text>
          <Text className='assessment-mine__line'>{`${when(appeal.appealedAt)} 提交：${appeal.reason}`}</Text>
          {appeal.decidedAt ? (
            <Text id='assessment-appeal-decision' className='assessment-mine__line'>
              {`${appeal.decidedByName ?? ''} ${when(appeal.decidedAt)} 处理${appeal.comment ? `：${appeal.comment}` : ''}`}
            </Text>
          ) : null}
        </View>
      ) : null}
      {result.canAppeal && !appeal ? <AppealForm result={result} onDone={onResult} onStale={onStale} /> : null}
      {viewer.role === 'admin' && appeal?.status === 'pending' ? <DecideForm result={result} onDone={onResult} onStale={onStale} /> : null}
    </View>
  )
}

function MonthScreen({ month, personId, viewer, onMonth }: { month?: string; personId?: string; viewer: PersonSummary; onMonth: (month: string) => void }) {
  const { data, error, reload, setData } = useLoaded(useCallback(() => getMyAssessment({ month, personId }), [month, personId]))
  if (error) return <ErrorState id='assessment-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  const switcher = monthsEndingAt(lastClosedMonth(), SWITCHER_MONTHS)
  if (data.month && !switcher.includes(data.month)) switcher.unshift(data.month)
  const others = data.personId !== viewer.id
  return (
    <View id='assessment-mine' className='account-page record assessment-mine'>
      <Watermark />
      <View className='record__head card'>
        <Text className='record__title'>{others ? `${data.personName}的考核` : '我的考核'}</Text>
        <Text id='assessment-month' className='record__when'>
          {data.month ? monthLabel(data.month) : '暂无已发布的月份'}
        </Text>
      </View>
      <MonthChips idPrefix='assessment-month' months={switcher} selected={data.month} onSelect={onMonth} />
      {data.month === null ? (
        <EmptyState id='assessment-none' title='还没有已发布的考核结果' description='每月考核结果发布后可在这里查看' />
      ) : (
        <ResultView data={data} viewer={viewer} onResult={(updated) => setData({ ...data, result: updated })} onStale={reload} />
      )}
      {data.trend.length > 0 ? (
        <View className='record__section card'>
          <Text className='assessment-mine__section-title'>近6个月</Text>
          <TrendBars id='assessment-trend' points={data.trend} current={data.month} />
        </View>
      ) : null}
    </View>
  )
}

function MineScreen({ viewer }: { viewer: PersonSummary }) {
  const router = useRouter()
  const target = assessmentTarget(router.params?.id)
  const [month, setMonth] = useState<string | undefined>(target.month)
  // Keyed by month: each month loads afresh, and an answer for a month left behind is dropped with its screen.
  return <MonthScreen key={month ?? 'latest'} month={month} personId={target.personId} viewer={viewer} onMonth={setMonth} />
}

export default function AssessmentMinePage() {
  return <SessionGate>{(viewer) => <MineScreen viewer={viewer} />}</SessionGate>
}
