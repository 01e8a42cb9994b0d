import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { DEFAULT_RETENTION_MONTHS, MIN_RETENTION_MONTHS, retentionSettingsSchema, type RetentionOverview, type RetentionRunSummary } from '@contract'
import { fieldIssues, formatShanghaiTime } from '@/services/accounts'
import { messageOf, showSuccess } from '@/services/feedback'
import { getRetentionSettings, updateRetentionSettings } from '@/services/retention'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, InlineError, PageLoading } from '@/components/state-views'
import { useLoaded } from '@/hooks/use-loaded'
import { FormField } from '@/components/record/form-field'
import '@/components/record/page.scss'
import '@/components/record/record.scss'

/** Collection names as staff know them, for the last run's counts. */
const collectionLabels: Record<string, string> = {
  people: '花名册',
  account_applications: '开通申请',
  accounts: '业务微信账号',
  delegations: '代操作',
  handovers: '账号交接',
  anomalies: '异常报告',
  customers: '客户档案',
  customer_contacts: '联系记录',
  customer_feedback: '客户反馈',
  follow_ups: '跟进计划',
  archive_records: '资料备份',
  archive_confirmations: '月度整理确认',
  business_groups: '业务群',
  marketing_items: '营销素材',
  marketing_pushes: '素材推送',
  tasks: '任务',
  spot_checks: '抽查',
  violations: '违规记录',
  notice_receipts: '通知回执',
  policy_acks: '制度确认',
  self_checks: '安全自查',
  reply_stats: '回复统计',
  notifications: '消息记录',
  message_quota: '订阅次数',
  assessment_results: '未发布考核结果',
}

function countsText(counts: Record<string, number>): string {
  const parts = Object.entries(counts).map(([collection, n]) => `${collectionLabels[collection] ?? collection} ${n}`)
  return parts.length > 0 ? parts.join('、') : '无'
}

function LastRun({ run }: { run: RetentionRunSummary | null }) {
  if (!run) return <Text id='retention-last-run'>尚未运行（每天北京时间03:00自动运行）</Text>
  return (
    <View id='retention-last-run' className='record__fields'>
      <Text>
        {formatShanghaiTime(run.at)}，保留期 {run.periodMonths} 个月，处理 {run.personIds.length} 人{run.complete ? '' : `，尚余 ${run.remaining} 人将在之后每小时继续`}
      </Text>
      <Text id='retention-last-deleted'>删除：{countsText(run.deleted)}</Text>
      <Text id='retention-last-anonymized'>匿名化：{countsText(run.anonymized)}</Text>
    </View>
  )
}

function RetentionScreen() {
  const { data, error, reload, setData } = useLoaded(useCallback(() => getRetentionSettings(), []))
  const [draft, setDraft] = useState<string | null>(null)
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  if (error) return <ErrorState id='retention-load-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  const value = draft ?? String(data.periodMonths)

  const save = async () => {
    const parsed = retentionSettingsSchema.safeParse({ periodMonths: Number(value) })
    if (!parsed.success || value.trim() === '') {
      setFieldError(parsed.success ? '请填写保留期' : (parsed.error.issues[0]?.message ?? '请填写保留期'))
      return
    }
    setSaving(true)
    setRefusal(null)
    try {
      const saved: RetentionOverview = await updateRetentionSettings(parsed.data)
      setData(saved)
      setDraft(null)
      showSuccess('已保存')
    } catch (err) {
      const found = fieldIssues(err)
      if (found.periodMonths) setFieldError(found.periodMonths)
      else setRefusal(messageOf(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='account-page record'>
      <View className='record__head card'>
        <Text className='record__title'>个人数据保留</Text>
        <Text className='record__when' id='retention-purpose'>
          员工离职满保留期后，系统每天自动删除或匿名化其个人数据；审计日志和已发布的考核结果保留。
        </Text>
      </View>
      <View className='record__form card'>
        <FormField id='retention-period' label='离职后保留（月）' required hint={`${data.isDefault ? `当前为默认值${DEFAULT_RETENTION_MONTHS}个月，` : ''}不少于${MIN_RETENTION_MONTHS}个月`} error={fieldError}>
          <Input
            type='number'
            value={value}
            onChange={(next: string) => {
              setDraft(next)
              setFieldError(null)
            }}
          />
        </FormField>
      </View>
      <InlineError id='retention-error' message={refusal} />
      <View className='record__submit'>
        <Button id='retention-save' type='primary' block loading={saving} disabled={saving} onClick={() => void save()}>
          保存
        </Button>
      </View>
      <View className='record__section card'>
        <Text className='record__title'>最近一次运行</Text>
        <LastRun run={data.lastRun} />
      </View>
    </View>
  )
}

export default function RetentionPage() {
  return <SessionGate roles={['admin']}>{() => <RetentionScreen />}</SessionGate>
}
