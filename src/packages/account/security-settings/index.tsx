import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { securitySettingsSchema, type SecuritySettings } from '@contract'
import { fieldIssues } from '@/services/accounts'
import { messageOf, showSuccess } from '@/services/feedback'
import { getSecuritySettings, updateSecuritySettings } from '@/services/security'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, InlineError, PageLoading } from '@/components/state-views'
import { useLoaded } from '@/hooks/use-loaded'
import { FormField } from '@/components/record/form-field'
import { firstIssue } from '@/components/record/outcome'
import '@/components/record/page.scss'
import '@/components/record/record.scss'

type Field = keyof SecuritySettings
type Values = Record<Field, string>

/** Digits only: "90" is 90, "9a" or "" is not a number at all. */
function parse(value: string): number {
  return /^\d{1,4}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN
}

function check(field: Field, value: string): string | null {
  const number = parse(value)
  if (Number.isNaN(number)) return '请输入整数'
  return firstIssue(securitySettingsSchema.shape[field].safeParse(number))
}

function SettingsForm({ settings, onSaved }: { settings: SecuritySettings; onSaved: (s: SecuritySettings) => void }) {
  const [values, setValues] = useState<Values>({
    passwordMaxAgeDays: String(settings.passwordMaxAgeDays),
    selfCheckDueDay: String(settings.selfCheckDueDay),
  })
  const [serverErrors, setServerErrors] = useState<Partial<Record<Field, string>>>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const errorOf = (field: Field) => serverErrors[field] ?? check(field, values[field])
  const change = (field: Field) => (value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }))
    setServerErrors((previous) => ({ ...previous, [field]: undefined }))
  }

  const save = async () => {
    if (saving) return
    if (errorOf('passwordMaxAgeDays') || errorOf('selfCheckDueDay')) {
      void Taro.showToast({ title: '请先修正标红的内容', icon: 'none', duration: 2000 })
      return
    }
    setSaving(true)
    setRefusal(null)
    try {
      const saved = await updateSecuritySettings({
        passwordMaxAgeDays: parse(values.passwordMaxAgeDays),
        selfCheckDueDay: parse(values.selfCheckDueDay),
      })
      showSuccess('已保存')
      onSaved(saved)
    } catch (err) {
      const issues = fieldIssues(err)
      if (issues.passwordMaxAgeDays || issues.selfCheckDueDay) {
        setServerErrors({ passwordMaxAgeDays: issues.passwordMaxAgeDays, selfCheckDueDay: issues.selfCheckDueDay })
      } else setRefusal(messageOf(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='account-page record security-settings'>
      <View className='record__head card'>
        <Text className='record__title'>账号安全要求</Text>
        <Text className='record__when'>用于每月安全自查：密码超过期限会提醒持有人，截止日后未自查会显示逾期。</Text>
      </View>
      <View className='record__form card' id='security-settings-form'>
        <FormField id='settings-password-days' label='登录密码最长使用天数' required hint='30-365 天，默认 90 天' error={errorOf('passwordMaxAgeDays')}>
          <Input type='number' maxLength={3} value={values.passwordMaxAgeDays} onChange={change('passwordMaxAgeDays')} />
        </FormField>
        <FormField id='settings-due-day' label='每月自查截止日' required hint='1-28 日，默认 10 日' error={errorOf('selfCheckDueDay')}>
          <Input type='number' maxLength={2} value={values.selfCheckDueDay} onChange={change('selfCheckDueDay')} />
        </FormField>
      </View>
      <InlineError id='settings-error' message={refusal} />
      <View className='record__submit'>
        <Button id='settings-save' type='primary' block loading={saving} disabled={saving} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </View>
  )
}

function SettingsScreen() {
  const { data, error, reload, setData } = useLoaded(useCallback(() => getSecuritySettings(), []))
  if (error) return <ErrorState id='settings-load-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  return <SettingsForm settings={data} onSaved={setData} />
}

export default function SecuritySettingsPage() {
  return <SessionGate roles={['admin']}>{() => <SettingsScreen />}</SessionGate>
}
