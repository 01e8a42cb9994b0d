import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './record.scss'

/** Cancel and confirm under an inline action form; the cancel button is `<idPrefix>-cancel`. */
export function FormActions({
  idPrefix,
  confirmId,
  confirmText,
  busy,
  danger,
  onCancel,
  onConfirm,
}: {
  idPrefix: string
  confirmId: string
  confirmText: string
  busy: boolean
  danger?: boolean
  onCancel: () => void
  onConfirm: () => void
}) {
  return (
    <View className='record-form__actions'>
      <Button id={`${idPrefix}-cancel`} fill='outline' disabled={busy} onClick={onCancel}>
        取消
      </Button>
      <Button id={confirmId} type={danger ? 'danger' : 'primary'} loading={busy} disabled={busy} onClick={onConfirm}>
        {confirmText}
      </Button>
    </View>
  )
}
