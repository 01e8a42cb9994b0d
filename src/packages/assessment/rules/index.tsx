import { useCallback, useState } from 'react'
import Taro, { useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, Tag } from '@nutui/nutui-react-taro'
import { defaultAssessmentRules, indicatorKeys, indicatorLabels, type AssessmentRules, type IndicatorKey } from '@contract/assessment'
import { saveRulesInput, type RuleVersion } from '@contract/assessment-rules'
import { formatShanghaiTime, hasCode } from '@/services/accounts'
import { getAssessmentRules, listRuleVersions, saveAssessmentRules } from '@/services/assessment-rules'
import { isCloudError } from '@/services/cloud'
import { messageOf, showSuccess } from '@/services/feedback'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, InlineError, PageLoading } from '@/components/state-views'
import { FormField } from '@/components/record/form-field'
import { ListFooter } from '@/components/record/list-footer'
import { useLoaded } from '@/hooks/use-loaded'
import { usePagedList, type PagedList } from '@/hooks/use-paged-list'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import './index.scss'

const MAX_GRADES = 6
const MIN_GRADES = 2
const PAGE_SIZE = 20

type ScalarField = 'firstReplyThresholdMinutes' | 'complaintPenalty' | 'minimumEvidence' | 'neutralScore'

/** What the inputs hold: text as typed, so "8" on the way to "85" is not rewritten under the thumb. */
interface Draft {
  weights: Record<IndicatorKey, string>
  grades: Array<{ label: string; min: string }>
  firstReplyThresholdMinutes: string
  complaintPenalty: string
  minimumEvidence: string
  neutralScore: string
  note: string
}

const scalarFields: Array<{ field: ScalarField; id: string; label: string; hint: string; integer: boolean; maxLength: number }> = [
  { field: 'firstReplyThresholdMinutes', id: 'rules-threshold', label: '首次回复及时标准（工作分钟）', hint: '抽查中首次回复在此时长内算及时，1-480', integer: true, maxLength: 3 },
  { field: 'complaintPenalty', id: 'rules-complaint-penalty', label: '每次投诉扣分', hint: '从沟通质量中扣除，0-50', integer: false, maxLength: 5 },
  { field: 'minimumEvidence', id: 'rules-minimum-evidence', label: '最少证据数（条）', hint: '某项指标本月证据少于此数按中性分计；信息管理每月固定4条', integer: true, maxLength: 2 },
  { field: 'neutralScore', id: 'rules-neutral-score', label: '证据不足时的中性分', hint: '0-100', integer: false, maxLength: 5 },
]

function toDraft(rules: AssessmentRules, note = ''): Draft {
  return {
    weights: Object.fromEntries(indicatorKeys.map((key) => [key, String(rules.weights[key] ?? 0)])) as Record<IndicatorKey, string>,
    grades: rules.grades.map((grade) => ({ label: grade.label, min: String(grade.min) })),
    firstReplyThresholdMinutes: String(rules.firstReplyThresholdMinutes),
    complaintPenalty: String(rules.complaintPenalty),
    minimumEvidence: String(rules.minimumEvidence),
    neutralScore: String(rules.neutralScore),
    note,
  }
}

const WHOLE = /^\d{1,3}$/
const DECIMAL = /^\d{1,3}(\.\d{1,2})?$/

/** Digits with up to two decimals; anything else is not a number at all (NaN), whatever `Number` would make of it. */
function parse(text: string): number {
  return DECIMAL.test(text.trim()) ? Number(text.trim()) : Number.NaN
}

function toRules(draft: Draft): AssessmentRules {
  return {
    weights: Object.fromEntries(indicatorKeys.map((key) => [key, parse(draft.weights[key])])),
    grades: draft.grades.map((grade) => ({ label: grade.label, min: parse(grade.min) })),
    firstReplyThresholdMinutes: parse(draft.firstReplyThresholdMinutes),
    complaintPenalty: parse(draft.complaintPenalty),
    minimumEvidence: parse(draft.minimumEvidence),
    neutralScore: parse(draft.neutralScore),
  }
}

type NumberText = [path: string, text: string, integer: boolean]

/** Every numeric input's path with its text, to say "not a number" before the schema's wording about types. */
function numberTexts(draft: Draft): NumberText[] {
  return [
    ...indicatorKeys.map((key): NumberText => [`weights.${key}`, draft.weights[key], true]),
    ...draft.grades.map((grade, i): NumberText => [`grades.${i}.min`, grade.min, false]),
    ...scalarFields.map(({ field, integer }): NumberText => [field, draft[field], integer]),
  ]
}

function numberMessage(text: string, integer: boolean): string | null {
  if (text.trim() === '') return '请填写'
  if (integer) return WHOLE.test(text.trim()) ? null : '请输入整数'
  return DECIMAL.test(text.trim()) ? null : '请输入数字，最多两位小数'
}

type Issues = Record<string, string>

/** The schema's first message for each path ("weights", "grades.1.label", …). */
function issuesOf(draft: Draft, baseVersion: number): Issues {
  const out: Issues = {}
  const parsed = saveRulesInput.safeParse({ ...toRules(draft), baseVersion, note: draft.note })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.')
      if (!(path in out)) out[path] = issue.message
    }
  }
  for (const [path, text, integer] of numberTexts(draft)) {
    const message = numberMessage(text, integer)
    if (message) out[path] = message
  }
  return out
}

/** BAD_INPUT issues from the server, by their full path. */
function serverIssues(err: unknown): Issues {
  if (!isCloudError(err) || err.code !== 'BAD_INPUT') return {}
  const details = typeof err.details === 'object' && err.details !== null ? (err.details as { issues?: unknown }) : {}
  const out: Issues = {}
  for (const issue of Array.isArray(details.issues) ? details.issues : []) {
    const { path, message } = (issue ?? {}) as { path?: unknown; message?: unknown }
    if (typeof path === 'string' && typeof message === 'string' && !(path in out)) out[path] = message
  }
  return out
}

function weightSum(draft: Draft): number {
  return indicatorKeys.reduce((sum, key) => {
    const value = parse(draft.weights[key])
    return sum + (Number.isNaN(value) ? 0 : value)
  }, 0)
}

/** A new grade goes just above the last one, halfway to the one before. */
function withGradeAdded(grades: Draft['grades']): Draft['grades'] {
  const above = parse(grades[grades.length - 2]?.min ?? '') || 0
  const min = Math.round(above / 2)
  return [...grades.slice(0, -1), { label: '', min: String(min) }, ...grades.slice(-1)]
}

function RulesForm({ current, onSaved, onReload }: { current: RuleVersion; onSaved: (saved: RuleVersion) => void; onReload: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(current.rules))
  const [serverErrors, setServerErrors] = useState<Issues>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [stale, setStale] = useState(false)
  const [saving, setSaving] = useState(false)

  const issues = issuesOf(draft, current.version)
  const errorOf = (path: string) => serverErrors[path] ?? issues[path] ?? null
  const edit = (change: (previous: Draft) => Draft) => {
    setDraft(change)
    setServerErrors({})
  }
  const sum = weightSum(draft)

  const save = async () => {
    if (saving) return
    if (Object.keys(issues).length > 0) {
      void Taro.showToast({ title: '请先修正标红的内容', icon: 'none', duration: 2000 })
      return
    }
    setSaving(true)
    setRefusal(null)
    setStale(false)
    try {
      const saved = await saveAssessmentRules(toRules(draft), current.version, draft.note)
      showSuccess(`已保存为版本${saved.version}`)
      onSaved(saved)
    } catch (err) {
      const found = serverIssues(err)
      if (Object.keys(found).length > 0) setServerErrors(found)
      else {
        setStale(hasCode(err, 'RULES_STALE'))
        setRefusal(messageOf(err))
      }
    } finally {
      setSaving(false)
    }
  }

  return (
    <View id='rules-form'>
      <View className='record__form card rules-page__section'>
        <Text className='rules-page__section-title'>指标权重（%）</Text>
        <View className='rules-page__grid'>
          {indicatorKeys.map((key) => (
            <View key={key} className='rules-page__cell'>
              <FormField id={`rules-weight-${key}`} label={indicatorLabels[key]} required error={errorOf(`weights.${key}`)}>
                <Input
                  type='number'
                  maxLength={3}
                  value={draft.weights[key]}
                  onChange={(value) => edit((previous) => ({ ...previous, weights: { ...previous.weights, [key]: value } }))}
                />
              </FormField>
            </View>
          ))}
        </View>
        <Text id='rules-weight-sum' className={`rules-page__sum${sum === 100 ? '' : ' rules-page__sum--invalid'}`}>
          {`合计 ${sum}${sum === 100 ? '' : '，须为100'}`}
        </Text>
        <InlineError id='rules-weights-error' message={errorOf('weights')} />
      </View>

      <View className='record__form card rules-page__section'>
        <Text className='rules-page__section-title'>等级（按最低分从高到低，最后一级从0分起）</Text>
        {draft.grades.map((grade, i) => (
          <View key={i} id={`rules-grade-${i}`} className='rules-page__grade'>
            <View className='rules-page__grade-label'>
              <FormField id={`rules-grade-${i}-label`} label={`第${i + 1}级名称`} required error={errorOf(`grades.${i}.label`)}>
                <Input
                  maxLength={8}
                  value={grade.label}
                  onChange={(value) => edit((previous) => ({ ...previous, grades: previous.grades.map((g, j) => (j === i ? { ...g, label: value } : g)) }))}
                />
              </FormField>
            </View>
            <View className='rules-page__grade-min'>
              <FormField id={`rules-grade-${i}-min`} label='最低分' required error={errorOf(`grades.${i}.min`)}>
                <Input
                  type='digit'
                  maxLength={5}
                  value={grade.min}
                  onChange={(value) => edit((previous) => ({ ...previous, grades: previous.grades.map((g, j) => (j === i ? { ...g, min: value } : g)) }))}
                />
              </FormField>
            </View>
            {draft.grades.length > MIN_GRADES ? (
              <Text
                id={`rules-grade-${i}-remove`}
                className='rules-page__grade-remove'
                onClick={() => edit((previous) => ({ ...previous, grades: previous.grades.filter((_, j) => j !== i) }))}
              >
                删除
              </Text>
            ) : null}
          </View>
        ))}
        <InlineError id='rules-grades-error' message={errorOf('grades')} />
        {draft.grades.length < MAX_GRADES ? (
          <View className='rules-page__grade-add'>
            <Button id='rules-grade-add' size='small' fill='outline' onClick={() => edit((previous) => ({ ...previous, grades: withGradeAdded(previous.grades) }))}>
              添加等级
            </Button>
          </View>
        ) : null}
      </View>

      <View className='record__form card rules-page__section'>
        <Text className='rules-page__section-title'>计分参数</Text>
        {scalarFields.map(({ field, id, label, hint, integer, maxLength }) => (
          <FormField key={field} id={id} label={label} required hint={hint} error={errorOf(field)}>
            <Input type={integer ? 'number' : 'digit'} maxLength={maxLength} value={draft[field]} onChange={(value) => edit((previous) => ({ ...previous, [field]: value }))} />
          </FormField>
        ))}
        <FormField id='rules-note' label='修改说明' hint='写明为什么调整，便于日后查阅' error={errorOf('note')}>
          <Input maxLength={100} placeholder='如：本季度重点考核回复速度' value={draft.note} onChange={(value) => edit((previous) => ({ ...previous, note: value }))} />
        </FormField>
      </View>

      <InlineError id='rules-error' message={refusal} />
      <View className='record__submit rules-page__buttons'>
        {stale ? (
          <Button id='rules-reload' className='rules-page__button' fill='outline' onClick={onReload}>
            载入最新规则
          </Button>
        ) : (
          <Button id='rules-defaults' className='rules-page__button' fill='outline' onClick={() => edit((previous) => toDraft(defaultAssessmentRules, previous.note))}>
            填入默认值
          </Button>
        )}
        <Button id='rules-save' className='rules-page__button' type='primary' loading={saving} disabled={saving} onClick={() => void save()}>
          保存为新版本
        </Button>
      </View>
    </View>
  )
}

function rulesSummary(rules: AssessmentRules): string {
  const weights = indicatorKeys.map((key) => `${indicatorLabels[key]}${rules.weights[key] ?? 0}`).join('·')
  const grades = rules.grades.map((grade) => `${grade.label}≥${grade.min}`).join('、')
  return `${weights}；${grades}；及时标准${rules.firstReplyThresholdMinutes}分钟，投诉扣${rules.complaintPenalty}分，最少证据${rules.minimumEvidence}条，中性分${rules.neutralScore}`
}

function VersionRow({ version, inForce }: { version: RuleVersion; inForce: boolean }) {
  const id = `rules-version-${version.version}`
  return (
    <View id={id} className='account-list__row'>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>{version.version === 0 ? '版本0 · 默认规则' : `版本${version.version}`}</Text>
        {inForce ? (
          <View id={`${id}-in-force`}>
            <Tag type='success'>现行</Tag>
          </View>
        ) : null}
      </View>
      {version.note ? (
        <Text id={`${id}-note`} className='rules-page__note'>
          {version.note}
        </Text>
      ) : null}
      {version.changes.length > 0 ? (
        <View id={`${id}-changes`} className='rules-page__changes'>
          {version.changes.map((line) => (
            <Text key={line} className='rules-page__change'>
              {line}
            </Text>
          ))}
        </View>
      ) : null}
      <Text id={`${id}-summary`} className='rules-page__summary'>
        {rulesSummary(version.rules)}
      </Text>
      <View className='account-list__meta'>
        {version.savedAt ? <Text>{formatShanghaiTime(version.savedAt)}</Text> : <Text>系统内置</Text>}
        {version.savedByName ? <Text>{version.savedByName} 保存</Text> : null}
      </View>
    </View>
  )
}

function Versions({ list, inForce }: { list: PagedList<RuleVersion>; inForce: number }) {
  return (
    <View id='rules-versions' className='rules-page__versions'>
      <Text className='rules-page__versions-title'>版本记录</Text>
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='rules-versions-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState id='rules-versions-empty' title='暂无版本记录' />
      ) : (
        <View className='account-list rules-page__version-list'>
          {list.items.map((version) => (
            <VersionRow key={version.version} version={version} inForce={version.version === inForce} />
          ))}
          <ListFooter list={list} idPrefix='rules-versions' />
        </View>
      )}
    </View>
  )
}

function RulesScreen() {
  const { data, error, reload, setData } = useLoaded(useCallback(() => getAssessmentRules(), []))
  const fetchPage = useCallback((page: number, pageSize: number) => listRuleVersions({ page, pageSize }), [])
  const list = usePagedList('rule-versions', fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())

  if (error) return <ErrorState id='rules-load-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  const onSaved = (saved: RuleVersion) => {
    // The form is keyed by version: it starts again from what the server kept.
    setData(saved)
    list.reload()
  }
  const onReload = () => {
    reload()
    list.reload()
  }
  return (
    <View className='account-page record rules-page'>
      <View className='record__head card'>
        <Text className='record__title'>考核规则</Text>
        <Text id='rules-current-version' className='record__when'>
          {data.version === 0 ? '现行：版本0（默认规则）' : `现行：版本${data.version}，${data.savedByName ?? ''} ${data.savedAt ? formatShanghaiTime(data.savedAt) : ''} 保存`}
        </Text>
        <Text className='record__when'>每次保存生成一个新版本，旧版本原样保留；考核结果注明所用的规则版本。</Text>
      </View>
      <RulesForm key={data.version} current={data} onSaved={onSaved} onReload={onReload} />
      <Versions list={list} inForce={data.version} />
    </View>
  )
}

export default function AssessmentRulesPage() {
  return <SessionGate roles={['admin']}>{() => <RulesScreen />}</SessionGate>
}
