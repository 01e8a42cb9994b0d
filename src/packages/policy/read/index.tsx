import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { CurrentPolicy, PolicyAck, PolicyVersionSummary } from '@contract'
import { getCurrentPolicy } from '@/services/policy'
import { formatShanghaiTime } from '@/services/accounts'
import { loadSession } from '@/store/session'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { useLoaded } from '@/hooks/use-loaded'
import { policyVersionDetail, routes } from '@/routes'
import { PolicyBody } from '../components/policy-body'
import { VersionTags, versionName } from '../components/version-tags'
import { AcknowledgePanel } from './acknowledge-panel'
import { useReadingProgress } from './use-reading-progress'
import '@/components/record/page.scss'
import '../components/policy.scss'
import './index.scss'

type InForce = NonNullable<CurrentPolicy['inForce']>

function open(url: string): () => void {
  return () => void Taro.navigateTo({ url })
}

function UpcomingBanner({ upcoming }: { upcoming: PolicyVersionSummary }) {
  return (
    <View id='policy-upcoming' className='policy-banner' onClick={open(policyVersionDetail(upcoming.id))}>
      <Text className='policy-banner__text'>
        {versionName(upcoming)}将于 {upcoming.effectiveFrom ?? ''} 生效
      </Text>
      <Text className='policy-banner__link'>查看 ›</Text>
    </View>
  )
}

function Header({ inForce, pending }: { inForce: InForce; pending: boolean }) {
  const { version } = inForce
  return (
    <View id='policy-header' className='policy-read__header card'>
      <Text id='policy-title' className='policy-read__title'>
        {inForce.document.title}
      </Text>
      <VersionTags version={version} idPrefix='policy' />
      <Text id='policy-effective' className='policy-read__meta'>
        生效日期 {version.effectiveFrom ?? ''}
      </Text>
      {version.changeSummary ? (
        <Text id='policy-change-summary' className='policy-read__summary'>
          本版改动：{version.changeSummary}
        </Text>
      ) : null}
      {pending ? (
        <Text id='policy-due' className={`policy-read__due${inForce.overdue ? ' policy-read__due--overdue' : ''}`}>
          {inForce.overdue ? `已超过确认期限（${inForce.dueOn}），请尽快阅读并确认` : `请于 ${inForce.dueOn} 前阅读并确认`}
        </Text>
      ) : null}
      <View className='policy-read__links'>
        <Text id='policy-history' className='policy-read__link' onClick={open(routes.policyVersions)}>
          历史版本 ›
        </Text>
      </View>
    </View>
  )
}

/** Sticks to the top of the screen while the text scrolls under it. */
function ReadingProgress({ percent }: { percent: number }) {
  return (
    <View id='policy-progress' className='policy-progress'>
      <View className='policy-progress__track'>
        <View className={`policy-progress__fill${percent >= 100 ? ' policy-progress__fill--done' : ''}`} style={{ width: `${percent}%` }} />
      </View>
      <Text id='policy-progress-text' className='policy-progress__text'>
        已读 {percent}%
      </Text>
    </View>
  )
}

function Acknowledged({ ack }: { ack: PolicyAck }) {
  return (
    <View id='policy-acknowledged' className='policy-read__done card'>
      <Text className='policy-read__done-title'>确认完成</Text>
      <Text className='policy-read__done-text'>已于 {formatShanghaiTime(ack.acknowledgedAt)} 确认第{ack.versionNumber}版制度，感谢配合。</Text>
      <Button id='policy-continue' type='primary' block onClick={() => void Taro.switchTab({ url: routes.workbench })}>
        进入工作台
      </Button>
    </View>
  )
}

/** One version's reading; keyed by the version, so a newer one starts unread. */
function Reader({ inForce, upcoming, onOutdated }: { inForce: InForce; upcoming: PolicyVersionSummary | null; onOutdated: () => void }) {
  const earlier = inForce.acknowledgement
  const [justAcknowledged, setJustAcknowledged] = useState<PolicyAck | null>(null)
  const pending = !earlier && !justAcknowledged
  const percent = useReadingProgress(!earlier)

  return (
    <View id='policy-read' className='account-page policy-read'>
      {earlier ? (
        <View id='policy-acknowledged' className='policy-banner policy-banner--good'>
          <Text className='policy-banner__text'>你已于 {formatShanghaiTime(earlier.acknowledgedAt)} 确认本版制度</Text>
        </View>
      ) : null}
      {upcoming ? <UpcomingBanner upcoming={upcoming} /> : null}
      <Header inForce={inForce} pending={pending} />
      {earlier ? null : <ReadingProgress percent={percent} />}
      <PolicyBody document={inForce.document} />
      {justAcknowledged ? <Acknowledged ack={justAcknowledged} /> : null}
      {pending ? (
        <AcknowledgePanel
          versionId={inForce.version.id}
          questions={inForce.questions}
          readToEnd={percent >= 100}
          onAcknowledged={setJustAcknowledged}
          onOutdated={onOutdated}
        />
      ) : null}
    </View>
  )
}

function ReadScreen() {
  const { data, error, reload } = useLoaded(useCallback(() => getCurrentPolicy(), []))

  const outdated = useCallback(() => {
    reload()
    // The gate keeps the version it last heard of; it must ask for the new one.
    void loadSession(true)
  }, [reload])

  if (error) return <ErrorState id='policy-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  if (!data.inForce) {
    return (
      <View id='policy-read' className='account-page policy-read'>
        {data.upcoming ? <UpcomingBanner upcoming={data.upcoming} /> : null}
        <EmptyState id='policy-empty' title='暂无生效的管理制度' description='制度发布并生效后，会在这里显示全文' />
        <View className='policy-read__links policy-read__links--center'>
          <Text id='policy-history' className='policy-read__link' onClick={open(routes.policyVersions)}>
            历史版本 ›
          </Text>
        </View>
      </View>
    )
  }
  return <Reader key={data.inForce.version.id} inForce={data.inForce} upcoming={data.upcoming} onOutdated={outdated} />
}

export default function PolicyReadPage() {
  return <SessionGate allowPendingPolicy>{() => <ReadScreen />}</SessionGate>
}
