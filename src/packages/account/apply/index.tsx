import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { CONTACT_REASON_MIN, PURPOSE_MIN, submitApplicationInput, type PersonSummary, type SubmitApplicationInput } from '@contract'
import { fieldIssues, hasCode, submitApplication } from '@/services/accounts'
import { askConsent, prepareConsent } from '@/services/consent'
import { messageOf, showSuccess } from '@/services/feedback'
import { SessionGate } from '@/components/session-gate'
import { applicationDetail } from '@/routes'
import { FormField } from '@/components/record/form-field'
import { openMyApplications } from '../components/navigation'
import '@/components/record/page.scss'
import './index.scss'

type FieldName = keyof SubmitApplicationInput
type Values = Record<FieldName, string>

const fieldOrder: FieldName[] = ['realName', 'mobile', 'email', 'contactChangeReason', 'purpose', 'intendedWechatId']


/** The contract's own rule for one field, so the form and the server never disagree. */
function checkField(field: FieldName, value: string, reasonRequired: boolean): string | null {
  const trimmed = value.trim()
  if (field === 'intendedWechatId' && !trimmed) return null
  if (field === 'contactChangeReason') {
    if (!reasonRequired) return null
    if (trimmed.length < CONTACT_REASON_MIN) return `请填写修改原因（至少${CONTACT_REASON_MIN}个字）`
  }
  const result = submitApplicationInput.shape[field].safeParse(value)
  return result.success ? null : (result.error.issues[0]?.message ?? '填写内容不符合要求')
}

function payloadOf(values: Values, reasonRequired: boolean): SubmitApplicationInput {
  const payload: SubmitApplicationInput = {
    realName: values.realName.trim(),
    mobile: values.mobile.trim(),
    email: values.email.trim(),
    purpose: values.purpose.trim(),
  }
  const reason = values.contactChangeReason.trim()
  if (reasonRequired && reason) payload.contactChangeReason = reason
  const wechatId = values.intendedWechatId.trim()
  if (wechatId) payload.intendedWechatId = wechatId
  return payload
}

/** A refusal that blocks applying at all: nothing in the form can fix it, 我的申请 explains. */
type Refusal = { message: string; toMine: boolean }

function Apply({ person }: { person: PersonSummary }) {
  const [values, setValues] = useState<Values>({
    // Contacts come masked from the session, so only the name can be filled in for the employee.
    realName: person.name,
    mobile: '',
    email: '',
    contactChangeReason: '',
    purpose: '',
    intendedWechatId: '',
  })
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({})
  const [serverErrors, setServerErrors] = useState<Partial<Record<FieldName, string>>>({})
  const [reasonRequired, setReasonRequired] = useState(false)
  const [refusal, setRefusal] = useState<Refusal | null>(null)
  const [submitting, setSubmitting] = useState(false)

  useEffect(() => prepareConsent(), [])

  const errorOf = (field: FieldName): string | null =>
    touched[field] ? (serverErrors[field] ?? checkField(field, values[field], reasonRequired)) : null

  const change = (field: FieldName) => (value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }))
    setTouched((previous) => ({ ...previous, [field]: true }))
    setServerErrors((previous) => ({ ...previous, [field]: undefined }))
  }
  const blur = (field: FieldName) => () => setTouched((previous) => ({ ...previous, [field]: true }))

  const submit = async () => {
    if (submitting) return
    setTouched(Object.fromEntries(fieldOrder.map((field) => [field, true])))
    const invalid = fieldOrder.some((field) => checkField(field, values[field], reasonRequired) !== null)
    if (invalid) {
      void Taro.showToast({ title: '请先修正标红的内容', icon: 'none', duration: 2000 })
      return
    }
    // Inside the tap, before anything is awaited: WeChat asks for consent only then.
    void askConsent('submitApplication')
    setSubmitting(true)
    setRefusal(null)
    setServerErrors({})
    try {
      const detail = await submitApplication(payloadOf(values, reasonRequired))
      showSuccess('已提交')
      // Replace the form: going back from the detail must not land on a form that was already sent.
      void Taro.redirectTo({ url: applicationDetail(detail.id) })
    } catch (err) {
      if (hasCode(err, 'CONTACT_REASON_REQUIRED')) {
        setReasonRequired(true)
        // The new field is explained by the message above the button; red only once the employee has had a go.
        setTouched((previous) => ({ ...previous, contactChangeReason: false }))
        setRefusal({ message: messageOf(err), toMine: false })
      } else if (hasCode(err, 'APPLICATION_OPEN', 'ACCOUNT_ALREADY_HELD')) {
        setRefusal({ message: messageOf(err), toMine: true })
      } else {
        const issues = fieldIssues(err)
        const known = fieldOrder.filter((field) => issues[field])
        if (known.length > 0) {
          setServerErrors(Object.fromEntries(known.map((field) => [field, issues[field]])))
        } else {
          setRefusal({ message: messageOf(err), toMine: false })
        }
      }
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View className='account-page apply'>
      <View className='apply__intro card'>
        <Text className='apply__intro-title'>业务微信开通申请</Text>
        <Text className='apply__intro-text'>提交后先由部门负责人审批，再由行政部开通账号。每人同时只能有一份进行中的申请。</Text>
      </View>

      <View className='apply__form card' id='apply-form'>
        <FormField id='apply-real-name' label='真实姓名' required error={errorOf('realName')}>
          <Input
            placeholder='与身份证一致的姓名'
            maxLength={32}
            value={values.realName}
            onChange={change('realName')}
            onBlur={blur('realName')}
          />
        </FormField>
        <FormField
          id='apply-mobile'
          label='手机号'
          required
          hint={person.mobileMasked ? `花名册登记为 ${person.mobileMasked}，如填写其他号码需说明原因` : undefined}
          error={errorOf('mobile')}
        >
          <Input
            type='number'
            placeholder='请输入11位手机号'
            maxLength={11}
            value={values.mobile}
            onChange={change('mobile')}
            onBlur={blur('mobile')}
          />
        </FormField>
        <FormField
          id='apply-email'
          label='邮箱'
          required
          hint={person.emailMasked ? `花名册登记为 ${person.emailMasked}，如填写其他邮箱需说明原因` : undefined}
          error={errorOf('email')}
        >
          <Input
            type='text'
            placeholder='请输入工作邮箱'
            maxLength={120}
            value={values.email}
            onChange={change('email')}
            onBlur={blur('email')}
          />
        </FormField>
        {reasonRequired ? (
          <FormField id='apply-reason' label='修改原因' required hint='手机号或邮箱与花名册不一致时须填写' error={errorOf('contactChangeReason')}>
            <TextArea
              placeholder='例如：已更换手机号，花名册尚未更新'
              maxLength={200}
              rows={2}
              autoSize
              value={values.contactChangeReason}
              onChange={change('contactChangeReason')}
              onBlur={blur('contactChangeReason')}
            />
          </FormField>
        ) : null}
        <FormField id='apply-purpose' label='申请用途' required error={errorOf('purpose')}>
          <TextArea
            placeholder={`说明开通业务微信的用途，至少${PURPOSE_MIN}个字`}
            maxLength={500}
            showCount
            rows={4}
            value={values.purpose}
            onChange={change('purpose')}
            onBlur={blur('purpose')}
          />
        </FormField>
        <FormField id='apply-wechat-id' label='拟用微信号' hint='字母开头，6-20位字母、数字、下划线或减号' error={errorOf('intendedWechatId')}>
          <Input
            placeholder='如有意向的微信号可填写'
            maxLength={20}
            value={values.intendedWechatId}
            onChange={change('intendedWechatId')}
            onBlur={blur('intendedWechatId')}
          />
        </FormField>
      </View>

      {refusal ? (
        <View className='account-notice account-notice--error' id='apply-error'>
          <Text>{refusal.message}</Text>
          {refusal.toMine ? (
            <View>
              <Text className='account-notice__link' id='apply-error-link' onClick={openMyApplications}>
                查看我的申请 ›
              </Text>
            </View>
          ) : null}
        </View>
      ) : null}

      <View className='apply__actions'>
        <Button id='apply-submit' type='primary' block loading={submitting} disabled={submitting} onClick={() => void submit()}>
          提交申请
        </Button>
      </View>
    </View>
  )
}

export default function ApplyPage() {
  return <SessionGate>{(person) => <Apply person={person} />}</SessionGate>
}
