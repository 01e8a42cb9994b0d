import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MarketingSummary } from '@contract'
import { formatShanghaiTime } from '@/services/accounts'
import { marketingDetail } from '../paths'
import { MarketingStatusTag } from './status-tags'

/** One item in a list, `#marketing-item-<id>`; `who` adds author and department for reviewers and the library. */
export function ItemRow({ item, who = false, extra }: { item: MarketingSummary; who?: boolean; extra?: ReactNode }) {
  return (
    <View className='account-list__row' id={`marketing-item-${item.id}`} onClick={() => void Taro.navigateTo({ url: marketingDetail(item.id) })}>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>{item.title}</Text>
        <MarketingStatusTag status={item.status} />
      </View>
      <Text className='marketing-row__preview'>{item.preview}</Text>
      <View className='account-list__meta'>
        {who ? (
          <Text>
            {item.authorName} · {item.departmentName}
          </Text>
        ) : null}
        <Text>提交于 {formatShanghaiTime(item.submittedAt)}</Text>
        {item.flagCount > 0 ? <Text className='marketing-row__flags'>用语提示 {item.flagCount} 处</Text> : null}
        {item.status === 'approved' ? <Text>已推送 {item.pushCount} 次</Text> : null}
      </View>
      {extra}
    </View>
  )
}
