import { useCallback } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CellGroup } from '@nutui/nutui-react-taro'
import type { HandoverDetail } from '@contract'
import { formatShanghaiTime } from '@/services/accounts'
import { getHandover } from '@/services/handovers'
import { useRecordDetail } from '@/components/record/use-record-detail'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, PageLoading } from '@/components/state-views'
import { HandoverStatusTag } from '../components/status-tag'
import { InfoCell } from '@/components/record/info-cell'
import type { ActionOutcome } from '@/components/record/outcome'
import { Checklist, CloseAndCancel, ReceiverSection } from './parts'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import './index.scss'

const STALE_NOTICE = '该交接已被他人处理，已为你刷新为最新状态'

const outcomeLabels: Record<NonNullable<HandoverDetail['outcome']>, string> = {
  transfer: '账号已转交接收人',
  close: '账号已注销',
}

function Progress({ detail }: { detail: HandoverDetail }) {
  const ratio = detail.total > 0 ? detail.done / detail.total : 0
  return (
    <View className='handover__progress'>
      <View className='handover__progress-bar'>
        <View className='handover__progress-fill' style={{ width: `${Math.round(ratio * 100)}%` }} />
      </View>
      <Text className='handover__progress-text' id='handover-progress'>
        {detail.done}/{detail.total}
      </Text>
    </View>
  )
}

function Detail({ detail, notice, onOutcome }: { detail: HandoverDetail; notice: string | null; onOutcome: (o: ActionOutcome<HandoverDetail>) => void }) {
  return (
    <View className='account-page record handover' id='handover-detail'>
      <View className='record__head card'>
        <View className='record__head-row'>
          <Text className='record__title'>交接 {detail.accountWechatId}</Text>
          <HandoverStatusTag id='handover-status' status={detail.status} />
        </View>
        <Text className='record__who'>
          {detail.holderName} → {detail.receiverName ?? '待指定接收人'}
        </Text>
        <Text className='record__when'>
          {detail.startedByName} 发起于 {formatShanghaiTime(detail.startedAt)}
        </Text>
        <Progress detail={detail} />
        {detail.outcome ? (
          <Text className='handover__outcome' id='handover-outcome'>
            {outcomeLabels[detail.outcome]}
            {detail.closedAt ? ` · ${formatShanghaiTime(detail.closedAt)}` : ''}
          </Text>
        ) : null}
      </View>

      {notice ? (
        <View className='account-notice' id='handover-error'>
          <Text>{notice}</Text>
        </View>
      ) : null}

      <Text className='page-section__title'>接收人</Text>
      <View className='page-section'>
        <ReceiverSection detail={detail} onOutcome={onOutcome} />
      </View>

      <Text className='page-section__title'>交接清单</Text>
      <View className='page-section'>
        <Checklist detail={detail} onOutcome={onOutcome} />
      </View>

      <CloseAndCancel detail={detail} onOutcome={onOutcome} />

      <Text className='page-section__title'>交接信息</Text>
      <View className='page-section'>
        <CellGroup>
          <InfoCell title='持有人' value={detail.holderName} id='handover-holder' />
          <InfoCell title='所在部门' value={detail.departmentName} id='handover-department' />
          <InfoCell title='持有人离职' value={detail.leaving ? '是' : '否'} id='handover-leaving-value' />
          <InfoCell title='交接原因' value={detail.reason} id='handover-reason-text' multiline isLast />
        </CellGroup>
      </View>
    </View>
  )
}

function HandoverScreen({ id }: { id: string }) {
  const load = useCallback(() => getHandover(id), [id])
  const { data, error, reload, notice, onOutcome } = useRecordDetail(load, STALE_NOTICE)

  if (error) return <ErrorState id='handover-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  return <Detail detail={data} notice={notice} onOutcome={onOutcome} />
}

export default function HandoverPage() {
  const router = useRouter()
  const id = typeof router.params.id === 'string' ? router.params.id : ''
  return (
    <SessionGate>
      {() => (id ? <HandoverScreen id={id} /> : <ErrorState id='handover-error' message='缺少交接编号，请从列表重新打开' />)}
    </SessionGate>
  )
}
