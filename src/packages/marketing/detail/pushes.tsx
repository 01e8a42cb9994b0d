import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import type { MarketingPush } from '@contract'
import { formatShanghaiTime } from '@/services/accounts'
import { listPushes } from '@/services/marketing'
import { ErrorState, PageLoading } from '@/components/state-views'
import { usePagedList } from '@/hooks/use-paged-list'
import { ListFooter } from '@/components/record/list-footer'

const PAGE_SIZE = 10

function PushRow({ push }: { push: MarketingPush }) {
  const audience = [...push.customers, ...push.groups.map((g) => `群：${g.name}`)].join('、')
  return (
    <View className='account-list__row' id={`push-${push.id}`}>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>
          {push.byName} · {push.departmentName}
        </Text>
        <Text className='marketing-push__count'>{push.count} 人</Text>
      </View>
      <Text className='marketing-row__preview'>{audience}</Text>
      <View className='account-list__meta'>
        <Text>{formatShanghaiTime(push.at)}</Text>
        {push.note ? <Text>{push.note}</Text> : null}
      </View>
    </View>
  )
}

/** Pushes of one item the caller may see (their own, a head their department's, admins all); `version` starts it over. */
export function Pushes({ itemId, version }: { itemId: string; version: number }) {
  const fetchPage = useCallback((page: number, pageSize: number) => listPushes({ itemId, page, pageSize }), [itemId])
  const list = usePagedList(`${itemId}-${version}`, fetchPage, PAGE_SIZE)
  return (
    <View id='marketing-pushes'>
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='marketing-pushes-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <Text className='marketing-summary' id='marketing-pushes-empty'>
          还没有推送记录
        </Text>
      ) : (
        <View className='account-list'>
          {list.items.map((push) => (
            <PushRow key={push.id} push={push} />
          ))}
          <ListFooter list={list} idPrefix='marketing-pushes' />
        </View>
      )}
    </View>
  )
}
