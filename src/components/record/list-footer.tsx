import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { InlineError } from '@/components/state-views'
import type { PagedList } from '@/hooks/use-paged-list'

/** "Load more" under a paged list; reaching the bottom of the page loads too, the button is for when that is not possible. */
export function ListFooter<T>({ list, idPrefix }: { list: PagedList<T>; idPrefix: string }) {
  return (
    <View className='account-list__footer'>
      {list.hasMore ? (
        <Button id={`${idPrefix}-more`} size='small' fill='outline' loading={list.loadingMore} onClick={list.loadMore}>
          加载更多
        </Button>
      ) : (
        <Text className='account-list__end'>没有更多了</Text>
      )}
      <InlineError id={`${idPrefix}-more-error`} message={list.moreError} />
    </View>
  )
}
