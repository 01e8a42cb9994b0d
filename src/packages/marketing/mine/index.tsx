import { useCallback, useMemo, useState } from 'react'
import Taro, { useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { marketingStatuses, marketingStatusLabels, type MarketingStatus } from '@contract'
import { listMarketing } from '@/services/marketing'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { useListPullDown } from '@/hooks/use-list-pull-down'
import { FilterChips } from '@/components/record/filter-chips'
import { ListFooter } from '@/components/record/list-footer'
import { ItemRow } from '../components/item-row'
import { marketingPaths } from '../paths'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/marketing.scss'

const PAGE_SIZE = 20

function Mine() {
  const [status, setStatus] = useState<MarketingStatus | ''>('')
  const fetchPage = useCallback((page: number, pageSize: number) => listMarketing({ scope: 'mine', page, pageSize, status: status || undefined }), [status])
  const key = useMemo(() => `mine-${status}`, [status])
  const list = usePagedList(key, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  // Back from a detail where it was withdrawn, or from submitting a new one.
  useRefreshOnShow(list.reload)
  useListPullDown(list)

  const options = [{ value: '' as const, label: '全部' }, ...marketingStatuses.map((value) => ({ value, label: marketingStatusLabels[value] }))]

  return (
    <View className='account-page marketing-mine'>
      <FilterChips<MarketingStatus | ''> id='marketing-mine-filter' options={options} selected={status} onSelect={setStatus} />
      <View className='record__submit'>
        <Button id='marketing-new' type='primary' block onClick={() => void Taro.navigateTo({ url: marketingPaths.submit })}>
          提交新素材
        </Button>
      </View>
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='marketing-mine-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState
          id='marketing-mine-empty'
          title={status ? `没有${marketingStatusLabels[status]}的素材` : '你还没有提交过素材'}
          description='向客户推送的产品信息、促销活动，先提交审核，通过后即可使用'
        />
      ) : (
        <View className='account-list' id='marketing-mine-list'>
          {list.items.map((item) => (
            <ItemRow key={item.id} item={item} />
          ))}
          <ListFooter list={list} idPrefix='marketing-mine' />
        </View>
      )}
    </View>
  )
}

export default function MarketingMinePage() {
  return <SessionGate>{() => <Mine />}</SessionGate>
}
