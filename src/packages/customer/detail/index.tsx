import { useCallback, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, CellGroup } from '@nutui/nutui-react-taro'
import { contactChannelLabels, customerSourceLabels, type CustomerDetail, type CustomerTimelineEntry, type FollowUp } from '@contract'
import { formatShanghaiTime } from '@/services/accounts'
import { callPhone, closeFollowUp, getCustomer } from '@/services/customers'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, PageLoading } from '@/components/state-views'
import { Watermark } from '@/components/watermark'
import { InfoCell } from '@/components/record/info-cell'
import { useRecordDetail } from '@/components/record/use-record-detail'
import { perform, type ActionOutcome } from '@/components/record/outcome'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { CustomerTags, FollowUpStateTag } from '../components/tags'
import { dueText, formatDay, stars } from '../components/format'
import { customerEdit } from '../paths'
import { ContactForm, FeedbackForm, FollowUpForm } from './forms'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/customer.scss'

const STALE_NOTICE = '该客户档案已有变化（可能已交接给他人），已为你刷新'

type Outcome = ActionOutcome<CustomerDetail>
type Mode = 'contact' | 'followUp' | 'feedback'

/** The number in full is one tap away rather than on screen: a glance over the shoulder sees only the mask. */
function Phone({ detail }: { detail: CustomerDetail }) {
  const [revealed, setRevealed] = useState(false)
  if (!detail.phone) return <Text id='customer-phone'>未登记</Text>
  return (
    <View className='customer__phone'>
      <Text id='customer-phone'>{revealed ? detail.phone : detail.phoneMasked}</Text>
      {revealed ? (
        <Text className='customer__phone-action' id='customer-phone-call' onClick={() => callPhone(detail.phone as string)}>
          拨打
        </Text>
      ) : (
        <Text className='customer__phone-action' id='customer-phone-reveal' onClick={() => setRevealed(true)}>
          显示
        </Text>
      )}
    </View>
  )
}

function Stat({ id, label, value, bad = false }: { id: string; label: string; value: string | number; bad?: boolean }) {
  return (
    <View className='customer__stat'>
      <Text id={id} className={`customer__stat-value${bad ? ' customer__stat-value--bad' : ''}`}>
        {value}
      </Text>
      <Text className='customer__stat-label'>{label}</Text>
    </View>
  )
}

function Stats({ detail }: { detail: CustomerDetail }) {
  const { stats } = detail
  return (
    <View className='customer__stats card' id='customer-stats'>
      <Stat id='customer-stat-contacts' label='沟通次数' value={stats.contacts} />
      <Stat id='customer-stat-on-time' label='按时跟进' value={stats.followUpsOnTime} />
      <Stat id='customer-stat-late' label='逾期完成' value={stats.followUpsLate} bad={stats.followUpsLate > 0} />
      <Stat id='customer-stat-overdue' label='逾期未跟进' value={stats.followUpsOverdue} bad={stats.followUpsOverdue > 0} />
      <Stat id='customer-stat-open' label='待跟进' value={stats.followUpsOpen} />
      <Stat id='customer-stat-satisfaction' label={`满意度（${stats.feedbackCount}次）`} value={stats.averageSatisfaction === null ? '-' : stats.averageSatisfaction} />
      <Stat id='customer-stat-complaints' label='投诉' value={stats.complaints} bad={stats.complaints > 0} />
    </View>
  )
}

/** An open follow-up: done with one tap, cancelled after a question (it leaves the record, not the customer). */
function OpenFollowUp({ followUp, canWrite, onOutcome }: { followUp: FollowUp; canWrite: boolean; onOutcome: (o: Outcome) => void }) {
  const [busy, setBusy] = useState(false)
  const close = async (outcome: 'done' | 'cancelled') => {
    if (busy) return
    if (outcome === 'cancelled') {
      const answer = await Taro.showModal({ title: '取消这项跟进？', content: followUp.what, confirmText: '取消跟进', cancelText: '保留' })
      if (!answer.confirm) return
    }
    setBusy(true)
    await perform(() => closeFollowUp(followUp.id, outcome), outcome === 'done' ? '已完成' : '已取消', onOutcome)
    setBusy(false)
  }
  const late = followUp.state === 'overdue'
  return (
    <View className='follow-up' id={`follow-up-${followUp.id}`}>
      <View className='follow-up__head'>
        <Text className='follow-up__what'>{followUp.what}</Text>
        <FollowUpStateTag id={`follow-up-${followUp.id}-state`} state={followUp.state} />
      </View>
      <Text className={`follow-up__meta${late ? ' follow-up__meta--late' : ''}`} id={`follow-up-${followUp.id}-due`}>
        {dueText(followUp.dueOn, followUp.daysOverdue)}（{followUp.dueOn}）
      </Text>
      {canWrite ? (
        <View className='follow-up__buttons'>
          <Button id={`follow-up-${followUp.id}-cancel`} size='small' fill='none' disabled={busy} onClick={() => void close('cancelled')}>
            取消
          </Button>
          <Button id={`follow-up-${followUp.id}-done`} size='small' type='primary' loading={busy} disabled={busy} onClick={() => void close('done')}>
            完成
          </Button>
        </View>
      ) : null}
    </View>
  )
}

function entryTitle(entry: CustomerTimelineEntry): string {
  switch (entry.kind) {
    case 'contact':
      return `${contactChannelLabels[entry.channel]}沟通`
    case 'feedback':
      return entry.complaint ? '客户投诉' : '客户反馈'
    case 'followUp':
      return entry.followUp.status === 'cancelled' ? '取消跟进' : '完成跟进'
  }
}

function TimelineEntry({ entry }: { entry: CustomerTimelineEntry }) {
  const id = entry.kind === 'followUp' ? `follow-up-${entry.id}` : `timeline-${entry.id}`
  return (
    <View className='customer-timeline__item' id={id}>
      <View className='customer-timeline__head'>
        <Text className={`customer-timeline__kind${entry.kind === 'feedback' && entry.complaint ? ' customer-timeline__complaint' : ''}`}>{entryTitle(entry)}</Text>
        {entry.kind === 'followUp' ? <FollowUpStateTag id={`follow-up-${entry.id}-state`} state={entry.followUp.state} /> : null}
        <Text className='customer-timeline__date'>{formatDay(entry.on)}</Text>
      </View>
      {entry.kind === 'contact' ? (
        <>
          <Text className='customer-timeline__text'>{entry.summary}</Text>
          {entry.nextStep ? <Text className='customer-timeline__text'>下一步：{entry.nextStep}</Text> : null}
        </>
      ) : null}
      {entry.kind === 'followUp' ? (
        <>
          <Text className='customer-timeline__text'>
            {entry.followUp.what}（计划 {entry.followUp.dueOn}）
          </Text>
          {entry.followUp.note ? <Text className='customer-timeline__text'>说明：{entry.followUp.note}</Text> : null}
        </>
      ) : null}
      {entry.kind === 'feedback' ? (
        <>
          <Text className='customer-timeline__text'>满意度 {stars(entry.satisfaction)}</Text>
          {entry.content ? <Text className='customer-timeline__text'>{entry.content}</Text> : null}
        </>
      ) : null}
      <Text className='customer-timeline__by'>
        {entry.byName} · 记录于 {formatShanghaiTime(entry.at)}
      </Text>
    </View>
  )
}

function Actions({ detail, onOutcome }: { detail: CustomerDetail; onOutcome: (o: Outcome) => void }) {
  const [mode, setMode] = useState<Mode | null>(null)
  const toggle = (next: Mode) => setMode(mode === next ? null : next)
  const finish = (outcome: Outcome) => {
    if (outcome.done || outcome.stale) setMode(null)
    onOutcome(outcome)
  }
  const formProps = { customerId: detail.id, onCancel: () => setMode(null), onOutcome: finish }
  return (
    <View className='record__actions customer__actions card' id='customer-actions'>
      <View className='record__buttons'>
        <Button id='customer-log-contact' className='record__button' type='primary' fill={mode === 'contact' ? 'solid' : 'outline'} onClick={() => toggle('contact')}>
          记录沟通
        </Button>
        <Button id='customer-plan-follow-up' className='record__button' type='primary' fill={mode === 'followUp' ? 'solid' : 'outline'} onClick={() => toggle('followUp')}>
          计划跟进
        </Button>
        <Button id='customer-add-feedback' className='record__button' type='primary' fill={mode === 'feedback' ? 'solid' : 'outline'} onClick={() => toggle('feedback')}>
          客户反馈
        </Button>
      </View>
      {mode === 'contact' ? <ContactForm {...formProps} /> : null}
      {mode === 'followUp' ? <FollowUpForm {...formProps} /> : null}
      {mode === 'feedback' ? <FeedbackForm {...formProps} /> : null}
    </View>
  )
}

function Detail({ detail, notice, onOutcome }: { detail: CustomerDetail; notice: string | null; onOutcome: (o: Outcome) => void }) {
  return (
    <View className='account-page record customer' id='customer-detail'>
      <Watermark />
      <View className='record__head card'>
        <View className='record__head-row'>
          <Text className='record__title' id='customer-detail-name'>
            {detail.name}
          </Text>
          {detail.canWrite ? (
            <Text className='customer__phone-action' id='customer-edit' onClick={() => void Taro.navigateTo({ url: customerEdit(detail.id) })}>
              编辑
            </Text>
          ) : null}
        </View>
        {detail.company ? (
          <Text className='record__who' id='customer-detail-company'>
            {detail.company}
          </Text>
        ) : null}
        <CustomerTags id='customer-detail-tags' tags={detail.tags} />
        <Text className='record__when'>
          {detail.ownerName} · {detail.departmentName}
        </Text>
      </View>

      <Text className='page-section__title'>基本信息</Text>
      <View className='page-section'>
        <CellGroup>
          <InfoCell title='手机号' value={<Phone detail={detail} />} />
          <InfoCell title='来源' value={customerSourceLabels[detail.source]} id='customer-detail-source' />
          <InfoCell title='添加确认' value={`已自我介绍并征得同意 · ${formatShanghaiTime(detail.consentAt)}`} id='customer-consent-at' multiline />
          <InfoCell title='建档人' value={detail.addedByName} id='customer-added-by' />
          <InfoCell title='上次沟通' value={detail.lastContactOn ?? '尚无'} id='customer-last-contact' isLast />
        </CellGroup>
      </View>

      <Stats detail={detail} />

      {notice ? (
        <View className='account-notice' id='customer-notice'>
          <Text>{notice}</Text>
        </View>
      ) : null}
      {detail.canWrite ? (
        <Actions detail={detail} onOutcome={onOutcome} />
      ) : (
        <Text className='customer__readonly' id='customer-readonly'>
          你可以查看此档案；沟通和跟进由负责人 {detail.ownerName} 记录
        </Text>
      )}

      <Text className='page-section__title'>待跟进{detail.openFollowUps.length ? `（${detail.openFollowUps.length}）` : ''}</Text>
      <View className='page-section'>
        <View className='card' id='customer-open-follow-ups'>
          {detail.openFollowUps.length === 0 ? (
            <Text className='customer-timeline__empty' id='customer-open-follow-ups-empty'>
              没有待跟进事项
            </Text>
          ) : (
            detail.openFollowUps.map((followUp) => <OpenFollowUp key={followUp.id} followUp={followUp} canWrite={detail.canWrite} onOutcome={onOutcome} />)
          )}
        </View>
      </View>

      <Text className='page-section__title'>跟进记录</Text>
      <View className='page-section'>
        <View className='card customer-timeline' id='customer-timeline'>
          {detail.timeline.length === 0 ? (
            <Text className='customer-timeline__empty' id='customer-timeline-empty'>
              还没有沟通、跟进或反馈记录
            </Text>
          ) : (
            detail.timeline.map((entry) => <TimelineEntry key={`${entry.kind}-${entry.id}`} entry={entry} />)
          )}
          {detail.timelineTotal > detail.timeline.length ? (
            <Text className='customer__more' id='customer-timeline-more'>
              仅显示最近 {detail.timeline.length} 条，共 {detail.timelineTotal} 条
            </Text>
          ) : null}
        </View>
      </View>
    </View>
  )
}

function CustomerScreen({ id }: { id: string }) {
  const load = useCallback(() => getCustomer(id), [id])
  const { data, error, reload, notice, onOutcome } = useRecordDetail(load, STALE_NOTICE)
  // Back from editing the basic information: show what was saved, without blanking the screen.
  useRefreshOnShow(() => void load().then((fresh) => onOutcome({ done: fresh }), () => undefined))

  if (error) return <ErrorState id='customer-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  return <Detail detail={data} notice={notice} onOutcome={onOutcome} />
}

export default function CustomerDetailPage() {
  const router = useRouter()
  const id = typeof router.params.id === 'string' ? router.params.id : ''
  return <SessionGate>{() => (id ? <CustomerScreen id={id} /> : <ErrorState id='customer-error' message='缺少客户编号，请从列表重新打开' />)}</SessionGate>
}
