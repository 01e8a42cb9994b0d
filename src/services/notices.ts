import type { ActionInput, ActionOutput, Notice, NoticeAudience, NoticeDetail, Receipt, ReceiptRow } from '@contract'
import { callAction } from './cloud'

export type { Notice, NoticeAudience, NoticeDetail, Receipt, ReceiptRow }

export function sendNotice(input: ActionInput<'notice.send'>): Promise<Notice> {
  return callAction('notice.send', input)
}

export function listMyNotices(query: ActionInput<'notice.listMine'>): Promise<ActionOutput<'notice.listMine'>> {
  return callAction('notice.listMine', query)
}

export function acknowledgeNotice(noticeId: string): Promise<Receipt> {
  return callAction('notice.acknowledge', { noticeId })
}

export function getNotice(noticeId: string): Promise<NoticeDetail> {
  return callAction('notice.get', { noticeId })
}

export function listSentNotices(query: ActionInput<'notice.listSent'>): Promise<ActionOutput<'notice.listSent'>> {
  return callAction('notice.listSent', query)
}

export function listReceipts(query: ActionInput<'notice.listReceipts'>): Promise<ActionOutput<'notice.listReceipts'>> {
  return callAction('notice.listReceipts', query)
}

export function listOverdueReceipts(query: ActionInput<'notice.listOverdueReceipts'>): Promise<ActionOutput<'notice.listOverdueReceipts'>> {
  return callAction('notice.listOverdueReceipts', query)
}
