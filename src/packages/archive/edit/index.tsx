import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { Input, TextArea } from '@nutui/nutui-react-taro'
import {
  archiveCategories,
  archiveCategoryLabels,
  archiveFieldsSchema,
  archiveLocationLabels,
  archiveLocations,
  errorMessages,
  type ArchiveCategory,
  type ArchiveDetail,
  type ArchiveLocation,
} from '@contract'
import { hasCode, shanghaiToday } from '@/services/accounts'
import { createArchive, getArchive, updateArchive } from '@/services/archives'
import { showSuccess } from '@/services/feedback'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, PageLoading } from '@/components/state-views'
import { Watermark } from '@/components/watermark'
import { useLoaded } from '@/hooks/use-loaded'
import { FormField } from '@/components/record/form-field'
import { ChoiceChips } from '@/components/record/filter-chips'
import { firstIssue } from '@/components/record/outcome'
import { useSchemaForm } from '@/components/record/use-schema-form'
import { SubmitFooter } from '@/components/record/form-actions'
import { archiveDetail } from '../paths'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/archive.scss'

type Field = 'category' | 'title' | 'location' | 'locationNote' | 'backedUpOn' | 'customerName' | 'description'
const FIELDS: Field[] = ['category', 'title', 'location', 'locationNote', 'backedUpOn', 'customerName', 'description']

interface Values {
  category: ArchiveCategory | null
  title: string
  location: ArchiveLocation | null
  locationNote: string
  backedUpOn: string
  customerName: string
  description: string
}

const categoryOptions = archiveCategories.map((value) => ({ value, label: archiveCategoryLabels[value] }))
const locationOptions = archiveLocations.map((value) => ({ value, label: archiveLocationLabels[value] }))

const STALE = '这条记录已在别处修改，已为你载入最新内容，请确认后再保存'

function valuesOf(record: ArchiveDetail | null, today: string): Values {
  return {
    category: record?.category ?? null,
    title: record?.title ?? '',
    location: record?.location ?? null,
    locationNote: record?.locationNote ?? '',
    // A backup is usually registered the day it is made.
    backedUpOn: record?.backedUpOn ?? today,
    customerName: record?.customerName ?? '',
    description: record?.description ?? '',
  }
}

function ArchiveForm({ record, onStale }: { record: ArchiveDetail | null; onStale: () => void }) {
  const [today] = useState(() => shanghaiToday())
  const [values, setValues] = useState<Values>(() => valuesOf(record, today))

  const parsed = archiveFieldsSchema.safeParse(values)
  const check = (field: Field): string | null => {
    if (field === 'backedUpOn' && values.backedUpOn > today) return errorMessages.DATE_IN_FUTURE
    return firstIssue(parsed, field)
  }
  const { errorOf, touch, reveal, validate, run, busy, refusal } = useSchemaForm(FIELDS, parsed, { check, fieldOfCode: { DATE_IN_FUTURE: 'backedUpOn' } })
  const set = <K extends Field>(field: K, value: Values[K]) => {
    setValues((previous) => ({ ...previous, [field]: value }))
    touch(field)
  }

  const save = async () => {
    if (busy) return
    const input = validate()
    if (!input) return
    await run(async () => {
      try {
        if (record) {
          await updateArchive(record.id, record.revision, input)
          showSuccess('已保存')
          // The record's own screen is below and reloads when it shows again.
          void Taro.navigateBack()
        } else {
          const created = await createArchive(input)
          showSuccess('已登记')
          void Taro.redirectTo({ url: archiveDetail(created.id) })
        }
      } catch (err) {
        // Someone else saved first: the screen reloads the record rather than showing a refusal.
        if (hasCode(err, 'CONFLICT')) onStale()
        else throw err
      }
    })
  }

  return (
    <>
      <View className='record__form card' id='archive-form'>
        <FormField id='archive-category' label='资料类别' required error={errorOf('category')}>
          <ChoiceChips idPrefix='archive-category' options={categoryOptions} selected={values.category} onSelect={(value) => set('category', value)} />
        </FormField>
        <FormField id='archive-title' label='资料名称' required error={errorOf('title')}>
          <Input
            placeholder='如：华飞科技年度框架合同，最多60个字'
            maxLength={60}
            value={values.title}
            onChange={(value: string) => set('title', value)}
            onBlur={() => reveal('title')}
          />
        </FormField>
        <FormField id='archive-location' label='备份方式' required error={errorOf('location')}>
          <ChoiceChips idPrefix='archive-location' options={locationOptions} selected={values.location} onSelect={(value) => set('location', value)} />
        </FormField>
        <FormField id='archive-location-note' label='存放位置' required hint='写清在哪台电脑、哪个网盘或文件夹，便于日后查找' error={errorOf('locationNote')}>
          <Input
            placeholder='如：公司NAS/客户部/2026'
            maxLength={120}
            value={values.locationNote}
            onChange={(value: string) => set('locationNote', value)}
            onBlur={() => reveal('locationNote')}
          />
        </FormField>
        <FormField id='archive-backed-up-on' label='备份日期' required error={errorOf('backedUpOn')}>
          <Picker mode='date' value={values.backedUpOn} end={today} onChange={(event) => set('backedUpOn', String(event.detail.value))}>
            <View className='record__picker'>
              <Text>{values.backedUpOn}</Text>
              <Text className='record__picker-arrow'>›</Text>
            </View>
          </Picker>
        </FormField>
        <FormField id='archive-customer' label='相关客户' error={errorOf('customerName')}>
          <Input placeholder='如与某位客户有关，填写客户名称' maxLength={40} value={values.customerName} onChange={(value: string) => set('customerName', value)} />
        </FormField>
        <FormField id='archive-description' label='说明' error={errorOf('description')}>
          <TextArea placeholder='资料包含哪些内容，最多300个字' maxLength={300} rows={3} value={values.description} onChange={(value: string) => set('description', value)} />
        </FormField>
      </View>

      <SubmitFooter errorId='archive-save-error' refusal={refusal} submitId='archive-save' busy={busy} onSubmit={() => void save()}>
        {record ? '保存修改' : '登记'}
      </SubmitFooter>
    </>
  )
}

function EditScreen({ id }: { id: string }) {
  const load = useCallback(() => getArchive(id), [id])
  const { data, error, reload, setData } = useLoaded(load)
  const [stale, setStale] = useState(false)
  // A newer copy replaces the form entirely, so nothing typed over the old one lingers.
  const [formKey, setFormKey] = useState(0)

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: '修改备份记录' })
  }, [])

  if (error) return <ErrorState id='archive-edit-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  if (!data.canEdit) return <ErrorState id='archive-edit-error' message='只能修改自己登记的记录' />

  const onStale = () => {
    setStale(true)
    load().then(
      (fresh) => {
        setData(fresh)
        setFormKey((k) => k + 1)
      },
      () => undefined,
    )
  }

  return (
    <View className='account-page record archive-edit' id='archive-editor'>
      <Watermark />
      {stale ? (
        <View className='account-notice' id='archive-stale'>
          <Text>{STALE}</Text>
        </View>
      ) : null}
      <ArchiveForm key={formKey} record={data} onStale={onStale} />
    </View>
  )
}

function CreateScreen() {
  return (
    <View className='account-page record archive-edit' id='archive-editor'>
      <View className='record__head card'>
        <Text className='record__title'>登记一份备份</Text>
        <Text className='record__when'>合同文件、客户沟通记录等重要资料备份到本地或云端后，在这里记下存放位置，便于查找和追溯。</Text>
      </View>
      <ArchiveForm record={null} onStale={() => undefined} />
    </View>
  )
}

export default function ArchiveEditPage() {
  const router = useRouter()
  const id = typeof router.params.id === 'string' ? router.params.id : ''
  return <SessionGate>{() => (id ? <EditScreen id={id} /> : <CreateScreen />)}</SessionGate>
}
