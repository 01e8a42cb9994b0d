import { useCallback } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CellGroup } from '@nutui/nutui-react-taro'
import { rubricKeys, rubricLabels, RUBRIC_MAX, type SpotCheckDetail } from '@contract'
import { formatShanghaiTime } from '@/services/accounts'
import { getSpotCheck } from '@/services/spot-checks'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, PageLoading } from '@/components/state-views'
import { Watermark } from '@/components/watermark'
import { InfoCell } from '@/components/record/info-cell'
import { useRecordDetail } from '@/components/record/use-record-detail'
import type { ActionOutcome } from '@/components/record/outcome'
import { SpotCheckStatusTag } from '../spot-check-parts/status-tag'
import { StoredImages } from '@/components/record/images'
import { firstReplyText, percentText } from '../spot-check-parts/format'
import { CommentForm, ScoreForm, rubricFieldIds } from './forms'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../spot-check-parts/spot-check.scss'

const STALE_NOTICE = '这次抽查已被他人处理，已为你刷新为最新状态'

function Result({ detail }: { detail: SpotCheckDetail }) {
  const rubric = detail.rubric
  return (
    <>
      <Text className='page-section__title'>抽查结果</Text>
      <View className='page-section' id='check-result'>
        <CellGroup>
          <InfoCell title='沟通评分' value={percentText(detail.rubricPercent)} id='check-percent' />
          <InfoCell title='首次回复用时' value={firstReplyText(detail.firstReplyMinutes)} id='check-first-reply-value' />
          {rubric
            ? rubricKeys.map((key) => <InfoCell key={key} title={rubricLabels[key]} value={`${rubric[key]} / ${RUBRIC_MAX}`} id={`${rubricFieldIds[key]}-value`} />)
            : null}
          <InfoCell title='评分人' value={detail.scoredByName ?? detail.checkerName} id='check-scored-by' />
          <InfoCell title='评分时间' value={detail.scoredAt ? formatShanghaiTime(detail.scoredAt) : ''} id='check-scored-at' isLast={!detail.notes} />
          {detail.notes ? <InfoCell title='评语' value={detail.notes} id='check-notes-value' multiline isLast /> : null}
        </CellGroup>
      </View>
      {detail.screenshots.length > 0 ? (
        <>
          <Text className='page-section__title'>对话截图（{detail.screenshots.length}）</Text>
          <View className='page-section card'>
            <StoredImages fileIDs={detail.screenshots} idPrefix='check-shots' failedNote='截图暂时无法显示，请稍后下拉刷新' />
          </View>
        </>
      ) : null}
    </>
  )
}

function Comment({ detail }: { detail: SpotCheckDetail }) {
  if (!detail.employeeComment) return null
  return (
    <>
      <Text className='page-section__title'>{detail.personName}的反馈意见</Text>
      <View className='page-section card'>
        <Text className='spot-check__text' id='check-comment-value'>
          {detail.employeeComment}
        </Text>
        {detail.commentedAt ? <Text className='spot-check__comment-when'>{formatShanghaiTime(detail.commentedAt)}</Text> : null}
      </View>
    </>
  )
}

function Detail({ detail, notice, onOutcome }: { detail: SpotCheckDetail; notice: string | null; onOutcome: (o: ActionOutcome<SpotCheckDetail>) => void }) {
  const can = (event: SpotCheckDetail['available'][number]) => detail.available.includes(event)
  return (
    <View className='account-page record spot-check' id='spot-check'>
      <Watermark />
      <View className='record__head card'>
        <View className='record__head-row'>
          <Text className='record__title' id='check-person'>
            {detail.personName}
          </Text>
          <SpotCheckStatusTag id='check-status' status={detail.status} />
        </View>
        <Text className='record__who' id='check-department'>
          {detail.departmentName} · {detail.roundMonth} 抽查
        </Text>
        <Text className='record__when' id='check-checker'>
          评分人：{detail.checkerName}
        </Text>
        {detail.status === 'pending' && !can('score') ? (
          <Text className='record__when' id='check-waiting'>
            等待{detail.checkerName}评分
          </Text>
        ) : null}
        {detail.status === 'scored' ? (
          <Text className='spot-check__percent' id='check-percent-big'>
            {percentText(detail.rubricPercent)}
          </Text>
        ) : null}
      </View>

      {notice ? (
        <View className='account-notice' id='check-notice'>
          <Text>{notice}</Text>
        </View>
      ) : null}

      {detail.status === 'scored' ? <Result detail={detail} /> : null}
      <Comment detail={detail} />
      {can('score') ? <ScoreForm detail={detail} onOutcome={onOutcome} /> : null}
      {can('comment') ? <CommentForm detail={detail} onOutcome={onOutcome} /> : null}
    </View>
  )
}

function CheckScreen({ id }: { id: string }) {
  const load = useCallback(() => getSpotCheck(id), [id])
  const { data, error, reload, notice, onOutcome } = useRecordDetail(load, STALE_NOTICE)
  if (error) return <ErrorState id='check-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  return <Detail detail={data} notice={notice} onOutcome={onOutcome} />
}

export default function SpotCheckPage() {
  const router = useRouter()
  const id = typeof router.params.id === 'string' ? router.params.id : ''
  return <SessionGate>{() => (id ? <CheckScreen id={id} /> : <ErrorState id='check-error' message='缺少抽查编号，请从列表重新打开' />)}</SessionGate>
}
