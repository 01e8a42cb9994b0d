import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import {
  createCustomerInput,
  customerSourceLabels,
  customerSources,
  customerTagSchema,
  customerTagsSchema,
  DEFAULT_SELF_INTRODUCTION,
  fillSelfIntroduction,
  MAX_CUSTOMER_TAGS,
  type CustomerDetail,
  type CustomerSource,
  type PersonSummary,
} from '@contract'
import { fieldIssues, hasCode } from '@/services/accounts'
import { copyText, createCustomer, getCustomer, getSelfIntroduction, updateCustomer, type CustomerFields } from '@/services/customers'
import { messageOf, showSuccess } from '@/services/feedback'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, InlineError, PageLoading } from '@/components/state-views'
import { Watermark } from '@/components/watermark'
import { useLoaded } from '@/hooks/use-loaded'
import { FormField } from '@/components/record/form-field'
import { ChoiceChips } from '@/components/record/filter-chips'
import { firstIssue } from '@/components/record/outcome'
import { SubmitFooter } from '@/components/record/form-actions'
import { customerDetail } from '../paths'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/customer.scss'

type Field = 'name' | 'company' | 'phone' | 'source' | 'tags' | 'consent'
const FIELDS: Field[] = ['name', 'company', 'phone', 'source', 'tags', 'consent']

const sourceOptions = customerSources.map((source) => ({ value: source, label: customerSourceLabels[source] }))

interface Values {
  name: string
  company: string
  phone: string
  source: CustomerSource | null
  tags: string[]
  consent: boolean
}

/** The contract's own rule for each field, so the form and the server never disagree. */
function check(field: Field, values: Values, editing: boolean): string | null {
  const shape = createCustomerInput.shape
  switch (field) {
    case 'name':
      return firstIssue(shape.name.safeParse(values.name))
    case 'company':
      return values.company.trim() ? firstIssue(shape.company.safeParse(values.company)) : null
    case 'phone':
      return values.phone.trim() ? firstIssue(shape.phone.safeParse(values.phone)) : null
    case 'source':
      return values.source ? null : '请选择客户来源'
    case 'tags':
      return firstIssue(customerTagsSchema.safeParse(values.tags))
    case 'consent':
      return editing ? null : firstIssue(shape.consent.safeParse(values.consent))
  }
}

function fieldsOf(values: Values, source: CustomerSource): CustomerFields {
  return { name: values.name, company: values.company, phone: values.phone, source, tags: values.tags }
}

/** What the employee pastes into the friend request: the company's wording with their own name and department. */
function IntroCard({ person }: { person: PersonSummary }) {
  const [template, setTemplate] = useState<string | null>(null)
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    let live = true
    // Without the company's wording the built-in one still introduces the employee properly.
    getSelfIntroduction().then(
      (intro) => live && setTemplate(intro.template),
      () => live && setTemplate(DEFAULT_SELF_INTRODUCTION),
    )
    return () => {
      live = false
    }
  }, [])
  const text = template ? fillSelfIntroduction(template, person) : ''
  const copy = async () => {
    try {
      await copyText(text)
      setCopied(true)
    } catch {
      void Taro.showToast({ title: '复制失败，请长按文字复制', icon: 'none', duration: 2000 })
    }
  }
  return (
    <View className='intro-card card' id='customer-intro'>
      <Text className='intro-card__label'>添加好友时，请在验证消息中做自我介绍并说明来意：</Text>
      {template ? (
        <>
          <Text className='intro-card__text' id='customer-intro-text' userSelect>
            {text}
          </Text>
          <Button id='customer-intro-copy' className='intro-card__copy' size='small' type='primary' fill='outline' onClick={() => void copy()}>
            {copied ? '已复制' : '一键复制'}
          </Button>
        </>
      ) : (
        <PageLoading />
      )}
    </View>
  )
}

function TagEditor({ tags, onChange }: { tags: string[]; onChange: (tags: string[]) => void }) {
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<string | null>(null)
  const add = () => {
    const tag = draft.trim()
    if (!tag) return
    const problem = firstIssue(customerTagSchema.safeParse(tag)) ?? (tags.includes(tag) ? '标签不能重复' : null) ?? (tags.length >= MAX_CUSTOMER_TAGS ? `最多${MAX_CUSTOMER_TAGS}个标签` : null)
    if (problem) {
      setError(problem)
      return
    }
    onChange([...tags, tag])
    setDraft('')
    setError(null)
  }
  return (
    <View className='tag-editor'>
      {tags.length > 0 ? (
        <View className='tag-editor__chips'>
          {tags.map((tag, index) => (
            <View key={tag} className='tag-editor__chip' id={`customer-tag-${index}`}>
              <Text>{tag}</Text>
              <Text className='tag-editor__remove' id={`customer-tag-${index}-remove`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
                ×
              </Text>
            </View>
          ))}
        </View>
      ) : null}
      {tags.length < MAX_CUSTOMER_TAGS ? (
        <View className='tag-editor__input' id='customer-tag-input'>
          <Input
            placeholder='如 重点客户、华东，每个不超过12个字'
            value={draft}
            onChange={(value: string) => {
              setDraft(value)
              setError(null)
            }}
            onConfirm={add}
          />
          <Button id='customer-tag-add' size='small' fill='outline' onClick={add}>
            添加
          </Button>
        </View>
      ) : null}
      <InlineError id='customer-tag-input-error' message={error} />
    </View>
  )
}

function CustomerForm({ person, editing }: { person: PersonSummary; editing: CustomerDetail | null }) {
  const [values, setValues] = useState<Values>({
    name: editing?.name ?? '',
    company: editing?.company ?? '',
    phone: editing?.phone ?? '',
    source: editing?.source ?? null,
    tags: editing?.tags ?? [],
    consent: false,
  })
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({})
  const [serverErrors, setServerErrors] = useState<Partial<Record<Field, string>>>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const isEdit = editing !== null

  useEffect(() => {
    if (isEdit) void Taro.setNavigationBarTitle({ title: '编辑客户' })
  }, [isEdit])

  const errorOf = (field: Field) => (touched[field] ? (serverErrors[field] ?? check(field, values, isEdit)) : null)
  const set = <F extends Field>(field: F, value: Values[F]) => {
    setValues((previous) => ({ ...previous, [field]: value }))
    setTouched((previous) => ({ ...previous, [field]: true }))
    setServerErrors((previous) => ({ ...previous, [field]: undefined }))
  }
  const blur = (field: Field) => () => setTouched((previous) => ({ ...previous, [field]: true }))

  const submit = async () => {
    if (submitting) return
    setTouched(Object.fromEntries(FIELDS.map((field) => [field, true])))
    const invalid = FIELDS.some((field) => check(field, values, isEdit) !== null)
    if (invalid || !values.source) {
      void Taro.showToast({ title: '请先修正标红的内容', icon: 'none', duration: 2000 })
      return
    }
    setSubmitting(true)
    setRefusal(null)
    setServerErrors({})
    try {
      const fields = fieldsOf(values, values.source)
      if (editing) {
        await updateCustomer(editing.id, fields)
        showSuccess('已保存')
        void Taro.navigateBack()
      } else {
        const created = await createCustomer(fields)
        showSuccess('已建档')
        // Replace the form: going back from the new file must not land on a form already sent.
        void Taro.redirectTo({ url: customerDetail(created.id) })
      }
    } catch (err) {
      if (hasCode(err, 'CUSTOMER_DUPLICATE')) {
        setServerErrors({ phone: messageOf(err) })
      } else {
        const issues = fieldIssues(err)
        const known = FIELDS.filter((field) => issues[field])
        if (known.length > 0) setServerErrors(Object.fromEntries(known.map((field) => [field, issues[field]])))
        else setRefusal(messageOf(err))
      }
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View className='account-page record customer-form'>
      {/* Editing shows the file as it stands, phone included. */}
      {isEdit ? <Watermark /> : <IntroCard person={person} />}
      <View className='record__form card' id='customer-form'>
        <FormField id='customer-name' label='客户姓名' required error={errorOf('name')}>
          <Input placeholder='微信备注的姓名或称呼' value={values.name} maxLength={32} onChange={(v: string) => set('name', v)} onBlur={blur('name')} />
        </FormField>
        <FormField id='customer-company' label='公司' error={errorOf('company')}>
          <Input placeholder='客户所在公司' value={values.company} maxLength={60} onChange={(v: string) => set('company', v)} onBlur={blur('company')} />
        </FormField>
        <FormField id='customer-phone' label='手机号' hint='列表中只显示部分号码' error={errorOf('phone')}>
          <Input placeholder='11位手机号' type='number' value={values.phone} maxLength={11} onChange={(v: string) => set('phone', v)} onBlur={blur('phone')} />
        </FormField>
        <FormField id='customer-source' label='客户来源' required error={errorOf('source')}>
          <ChoiceChips idPrefix='customer-source' options={sourceOptions} selected={values.source} onSelect={(v) => set('source', v)} />
        </FormField>
        <FormField id='customer-tags' label={`标签（最多${MAX_CUSTOMER_TAGS}个）`} error={errorOf('tags')}>
          <TagEditor tags={values.tags} onChange={(tags) => set('tags', tags)} />
        </FormField>
        {isEdit ? null : (
          <FormField id='customer-consent-field' label='添加确认' required error={errorOf('consent')}>
            <View
              id='customer-consent'
              className={`consent-check${values.consent ? ' consent-check--checked' : ''}`}
              ariaRole='checkbox'
              // Typed Taro props stop at the role and label; the state still reaches H5 and tests as the plain attribute.
              aria-checked={values.consent}
              ariaLabel={values.consent ? '已确认征得客户同意' : '未确认征得客户同意'}
              onClick={() => set('consent', !values.consent)}
            >
              <View className='consent-check__box'>{values.consent ? <Text className='consent-check__tick'>✓</Text> : null}</View>
              <Text className='consent-check__label'>我已向客户介绍本人和公司、说明添加目的，客户同意添加</Text>
            </View>
          </FormField>
        )}
      </View>
      <SubmitFooter errorId='customer-form-error' refusal={refusal} submitId='customer-submit' busy={submitting} onSubmit={() => void submit()}>
        {isEdit ? '保存' : '建立档案'}
      </SubmitFooter>
    </View>
  )
}

function EditScreen({ person, id }: { person: PersonSummary; id: string }) {
  const { data, error, reload } = useLoaded(useCallback(() => getCustomer(id), [id]))
  if (error) return <ErrorState id='customer-form-load-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  if (!data.canWrite) return <ErrorState id='customer-form-load-error' message='只有客户的负责人可以修改档案' />
  return <CustomerForm person={person} editing={data} />
}

export default function CustomerAddPage() {
  const router = useRouter()
  const id = typeof router.params.id === 'string' ? router.params.id : ''
  return <SessionGate>{(person) => (id ? <EditScreen person={person} id={id} /> : <CustomerForm person={person} editing={null} />)}</SessionGate>
}
