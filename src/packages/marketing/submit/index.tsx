import { useEffect, useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Input, TextArea } from '@nutui/nutui-react-taro'
import {
  checkMarketingText,
  defaultMarketingTerms,
  MARKETING_TEXT_MAX,
  MARKETING_TITLE_MAX,
  MAX_MARKETING_IMAGES,
  submitMarketingInput,
  summarizeMarketingFlags,
  type MarketingTerms,
} from '@contract'
import { messageOf, showSuccess } from '@/services/feedback'
import { getMarketing, getMarketingTerms, submitMarketing, uploadMarketingImage } from '@/services/marketing'
import { imageUrls } from '@/services/storage'
import { SessionGate } from '@/components/session-gate'
import { FormField } from '@/components/record/form-field'
import { useSchemaForm } from '@/components/record/use-schema-form'
import { SubmitFooter } from '@/components/record/form-actions'
import { ImageUploadField, storedShots, type Shot } from '@/components/record/images'
import { FlagList } from '../components/flag-list'
import { marketingDetail } from '../paths'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/marketing.scss'

type Field = 'title' | 'text' | 'images'
const FIELDS: Field[] = ['title', 'text', 'images']

/** The lists the server checks with; until they arrive (or if they cannot), the built-in ones. */
function useTerms(): MarketingTerms {
  const [terms, setTerms] = useState<MarketingTerms>(defaultMarketingTerms)
  useEffect(() => {
    let live = true
    getMarketingTerms().then(
      (loaded) => live && setTerms(loaded),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])
  return terms
}

/** What the check finds as the author types: each finding with its context, or that there is none. */
function Warnings({ text, terms }: { text: string; terms: MarketingTerms }) {
  const flags = useMemo(() => checkMarketingText(text, terms), [text, terms])
  if (!text.trim()) return null
  if (flags.length === 0) {
    return (
      <View id='marketing-warnings'>
        <Text className='marketing-clean' id='marketing-warnings-clean'>
          未发现绝对化用语、价格或承诺性用语
        </Text>
      </View>
    )
  }
  return (
    <View id='marketing-warnings'>
      <Text className='marketing-summary' id='marketing-warnings-summary'>
        发现 {flags.length} 处需注意：{summarizeMarketingFlags(flags)}。审核人会看到这些提示。
      </Text>
      <FlagList flags={flags} idPrefix='marketing-warning' />
    </View>
  )
}

function Submit({ from }: { from: string }) {
  const terms = useTerms()
  const [title, setTitle] = useState('')
  const [text, setText] = useState('')
  const [shots, setShots] = useState<Shot[]>([])
  const [uploading, setUploading] = useState(0)

  // Submitting again after a rejection starts from what was sent before.
  useEffect(() => {
    if (!from) return undefined
    let live = true
    getMarketing(from)
      .then(async (item) => {
        const links = await imageUrls(item.images).catch(() => ({}) as Record<string, string>)
        if (!live) return
        setTitle(item.title)
        setText(item.text)
        setShots(storedShots(item.images, links))
      })
      .catch((err: unknown) => live && setRefusal(messageOf(err)))
    return () => {
      live = false
    }
  }, [from])

  const images = shots.flatMap((shot) => (shot.fileID ? [shot.fileID] : []))
  const parsed = submitMarketingInput.safeParse({ title, text, images })
  const { errorOf, touch, validate, run, busy, refusal, setRefusal } = useSchemaForm(FIELDS, parsed)

  const send = async () => {
    if (busy) return
    const input = validate()
    if (!input) return
    if (uploading > 0) {
      void Taro.showToast({ title: '图片还在上传，请稍候', icon: 'none', duration: 2000 })
      return
    }
    const flags = checkMarketingText(text, terms)
    if (flags.length > 0) {
      const answer = await Taro.showModal({ title: '文案有用语提示', content: `发现 ${flags.length} 处需注意的用语，建议修改后再提交。仍要提交审核吗？`, confirmText: '仍要提交', cancelText: '去修改' })
      if (!answer.confirm) return
    }
    await run(async () => {
      const item = await submitMarketing(input)
      showSuccess('已提交审核')
      void Taro.redirectTo({ url: marketingDetail(item.id) })
    })
  }

  return (
    <View className='account-page record marketing-submit'>
      <View className='account-notice' id='marketing-submit-hint'>
        <Text>推送给客户的产品信息、促销活动须先经部门负责人审核。请勿使用“最”“第一”等绝对化用语、未经审批的价格或收益承诺。</Text>
      </View>
      <View className='record__form card' id='marketing-form'>
        <FormField id='marketing-title' label='标题' required error={errorOf('title')}>
          <Input
            placeholder={`素材名称，最多${MARKETING_TITLE_MAX}个字`}
            maxLength={MARKETING_TITLE_MAX}
            value={title}
            onChange={(value: string) => {
              setTitle(value)
              touch('title')
            }}
            onBlur={() => touch('title')}
          />
        </FormField>
        <FormField id='marketing-text' label='文案' required error={errorOf('text')}>
          <TextArea
            placeholder='要推送给客户的文字，换行会原样保留'
            maxLength={MARKETING_TEXT_MAX}
            showCount
            rows={6}
            value={text}
            onChange={(value: string) => {
              setText(value)
              touch('text')
            }}
            onBlur={() => touch('text')}
          />
        </FormField>
        <Warnings text={text} terms={terms} />
        <FormField id='marketing-image-field' label={`图片（最多${MAX_MARKETING_IMAGES}张）`} error={errorOf('images')}>
          <ImageUploadField
            id='marketing-images'
            idPrefix='marketing-image'
            addId='marketing-upload'
            addText='添加图片'
            errorId='marketing-upload-error'
            max={MAX_MARKETING_IMAGES}
            upload={uploadMarketingImage}
            shots={shots}
            onChange={setShots}
            onUploadingChange={(delta) => setUploading((count) => count + delta)}
          />
        </FormField>
      </View>

      <SubmitFooter errorId='marketing-submit-error' refusal={refusal} submitId='marketing-submit' busy={busy} onSubmit={() => void send()}>
        {uploading > 0 ? '图片上传中…' : '提交审核'}
      </SubmitFooter>
    </View>
  )
}

export default function MarketingSubmitPage() {
  const router = useRouter()
  const from = typeof router.params.from === 'string' ? router.params.from : ''
  return <SessionGate>{() => <Submit from={from} />}</SessionGate>
}
