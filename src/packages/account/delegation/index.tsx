import { useCallback } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CellGroup, Tag } from '@nutui/nutui-react-taro'
import type { DelegationDetail } from '@contract'
import { daysBetween, formatShanghaiTime } from '@/services/accounts'
import { getDelegation } from '@/services/delegations'
import { useRecordDetail } from '@/components/record/use-record-detail'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, PageLoading } from '@/components/state-views'
import { DelegationStatusTag } from '../components/status-tag'
import { InfoCell } from '@/components/record/info-cell'
import { Timeline, type TimelineTone } from '@/components/record/timeline'
import type { ActionOutcome } from '@/components/record/outcome'
import { DelegationActions } from './actions'
import '@/components/record/page.scss'
import '@/components/record/record.scss'

const STALE_NOTICE = '该代操作已被他人处理，已为你刷新为最新状态'

type TimelineEvent = DelegationDetail['timeline'][number]['event']

const eventLabels: Record<TimelineEvent, string> = {
  request: '提交申请',
  approve: '负责人批准',
  reject: '负责人驳回',
  withdraw: '申请人撤回',
  revoke: '提前收回',
  expire: '到期结束',
}

const eventTones: Partial<Record<TimelineEvent, TimelineTone>> = {
  approve: 'good',
  reject: 'bad',
  withdraw: 'muted',
  revoke: 'muted',
  expire: 'muted',
}

const nextStep: Partial<Record<DelegationDetail['status'], string>> = {
  pending: '等待部门负责人审批',
}

function Detail({ detail, notice, onOutcome }: { detail: DelegationDetail; notice: string | null; onOutcome: (o: ActionOutcome<DelegationDetail>) => void }) {
  const days = daysBetween(detail.startsOn, detail.endsOn) + 1
  const entries = detail.timeline.map((entry) => ({
    at: entry.at,
    label: eventLabels[entry.event],
    actorName: entry.actorName,
    comment: entry.comment,
    tone: eventTones[entry.event],
  }))
  return (
    <View className='account-page record delegation' id='delegation-detail'>
      <View className='record__head card'>
        <View className='record__head-row'>
          <Text className='record__title'>代操作 {detail.accountWechatId}</Text>
          <View className='record__tags'>
            <DelegationStatusTag id='delegation-status' status={detail.status} />
            {detail.inEffect ? (
              <View id='delegation-in-effect' className='status-tag'>
                <Tag type='primary'>生效中</Tag>
              </View>
            ) : null}
          </View>
        </View>
        <Text className='record__who'>
          {detail.holderName} 委托 {detail.delegateName}
        </Text>
        <Text className='record__when' id='delegation-period'>
          {detail.startsOn} 至 {detail.endsOn}（共 {days} 天）
        </Text>
      </View>

      <Text className='page-section__title'>委托信息</Text>
      <View className='page-section'>
        <CellGroup>
          <InfoCell title='业务微信号' value={detail.accountWechatId} id='delegation-account' />
          <InfoCell title='持有人' value={detail.holderName} id='delegation-holder' />
          <InfoCell title='代操作人' value={detail.delegateName} id='delegation-delegate-name' />
          <InfoCell title='所在部门' value={detail.departmentName} id='delegation-department' />
          <InfoCell title='申请时间' value={formatShanghaiTime(detail.requestedAt)} id='delegation-requested-at' />
          <InfoCell title='委托原因' value={detail.reason} id='delegation-reason-text' multiline isLast />
        </CellGroup>
      </View>

      {notice ? (
        <View className='account-notice' id='delegation-error'>
          <Text>{notice}</Text>
        </View>
      ) : null}
      {detail.available.some((event) => event !== 'expire') ? (
        <View className='page-section'>
          <DelegationActions detail={detail} onOutcome={onOutcome} />
        </View>
      ) : null}

      <Text className='page-section__title'>进度</Text>
      <View className='page-section'>
        <Timeline id='delegation-timeline' entries={entries} next={nextStep[detail.status]} />
      </View>
    </View>
  )
}

function DelegationScreen({ id }: { id: string }) {
  const load = useCallback(() => getDelegation(id), [id])
  const { data, error, reload, notice, onOutcome } = useRecordDetail(load, STALE_NOTICE)

  if (error) return <ErrorState id='delegation-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  return <Detail detail={data} notice={notice} onOutcome={onOutcome} />
}

export default function DelegationPage() {
  const router = useRouter()
  const id = typeof router.params.id === 'string' ? router.params.id : ''
  return (
    <SessionGate>
      {() => (id ? <DelegationScreen id={id} /> : <ErrorState id='delegation-error' message='缺少代操作编号，请从列表重新打开' />)}
    </SessionGate>
  )
}
