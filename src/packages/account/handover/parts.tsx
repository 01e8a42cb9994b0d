import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { cancelHandoverInput, checklistLabels, type ChecklistItem, type HandoverDetail, type PersonSummary } from '@contract'
import { fieldIssues, formatShanghaiTime, hasCode } from '@/services/accounts'
import { messageOf } from '@/services/feedback'
import { cancelHandover, closeHandover, designateReceiver, tickChecklist } from '@/services/handovers'
import { InlineError } from '@/components/state-views'
import { FormField } from '@/components/record/form-field'
import { FormActions } from '@/components/record/form-actions'
import { PersonPicker } from '@/components/record/person-picker'
import { firstIssue, perform, type ActionOutcome } from '@/components/record/outcome'

type Outcome = ActionOutcome<HandoverDetail>

interface PartProps {
  detail: HandoverDetail
  onOutcome: (outcome: Outcome) => void
}

/** The receiver, or for the head who must name one, a picker of colleagues in the holder's department. */
export function ReceiverSection({ detail, onOutcome }: PartProps) {
  const [chosen, setChosen] = useState<PersonSummary | null>(null)
  // Open from the start: naming the receiver is what the head came here to do.
  const [choosing, setChoosing] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const canDesignate = detail.available.includes('designate')

  const confirm = async () => {
    if (busy) return
    if (!chosen) {
      setError('请先选择接收人')
      return
    }
    setBusy(true)
    setError(null)
    await perform(() => designateReceiver(detail.id, chosen.id), '已指定接收人', onOutcome, (err) => {
      if (!hasCode(err, 'RECEIVER_INVALID')) return false
      setError(messageOf(err))
      return true
    })
    setBusy(false)
  }

  return (
    <View className='card handover__receiver' id='handover-receiver'>
      <Text className={detail.receiverName ? 'handover__receiver-name' : 'handover__receiver-none'}>
        {detail.receiverName ?? (canDesignate ? '请从本部门同事中指定接收人' : '等待部门负责人指定接收人')}
      </Text>
      {canDesignate ? (
        <View className='handover__designate' id='handover-designate'>
          <PersonPicker
            idPrefix='designate'
            departmentId={detail.departmentId}
            excludeIds={[detail.holderId]}
            selected={chosen}
            open={choosing}
            onOpenChange={setChoosing}
            placeholder='请选择接收人'
            onSelect={(person) => {
              setChosen(person)
              setError(null)
            }}
          />
          <InlineError id='designate-error' message={error} />
          <Button id='designate-confirm' type='primary' block loading={busy} disabled={busy} onClick={() => void confirm()}>
            {chosen ? `指定 ${chosen.name} 为接收人` : '指定接收人'}
          </Button>
        </View>
      ) : null}
    </View>
  )
}

function responsibleText(detail: HandoverDetail, responsible: HandoverDetail['checklist'][number]['responsible']): string {
  if (responsible === 'holder') return `本人（${detail.holderName}）`
  if (responsible === 'receiver') return detail.receiverName ? `接收人（${detail.receiverName}）` : '接收人'
  return '行政部'
}

export function Checklist({ detail, onOutcome }: PartProps) {
  const [ticking, setTicking] = useState<ChecklistItem | null>(null)

  const tick = async (item: ChecklistItem) => {
    if (ticking) return
    setTicking(item)
    await perform(() => tickChecklist(detail.id, item), '已勾选', onOutcome)
    setTicking(null)
  }

  return (
    <View className='card handover__checklist' id='handover-checklist'>
      {detail.checklist.map((entry) => {
        const done = Boolean(entry.doneAt)
        return (
          <View key={entry.item} id={`check-${entry.item}`} className={`handover__check${done ? ' handover__check--done' : ''}`}>
            <View className='handover__check-mark'>
              <Text>{done ? '✓' : ''}</Text>
            </View>
            <View className='handover__check-body'>
              <Text className='handover__check-label'>{checklistLabels[entry.item]}</Text>
              <Text className='handover__check-who'>负责：{responsibleText(detail, entry.responsible)}</Text>
              {done ? (
                <Text className='handover__check-done'>
                  {entry.doneByName ?? ''} 于 {formatShanghaiTime(entry.doneAt as string)} 勾选
                </Text>
              ) : null}
            </View>
            {entry.canTick && !done ? (
              <Button
                id={`tick-${entry.item}`}
                size='small'
                type='primary'
                loading={ticking === entry.item}
                disabled={ticking !== null}
                onClick={() => void tick(entry.item)}
              >
                完成
              </Button>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}

/** Closing is for admins once every item is ticked; cancelling for the head or an admin, with a reason. */
export function CloseAndCancel({ detail, onOutcome }: PartProps) {
  const [closing, setClosing] = useState<'transfer' | 'close' | null>(null)
  const [cancelOpen, setCancelOpen] = useState(false)
  const canClose = detail.available.includes('close')
  const canCancel = detail.available.includes('cancel')
  if (!canClose && !canCancel) return null

  const complete = detail.done >= detail.total
  const close = async (outcome: 'transfer' | 'close') => {
    if (closing || !complete) return
    // Transferring is what the checklist prepared, so the tick list is its confirmation; closing the account for good asks again.
    if (outcome === 'close') {
      const answer = await Taro.showModal({
        title: '注销账号',
        content: `账号 ${detail.accountWechatId} 将注销，不能再使用${detail.leaving ? `，${detail.holderName} 将标记为已离职` : ''}。确认办结？`,
        confirmText: '确认注销',
        confirmColor: '#e34d59',
      }).catch(() => ({ confirm: false }))
      if (!answer.confirm) return
    }
    setClosing(outcome)
    await perform(() => closeHandover(detail.id, outcome), '交接已办结', onOutcome)
    setClosing(null)
  }

  return (
    <View className='page-section'>
      <View className='record__actions card' id='handover-actions'>
        {canClose ? (
          <>
            <Text className='record-form__text handover__close-note' id='handover-close-note'>
              {complete ? '清单已全部完成，请选择办结方式。' : `清单完成 ${detail.done}/${detail.total}，全部完成后才能办结。`}
            </Text>
            <View className='record__buttons'>
              <Button
                id='handover-close-transfer'
                className='record__button'
                type='primary'
                disabled={!complete || closing !== null || !detail.receiverId}
                loading={closing === 'transfer'}
                onClick={() => void close('transfer')}
              >
                转交接收人
              </Button>
              <Button
                id='handover-close-account'
                className='record__button'
                type='danger'
                fill='outline'
                disabled={!complete || closing !== null}
                loading={closing === 'close'}
                onClick={() => void close('close')}
              >
                注销账号
              </Button>
            </View>
          </>
        ) : null}
        {canCancel ? (
          <View className='handover__cancel'>
            {cancelOpen ? (
              <CancelForm detail={detail} onCancel={() => setCancelOpen(false)} onOutcome={(o) => {
                if (o.done || o.stale) setCancelOpen(false)
                onOutcome(o)
              }} />
            ) : (
              <Button id='handover-cancel' block fill='none' type='default' onClick={() => setCancelOpen(true)}>
                取消交接
              </Button>
            )}
          </View>
        ) : null}
      </View>
    </View>
  )
}

function CancelForm({ detail, onCancel, onOutcome }: PartProps & { onCancel: () => void }) {
  const [comment, setComment] = useState('')
  const [touched, setTouched] = useState(false)
  const [serverError, setServerError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const check = (value: string) => firstIssue(cancelHandoverInput.shape.comment.safeParse(value))
  const error = touched ? (serverError ?? check(comment)) : null

  const confirm = async () => {
    setTouched(true)
    if (busy || check(comment)) return
    setBusy(true)
    await perform(() => cancelHandover(detail.id, comment), '已取消交接', onOutcome, (err) => {
      const message = fieldIssues(err).comment
      if (message) setServerError(message)
      return Boolean(message)
    })
    setBusy(false)
  }

  return (
    <View className='record-form' id='handover-cancel-form'>
      <Text className='record-form__title'>取消交接</Text>
      <Text className='record-form__text'>取消后账号恢复交接前的状态，已勾选的清单作废。</Text>
      <FormField id='handover-cancel-comment' label='取消原因' required error={error}>
        <TextArea
          placeholder='例如：员工留任，不再交接'
          maxLength={200}
          rows={3}
          value={comment}
          onChange={(value: string) => {
            setComment(value)
            setServerError(null)
            setTouched(true)
          }}
        />
      </FormField>
      <FormActions
        idPrefix='handover-cancel'
        confirmId='handover-cancel-confirm'
        confirmText='确认取消交接'
        danger
        busy={busy}
        onCancel={onCancel}
        onConfirm={() => void confirm()}
      />
    </View>
  )
}
