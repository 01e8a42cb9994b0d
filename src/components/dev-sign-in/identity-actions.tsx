import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { signOut } from '@/services/dev'
import { showError } from '@/services/feedback'
import { showSignIn } from '@/store/session'

/** H5 only: leave the borrowed identity. */
export function IdentityActions() {
  const [leaving, setLeaving] = useState(false)

  const leave = async () => {
    setLeaving(true)
    try {
      await signOut()
      showSignIn()
    } catch (err) {
      showError(err)
      setLeaving(false)
    }
  }

  return (
    <View className='identity-actions'>
      <Button id='switch-identity' block type='primary' fill='outline' onClick={showSignIn}>
        切换身份
      </Button>
      <Button id='sign-out' block type='default' loading={leaving} onClick={() => void leave()}>
        退出
      </Button>
    </View>
  )
}
