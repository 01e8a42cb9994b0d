import { useCallback } from 'react'
import Taro, { useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { listMarketing } from '@/services/marketing'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { useListPullDown } from '@/hooks/use-list-pull-down'
import { useSearchKeyword } from '@/hooks/use-search-keyword'
import { ListFooter } from '@/components/record/list-footer'
import { SearchField } from '@/components/record/search-field'
import { ItemRow } from '../components/item-row'
import { marketingPaths, pushPage } from '../paths'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/marketing.scss'

const PAGE_SIZE = 20

function Library() {
  const search = useSearchKeyword()
  const { keyword } = search

  const fetchPage = useCallback((page: number, pageSize: number) => listMarketing({ scope: 'library', page, pageSize, keyword }), [keyword])
  const list = usePagedList(`library-${keyword}`, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  // Back from recording a push: the count on the row must show it.
  useRefreshOnShow(list.reload)
  useListPullDown(list)

  return (
    <View className='account-page marketing-library'>
      <SearchField id='marketing-library-search' placeholder='按标题搜索' search={search} />
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='marketing-library-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <View>
          <EmptyState
            id='marketing-library-empty'
            title={keyword ? '没有匹配的素材' : '素材库还是空的'}
            description={keyword ? '换个关键词试试' : '审核通过的营销素材会出现在这里，所有同事都可使用'}
          />
          {keyword ? null : (
            <View className='record__submit'>
              <Button id='marketing-library-submit' type='primary' fill='outline' block onClick={() => void Taro.navigateTo({ url: marketingPaths.submit })}>
                提交素材
              </Button>
            </View>
          )}
        </View>
      ) : (
        <View className='account-list' id='marketing-library-list'>
          <Text className='account-list__total' id='marketing-library-total'>
            共 {list.total} 份可用素材
          </Text>
          {list.items.map((item) => (
            <ItemRow
              key={item.id}
              item={item}
              who
              extra={
                <View className='marketing-row__push'>
                  <Button
                    id={`marketing-record-push-${item.id}`}
                    size='small'
                    type='primary'
                    fill='outline'
                    onClick={(event) => {
                      // The row opens the detail; this button goes straight to recording a push.
                      ;(event as { stopPropagation?: () => void }).stopPropagation?.()
                      void Taro.navigateTo({ url: pushPage(item.id) })
                    }}
                  >
                    记录推送
                  </Button>
                </View>
              }
            />
          ))}
          <ListFooter list={list} idPrefix='marketing-library' />
        </View>
      )}
    </View>
  )
}

export default function MarketingLibraryPage() {
  return <SessionGate>{() => <Library />}</SessionGate>
}
