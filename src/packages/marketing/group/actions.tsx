import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { reviewGroupInput, type GroupDetail } from '@contract'
import { fieldIssues } from '@/services/accounts'
import { dissolveGroup, reviewGroup } from '@/services/groups'
import { FormField } from '@/components/record/form-field'
import { FormActions } from '@/components/record/form-actions'
import { ChoiceChips } from '@/components/record/filter-chips'
import { firstIssue, perform, type ActionOutcome } from '@/components/record/outcome'
import { groupEdit } from '../paths'

type Outcome = ActionOutcome<GroupDetail>
type Mode = 'review' | 'dissolve'
type Answer = 'yes' | 'no'

const answers = [
  { value: 'yes' as const, label: '是' },
  { value: 'no' as const, label: '否' },
]

export function GroupActions({ detail, onOutcome }: { detail: GroupDetail; onOutcome: (outcome: Outcome) => void }) {
  const [mode, setMode] = useState<Mode | null>(null)
  const can = (event: GroupDetail['available'][number]) => detail.available.includes(event)
  if (detail.available.length === 0) return null
  const finish = (outcome: Outcome) => {
    if (outcome.done || outcome.stale) setMode(null)
    onOutcome(outcome)
  }
  const toggle = (next: Mode) => setMode(mode === next ? null : next)

  return (
    <View className='record__actions card' id='group-actions'>
      <View className='record__buttons'>
        {can('review') ? (
          <Button id='group-review' className='record__button' type='primary' fill={mode === 'review' ? 'solid' : 'outline'} onClick={() => toggle('review')}>
            复核
          </Button>
        ) : null}
        {can('update') ? (
          <Button id='group-edit' className='record__button' fill='outline' onClick={() => void Taro.navigateTo({ url: groupEdit(detail.id) })}>
            修改登记
          </Button>
        ) : null}
        {can('dissolve') ? (
          <Button id='group-dissolve' className='record__button' type='danger' fill={mode === 'dissolve' ? 'solid' : 'outline'} onClick={() => toggle('dissolve')}>
            已解散
          </Button>
        ) : null}
      </View>
      {mode === 'review' && can('review') ? <ReviewForm detail={detail} onCancel={() => setMode(null)} onOutcome={finish} /> : null}
      {mode === 'dissolve' && can('dissolve') ? <DissolveForm detail={detail} onCancel={() => setMode(null)} onOutcome={finish} /> : null}
    </View>
  )
}

interface FormProps {
  detail: GroupDetail
  onCancel: () => void
  onOutcome: (outcome: Outcome) => void
}

function ReviewForm({ detail, onCancel, onOutcome }: FormProps) {
  const [needed, setNeeded] = useState<Answer | null>(null)
  const [relevant, setRelevant] = useState<Answer | null>(null)
  const [note, setNote] = useState('')
  const [touched, setTouched] = useState(false)
  const [serverError, setServerError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const parsed = reviewGroupInput.safeParse({
    id: detail.id,
    stillNeeded: needed === null ? undefined : needed === 'yes',
    membersRelevant: relevant === null ? undefined : relevant === 'yes',
    note,
  })
  const errorOf = (field: 'stillNeeded' | 'membersRelevant' | 'note') => (touched ? firstIssue(parsed, field) : null)

  const confirm = async () => {
    setTouched(true)
    if (busy || !parsed.success) return
    setBusy(true)
    await perform(() => reviewGroup(detail.id, parsed.data.stillNeeded, parsed.data.membersRelevant, note), '已复核', onOutcome, (err) => {
      const message = fieldIssues(err).note
      if (message) setServerError(message)
      return Boolean(message)
    })
    setBusy(false)
  }

  return (
    <View className='record-form' id='group-review-form'>
      <Text className='record-form__title'>复核业务群</Text>
      <FormField id='group-review-needed' label='这个群还需要保留吗？' required error={errorOf('stillNeeded')}>
        <ChoiceChips idPrefix='group-review-needed' options={answers} selected={needed} danger={['no']} onSelect={setNeeded} />
      </FormField>
      <FormField id='group-review-relevant' label='群成员都还与业务相关吗？' required error={errorOf('membersRelevant')}>
        <ChoiceChips idPrefix='group-review-relevant' options={answers} selected={relevant} danger={['no']} onSelect={setRelevant} />
      </FormField>
      {needed === 'no' ? (
        <Text className='record-form__warning' id='group-review-dissolve-hint'>
          不再需要的群请在微信中解散，再回到这里标记为已解散。
        </Text>
      ) : null}
      <FormField id='group-review-note' label='说明' error={serverError ?? errorOf('note')}>
        <TextArea
          placeholder='例如：已移出两名离职客户'
          maxLength={200}
          rows={2}
          value={note}
          onChange={(value: string) => {
            setNote(value)
            setServerError(null)
          }}
        />
      </FormField>
      <FormActions idPrefix='group-review' confirmId='group-review-confirm' confirmText='提交复核' busy={busy} onCancel={onCancel} onConfirm={() => void confirm()} />
    </View>
  )
}

function DissolveForm({ detail, onCancel, onOutcome }: FormProps) {
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)

  const confirm = async () => {
    if (busy) return
    setBusy(true)
    await perform(() => dissolveGroup(detail.id, note), '已标记解散', onOutcome)
    setBusy(false)
  }

  return (
    <View className='record-form' id='group-dissolve-form'>
      <Text className='record-form__title'>标记为已解散</Text>
      <Text className='record-form__text'>请先在微信中解散该群。标记后不能再修改或复核。</Text>
      <FormField id='group-dissolve-note' label='说明'>
        <TextArea placeholder='例如：项目已结束' maxLength={200} rows={2} value={note} onChange={(value: string) => setNote(value)} />
      </FormField>
      <FormActions idPrefix='group-dissolve' confirmId='group-dissolve-confirm' confirmText='确认已解散' danger busy={busy} onCancel={onCancel} onConfirm={() => void confirm()} />
    </View>
  )
}
