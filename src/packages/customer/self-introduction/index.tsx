import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { fillSelfIntroduction, INTRO_DEPARTMENT, INTRO_NAME, selfIntroductionTemplateSchema, type PersonSummary, type SelfIntroduction } from '@contract'
import { fieldIssues, formatShanghaiTime } from '@/services/accounts'
import { getSelfIntroduction, updateSelfIntroduction } from '@/services/customers'
import { messageOf, showSuccess } from '@/services/feedback'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, InlineError, PageLoading } from '@/components/state-views'
import { useLoaded } from '@/hooks/use-loaded'
import { FormField } from '@/components/record/form-field'
import { firstIssue } from '@/components/record/outcome'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/customer.scss'

function TemplateForm({ person, saved, onSaved }: { person: PersonSummary; saved: SelfIntroduction; onSaved: (intro: SelfIntroduction) => void }) {
  const [template, setTemplate] = useState(saved.template)
  const [serverError, setServerError] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const problem = firstIssue(selfIntroductionTemplateSchema.safeParse(template))
  const error = serverError ?? problem

  const save = async () => {
    if (saving) return
    if (problem) {
      void Taro.showToast({ title: '请先修正标红的内容', icon: 'none', duration: 2000 })
      return
    }
    setSaving(true)
    setRefusal(null)
    try {
      const intro = await updateSelfIntroduction(template)
      showSuccess('已保存')
      onSaved(intro)
    } catch (err) {
      const message = fieldIssues(err).template
      if (message) setServerError(message)
      else setRefusal(messageOf(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='account-page record self-introduction'>
      <View className='record__head card'>
        <Text className='record__title'>添加客户时的自我介绍</Text>
        <Text className='record__when' id='intro-status'>
          {saved.isDefault ? '正在使用系统默认模板' : `${saved.updatedByName ?? ''} 修改于 ${saved.updatedAt ? formatShanghaiTime(saved.updatedAt) : ''}`}
        </Text>
      </View>
      <View className='record__form card' id='intro-form'>
        <FormField
          id='intro-template'
          label='模板'
          required
          hint={`请写明公司名称和添加原因；${INTRO_NAME}、${INTRO_DEPARTMENT}会换成员工本人的姓名和部门`}
          error={error}
        >
          <TextArea
            maxLength={200}
            showCount
            rows={4}
            value={template}
            onChange={(value: string) => {
              setTemplate(value)
              setServerError(null)
            }}
          />
        </FormField>
      </View>
      <View className='intro-card card' id='intro-preview'>
        <Text className='intro-card__label'>员工看到的样子（以你为例）：</Text>
        <Text className='intro-card__text' id='intro-preview-text'>
          {fillSelfIntroduction(template.trim(), person)}
        </Text>
      </View>
      <InlineError id='intro-error' message={refusal} />
      <View className='record__submit'>
        <Button id='intro-save' type='primary' block loading={saving} disabled={saving} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </View>
  )
}

function TemplateScreen({ person }: { person: PersonSummary }) {
  const { data, error, reload, setData } = useLoaded(useCallback(() => getSelfIntroduction(), []))
  const [version, setVersion] = useState(0)
  if (error) return <ErrorState id='intro-load-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  const onSaved = (intro: SelfIntroduction) => {
    setData(intro)
    // The form starts again from what the server kept.
    setVersion((v) => v + 1)
  }
  return <TemplateForm key={version} person={person} saved={data} onSaved={onSaved} />
}

export default function SelfIntroductionPage() {
  return <SessionGate roles={['admin']}>{(person) => <TemplateScreen person={person} />}</SessionGate>
}
