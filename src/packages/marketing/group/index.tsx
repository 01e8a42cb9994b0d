import { useCallback } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CellGroup } from '@nutui/nutui-react-taro'
import type { GroupDetail } from '@contract'
import { formatShanghaiTime } from '@/services/accounts'
import { getGroup } from '@/services/groups'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, PageLoading } from '@/components/state-views'
import { Watermark } from '@/components/watermark'
import { InfoCell } from '@/components/record/info-cell'
import { useRecordDetail } from '@/components/record/use-record-detail'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import type { ActionOutcome } from '@/components/record/outcome'
import { GroupFlagTags, GroupStatusTag } from '../components/status-tags'
import { GroupActions } from './actions'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/marketing.scss'

const STALE_NOTICE = '该群已被他人修改或解散，已为你刷新为最新状态'

function Reviews({ detail }: { detail: GroupDetail }) {
  if (detail.reviews.length === 0) {
    return (
      <Text className='marketing-summary' id='group-reviews-empty'>
        还没有复核记录，请在 {detail.reviewDueOn} 前完成首次复核
      </Text>
    )
  }
  return (
    <View className='account-list' id='group-reviews'>
      {detail.reviews.map((review, index) => (
        <View key={`${review.at}-${index}`} className='account-list__row' id={`group-review-${index}`}>
          <View className='account-list__row-head'>
            <Text className='account-list__title'>{review.byName}</Text>
            <Text className='record__when'>{formatShanghaiTime(review.at)}</Text>
          </View>
          <View className='account-list__meta'>
            <Text>{review.stillNeeded ? '仍需保留' : '无需保留'}</Text>
            <Text>{review.membersRelevant ? '成员均相关' : '成员需清理'}</Text>
          </View>
          {review.note ? <Text className='marketing-row__preview'>{review.note}</Text> : null}
        </View>
      ))}
    </View>
  )
}

function Detail({ detail, notice, onOutcome }: { detail: GroupDetail; notice: string | null; onOutcome: (o: ActionOutcome<GroupDetail>) => void }) {
  const active = detail.status === 'active'
  return (
    <View className='account-page record group-detail' id='group-detail'>
      {/* The registration names customers and projects. */}
      <Watermark />
      <View className='record__head card'>
        <View className='record__head-row'>
          <Text className='record__title' id='group-name-value'>
            {detail.name}
          </Text>
          <GroupStatusTag id='group-status' status={detail.status} />
        </View>
        <Text className='record__who'>
          {detail.ownerName} · {detail.departmentName}
        </Text>
        <Text className='record__when'>登记于 {formatShanghaiTime(detail.createdAt)}</Text>
        <GroupFlagTags flags={detail.flags} idPrefix='group-flags' />
      </View>

      <View className='page-section'>
        <CellGroup>
          <InfoCell title='建群目的' value={detail.purpose ?? '未写明'} id='group-purpose-value' multiline />
          <InfoCell title='相关客户或项目' value={detail.relatedTo ?? '未填写'} id='group-related-value' />
          <InfoCell title='群成员' value={`约 ${detail.memberCount} 人`} id='group-members-value' />
          <InfoCell title='负责人' value={detail.ownerName} id='group-owner-value' />
          <InfoCell title='登记人' value={detail.createdByName} id='group-creator-value' />
          {active ? <InfoCell title='复核截止' value={detail.reviewDueOn} id='group-due' /> : null}
          <InfoCell
            title='上次复核'
            value={detail.lastReviewedAt ? `${formatShanghaiTime(detail.lastReviewedAt)} · ${detail.lastReviewedByName ?? ''}` : '尚未复核'}
            id='group-last-review'
            isLast={active}
          />
          {active ? null : (
            <InfoCell
              title='解散'
              value={`${detail.dissolvedAt ? formatShanghaiTime(detail.dissolvedAt) : ''} · ${detail.dissolvedByName ?? ''}${detail.dissolveNote ? `：${detail.dissolveNote}` : ''}`}
              id='group-dissolved'
              multiline
              isLast
            />
          )}
        </CellGroup>
      </View>

      {notice ? (
        <View className='account-notice' id='group-error'>
          <Text>{notice}</Text>
        </View>
      ) : null}
      <View className='page-section'>
        <GroupActions detail={detail} onOutcome={onOutcome} />
      </View>

      <Text className='page-section__title'>复核记录</Text>
      <View className='page-section'>
        <Reviews detail={detail} />
      </View>
    </View>
  )
}

function GroupScreen({ id }: { id: string }) {
  const load = useCallback(() => getGroup(id), [id])
  const { data, error, reload, notice, onOutcome } = useRecordDetail(load, STALE_NOTICE)
  // Back from editing the registration.
  useRefreshOnShow(reload)
  if (error) return <ErrorState id='group-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  return <Detail detail={data} notice={notice} onOutcome={onOutcome} />
}

export default function GroupPage() {
  const router = useRouter()
  const id = typeof router.params.id === 'string' ? router.params.id : ''
  return <SessionGate>{() => (id ? <GroupScreen id={id} /> : <ErrorState id='group-error' message='缺少群编号，请从列表重新打开' />)}</SessionGate>
}
