import { useCallback, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import {
  checkMarketingText,
  defaultMarketingTerms,
  marketingTermSchema,
  marketingTermsSchema,
  MAX_MARKETING_TERMS,
  summarizeMarketingFlags,
  type MarketingTerms,
  type MarketingTermsSettings,
} from '@contract'
import { formatShanghaiTime } from '@/services/accounts'
import { messageOf, showSuccess } from '@/services/feedback'
import { getMarketingTerms, updateMarketingTerms } from '@/services/marketing'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, PageLoading } from '@/components/state-views'
import { useLoaded } from '@/hooks/use-loaded'
import { firstIssue } from '@/components/record/outcome'
import { FlagList } from '../components/flag-list'
import { WordChips } from '../components/word-chips'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/marketing.scss'

type ListKey = keyof MarketingTerms

const sections: Array<{ key: ListKey; title: string; hint: string; placeholder: string }> = [
  { key: 'absolute', title: '绝对化用语', hint: '广告法禁止的“最”“第一”“国家级”等', placeholder: '例如：顶级' },
  { key: 'promise', title: '承诺性用语', hint: '对收益、效果的保证', placeholder: '例如：稳赚' },
  { key: 'exceptions', title: '例外词', hint: '含上述用语但并非宣传的常用词，如“最近”“保证金”', placeholder: '例如：最近' },
]

function Editor({ saved, onSaved }: { saved: MarketingTermsSettings; onSaved: (s: MarketingTermsSettings) => void }) {
  const [draft, setDraft] = useState<MarketingTerms>({ absolute: saved.absolute, promise: saved.promise, exceptions: saved.exceptions })
  const [sample, setSample] = useState('')
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // Price patterns are built in; only the word lists change here.
  const flags = useMemo(() => checkMarketingText(sample, draft), [sample, draft])
  const changed = JSON.stringify(draft) !== JSON.stringify({ absolute: saved.absolute, promise: saved.promise, exceptions: saved.exceptions })

  const save = async () => {
    if (saving) return
    const parsed = marketingTermsSchema.safeParse(draft)
    if (!parsed.success) {
      setError(firstIssue(parsed))
      return
    }
    setSaving(true)
    setError(null)
    try {
      const fresh = await updateMarketingTerms(parsed.data)
      onSaved(fresh)
      setDraft({ absolute: fresh.absolute, promise: fresh.promise, exceptions: fresh.exceptions })
      showSuccess('已保存')
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='account-page record marketing-terms'>
      <View className='account-notice' id='terms-updated'>
        <Text>
          {saved.updatedAt ? `当前用语由${saved.updatedByName ?? ''}于 ${formatShanghaiTime(saved.updatedAt)} 保存。` : '当前使用系统默认用语。'}
          修改只影响之后提交的素材；价格、折扣等格式由系统自动识别。
        </Text>
      </View>
      {sections.map((section) => (
        <View key={section.key}>
          <Text className='page-section__title'>
            {section.title}（{draft[section.key].length}）
          </Text>
          <View className='page-section'>
            <View className='card' id={`terms-${section.key}`}>
              <Text className='marketing-summary'>{section.hint}</Text>
              <WordChips
                idPrefix={`terms-${section.key}`}
                words={draft[section.key]}
                onChange={(words) => setDraft((previous) => ({ ...previous, [section.key]: words }))}
                schema={marketingTermSchema}
                max={MAX_MARKETING_TERMS}
                placeholder={section.placeholder}
                emptyText='列表为空'
              />
            </View>
          </View>
        </View>
      ))}

      <Text className='page-section__title'>试一试</Text>
      <View className='page-section'>
        <View className='card' id='terms-try'>
          <TextArea placeholder='粘贴一段文案，看按当前列表会提示什么' rows={3} maxLength={2000} value={sample} onChange={(value: string) => setSample(value)} />
          {sample.trim() ? (
            <View id='terms-try-result'>
              <Text className={flags.length ? 'marketing-summary' : 'marketing-clean'}>{flags.length ? `发现 ${flags.length} 处：${summarizeMarketingFlags(flags)}` : '未发现需注意的用语'}</Text>
              <FlagList flags={flags} idPrefix='terms-try-flag' />
            </View>
          ) : null}
        </View>
      </View>

      {error ? (
        <View className='account-notice account-notice--error' id='terms-error'>
          <Text>{error}</Text>
        </View>
      ) : null}
      <View className='record__submit record__buttons'>
        <Button id='terms-defaults' className='record__button' fill='outline' disabled={saving} onClick={() => setDraft({ ...defaultMarketingTerms })}>
          恢复默认
        </Button>
        <Button id='terms-save' className='record__button' type='primary' loading={saving} disabled={saving || !changed} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </View>
  )
}

function TermsScreen() {
  const load = useCallback(() => getMarketingTerms(), [])
  const { data, error, reload, setData } = useLoaded(load)
  if (error) return <ErrorState id='terms-load-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  return <Editor saved={data} onSaved={setData} />
}

export default function MarketingTermsPage() {
  return <SessionGate roles={['admin']}>{() => <TermsScreen />}</SessionGate>
}
