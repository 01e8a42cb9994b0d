import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
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

/** The foot of a page form: why the server refused, if it did, above the full-width submit button. */
export function SubmitFooter({
  errorId,
  refusal,
  submitId,
  busy,
  danger,
  onSubmit,
  children,
}: {
  errorId: string
  refusal: string | null
  submitId: string
  busy: boolean
  danger?: boolean
  onSubmit: () => void
  children: ReactNode
}) {
  return (
    <>
      {refusal ? (
        <View className='account-notice account-notice--error' id={errorId}>
          <Text>{refusal}</Text>
        </View>
      ) : null}

      <View className='record__submit'>
        <Button id={submitId} type={danger ? 'danger' : 'primary'} block loading={busy} disabled={busy} onClick={onSubmit}>
          {children}
        </Button>
      </View>
    </>
  )
}
