import { useCallback, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { marketingTimelineEventLabels, summarizeMarketingFlags, type MarketingDetail, type PersonSummary } from '@contract'
import { formatShanghaiTime } from '@/services/accounts'
import { getMarketing } from '@/services/marketing'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, PageLoading } from '@/components/state-views'
import { Watermark } from '@/components/watermark'
import { Timeline, type TimelineTone } from '@/components/record/timeline'
import { useRecordDetail } from '@/components/record/use-record-detail'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import type { ActionOutcome } from '@/components/record/outcome'
import { StoredImages } from '@/components/record/images'
import { FlagList } from '../components/flag-list'
import { MarketingStatusTag } from '../components/status-tags'
import { ItemActions } from './actions'
import { Pushes } from './pushes'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/marketing.scss'

const STALE_NOTICE = '该素材已被他人处理，已为你刷新为最新状态'

const tones: Record<MarketingDetail['timeline'][number]['event'], TimelineTone> = { submit: 'default', approve: 'good', reject: 'bad', withdraw: 'muted' }

function nextStep(detail: MarketingDetail): string | null {
  return detail.status === 'pending' ? `等待${detail.departmentName}负责人审核` : null
}

function Detail({ detail, me, notice, pushVersion, onOutcome }: {
  detail: MarketingDetail
  me: PersonSummary
  notice: string | null
  pushVersion: number
  onOutcome: (outcome: ActionOutcome<MarketingDetail>) => void
}) {
  const isAuthor = detail.authorId === me.id
  return (
    <View className='account-page record marketing-detail' id='marketing-detail'>
      {/* Push records name customers. */}
      <Watermark />
      <View className='record__head card'>
        <View className='record__head-row'>
          <Text className='record__title' id='marketing-detail-title'>
            {detail.title}
          </Text>
          <MarketingStatusTag id='marketing-status' status={detail.status} />
        </View>
        <Text className='record__who' id='marketing-detail-author'>
          {detail.authorName} · {detail.departmentName}
        </Text>
        <Text className='record__when'>提交于 {formatShanghaiTime(detail.submittedAt)}</Text>
        <Text className='marketing-body' id='marketing-body' userSelect>
          {detail.text}
        </Text>
        <StoredImages fileIDs={detail.images} idPrefix='marketing-detail-image' />
      </View>

      <Text className='page-section__title'>用语检查</Text>
      <View className='page-section'>
        <View className='card' id='marketing-flags'>
          {detail.flags.length === 0 ? (
            <Text className='marketing-clean' id='marketing-flags-clean'>
              提交时未发现绝对化用语、价格或承诺性用语
            </Text>
          ) : (
            <>
              <Text className='marketing-summary' id='marketing-flags-summary'>
                提交时发现 {detail.flags.length} 处：{summarizeMarketingFlags(detail.flags)}
              </Text>
              <FlagList flags={detail.flags} idPrefix='marketing-flag' />
            </>
          )}
        </View>
      </View>

      {notice ? (
        <View className='account-notice' id='marketing-error'>
          <Text>{notice}</Text>
        </View>
      ) : null}
      <View className='page-section'>
        <ItemActions detail={detail} isAuthor={isAuthor} onOutcome={onOutcome} />
      </View>

      <Text className='page-section__title'>审核记录</Text>
      <View className='page-section'>
        <Timeline
          id='marketing-timeline'
          entries={detail.timeline.map((entry) => ({ at: entry.at, label: marketingTimelineEventLabels[entry.event], actorName: entry.actorName, comment: entry.comment, tone: tones[entry.event] }))}
          next={nextStep(detail)}
        />
      </View>

      {detail.status === 'approved' ? (
        <>
          <Text className='page-section__title'>推送记录（共 {detail.pushCount} 次）</Text>
          <View className='page-section'>
            <Pushes itemId={detail.id} version={pushVersion} />
          </View>
        </>
      ) : null}
    </View>
  )
}

function ItemScreen({ id, me }: { id: string; me: PersonSummary }) {
  const load = useCallback(() => getMarketing(id), [id])
  const { data, error, reload, notice, onOutcome } = useRecordDetail(load, STALE_NOTICE)
  const [pushVersion, setPushVersion] = useState(0)
  // Back from recording a push: its count and the list below must show it.
  useRefreshOnShow(() => {
    reload()
    setPushVersion((v) => v + 1)
  })

  if (error) return <ErrorState id='marketing-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  return <Detail detail={data} me={me} notice={notice} pushVersion={pushVersion} onOutcome={onOutcome} />
}

export default function MarketingDetailPage() {
  const router = useRouter()
  const id = typeof router.params.id === 'string' ? router.params.id : ''
  return (
    <SessionGate>
      {(me) => (id ? <ItemScreen id={id} me={me} /> : <ErrorState id='marketing-error' message='缺少素材编号，请从列表重新打开' />)}
    </SessionGate>
  )
}
