import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { assessmentRunStatusLabels } from '@contract'
import { shanghaiMonth } from '@contract/calendar'
import { formatShanghaiTime } from '@/services/accounts'
import {
  exportResults,
  getDistribution,
  getRun,
  listAppeals,
  publishMonth,
  runMonth,
  type AssessmentRunOverview,
  type GradeDistribution,
  type ResultsExport,
} from '@/services/assessment'
import { messageOf, showSuccess } from '@/services/feedback'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, InlineError, PageLoading } from '@/components/state-views'
import { ListFooter } from '@/components/record/list-footer'
import { ActiveFilters, param, useDepartmentName } from '@/components/record/active-filters'
import { Watermark } from '@/components/watermark'
import { useLoaded } from '@/hooks/use-loaded'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { MonthChips } from '../components/month-chips'
import { lastClosedMonth, monthLabel, monthsEndingAt } from '../components/months'
import { GradeTag } from '../components/grade-tag'
import { assessmentResultPaths, resultPageUrl } from '../results-paths'
import { replyStatsImportUrl } from '../reply-stats-paths'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/assessment.scss'
import './index.scss'

/** How often a running month is asked for its progress. */
export const POLL_MS = 2000
/** The current month (a preview) and the six before it. */
const MONTHS = 7
/** Appeals shown at a time; more load on request. */
export const APPEALS_PAGE_SIZE = 10

function countOf(counts: GradeDistribution['total']['counts'], grade: string): number {
  return counts.find((c) => c.grade === grade)?.count ?? 0
}

function StackedBar({ counts, grades, count }: { counts: GradeDistribution['total']['counts']; grades: string[]; count: number }) {
  return (
    <View className='assessment-hbar'>
      {grades.map((grade, i) => {
        const n = countOf(counts, grade)
        return n > 0 ? <View key={grade} className={`assessment-hbar__part assessment-hbar__part--${i % 6}`} style={{ width: `${(n / count) * 100}%` }} /> : null
      })}
    </View>
  )
}

function DistributionRow({ id, name, counts, count, average, grades }: { id: string; name: string; counts: GradeDistribution['total']['counts']; count: number; average: number | null; grades: string[] }) {
  return (
    <View id={id} className='assessment-admin__dept'>
      <View className='assessment-admin__dept-head'>
        <Text>{name}</Text>
        <Text id={`${id}-summary`}>{`${count}人，平均${average ?? '—'}分`}</Text>
      </View>
      <View id={`${id}-counts`} className='assessment-admin__counts'>
        {grades.map((grade) => (
          <Text key={grade}>{`${grade}${countOf(counts, grade)}`}</Text>
        ))}
      </View>
      {count > 0 ? <StackedBar counts={counts} grades={grades} count={count} /> : null}
    </View>
  )
}

function Distribution({ month }: { month: string }) {
  const { data, error, reload } = useLoaded(useCallback(() => getDistribution(month), [month]))
  return (
    <View id='assessment-distribution' className='record__section card'>
      <Text className='record__title'>等级分布</Text>
      {error ? (
        <ErrorState id='assessment-distribution-error' message={error} onRetry={reload} />
      ) : !data ? (
        <PageLoading />
      ) : data.total.count === 0 ? (
        <EmptyState id='assessment-distribution-empty' title='该月还没有考核结果' />
      ) : (
        <View>
          <View className='assessment-admin__legend'>
            {data.grades.map((grade, i) => (
              <Text key={grade}>
                <Text className={`assessment-admin__swatch assessment-hbar__part--${i % 6}`} />
                {grade}
              </Text>
            ))}
          </View>
          {data.departments.map((d) => (
            <DistributionRow key={d.departmentId} id={`assessment-distribution-${d.departmentId}`} name={d.departmentName} counts={d.counts} count={d.count} average={d.average} grades={data.grades} />
          ))}
          <DistributionRow id='assessment-distribution-total' name='全公司' counts={data.total.counts} count={data.total.count} average={data.total.average} grades={data.grades} />
        </View>
      )}
    </View>
  )
}

function RunPanel({ overview, onChange }: { overview: AssessmentRunOverview; onChange: (next: AssessmentRunOverview) => void }) {
  const [busy, setBusy] = useState<'run' | 'publish' | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const { month, run, published } = overview
  const running = run?.status === 'running'

  const start = async () => {
    setBusy('run')
    setRefusal(null)
    try {
      const started = await runMonth(month)
      onChange({ ...overview, run: started })
    } catch (err) {
      setRefusal(messageOf(err))
    } finally {
      setBusy(null)
    }
  }

  const publish = async () => {
    const answer = await Taro.showModal({
      title: `发布${monthLabel(month)}考核结果？`,
      content: '发布后员工可查看自己的结果并申诉，该月不能再重新计算。',
      confirmText: '发布',
      cancelText: '再看看',
    })
    if (!answer.confirm) return
    setBusy('publish')
    setRefusal(null)
    try {
      const done = await publishMonth(month)
      showSuccess('已发布')
      onChange({ ...overview, run: done, published: true, publishedAt: done.publishedAt })
    } catch (err) {
      setRefusal(messageOf(err))
    } finally {
      setBusy(null)
    }
  }

  const canPublish = !published && run?.status === 'done' && !run.preview
  return (
    <View id='assessment-run-panel' className='record__section card'>
      <Text className='record__title'>计算与发布</Text>
      {run === null ? (
        <Text id='assessment-run-status' className='assessment-admin__line'>
          该月尚未计算
        </Text>
      ) : (
        <View>
          <View className='assessment-admin__status'>
            <Text id='assessment-run-status' className='assessment-admin__line'>
              {`${assessmentRunStatusLabels[run.status]}${run.preview ? '（预览，月末后需重新计算）' : ''}`}
            </Text>
            {published ? <Tag type='success'>已发布</Tag> : null}
          </View>
          <Text id='assessment-run-progress' className='assessment-admin__line'>{`已处理 ${run.processed}/${run.staffCount} 人`}</Text>
          <View className='assessment-admin__progress'>
            <View className='assessment-admin__progress-done' style={{ width: `${run.staffCount > 0 ? Math.round((run.processed / run.staffCount) * 100) : 100}%` }} />
          </View>
          <Text className='assessment-admin__line'>
            {`规则版本${run.ruleVersion}，${run.startedByName ?? '定时任务'} ${formatShanghaiTime(run.startedAt)} 开始${run.finishedAt ? `，${formatShanghaiTime(run.finishedAt)} 完成` : ''}`}
          </Text>
          {run.stalled ? (
            <Text id='assessment-run-stalled' className='assessment-admin__warn'>
              计算长时间没有进展，可再次点击计算从中断处继续
            </Text>
          ) : null}
          {run.lastError ? (
            <Text id='assessment-run-last-error' className='assessment-admin__warn'>
              {run.lastError}
            </Text>
          ) : null}
          {published && overview.publishedAt ? (
            <Text id='assessment-published' className='assessment-admin__line'>
              {`${run.publishedByName ?? ''} ${formatShanghaiTime(overview.publishedAt)} 发布，该月结果已冻结`}
            </Text>
          ) : null}
        </View>
      )}
      <InlineError id='assessment-run-error' message={refusal} />
      {published ? null : (
        <View className='assessment-admin__buttons'>
          <Button
            id='assessment-run'
            fill='outline'
            loading={busy === 'run'}
            disabled={busy !== null || (running && !run?.stalled)}
            onClick={() => void start()}
          >
            {run === null ? '开始计算' : run.stalled || run.status === 'failed' ? '继续计算' : '重新计算'}
          </Button>
          <Button id='assessment-publish' type='primary' loading={busy === 'publish'} disabled={busy !== null || !canPublish} onClick={() => void publish()}>
            发布结果
          </Button>
        </View>
      )}
    </View>
  )
}

/**
 * HR takes the published month as a workbook. In WeChat it opens in the document viewer, whose
 * menu forwards or saves it; a browser has no such viewer, so H5 opens the link and also shows
 * it to copy, since pop-up blockers may swallow the new window.
 */
function ExportPanel({ month }: { month: string }) {
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [file, setFile] = useState<ResultsExport | null>(null)

  const exportNow = async () => {
    setBusy(true)
    setRefusal(null)
    try {
      const made = await exportResults(month)
      if (process.env.TARO_ENV === 'h5') {
        setFile(made)
        window.open(made.url)
      } else {
        const { tempFilePath, statusCode } = await Taro.downloadFile({ url: made.url })
        if (statusCode !== 200) throw new Error('下载失败，请重试')
        await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true })
      }
    } catch (err) {
      setRefusal(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View id='assessment-export-panel' className='record__section card'>
      <Text className='record__title'>导出给人事</Text>
      <Text className='assessment-admin__line'>导出全公司该月考核结果（Excel），下载链接1小时内有效。</Text>
      <InlineError id='assessment-export-error' message={refusal} />
      {file ? (
        <View className='assessment-admin__line'>
          <Text>{file.fileName}</Text>
          <Text id='assessment-export-link' userSelect>
            {file.url}
          </Text>
          <Button id='assessment-export-copy' size='small' fill='outline' onClick={() => void Taro.setClipboardData({ data: file.url })}>
            复制链接
          </Button>
        </View>
      ) : null}
      <View className='assessment-admin__buttons'>
        <Button id='assessment-export' type='primary' loading={busy} disabled={busy} onClick={() => void exportNow()}>
          导出Excel
        </Button>
      </View>
    </View>
  )
}

function MonthPanel({ month }: { month: string }) {
  const { data, error, reload, setData } = useLoaded(useCallback(() => getRun({ month }), [month]))
  const [version, setVersion] = useState(0)
  // Ask again while the run is going; each answer replaces `data`, which schedules the next question.
  useEffect(() => {
    const runId = data?.run?.status === 'running' ? data.run.id : null
    if (!data || !runId) return undefined
    let cancelled = false
    const timer = setTimeout(() => {
      getRun({ runId }).then(
        (next) => {
          if (cancelled) return
          setData(next)
          if (next.run?.status !== 'running') setVersion((v) => v + 1)
        },
        () => {
          // A failed poll is retried on the next tick rather than shown: the run itself goes on.
          if (!cancelled) setData({ ...data })
        },
      )
    }, POLL_MS)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [data, setData])

  if (error) return <ErrorState id='assessment-run-load-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  const onChange = (next: AssessmentRunOverview) => {
    setData(next)
    if (next.published !== data.published) setVersion((v) => v + 1)
  }
  return (
    <View>
      <RunPanel overview={data} onChange={onChange} />
      {data.published ? <ExportPanel month={month} /> : null}
      {/* Keyed by version: after a run finishes or the month is published the figures are read again. */}
      <Distribution key={version} month={month} />
      <View className='record__submit'>
        <Button id='assessment-open-results' fill='outline' block onClick={() => void Taro.navigateTo({ url: assessmentResultPaths.team })}>
          查看人员结果与申诉
        </Button>
        {/* WeCom's statistics of the month feed its reply-timeliness indicator. */}
        <Button id='assessment-import-reply-stats' className='assessment-admin__next' fill='outline' block onClick={() => void Taro.navigateTo({ url: replyStatsImportUrl(month) })}>
          导入企业微信统计
        </Button>
      </View>
    </View>
  )
}

/**
 * Appeals of every month waiting for a decision, oldest month first. Each opens the person's
 * result, where the appeal is decided; coming back reads the queue again, so a decided one is gone.
 */
function AppealsQueue({ initialDepartmentId }: { initialDepartmentId?: string }) {
  const [departmentId, setDepartmentId] = useState(initialDepartmentId)
  const departmentName = useDepartmentName(departmentId)
  const fetchPage = useCallback((page: number, pageSize: number) => listAppeals(page, pageSize, departmentId), [departmentId])
  const list = usePagedList(`appeals|${departmentId ?? ''}`, fetchPage, APPEALS_PAGE_SIZE)
  useRefreshOnShow(list.reload)
  return (
    <View id='assessment-appeals' className='record__section card'>
      <Text id='assessment-appeals-title' className='record__title'>
        {list.status === 'ready' ? `待处理申诉 (${list.total})` : '待处理申诉'}
      </Text>
      <ActiveFilters
        id='assessment-appeals-active'
        filters={[departmentId ? { key: 'department', label: '部门', value: departmentName, onClear: () => setDepartmentId(undefined) } : null]}
      />
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='assessment-appeals-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <Text id='assessment-appeals-empty' className='assessment-admin__line'>
          暂无待处理的申诉
        </Text>
      ) : (
        <View>
          {list.items.map((row) => (
            <View
              key={row.id}
              id={`assessment-appeal-${row.id}`}
              className='assessment-admin__appeal'
              onClick={() => void Taro.navigateTo({ url: resultPageUrl(row.month, row.personId) })}
            >
              <View className='assessment-admin__appeal-head'>
                <Text>{`${row.personName}（${row.departmentName}）· ${monthLabel(row.month)}`}</Text>
                <View className='assessment-admin__appeal-score'>
                  <Text>{`${row.total}分`}</Text>
                  <GradeTag grade={row.grade} />
                </View>
              </View>
              <Text className='assessment-admin__appeal-reason'>{row.reason}</Text>
              <Text className='assessment-admin__appeal-when'>{`${formatShanghaiTime(row.appealedAt)} 申诉`}</Text>
            </View>
          ))}
          <ListFooter list={list} idPrefix='assessment-appeals' />
        </View>
      )}
    </View>
  )
}

interface Initial {
  month?: string
  departmentId?: string
}

/** Opened from a figure: the month to show, and the department whose appeals to list. */
function AdminScreen({ initial }: { initial: Initial }) {
  const months = monthsEndingAt(shanghaiMonth(new Date()), MONTHS)
  const [month, setMonth] = useState(() => (initial.month && months.includes(initial.month) ? initial.month : lastClosedMonth()))
  return (
    <View id='assessment-admin' className='account-page record'>
      <Watermark />
      <View className='record__head card'>
        <Text className='record__title'>月度考核</Text>
        <Text className='record__when'>月末后计算上月结果，核对无误再发布；本月可先预览，预览不能发布。</Text>
      </View>
      <AppealsQueue initialDepartmentId={initial.departmentId} />
      <MonthChips idPrefix='assessment-admin-month' months={months} selected={month} onSelect={setMonth} />
      <MonthPanel key={month} month={month} />
    </View>
  )
}

export default function AssessmentAdminPage() {
  const { params } = useRouter()
  const initial: Initial = { month: param(params.month), departmentId: param(params.departmentId) }
  return <SessionGate roles={['admin']}>{() => <AdminScreen initial={initial} />}</SessionGate>
}
