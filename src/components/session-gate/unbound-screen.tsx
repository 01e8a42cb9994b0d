import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { messageOf } from '@/services/feedback'
import { bindSession, showSignIn } from '@/store/session'
import { InlineError } from '@/components/state-views'
import './unbound-screen.scss'

interface PhoneNumberDetail {
  code?: string
  errMsg?: string
}

export function UnboundScreen() {
  const [binding, setBinding] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const onGetPhoneNumber = async (event: { detail: PhoneNumberDetail }) => {
    const { code, errMsg } = event.detail ?? {}
    if (!code) {
      // The user closed the authorisation sheet, or this WeChat build cannot share the number.
      setError(errMsg && /deny|cancel/i.test(errMsg) ? '需要授权手机号才能完成绑定' : '未能获取手机号，请重试')
      return
    }
    setBinding(true)
    setError(null)
    try {
      await bindSession(code)
    } catch (err) {
      setError(messageOf(err))
      setBinding(false)
    }
  }

  return (
    <View className='unbound' id='unbound-screen'>
      <View className='unbound__badge'>
        <Text>未绑定</Text>
      </View>
      <Text className='unbound__title'>尚未绑定</Text>
      <Text className='unbound__text'>
        你的微信还没有与公司花名册中的员工身份绑定。请使用在花名册中登记的手机号完成绑定，绑定后即可使用全部功能。
      </Text>
      {process.env.TARO_ENV === 'weapp' ? (
        <View className='unbound__actions'>
          <Button
            id='bind-phone'
            type='primary'
            block
            loading={binding}
            openType='getPhoneNumber'
            onGetPhoneNumber={onGetPhoneNumber}
          >
            使用手机号绑定
          </Button>
          <Text className='unbound__hint'>手机号仅用于核对花名册，不会展示给其他人。</Text>
        </View>
      ) : (
        <View className='unbound__actions'>
          <Text className='unbound__hint' id='unbound-h5-note'>
            本地环境无法获取微信手机号。请切换为花名册中的员工身份继续。
          </Text>
          <Button id='switch-identity' type='primary' block onClick={showSignIn}>
            切换身份
          </Button>
        </View>
      )}
      <InlineError id='bind-error' message={error} />
    </View>
  )
}
