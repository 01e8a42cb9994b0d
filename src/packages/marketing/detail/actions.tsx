import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { REVIEW_COMMENT_MAX, reviewMarketingInput, type MarketingDetail } from '@contract'
import { fieldIssues } from '@/services/accounts'
import { reviewMarketing, withdrawMarketing } from '@/services/marketing'
import { FormField } from '@/components/record/form-field'
import { FormActions } from '@/components/record/form-actions'
import { firstIssue, perform, type ActionOutcome } from '@/components/record/outcome'
import { pushPage, resubmitFrom } from '../paths'

type Outcome = ActionOutcome<MarketingDetail>

/** The buttons for what the caller may do now; nothing shows when there is nothing to do. */
export function ItemActions({ detail, isAuthor, onOutcome }: { detail: MarketingDetail; isAuthor: boolean; onOutcome: (outcome: Outcome) => void }) {
  const [rejecting, setRejecting] = useState(false)
  const [busy, setBusy] = useState<'approve' | 'withdraw' | null>(null)
  const can = (event: MarketingDetail['available'][number]) => detail.available.includes(event)
  const resubmit = isAuthor && (detail.status === 'rejected' || detail.status === 'withdrawn')
  if (detail.available.length === 0 && !detail.canPush && !resubmit) return null

  const finish = (outcome: Outcome) => {
    if (outcome.done || outcome.stale) setRejecting(false)
    onOutcome(outcome)
  }

  const approve = async () => {
    if (busy) return
    if (detail.flagCount > 0) {
      // Approving puts it in everyone's library: the reviewer says they checked what was flagged.
      const answer = await Taro.showModal({ title: '确认通过', content: `该素材有 ${detail.flagCount} 处用语提示，确认已核实无误并通过审核？`, confirmText: '通过' })
      if (!answer.confirm) return
    }
    setBusy('approve')
    await perform(() => reviewMarketing(detail.id, 'approve', ''), '已通过', finish)
    setBusy(null)
  }

  const withdraw = async () => {
    if (busy) return
    const answer = await Taro.showModal({ title: '撤回素材', content: '撤回后审核人将不再处理，可修改后重新提交。确认撤回？', confirmText: '撤回' })
    if (!answer.confirm) return
    setBusy('withdraw')
    await perform(() => withdrawMarketing(detail.id), '已撤回', finish)
    setBusy(null)
  }

  return (
    <View className='record__actions card' id='marketing-actions'>
      <View className='record__buttons'>
        {can('approve') ? (
          <Button id='marketing-approve' className='record__button' type='success' loading={busy === 'approve'} disabled={busy !== null} onClick={() => void approve()}>
            通过
          </Button>
        ) : null}
        {can('reject') ? (
          <Button id='marketing-reject' className='record__button' type='danger' fill={rejecting ? 'solid' : 'outline'} disabled={busy !== null} onClick={() => setRejecting(!rejecting)}>
            驳回
          </Button>
        ) : null}
        {can('withdraw') ? (
          <Button id='marketing-withdraw' className='record__button' fill='outline' loading={busy === 'withdraw'} disabled={busy !== null} onClick={() => void withdraw()}>
            撤回
          </Button>
        ) : null}
        {detail.canPush ? (
          <Button id='marketing-record-push' className='record__button' type='primary' onClick={() => void Taro.navigateTo({ url: pushPage(detail.id) })}>
            记录推送
          </Button>
        ) : null}
        {resubmit ? (
          <Button id='marketing-resubmit' className='record__button' type='primary' fill='outline' onClick={() => void Taro.navigateTo({ url: resubmitFrom(detail.id) })}>
            修改后重新提交
          </Button>
        ) : null}
      </View>
      {rejecting && can('reject') ? <RejectForm detail={detail} onCancel={() => setRejecting(false)} onOutcome={finish} /> : null}
    </View>
  )
}

function RejectForm({ detail, onCancel, onOutcome }: { detail: MarketingDetail; onCancel: () => void; onOutcome: (outcome: Outcome) => void }) {
  const [comment, setComment] = useState('')
  const [touched, setTouched] = useState(false)
  const [serverError, setServerError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const check = (value: string) => firstIssue(reviewMarketingInput.safeParse({ id: detail.id, decision: 'reject', comment: value }), 'comment')
  const error = touched ? (serverError ?? check(comment)) : null

  const confirm = async () => {
    setTouched(true)
    if (busy || check(comment)) return
    setBusy(true)
    await perform(() => reviewMarketing(detail.id, 'reject', comment), '已驳回', onOutcome, (err) => {
      const message = fieldIssues(err).comment
      if (message) setServerError(message)
      return Boolean(message)
    })
    setBusy(false)
  }

  return (
    <View className='record-form' id='marketing-reject-form'>
      <Text className='record-form__title'>驳回素材</Text>
      <FormField id='marketing-reject-comment' label='驳回原因' required error={error}>
        <TextArea
          placeholder='哪里需要修改，例如：删除“国家级”，价格以报价单为准'
          maxLength={REVIEW_COMMENT_MAX}
          rows={3}
          value={comment}
          onChange={(value: string) => {
            setComment(value)
            setServerError(null)
            setTouched(true)
          }}
        />
      </FormField>
      <FormActions idPrefix='marketing-reject' confirmId='marketing-reject-confirm' confirmText='确认驳回' danger busy={busy} onCancel={onCancel} onConfirm={() => void confirm()} />
    </View>
  )
}
