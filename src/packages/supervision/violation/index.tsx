import { useCallback } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CellGroup } from '@nutui/nutui-react-taro'
import { violationCategoryLabels, violationHistoryLabels, violationSeverityLabels, type ViolationDetail, type ViolationHistoryEntry } from '@contract'
import { formatShanghaiTime } from '@/services/accounts'
import { getViolation } from '@/services/violations'
import { useRecordDetail } from '@/components/record/use-record-detail'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, PageLoading } from '@/components/state-views'
import { InfoCell } from '@/components/record/info-cell'
import { Timeline, type TimelineEntryView } from '@/components/record/timeline'
import type { ActionOutcome } from '@/components/record/outcome'
import { Watermark } from '@/components/watermark'
import { ViolationStatusTag } from '../violation-parts/status-tag'
import { PointsText } from '../violation-parts/points'
import { ViolationActions } from './actions'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../violation-parts/violation.scss'

const STALE_NOTICE = '该记录已被他人处理，已为你刷新为最新状态'

function historyView(entry: ViolationHistoryEntry): TimelineEntryView {
  const tone = entry.kind === 'overturned' ? 'good' : entry.kind === 'upheld' ? 'bad' : 'default'
  return { at: entry.at, actorName: entry.actorName, label: violationHistoryLabels[entry.kind], comment: entry.note, tone }
}

/** What the record waits for, drawn after the last step. */
function nextStep(detail: ViolationDetail): string | null {
  if (detail.status === 'appealed') return '等待管理员处理申诉'
  if (detail.status === 'recorded' && detail.available.includes('appeal')) return `可在 ${detail.appealDeadline} 前申诉一次`
  return null
}

function Detail({ detail, notice, onOutcome }: { detail: ViolationDetail; notice: string | null; onOutcome: (o: ActionOutcome<ViolationDetail>) => void }) {
  return (
    <View className='account-page record violation-detail' id='violation-detail'>
      <Watermark />
      <View className='record__head card'>
        <View className='record__head-row'>
          <Text className='record__title' id='violation-title'>
            {violationCategoryLabels[detail.category]} · {violationSeverityLabels[detail.severity]}
          </Text>
          <ViolationStatusTag id='violation-status' status={detail.status} />
        </View>
        <Text className='record__who' id='violation-person'>
          {detail.personName} · {detail.departmentName}
        </Text>
        <Text className='record__when' id='violation-recorded'>
          {detail.recordedByName}记录于 {formatShanghaiTime(detail.recordedAt)}
        </Text>
        <View className='violation-detail__points'>
          <PointsText id='violation-points-value' points={detail.points} stands={detail.stands} />
        </View>
      </View>

      <Text className='page-section__title'>违规情况</Text>
      <View className='page-section'>
        <CellGroup>
          <InfoCell title='违反条款' value={detail.clause.label} id='violation-clause-value' multiline />
          <InfoCell title='发生日期' value={detail.occurredOn} id='violation-occurred-on-value' />
          <InfoCell title='处理措施' value={detail.penalty} id='violation-penalty-value' />
          <InfoCell title='违规经过' value={detail.description} id='violation-description-value' multiline isLast />
        </CellGroup>
      </View>

      {detail.appealReason ? (
        <>
          <Text className='page-section__title'>申诉</Text>
          <View className='page-section'>
            <CellGroup>
              <InfoCell title='申诉理由' value={detail.appealReason} id='violation-appeal-reason-value' multiline isLast={!detail.decidedAt} />
              {detail.decidedAt ? (
                <InfoCell
                  title='处理结果'
                  value={`${detail.status === 'overturned' ? '已撤销，不计入考核' : '维持原记录'}${detail.decisionComment ? `：${detail.decisionComment}` : ''}`}
                  id='violation-decision'
                  multiline
                  isLast
                />
              ) : null}
            </CellGroup>
          </View>
        </>
      ) : null}

      {notice ? (
        <View className='account-notice' id='violation-notice'>
          <Text>{notice}</Text>
        </View>
      ) : null}
      {detail.available.length > 0 ? (
        <View className='page-section'>
          {/* Keyed by status: after each write the forms start from the record as it now is. */}
          <ViolationActions key={detail.status} detail={detail} onOutcome={onOutcome} />
        </View>
      ) : null}

      <Text className='page-section__title'>处理记录</Text>
      <View className='page-section'>
        <Timeline id='violation-history' entries={detail.history.map(historyView)} next={nextStep(detail)} />
      </View>
    </View>
  )
}

function ViolationScreen({ id }: { id: string }) {
  const load = useCallback(() => getViolation(id), [id])
  const { data, error, reload, notice, onOutcome } = useRecordDetail(load, STALE_NOTICE)
  if (error) return <ErrorState id='violation-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  return <Detail detail={data} notice={notice} onOutcome={onOutcome} />
}

export default function ViolationPage() {
  const router = useRouter()
  const id = typeof router.params.id === 'string' ? router.params.id : ''
  return <SessionGate>{() => (id ? <ViolationScreen id={id} /> : <ErrorState id='violation-error' message='缺少记录编号，请从列表重新打开' />)}</SessionGate>
}
