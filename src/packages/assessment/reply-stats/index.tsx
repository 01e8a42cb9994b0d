import { useCallback, useState } from 'react'
import { useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { REPLY_STATS_CSV_MAX_CHARS } from '@contract'
import { shanghaiMonth } from '@contract/calendar'
import { importReplyStats, listReplyStats, type ImportReplyStatsResult } from '@/services/reply-stats'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { Watermark } from '@/components/watermark'
import { CsvImport } from '@/components/record/csv-import'
import { ListFooter } from '@/components/record/list-footer'
import { usePagedList } from '@/hooks/use-paged-list'
import { MonthChips } from '../components/month-chips'
import { lastClosedMonth, monthLabel, monthsEndingAt } from '../components/months'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/assessment.scss'
import './index.scss'

/** The current month and the six before it, as on the assessment screen that links here. */
const MONTHS = 7
const PAGE_SIZE = 20
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

const FORMAT =
  '从企业微信管理后台导出成员的客户联系统计，另存为 CSV（UTF-8）。表头须有“手机号”列，以及“平均首次回复时长”“回复率”中的至少一列，其余列会被忽略。时长可写 12.5（分钟）、12分30秒 或 00:12:30；回复率可写 85%、85 或 0.85。按手机号匹配花名册；有任何一行出错时不会导入任何数据，同一个月重复导入会覆盖上次的数字。'
const SAMPLE = ['姓名,手机号,平均首次回复时长,回复率', '张三,13800000001,12.5,85%', '李四,13800000002,3分30秒,92.5%'].join('\n')

/** "12.5 分钟"; minutes are stored to one decimal. */
export function minutesText(minutes: number | null): string {
  return minutes === null ? '—' : `${Math.round(minutes * 10) / 10} 分钟`
}

/** 0.925 → "92.5%". */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`
}

/** The month asked for in the link when it is one that can have statistics, else the last closed month. */
function initialMonth(asked: string | undefined, current: string): string {
  return asked && MONTH.test(asked) && asked <= current ? asked : lastClosedMonth()
}

function ImportedList({ month, version }: { month: string; version: number }) {
  const fetchPage = useCallback((page: number, pageSize: number) => listReplyStats({ month, page, pageSize }), [month])
  const list = usePagedList(`${month}:${version}`, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())

  return (
    <View id='reply-stats-imported' className='reply-stats__list card'>
      <Text className='reply-stats__list-title'>{`${monthLabel(month)}已导入`}</Text>
      {list.status === 'loading' ? (
        <PageLoading id='reply-stats-list-loading' />
      ) : list.status === 'error' ? (
        <ErrorState id='reply-stats-list-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState id='reply-stats-list-empty' title='该月还没有导入统计' />
      ) : (
        <View id='reply-stats-list'>
          <Text id='reply-stats-total' className='reply-stats__total'>{`共 ${list.total} 人`}</Text>
          <View className='assessment-table__row assessment-table__head'>
            <Text className='assessment-table__name'>姓名</Text>
            <Text className='reply-stats__minutes'>首次回复</Text>
            <Text className='reply-stats__rate'>回复率</Text>
          </View>
          {list.items.map((row) => (
            <View key={row.personId} id={`reply-stats-row-${row.personId}`} className='assessment-table__row'>
              <View className='assessment-table__name'>
                <Text id={`reply-stats-row-${row.personId}-name`}>{row.personName || '（已不在花名册）'}</Text>
                <Text id={`reply-stats-row-${row.personId}-department`} className='reply-stats__department'>
                  {row.departmentName || '—'}
                </Text>
              </View>
              <Text id={`reply-stats-row-${row.personId}-minutes`} className='reply-stats__minutes'>
                {minutesText(row.averageFirstReplyMinutes)}
              </Text>
              <Text id={`reply-stats-row-${row.personId}-rate`} className='reply-stats__rate'>
                {rateText(row.replyRate)}
              </Text>
            </View>
          ))}
          <ListFooter list={list} idPrefix='reply-stats-list' />
        </View>
      )}
    </View>
  )
}

function ReplyStatsImport() {
  const router = useRouter()
  const current = shanghaiMonth(new Date())
  const [month, setMonth] = useState(() => initialMonth(router.params?.month, current))
  // Bumped after an import so the list below is read again.
  const [version, setVersion] = useState(0)
  const offered = monthsEndingAt(current, MONTHS)
  const months = offered.includes(month) ? offered : [month, ...offered]

  const submit = useCallback((csv: string, commit: boolean) => importReplyStats(month, csv, commit), [month])

  return (
    <View id='reply-stats' className='account-page record reply-stats'>
      <Watermark />
      <View className='record__head card'>
        <Text className='record__title'>导入企业微信统计</Text>
        <Text className='record__when'>成员的平均首次回复时长和回复率计入所选月份的回复及时性指标。导入后请在月度考核中重新计算该月。</Text>
      </View>
      <MonthChips idPrefix='reply-stats-month' months={months} selected={month} onSelect={setMonth} />
      <View className='reply-stats__import'>
        <Text id='reply-stats-target' className='reply-stats__target'>{`统计月份：${monthLabel(month)}`}</Text>
        <CsvImport<ImportReplyStatsResult>
          idPrefix='reply-stats'
          noun='统计表'
          maxChars={REPLY_STATS_CSV_MAX_CHARS}
          format={FORMAT}
          sample={SAMPLE}
          sampleFileName='企业微信统计示例.csv'
          submit={submit}
          planned={(report) => `将导入 ${report.rows} 人的统计。`}
          done={(report) => (
            <>
              已导入{monthLabel(report.month)} <Text id='reply-stats-written'>{report.written}</Text> 人的统计
            </>
          )}
          onImported={() => setVersion((v) => v + 1)}
          target={month}
        />
      </View>
      <ImportedList month={month} version={version} />
    </View>
  )
}

export default function ReplyStatsImportPage() {
  return <SessionGate roles={['admin']}>{() => <ReplyStatsImport />}</SessionGate>
}
