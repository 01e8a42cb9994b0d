import { useCallback } from 'react'
import { useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { listMySpotChecks } from '@/services/spot-checks'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { Watermark } from '@/components/watermark'
import { ListFooter } from '@/components/record/list-footer'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { useListPullDown } from '@/hooks/use-list-pull-down'
import { CheckRow } from '../spot-check-parts/check-row'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../spot-check-parts/spot-check.scss'

const PAGE_SIZE = 20

function MyChecks() {
  const fetchPage = useCallback((page: number, pageSize: number) => listMySpotChecks({ page, pageSize }), [])
  const list = usePagedList('mine', fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  // Back from a result just answered: the row says so.
  useRefreshOnShow(list.reload)
  useListPullDown(list)

  return (
    <View className='account-page spot-mine'>
      <Watermark />
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='my-checks-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState id='my-checks-empty' title='还没有抽查结果' description='被抽查并评分后，结果会显示在这里' />
      ) : (
        <View className='account-list' id='my-checks'>
          <Text className='account-list__total' id='my-checks-total'>
            共 {list.total} 次抽查
          </Text>
          {list.items.map((check) => (
            <CheckRow key={check.id} check={check} id={`my-check-${check.id}`} />
          ))}
          <ListFooter list={list} idPrefix='my-checks' />
        </View>
      )}
    </View>
  )
}

export default function MySpotChecksPage() {
  return <SessionGate>{() => <MyChecks />}</SessionGate>
}
