import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { PolicyToAcknowledge } from '@/store/app'
import { routes } from '@/routes'
import './unbound-screen.scss'

/** Shown instead of any screen until the reader acknowledged the version in force. */
export function PolicyStop({ policy }: { policy: NonNullable<PolicyToAcknowledge> }) {
  return (
    <View className='unbound' id='policy-stop'>
      <View className='unbound__badge unbound__badge--info'>
        <Text>第{policy.number}版</Text>
      </View>
      <Text className='unbound__title'>请先阅读并确认管理制度</Text>
      <Text className='unbound__text'>
        《{policy.title}》已更新。阅读全文并确认后，即可继续使用。
      </Text>
      <Text id='policy-stop-due' className={`unbound__text${policy.overdue ? ' unbound__text--warn' : ''}`}>
        {policy.overdue ? `已超过确认期限（${policy.dueOn}），请尽快确认` : `请在 ${policy.dueOn} 前完成确认`}
      </Text>
      <View className='unbound__actions'>
        <Button id='policy-stop-read' type='primary' block onClick={() => void Taro.navigateTo({ url: routes.policyRead })}>
          开始阅读
        </Button>
      </View>
    </View>
  )
}
