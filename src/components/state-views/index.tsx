import { Image, Text, View } from '@tarojs/components'
import { Button, Empty, Loading } from '@nutui/nutui-react-taro'
import emptyImage from '@/assets/empty.png'
import { idProps } from '@/components/id-props'
import './index.scss'

export function PageLoading({ text = '加载中…', id }: { text?: string; id?: string }) {
  return (
    <View className='state-view state-view--loading' {...idProps(id)}>
      <Loading type='circular'>{text}</Loading>
    </View>
  )
}

export function EmptyState({ id, title, description }: { id?: string; title: string; description?: string }) {
  return (
    <View className='state-view' {...idProps(id)}>
      <Empty
        // NutUI's default picture comes from a CDN the mini program may not reach.
        image={<Picture />}
        title={title}
        description={description}
        size='small'
      />
    </View>
  )
}

export function ErrorState({
  id,
  message,
  onRetry,
}: {
  id?: string
  message: string
  onRetry?: () => void
}) {
  return (
    <View className='state-view state-view--error' {...idProps(id)}>
      <Empty image={<Picture />} title='出错了' description={message} size='small' status='error' />
      {onRetry ? (
        <Button className='state-view__retry' size='small' fill='outline' type='primary' onClick={onRetry}>
          重试
        </Button>
      ) : null}
    </View>
  )
}

function Picture() {
  return <Image className='state-view__image' src={emptyImage} mode='aspectFit' />
}

/** A short inline message under a form control. */
export function InlineError({ id, message }: { id?: string; message: string | null }) {
  if (!message) return null
  return (
    <Text className='inline-error' {...idProps(id)}>
      {message}
    </Text>
  )
}
