import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, Switch, TextArea } from '@nutui/nutui-react-taro'
import {
  MAX_FIRST_REPLY_MINUTES,
  MAX_SCREENSHOTS,
  RUBRIC_MAX,
  SPOT_CHECK_COMMENT_MAX,
  SPOT_CHECK_NOTES_MAX,
  firstReplyMinutesSchema,
  rubricHints,
  rubricKeys,
  rubricLabels,
  rubricPercentOf,
  rubricScoreSchema,
  spotCheckCommentSchema,
  spotCheckNotesSchema,
  type RubricKey,
  type SpotCheckDetail,
} from '@contract'
import { fieldIssues } from '@/services/accounts'
import { commentSpotCheck, scoreSpotCheck, uploadSpotCheckScreenshot } from '@/services/spot-checks'
import { FormField } from '@/components/record/form-field'
import { ChoiceChips } from '@/components/record/filter-chips'
import { firstIssue, perform, type ActionOutcome } from '@/components/record/outcome'
import { ImageUploadField, type Shot } from '@/components/record/images'

type Outcome = ActionOutcome<SpotCheckDetail>

/** Field ids: `#check-clarity`, `#check-courtesy`, `#check-info`, each option `-0`…`-5`. */
export const rubricFieldIds: Record<RubricKey, string> = { clarity: 'check-clarity', courtesy: 'check-courtesy', infoHandling: 'check-info' }

const scoreOptions = Array.from({ length: RUBRIC_MAX + 1 }, (_, i) => ({ value: String(i), label: String(i) }))

type Field = 'firstReplyMinutes' | RubricKey | 'notes'
const FIELDS: Field[] = ['firstReplyMinutes', ...rubricKeys, 'notes']

/** The firstReplyMinutes the form stands for, or why it cannot be sent. */
function firstReplyOf(text: string, unobserved: boolean): { value: number | null; issue: string | null } {
  if (unobserved) return { value: null, issue: null }
  if (text.trim() === '') return { value: null, issue: '请填写首次回复用时，或选择“未观察到”' }
  const value = Number(text.trim())
  return { value, issue: firstIssue(firstReplyMinutesSchema.safeParse(value)) }
}

/** The checker's form: short, each part checked as it is filled in with the rules the server applies. */
export function ScoreForm({ detail, onOutcome }: { detail: SpotCheckDetail; onOutcome: (outcome: Outcome) => void }) {
  const [firstReply, setFirstReply] = useState('')
  const [unobserved, setUnobserved] = useState(false)
  const [rubric, setRubric] = useState<Record<RubricKey, number | null>>({ clarity: null, courtesy: null, infoHandling: null })
  const [notes, setNotes] = useState('')
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({})
  const [serverErrors, setServerErrors] = useState<Partial<Record<Field, string>>>({})
  const [busy, setBusy] = useState(false)
  // Screenshots go into storage as soon as they are picked, so submitting waits for nothing but the record.
  const [shots, setShots] = useState<Shot[]>([])
  const [uploading, setUploading] = useState(0)

  const reply = firstReplyOf(firstReply, unobserved)
  const check = (field: Field): string | null => {
    if (field === 'firstReplyMinutes') return reply.issue
    if (field === 'notes') return firstIssue(spotCheckNotesSchema.safeParse(notes))
    const value = rubric[field]
    return value === null ? '请为此项打分' : firstIssue(rubricScoreSchema.safeParse(value))
  }
  const errorOf = (field: Field) => (touched[field] ? (serverErrors[field] ?? check(field)) : null)
  const touch = (field: Field) => {
    setTouched((previous) => ({ ...previous, [field]: true }))
    setServerErrors((previous) => ({ ...previous, [field]: undefined }))
  }
  const complete = rubricKeys.every((key) => rubric[key] !== null)
  const percent = complete ? rubricPercentOf({ clarity: rubric.clarity ?? 0, courtesy: rubric.courtesy ?? 0, infoHandling: rubric.infoHandling ?? 0 }) : null

  const submit = async () => {
    if (busy) return
    setTouched(Object.fromEntries(FIELDS.map((f) => [f, true])))
    if (FIELDS.some((field) => check(field) !== null) || percent === null) {
      void Taro.showToast({ title: '请先修正标红的内容', icon: 'none', duration: 2000 })
      return
    }
    if (uploading > 0) {
      void Taro.showToast({ title: '截图还在上传，请稍候', icon: 'none', duration: 2000 })
      return
    }
    const { confirm } = await Taro.showModal({ title: '提交评分', content: `沟通评分 ${percent} 分。提交后不能修改，员工会收到结果。`, confirmText: '提交' })
    if (!confirm) return
    setBusy(true)
    await perform(
      () =>
        scoreSpotCheck(detail.id, {
          firstReplyMinutes: reply.value,
          rubric: { clarity: rubric.clarity ?? 0, courtesy: rubric.courtesy ?? 0, infoHandling: rubric.infoHandling ?? 0 },
          notes,
          screenshots: shots.flatMap((shot) => (shot.fileID ? [shot.fileID] : [])),
        }),
      '已提交评分',
      onOutcome,
      (err) => {
        const issues = fieldIssues(err)
        const rubricIssue = issues.rubric
        const known: Partial<Record<Field, string>> = {
          firstReplyMinutes: issues.firstReplyMinutes,
          notes: issues.notes,
          ...(rubricIssue ? { clarity: rubricIssue } : {}),
        }
        const any = Object.values(known).some(Boolean)
        if (any) setServerErrors(known)
        return any
      },
    )
    setBusy(false)
  }

  return (
    <View className='record__form card' id='check-form'>
      <Text className='record-form__title'>评分</Text>
      <FormField
        id='check-first-reply'
        label='首次回复用时（工作分钟）'
        required={!unobserved}
        hint={`从客户发消息到首次回复，0-${MAX_FIRST_REPLY_MINUTES}`}
        error={errorOf('firstReplyMinutes')}
      >
        <Input
          type='digit'
          placeholder={unobserved ? '未观察到' : '例如 15'}
          maxLength={4}
          disabled={unobserved}
          value={unobserved ? '' : firstReply}
          onChange={(value: string) => {
            setFirstReply(value)
            touch('firstReplyMinutes')
          }}
        />
      </FormField>
      {/* The whole row is the control: a tap anywhere flips it; the switch only shows it. */}
      <View
        id='check-first-reply-unobserved'
        className='switch-row'
        onClick={() => {
          setUnobserved((value) => !value)
          touch('firstReplyMinutes')
        }}
      >
        <View className='switch-row__text'>
          <Text className='switch-row__title'>未观察到首次回复</Text>
          <Text className='switch-row__hint'>抽查的对话里没有可计时的客户消息</Text>
        </View>
        <Switch checked={unobserved} loadingIcon={null} />
      </View>

      {rubricKeys.map((key) => (
        <FormField key={key} id={rubricFieldIds[key]} label={`${rubricLabels[key]}（0-${RUBRIC_MAX}分）`} required error={errorOf(key)}>
          <Text className='spot-check__rubric-hint'>{rubricHints[key]}</Text>
          <ChoiceChips
            idPrefix={rubricFieldIds[key]}
            options={scoreOptions}
            selected={rubric[key] === null ? null : String(rubric[key])}
            onSelect={(value) => {
              setRubric((previous) => ({ ...previous, [key]: Number(value) }))
              touch(key)
            }}
          />
        </FormField>
      ))}
      <Text className='spot-check__preview' id='check-percent-preview'>
        {percent === null ? '三项打分后显示沟通评分' : `沟通评分 ${percent} 分`}
      </Text>

      <FormField id='check-notes' label='评语' error={errorOf('notes')}>
        <TextArea
          placeholder='做得好的和要改进的，员工会看到'
          maxLength={SPOT_CHECK_NOTES_MAX}
          showCount
          rows={3}
          value={notes}
          onChange={(value: string) => {
            setNotes(value)
            touch('notes')
          }}
        />
      </FormField>
      <FormField id='check-screenshots' label={`对话截图（最多${MAX_SCREENSHOTS}张）`}>
        <ImageUploadField
          idPrefix='check-shot'
          addId='check-upload'
          addText='添加截图'
          errorId='check-upload-error'
          max={MAX_SCREENSHOTS}
          upload={uploadSpotCheckScreenshot}
          shots={shots}
          onChange={setShots}
          onUploadingChange={(delta) => setUploading((count) => count + delta)}
        />
      </FormField>
      <View className='record__submit'>
        <Button id='check-submit' type='primary' block loading={busy} disabled={busy} onClick={() => void submit()}>
          {uploading > 0 ? '截图上传中…' : '提交评分'}
        </Button>
      </View>
    </View>
  )
}

/** The person's one answer to the result. */
export function CommentForm({ detail, onOutcome }: { detail: SpotCheckDetail; onOutcome: (outcome: Outcome) => void }) {
  const [comment, setComment] = useState('')
  const [touched, setTouched] = useState(false)
  const [serverError, setServerError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const issue = firstIssue(spotCheckCommentSchema.safeParse(comment))
  const error = touched ? (serverError ?? issue) : null

  const submit = async () => {
    setTouched(true)
    if (busy || issue) return
    setBusy(true)
    await perform(() => commentSpotCheck(detail.id, comment), '已提交', onOutcome, (err) => {
      const message = fieldIssues(err).comment
      if (message) setServerError(message)
      return Boolean(message)
    })
    setBusy(false)
  }

  return (
    <View className='record__form card' id='check-comment-form'>
      <Text className='record-form__title'>反馈意见</Text>
      <Text className='record-form__text'>对结果有说明或不同看法可以写在这里，评分人会收到。只能提交一次。</Text>
      <FormField id='check-comment' label='你的意见' required error={error}>
        <TextArea
          placeholder='例如当时的情况、已做的补救'
          maxLength={SPOT_CHECK_COMMENT_MAX}
          showCount
          rows={3}
          value={comment}
          onChange={(value: string) => {
            setComment(value)
            setTouched(true)
            setServerError(null)
          }}
        />
      </FormField>
      <View className='record__submit'>
        <Button id='check-comment-submit' type='primary' block loading={busy} disabled={busy} onClick={() => void submit()}>
          提交意见
        </Button>
      </View>
    </View>
  )
}
