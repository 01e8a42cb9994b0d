import { useCallback } from 'react'
import Taro, { useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ApplicationSummary } from '@contract'
import { formatShanghaiTime, listApplications } from '@/services/accounts'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { applicationDetail, routes } from '@/routes'
import { ApplicationStatusTag } from '../components/status-tag'
import { ListFooter } from '@/components/record/list-footer'
import '@/components/record/page.scss'
import './index.scss'

const PAGE_SIZE = 20

function ApplicationRow({ application }: { application: ApplicationSummary }) {
  return (
    <View
      className='account-list__row'
      id={`application-${application.id}`}
      onClick={() => void Taro.navigateTo({ url: applicationDetail(application.id) })}
    >
      <View className='account-list__row-head'>
        <Text className='account-list__title'>{application.purpose}</Text>
        <ApplicationStatusTag status={application.status} />
      </View>
      <View className='account-list__meta'>
        <Text>提交于 {formatShanghaiTime(application.submittedAt)}</Text>
        <Text>更新于 {formatShanghaiTime(application.updatedAt)}</Text>
      </View>
    </View>
  )
}

function MyApplications() {
  const fetchPage = useCallback(
    (page: number, pageSize: number) => listApplications({ scope: 'mine', page, pageSize }),
    [],
  )
  const list = usePagedList('mine', fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  // Back from applying or from a detail where it was withdrawn: the list must say so.
  useRefreshOnShow(list.reload)

  // Newest first, so an open application is always on the first page.
  const open = list.items.find((item) => item.status === 'pending_head' || item.status === 'pending_admin')

  return (
    <View className='account-page mine'>
      <View className='mine__apply card'>
        <View className='mine__apply-text'>
          <Text className='mine__apply-title'>申请业务微信</Text>
          <Text className='mine__apply-note' id='mine-apply-note'>
            {open ? '你有一份申请正在处理中，处理完成前不能再次申请' : '填写用途后提交，由部门负责人审批、行政部开通'}
          </Text>
        </View>
        <Button
          id='mine-apply'
          type='primary'
          size='small'
          disabled={Boolean(open)}
          onClick={() => void Taro.navigateTo({ url: routes.apply })}
        >
          去申请
        </Button>
      </View>

      <Text className='page-section__title'>申请记录</Text>
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='my-applications-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState id='my-applications-empty' title='还没有申请记录' description='点击上方“去申请”提交第一份申请' />
      ) : (
        <View className='account-list' id='my-applications'>
          {list.items.map((application) => (
            <ApplicationRow key={application.id} application={application} />
          ))}
          <ListFooter list={list} idPrefix='my-applications' />
        </View>
      )}
    </View>
  )
}

export default function MyApplicationsPage() {
  return <SessionGate>{() => <MyApplications />}</SessionGate>
}
