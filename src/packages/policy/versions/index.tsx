import { useCallback, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { PersonSummary, PolicyVersionSummary } from '@contract'
import { listPolicyVersions, startPolicyDraft } from '@/services/policy'
import { formatShanghaiTime } from '@/services/accounts'
import { messageOf } from '@/services/feedback'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, InlineError, PageLoading } from '@/components/state-views'
import { ListFooter } from '@/components/record/list-footer'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { policyVersionDetail } from '@/routes'
import { VersionTags } from '../components/version-tags'
import { policyEditorPage, policyProgressPage } from '../components/navigation'
import '@/components/record/page.scss'
import '../components/policy.scss'
import './index.scss'

const PAGE_SIZE = 20

function Row({ version, canEdit }: { version: PolicyVersionSummary; canEdit: boolean }) {
  const draft = version.status === 'draft'
  const url = draft && canEdit ? policyEditorPage(version.id) : policyVersionDetail(version.id)
  return (
    <View id={`policy-version-${version.id}`} className='account-list__row' onClick={() => void Taro.navigateTo({ url })}>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>{version.title}</Text>
        <VersionTags version={version} idPrefix={`policy-version-${version.id}`} />
      </View>
      <Text className='policy-versions__summary'>{version.changeSummary || (draft ? '尚未填写改动说明' : '')}</Text>
      <View className='account-list__meta'>
        {draft ? (
          <Text>最后保存 {formatShanghaiTime(version.updatedAt)}</Text>
        ) : (
          <>
            <Text>生效日期 {version.effectiveFrom ?? ''}</Text>
            {version.publishedByName ? <Text>{version.publishedByName} 发布</Text> : null}
          </>
        )}
        <Text>{version.sectionCount} 个小节</Text>
      </View>
    </View>
  )
}

/** Admins write the next version from here; starting returns the draft already open, so two admins share one. */
function Actions({ admin }: { admin: boolean }) {
  const [starting, setStarting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const start = async () => {
    if (starting) return
    setStarting(true)
    setError(null)
    try {
      const draft = await startPolicyDraft()
      void Taro.navigateTo({ url: policyEditorPage(draft.version.id) })
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setStarting(false)
    }
  }
  return (
    <View className='policy-versions__actions'>
      <View className='policy-versions__buttons'>
        {admin ? (
          <Button id='policy-new-draft' className='policy-versions__button' type='primary' loading={starting} disabled={starting} onClick={() => void start()}>
            编辑新版本
          </Button>
        ) : null}
        <Button id='policy-open-progress' className='policy-versions__button' fill='outline' onClick={() => void Taro.navigateTo({ url: policyProgressPage() })}>
          确认进度
        </Button>
      </View>
      <InlineError id='policy-new-draft-error' message={error} />
    </View>
  )
}

function Versions({ person }: { person: PersonSummary }) {
  const fetchPage = useCallback((page: number, pageSize: number) => listPolicyVersions({ page, pageSize }), [])
  const list = usePagedList('versions', fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  // Back from the editor a draft may be new, saved or gone.
  useRefreshOnShow(list.reload)
  usePullDownRefresh(() => {
    list.reload()
    void Taro.stopPullDownRefresh()
  })
  const admin = person.role === 'admin'

  return (
    <View className='account-page policy-versions'>
      {person.role === 'employee' ? null : <Actions admin={admin} />}
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='policy-versions-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState id='policy-versions-empty' title='还没有发布过制度' description={admin ? '点击上方“编辑新版本”开始起草' : undefined} />
      ) : (
        <View id='policy-version-list' className='account-list'>
          {list.items.map((version) => (
            <Row key={version.id} version={version} canEdit={admin} />
          ))}
          <ListFooter list={list} idPrefix='policy-versions' />
        </View>
      )}
    </View>
  )
}

export default function PolicyVersionsPage() {
  // Reached from the reader, so it opens while the policy waits for acknowledgement too.
  return <SessionGate allowPendingPolicy>{(person) => <Versions person={person} />}</SessionGate>
}
