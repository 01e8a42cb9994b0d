import { View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { idProps } from '@/components/id-props'
import './index.scss'

/**
 * Where one person stands with one notice. 'pending' is still within the deadline;
 * 'overdue' is past it and not acknowledged, so the four ack states never overlap.
 */
export type ReceiptState = 'pending' | 'overdue' | 'onTime' | 'late' | 'noAck'

export function receiptState(receipt: { requireAck: boolean; acknowledgedAt: string | null; onTime: boolean | null; overdue: boolean }): ReceiptState {
  if (!receipt.requireAck) return 'noAck'
  if (receipt.acknowledgedAt) return receipt.onTime === false ? 'late' : 'onTime'
  return receipt.overdue ? 'overdue' : 'pending'
}

/** The recipient's own words for it. */
export const myReceiptLabels: Record<ReceiptState, string> = {
  pending: '待确认',
  overdue: '已逾期',
  onTime: '按时确认',
  late: '逾期确认',
  noAck: '无需确认',
}

/** The sender's words for a recipient; the same as the receipt filter's chips. */
export const recipientLabels: Record<ReceiptState, string> = {
  pending: '未确认',
  overdue: '已逾期',
  onTime: '按时',
  late: '逾期确认',
  noAck: '无需确认',
}

const tagTypes: Record<ReceiptState, 'default' | 'primary' | 'success' | 'warning' | 'danger'> = {
  pending: 'primary',
  overdue: 'danger',
  onTime: 'success',
  late: 'warning',
  noAck: 'default',
}

/** NutUI's Tag drops `id`, so the wrapper carries it. */
export function ReceiptTag({ state, labels = myReceiptLabels, id }: { state: ReceiptState; labels?: Record<ReceiptState, string>; id?: string }) {
  return (
    <View {...idProps(id)} className='receipt-tag'>
      <Tag type={tagTypes[state]} plain={state === 'noAck'}>
        {labels[state]}
      </Tag>
    </View>
  )
}
