import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { SpotCheckSummary } from '@contract'
import { spotCheckPage } from '../spot-check-paths'
import { SpotCheckStatusTag } from './status-tag'
import { checkLine, percentText } from './format'

/** One check in a list; a tap opens it. */
export function CheckRow({ check, id }: { check: SpotCheckSummary; id: string }) {
  return (
    <View className='account-list__row spot-check-row' id={id} onClick={() => void Taro.navigateTo({ url: spotCheckPage(check.id) })}>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>{check.personName}</Text>
        {check.status === 'scored' ? <Text className='spot-check-row__percent'>{percentText(check.rubricPercent)}</Text> : null}
        <SpotCheckStatusTag status={check.status} />
      </View>
      <View className='account-list__meta'>
        <Text>{checkLine(check)}</Text>
        {check.commented ? <Text className='spot-check-row__commented'>有反馈意见</Text> : null}
      </View>
    </View>
  )
}
