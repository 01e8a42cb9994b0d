import { useCallback } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { CellGroup } from '@nutui/nutui-react-taro'
import {
  accountStatuses,
  anomalyTypeLabels,
  measureTypeLabels,
  type AccountStatus,
  type AnomalyDetail,
} from '@contract'
import { formatShanghaiTime } from '@/services/accounts'
import { getAnomaly } from '@/services/anomalies'
import { useRecordDetail } from '@/components/record/use-record-detail'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, PageLoading } from '@/components/state-views'
import { AccountStatusTag, AnomalyStatusTag } from '../components/status-tag'
import { InfoCell } from '@/components/record/info-cell'
import { useImageLinks } from '@/components/record/images'
import { formatMinutes } from '@/components/record/format'
import type { ActionOutcome } from '@/components/record/outcome'
import { AnomalyActions } from './actions'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import './index.scss'

const STALE_NOTICE = '该报告已被他人处理，已为你刷新为最新状态'

function isAccountStatus(value: string | null): value is AccountStatus {
  return value !== null && (accountStatuses as readonly string[]).includes(value)
}

/** "12 分钟后", or for a head who was quicker than that, "1 分钟内". */
function after(minutes: number): string {
  return minutes < 1 ? '1 分钟内' : `${formatMinutes(minutes)}后`
}

function Timing({ detail }: { detail: AnomalyDetail }) {
  const acknowledged = detail.minutesToAcknowledge === null ? '尚未受理' : `${after(detail.minutesToAcknowledge)}受理`
  const resolved = detail.minutesToResolve === null ? '尚未解决' : `${after(detail.minutesToResolve)}解决`
  return (
    <View className='anomaly__timing' id='anomaly-timing'>
      <Text className={detail.minutesToAcknowledge === null ? 'anomaly__timing-pending' : ''}>{acknowledged}</Text>
      <Text className='anomaly__timing-dot'>·</Text>
      <Text className={detail.minutesToResolve === null ? 'anomaly__timing-pending' : ''}>{resolved}</Text>
    </View>
  )
}

function AccountCard({ detail }: { detail: AnomalyDetail }) {
  if (!detail.accountWechatId) {
    return (
      <View className='anomaly__account card' id='anomaly-account'>
        <Text className='anomaly__account-label'>涉及账号</Text>
        <Text className='anomaly__account-none'>未关联业务微信账号</Text>
      </View>
    )
  }
  const status = isAccountStatus(detail.accountStatus) ? detail.accountStatus : null
  const suspended = status === 'suspended'
  return (
    <View className={`anomaly__account card${suspended ? ' anomaly__account--suspended' : ''}`} id='anomaly-account'>
      <View className='record__head-row'>
        <View>
          <Text className='anomaly__account-label'>涉及账号</Text>
          <Text className='anomaly__account-id'>{detail.accountWechatId}</Text>
        </View>
        {status ? <AccountStatusTag id='anomaly-account-status' status={status} /> : null}
      </View>
      {suspended ? <Text className='anomaly__account-note'>该账号已停用，恢复使用需联系行政部</Text> : null}
    </View>
  )
}

function Screenshots({ fileIDs }: { fileIDs: string[] }) {
  const { urls, loaded, failed } = useImageLinks(fileIDs)
  if (fileIDs.length === 0) return null
  const shown = urls.filter(Boolean)
  return (
    <>
      <Text className='page-section__title'>截图（{fileIDs.length}）</Text>
      <View className='page-section'>
        <View className='anomaly__shots card' id='anomaly-shots'>
          {failed ? <Text className='anomaly__shots-note'>截图暂时无法显示，请稍后下拉刷新</Text> : null}
          {fileIDs.map((id, index) => (
            <View key={id} id={`anomaly-shot-${index}`} className='anomaly__shot'>
              {urls[index] ? (
                <Image
                  className='anomaly__shot-image'
                  src={urls[index] as string}
                  mode='aspectFill'
                  onClick={() => void Taro.previewImage({ urls: shown, current: urls[index] as string }).catch(() => undefined)}
                />
              ) : (
                <Text className='anomaly__shot-missing'>{loaded ? '无法显示' : '加载中'}</Text>
              )}
            </View>
          ))}
        </View>
      </View>
    </>
  )
}

function Measures({ detail }: { detail: AnomalyDetail }) {
  return (
    <View className='anomaly__measures card' id='anomaly-measures'>
      {detail.measures.length === 0 ? <Text className='anomaly__measures-empty'>还没有记录处置措施</Text> : null}
      {detail.measures.map((measure, index) => (
        <View key={`${measure.at}-${index}`} id={`measure-${index}`} className='anomaly__measure'>
          <View className='record__head-row'>
            <Text className={`anomaly__measure-type${measure.type === 'suspend_account' ? ' anomaly__measure-type--danger' : ''}`}>
              {measureTypeLabels[measure.type]}
            </Text>
            <Text className='anomaly__measure-time'>{formatShanghaiTime(measure.at)}</Text>
          </View>
          <Text className='anomaly__measure-actor'>{measure.actorName}</Text>
          {measure.note ? <Text className='anomaly__measure-note'>{measure.note}</Text> : null}
        </View>
      ))}
      {detail.resolution ? (
        <View className='anomaly__resolution' id='anomaly-resolution'>
          <Text className='anomaly__resolution-label'>处理结果{detail.resolvedAt ? ` · ${formatShanghaiTime(detail.resolvedAt)}` : ''}</Text>
          <Text className='anomaly__resolution-text'>{detail.resolution}</Text>
        </View>
      ) : null}
    </View>
  )
}

function Detail({ detail, notice, onOutcome }: { detail: AnomalyDetail; notice: string | null; onOutcome: (o: ActionOutcome<AnomalyDetail>) => void }) {
  return (
    <View className='account-page record anomaly' id='anomaly-detail'>
      <View className='record__head card'>
        <View className='record__head-row'>
          <Text className='record__title'>{anomalyTypeLabels[detail.type]}</Text>
          <AnomalyStatusTag id='anomaly-status' status={detail.status} />
        </View>
        <Text className='record__who'>
          {detail.reporterName} · {detail.departmentName}
        </Text>
        <Text className='record__when'>报告于 {formatShanghaiTime(detail.reportedAt)}</Text>
        <Timing detail={detail} />
      </View>

      <View className='page-section'>
        <AccountCard detail={detail} />
      </View>

      <Text className='page-section__title'>报告内容</Text>
      <View className='page-section'>
        <CellGroup>
          <InfoCell title='报告人' value={detail.reporterName} id='anomaly-reporter' />
          <InfoCell title='所在部门' value={detail.departmentName} id='anomaly-department' />
          <InfoCell title='发生时间' value={formatShanghaiTime(detail.occurredAt)} id='anomaly-occurred-at' />
          <InfoCell title='情况描述' value={detail.description} id='anomaly-description' multiline isLast />
        </CellGroup>
      </View>

      <Screenshots fileIDs={detail.screenshots} />

      {notice ? (
        <View className='account-notice' id='anomaly-error'>
          <Text>{notice}</Text>
        </View>
      ) : null}
      {detail.available.length > 0 ? (
        <View className='page-section'>
          <AnomalyActions detail={detail} onOutcome={onOutcome} />
        </View>
      ) : null}

      <Text className='page-section__title'>处置措施</Text>
      <View className='page-section'>
        <Measures detail={detail} />
      </View>
    </View>
  )
}

function AnomalyScreen({ id }: { id: string }) {
  const load = useCallback(() => getAnomaly(id), [id])
  const { data, error, reload, notice, onOutcome } = useRecordDetail(load, STALE_NOTICE)

  if (error) return <ErrorState id='anomaly-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  return <Detail detail={data} notice={notice} onOutcome={onOutcome} />
}

export default function AnomalyPage() {
  const router = useRouter()
  const id = typeof router.params.id === 'string' ? router.params.id : ''
  return (
    <SessionGate>
      {() => (id ? <AnomalyScreen id={id} /> : <ErrorState id='anomaly-error' message='缺少报告编号，请从列表重新打开' />)}
    </SessionGate>
  )
}
