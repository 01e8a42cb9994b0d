import { useCallback, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Switch } from '@nutui/nutui-react-taro'
import type { PersonSummary, PolicyVersionDetail } from '@contract'
import { getPolicyVersion } from '@/services/policy'
import { formatShanghaiTime } from '@/services/accounts'
import { messageOf } from '@/services/feedback'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, PageLoading } from '@/components/state-views'
import { useLoaded } from '@/hooks/use-loaded'
import { PolicyBody } from '../components/policy-body'
import { VersionTags } from '../components/version-tags'
import { policyEditorPage, policyProgressPage } from '../components/navigation'
import { Comparison } from './comparison'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/policy.scss'
import './index.scss'

type Compared = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; detail: PolicyVersionDetail }

function Header({ detail, person }: { detail: PolicyVersionDetail; person: PersonSummary }) {
  const { version } = detail
  const draft = version.status === 'draft'
  const open = (url: string) => () => void Taro.navigateTo({ url })
  return (
    <View id='version-header' className='policy-version__header card'>
      <Text id='version-title' className='policy-version__title'>
        {detail.document.title}
      </Text>
      <VersionTags version={version} idPrefix='version' />
      {draft ? (
        <Text className='policy-version__meta'>草稿，最后保存于 {formatShanghaiTime(version.updatedAt)}</Text>
      ) : (
        <>
          <Text id='version-effective' className='policy-version__meta'>
            生效日期 {version.effectiveFrom ?? ''}，生效后 {version.ackWithinDays} 天内确认
          </Text>
          {version.publishedAt ? (
            <Text className='policy-version__meta'>
              {version.publishedByName ?? ''} 发布于 {formatShanghaiTime(version.publishedAt)}
            </Text>
          ) : null}
        </>
      )}
      {version.changeSummary ? (
        <Text id='version-change-summary' className='policy-version__summary'>
          本版改动：{version.changeSummary}
        </Text>
      ) : null}
      {draft && person.role === 'admin' ? (
        <Button id='version-edit' className='policy-version__button' type='primary' size='small' onClick={open(policyEditorPage(version.id))}>
          继续编辑
        </Button>
      ) : null}
      {!draft && !version.upcoming && person.role !== 'employee' ? (
        <Text id='version-progress' className='policy-version__link' onClick={open(policyProgressPage(version.id))}>
          查看确认进度 ›
        </Text>
      ) : null}
    </View>
  )
}

function VersionScreen({ id, person }: { id: string; person: PersonSummary }) {
  const { data, error, reload, setData } = useLoaded(useCallback(() => getPolicyVersion(id), [id]))
  const [comparing, setComparing] = useState(false)
  // Fetched when first asked for, then kept: switching back and forth should not wait each time.
  const [compared, setCompared] = useState<Compared | null>(null)

  const loadComparison = useCallback(() => {
    setCompared({ status: 'loading' })
    getPolicyVersion(id, true).then(
      (detail) => setCompared({ status: 'ready', detail }),
      (err: unknown) => setCompared({ status: 'error', message: messageOf(err) }),
    )
  }, [id])

  usePullDownRefresh(() => {
    const refreshed = getPolicyVersion(id).then(setData, () => undefined)
    if (comparing) loadComparison()
    else setCompared(null)
    void refreshed.finally(() => void Taro.stopPullDownRefresh())
  })

  if (error) return <ErrorState id='version-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />

  const toggle = () => {
    const next = !comparing
    setComparing(next)
    if (next && (!compared || compared.status === 'error')) loadComparison()
  }

  const comparable = data.previousNumber !== null
  return (
    <View id='policy-version' className='account-page policy-version'>
      <Header detail={data} person={person} />
      {comparable ? (
        <View id='policy-compare-toggle' className='policy-version__toggle card' onClick={toggle}>
          <View className='switch-row__text'>
            <Text className='switch-row__title'>与上一版对比</Text>
            <Text className='switch-row__hint'>逐章标出与第{data.previousNumber}版相比新增、删除和修改的条款</Text>
          </View>
          <Switch checked={comparing} loadingIcon={null} />
        </View>
      ) : (
        <Text id='version-first' className='policy-version__note'>
          这是第一版制度，没有可对比的上一版
        </Text>
      )}
      {!comparing ? (
        <PolicyBody document={data.document} bodyId='version-body' sectionIdPrefix='version-section-' />
      ) : !compared || compared.status === 'loading' ? (
        <PageLoading text='正在对比…' />
      ) : compared.status === 'error' ? (
        <ErrorState id='comparison-error' message={compared.message} onRetry={loadComparison} />
      ) : compared.detail.comparison ? (
        <Comparison comparison={compared.detail.comparison} previousNumber={compared.detail.previousNumber} />
      ) : (
        <Text id='comparison-none' className='policy-version__note'>
          没有可对比的上一版
        </Text>
      )}
    </View>
  )
}

export default function PolicyVersionPage() {
  const router = useRouter()
  const id = typeof router.params.id === 'string' ? router.params.id : ''
  return (
    // Opened from the reader too (a version about to take effect), while the policy waits for acknowledgement.
    <SessionGate allowPendingPolicy>
      {(person) => (id ? <VersionScreen id={id} person={person} /> : <ErrorState id='version-error' message='缺少版本编号，请从版本列表重新打开' />)}
    </SessionGate>
  )
}
