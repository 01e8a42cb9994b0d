import { useCallback } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CellGroup } from '@nutui/nutui-react-taro'
import { timelineEventLabels, type ApplicationDetail, type TimelineEntry } from '@contract'
import { formatShanghaiTime, getApplication } from '@/services/accounts'
import { useRecordDetail } from '@/components/record/use-record-detail'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, PageLoading } from '@/components/state-views'
import { ApplicationStatusTag } from '../components/status-tag'
import { InfoCell } from '@/components/record/info-cell'
import { Timeline, type TimelineTone } from '@/components/record/timeline'
import { ApplicationActions, type ActionOutcome } from './actions'
import '@/components/record/page.scss'
import './index.scss'

const STALE_NOTICE = '该申请已被他人处理，已为你刷新为最新状态'

/** What the record waits for, drawn after the last timeline entry so the next step is plain. */
const nextStep: Partial<Record<ApplicationDetail['status'], string>> = {
  pending_head: '等待部门负责人审批',
  pending_admin: '等待行政部开通',
}

const tones: Partial<Record<TimelineEntry['event'], TimelineTone>> = {
  activate: 'good',
  headReject: 'bad',
  adminReject: 'bad',
  withdraw: 'muted',
}

function ApplicationTimeline({ detail }: { detail: ApplicationDetail }) {
  const entries = detail.timeline.map((entry) => ({
    at: entry.at,
    label: timelineEventLabels[entry.event],
    actorName: entry.actorName,
    comment: entry.comment,
    tone: tones[entry.event],
  }))
  return <Timeline id='application-timeline' entries={entries} next={nextStep[detail.status]} />
}

function Detail({ detail, notice, onOutcome }: { detail: ApplicationDetail; notice: string | null; onOutcome: (o: ActionOutcome) => void }) {
  return (
    <View className='account-page application' id='application-detail'>
      <View className='application__head card'>
        <View className='application__head-row'>
          <Text className='application__title'>业务微信开通申请</Text>
          <ApplicationStatusTag id='application-status' status={detail.status} />
        </View>
        <Text className='application__who'>
          {detail.applicantName} · {detail.departmentName}
        </Text>
        <Text className='application__when'>提交于 {formatShanghaiTime(detail.submittedAt)}</Text>
      </View>

      {detail.account ? (
        <View className='application__account card' id='application-account'>
          <Text className='application__account-label'>已开通业务微信号</Text>
          <Text className='application__account-id'>{detail.account.wechatId}</Text>
        </View>
      ) : null}

      <Text className='page-section__title'>申请信息</Text>
      <View className='page-section'>
        <CellGroup>
          <InfoCell title='申请人' value={detail.applicantName} id='application-applicant' />
          <InfoCell title='所在部门' value={detail.departmentName} id='application-department' />
          <InfoCell title='真实姓名' value={detail.realName} id='application-real-name' />
          <InfoCell title='手机号' value={detail.mobile} id='application-mobile' />
          <InfoCell title='邮箱' value={detail.email} id='application-email' />
          {detail.contactChangeReason ? (
            <InfoCell title='联系方式修改原因' value={detail.contactChangeReason} id='application-reason' multiline />
          ) : null}
          <InfoCell title='拟用微信号' value={detail.intendedWechatId ?? '未填写'} id='application-wechat-id' />
          <InfoCell title='申请用途' value={detail.purpose} id='application-purpose' multiline isLast />
        </CellGroup>
      </View>

      {notice ? (
        <View className='account-notice' id='application-error'>
          <Text>{notice}</Text>
        </View>
      ) : null}
      {detail.available.length > 0 ? (
        <View className='page-section'>
          <ApplicationActions detail={detail} onOutcome={onOutcome} />
        </View>
      ) : null}

      <Text className='page-section__title'>审批进度</Text>
      <View className='page-section'>
        <ApplicationTimeline detail={detail} />
      </View>
    </View>
  )
}

function ApplicationScreen({ id }: { id: string }) {
  const load = useCallback(() => getApplication(id), [id])
  const { data, error, reload, notice, onOutcome } = useRecordDetail(load, STALE_NOTICE)

  if (error) return <ErrorState id='application-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  return <Detail detail={data} notice={notice} onOutcome={onOutcome} />
}

export default function ApplicationPage() {
  const router = useRouter()
  const id = typeof router.params.id === 'string' ? router.params.id : ''
  return (
    <SessionGate>
      {() => (id ? <ApplicationScreen id={id} /> : <ErrorState id='application-error' message='缺少申请编号，请从列表重新打开' />)}
    </SessionGate>
  )
}
