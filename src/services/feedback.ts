import Taro from '@tarojs/taro'
import { errorMessages } from '@contract/errors'
import { isCloudError } from './cloud'

/** The Chinese sentence to show for any failure; the backend's wording wins when there is one. */
export function messageOf(err: unknown): string {
  if (isCloudError(err)) return err.message
  return errorMessages.INTERNAL
}

/** The single place failures become toasts. */
export function showError(err: unknown): void {
  if (!isCloudError(err)) {
    // Not a backend refusal: a bug on our side. Keep the trace for the developer console.
    console.error(err)
  }
  void Taro.showToast({ title: messageOf(err), icon: 'none', duration: 2500 })
}

export function showSuccess(title: string): void {
  void Taro.showToast({ title, icon: 'success', duration: 1500 })
}
