import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { cancelTaskInput, errorMessages, taskNoteSchema, taskProgressSchema, type TaskDetail, type TaskEvent } from '@contract'
import { fieldIssues, hasCode, shanghaiToday } from '@/services/accounts'
import { cancelTask, changeTaskDue, completeTask, updateTaskProgress } from '@/services/tasks'
import { FormField } from '@/components/record/form-field'
import { FormActions } from '@/components/record/form-actions'
import { firstIssue, perform, type ActionOutcome } from '@/components/record/outcome'

type Outcome = ActionOutcome<TaskDetail>

interface ActionsProps {
  detail: TaskDetail
  onOutcome: (outcome: Outcome) => void
}

/** Only what the server says the caller can do now is offered. */
export function TaskActions({ detail, onOutcome }: ActionsProps) {
  const can = (event: TaskEvent) => detail.available.includes(event)
  const [cancelling, setCancelling] = useState(false)
  const [completing, setCompleting] = useState(false)
  const [movingDue, setMovingDue] = useState(false)
  const [dueError, setDueError] = useState<string | null>(null)
  const [today] = useState(() => shanghaiToday())

  const complete = async () => {
    if (completing) return
    const { confirm } = await Taro.showModal({ title: '确认完成', content: '完成后不能再更新进度。', confirmText: '确认完成' })
    if (!confirm) return
    setCompleting(true)
    await perform(() => completeTask(detail.id), '已完成', onOutcome)
    setCompleting(false)
  }

  const moveDue = async (dueOn: string) => {
    if (movingDue || dueOn === detail.dueOn) return
    setMovingDue(true)
    setDueError(null)
    await perform(() => changeTaskDue(detail.id, dueOn), '已调整', onOutcome, (err) => {
      const message = hasCode(err, 'DUE_DATE_PAST') ? errorMessages.DUE_DATE_PAST : fieldIssues(err).dueOn
      if (message) setDueError(message)
      return Boolean(message)
    })
    setMovingDue(false)
  }

  return (
    <View className='record__actions card' id='task-actions'>
      {can('update') ? <ProgressForm detail={detail} onOutcome={onOutcome} /> : null}
      <View className='record__buttons'>
        {can('complete') ? (
          <Button id='task-complete' className='record__button' type='success' loading={completing} disabled={completing} onClick={() => void complete()}>
            完成任务
          </Button>
        ) : null}
        {can('cancel') ? (
          <Button id='task-cancel' className='record__button' type='danger' fill={cancelling ? 'solid' : 'outline'} onClick={() => setCancelling(!cancelling)}>
            取消任务
          </Button>
        ) : null}
      </View>
      {can('changeDue') ? (
        <FormField id='task-due-change' label='调整截止日期' required error={dueError}>
          <Picker mode='date' value={detail.dueOn} start={today} disabled={movingDue} onChange={(event) => void moveDue(String(event.detail.value))}>
            <View className='record__picker'>
              <Text>{detail.dueOn}</Text>
              <Text className='record__picker-arrow'>›</Text>
            </View>
          </Picker>
        </FormField>
      ) : null}
      {cancelling && can('cancel') ? (
        <CancelForm
          detail={detail}
          onCancel={() => setCancelling(false)}
          onOutcome={(outcome) => {
            if (outcome.done || outcome.stale) setCancelling(false)
            onOutcome(outcome)
          }}
        />
      ) : null}
    </View>
  )
}

function ProgressForm({ detail, onOutcome }: ActionsProps) {
  const [progress, setProgress] = useState(String(detail.progress))
  const [note, setNote] = useState('')
  const [touched, setTouched] = useState({ progress: false, note: false })
  const [serverErrors, setServerErrors] = useState<{ progress?: string; note?: string }>({})
  const [busy, setBusy] = useState(false)

  const value = progress.trim() === '' ? Number.NaN : Number(progress)
  const progressIssue = firstIssue(taskProgressSchema.safeParse(value))
  const noteIssue = firstIssue(taskNoteSchema.safeParse(note))
  const progressError = touched.progress ? (serverErrors.progress ?? progressIssue) : null
  const noteError = touched.note ? (serverErrors.note ?? noteIssue) : null

  const submit = async () => {
    setTouched({ progress: true, note: true })
    if (busy || progressIssue || noteIssue) return
    setBusy(true)
    await perform(
      () => updateTaskProgress(detail.id, value, note),
      '已更新',
      (outcome) => {
        if (outcome.done) {
          setNote('')
          setTouched({ progress: false, note: false })
        }
        onOutcome(outcome)
      },
      (err) => {
        const issues = fieldIssues(err)
        if (issues.progress || issues.note) setServerErrors({ progress: issues.progress, note: issues.note })
        return Boolean(issues.progress || issues.note)
      },
    )
    setBusy(false)
  }

  return (
    <View className='record-form task-progress-form' id='task-progress-form'>
      <Text className='record-form__title'>更新进度</Text>
      <FormField id='task-progress' label='完成进度（%）' required error={progressError}>
        <Input
          type='digit'
          placeholder='0-100'
          maxLength={3}
          value={progress}
          onChange={(text: string) => {
            setProgress(text)
            setTouched((t) => ({ ...t, progress: true }))
            setServerErrors((e) => ({ ...e, progress: undefined }))
          }}
        />
      </FormField>
      <FormField id='task-note' label='进展说明' required error={noteError}>
        <TextArea
          placeholder='做了什么、遇到什么问题'
          maxLength={300}
          rows={3}
          value={note}
          onChange={(text: string) => {
            setNote(text)
            setTouched((t) => ({ ...t, note: true }))
            setServerErrors((e) => ({ ...e, note: undefined }))
          }}
        />
      </FormField>
      <View className='record__submit'>
        <Button id='task-update' type='primary' block loading={busy} disabled={busy} onClick={() => void submit()}>
          提交进度
        </Button>
      </View>
    </View>
  )
}

function CancelForm({ detail, onCancel, onOutcome }: { detail: TaskDetail; onCancel: () => void; onOutcome: (outcome: Outcome) => void }) {
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const error = firstIssue(cancelTaskInput.shape.reason.safeParse(reason))

  const confirm = async () => {
    if (busy || error) return
    setBusy(true)
    await perform(() => cancelTask(detail.id, reason), '已取消', onOutcome)
    setBusy(false)
  }

  return (
    <View className='record-form' id='task-cancel-form'>
      <Text className='record-form__title'>取消任务</Text>
      <Text className='record-form__text'>取消后执行人不能再更新进度。</Text>
      <FormField id='task-cancel-reason' label='取消原因' error={error}>
        <TextArea placeholder='告诉执行人为什么不用做了' maxLength={300} rows={2} value={reason} onChange={(text: string) => setReason(text)} />
      </FormField>
      <FormActions idPrefix='task-cancel-form' confirmId='task-cancel-confirm' confirmText='确认取消' danger busy={busy} onCancel={onCancel} onConfirm={() => void confirm()} />
    </View>
  )
}
