import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { Input, TextArea } from '@nutui/nutui-react-taro'
import {
  commonViolationPenalties,
  defaultViolationPoints,
  errorMessages,
  MAX_VIOLATION_POINTS,
  recordViolationInput,
  violationCategories,
  violationCategoryLabels,
  violationSeverities,
  violationSeverityLabels,
  type PersonSummary,
  type ViolationCategory,
  type ViolationClauseOption,
  type ViolationSeverity,
} from '@contract'
import { shanghaiToday } from '@/services/accounts'
import { showSuccess } from '@/services/feedback'
import { listViolationClauses, recordViolation } from '@/services/violations'
import { useLoaded } from '@/hooks/use-loaded'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { FormField } from '@/components/record/form-field'
import { ChoiceChips } from '@/components/record/filter-chips'
import { PersonPicker } from '@/components/record/person-picker'
import { firstIssue } from '@/components/record/outcome'
import { useSchemaForm } from '@/components/record/use-schema-form'
import { SubmitFooter } from '@/components/record/form-actions'
import { ClausePicker, suggestedCategory } from '../violation-parts/clause-picker'
import { violationDetailPage } from '../violation-paths'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../violation-parts/violation.scss'

type Field = 'personId' | 'sectionKey' | 'occurredOn' | 'category' | 'severity' | 'points' | 'penalty' | 'description'
const FIELDS: Field[] = ['personId', 'sectionKey', 'occurredOn', 'category', 'severity', 'points', 'penalty', 'description']

/** Refusals that belong next to a field rather than above the button. */
const FIELD_OF_CODE: Partial<Record<string, Field>> = {
  NOT_FOUND: 'personId',
  OUT_OF_SCOPE: 'personId',
  PERSON_LEFT: 'personId',
  DATE_IN_FUTURE: 'occurredOn',
  VIOLATION_CLAUSE_INVALID: 'sectionKey',
}

const categoryOptions = violationCategories.map((value) => ({ value, label: violationCategoryLabels[value] }))
const severityOptions = violationSeverities.map((value) => ({ value, label: `${violationSeverityLabels[value]}（${defaultViolationPoints[value]}分）` }))
const penaltyOptions = commonViolationPenalties.map((label, index) => ({ value: String(index), label }))

interface Version {
  id: string
  number: number
}

function RecordForm({ me, version, clauses }: { me: PersonSummary; version: Version; clauses: ViolationClauseOption[] }) {
  const [today] = useState(() => shanghaiToday())
  const [person, setPerson] = useState<PersonSummary | null>(null)
  const [personOpen, setPersonOpen] = useState(true)
  const [clause, setClause] = useState<ViolationClauseOption | null>(null)
  const [clauseOpen, setClauseOpen] = useState(true)
  const [occurredOn, setOccurredOn] = useState(today)
  const [category, setCategory] = useState<ViolationCategory | null>(null)
  const [categoryChosen, setCategoryChosen] = useState(false)
  const [severity, setSeverity] = useState<ViolationSeverity | null>(null)
  const [points, setPoints] = useState('')
  const [penalty, setPenalty] = useState('')
  const [description, setDescription] = useState('')

  // The server parses the same schema, so a form that passes here is not refused for its shape.
  const parsed = recordViolationInput.safeParse({
    personId: person?.id ?? '',
    occurredOn,
    versionId: version.id,
    sectionKey: clause?.sectionKey ?? '',
    category,
    severity,
    points: points.trim() === '' ? Number.NaN : Number(points),
    penalty,
    description,
  })
  const check = (field: Field): string | null => {
    if (field === 'category' && !category) return '请选择违规类别'
    if (field === 'severity' && !severity) return '请选择严重程度'
    if (field === 'points' && !severity) return null
    if (field === 'occurredOn') return firstIssue(parsed, 'occurredOn') ?? (occurredOn > today ? errorMessages.DATE_IN_FUTURE : null)
    return firstIssue(parsed, field)
  }
  const form = useSchemaForm(FIELDS, parsed, { check, fieldOfCode: FIELD_OF_CODE })
  const { errorOf, touch } = form

  const submit = async () => {
    if (form.busy) return
    const input = form.validate()
    if (!input) return
    await form.run(async () => {
      const recorded = await recordViolation(input)
      showSuccess('已记录')
      void Taro.redirectTo({ url: violationDetailPage(recorded.id) })
    })
  }

  return (
    <View className='account-page record violation-record'>
      <View className='record__form card' id='violation-form'>
        <FormField id='violation-person' label='违规人员' required hint={me.role === 'head' ? '本部门在职员工' : undefined} error={errorOf('personId')}>
          <PersonPicker
            idPrefix='violation-person'
            departmentId={me.role === 'head' ? me.departmentId : undefined}
            excludeIds={[me.id]}
            selected={person}
            onSelect={(chosen) => {
              setPerson(chosen)
              touch('personId')
            }}
            open={personOpen}
            onOpenChange={setPersonOpen}
            placeholder='选择违规人员'
          />
        </FormField>
        <FormField id='violation-clause' label={`违反条款（现行第${version.number}版）`} required error={errorOf('sectionKey')}>
          <ClausePicker
            options={clauses}
            selected={clause}
            open={clauseOpen}
            onOpenChange={setClauseOpen}
            onSelect={(option) => {
              setClause(option)
              touch('sectionKey')
              const guess = suggestedCategory(option)
              if (!categoryChosen && guess) setCategory(guess)
            }}
          />
        </FormField>
        <FormField id='violation-occurred-on' label='发生日期' required error={errorOf('occurredOn')}>
          <Picker
            mode='date'
            value={occurredOn}
            end={today}
            onChange={(event) => {
              setOccurredOn(String(event.detail.value))
              touch('occurredOn')
            }}
          >
            <View className='record__picker'>
              <Text id='violation-occurred-on-value'>{occurredOn}</Text>
              <Text className='record__picker-arrow'>›</Text>
            </View>
          </Picker>
        </FormField>
        <FormField id='violation-category' label='违规类别' required error={errorOf('category')}>
          <ChoiceChips
            idPrefix='violation-category'
            options={categoryOptions}
            selected={category}
            onSelect={(value) => {
              setCategory(value)
              setCategoryChosen(true)
              touch('category')
            }}
          />
        </FormField>
        <FormField id='violation-severity' label='严重程度' required error={errorOf('severity')}>
          <ChoiceChips
            idPrefix='violation-severity'
            options={severityOptions}
            selected={severity}
            danger={['serious']}
            onSelect={(value) => {
              setSeverity(value)
              // Each severity proposes its usual points; the recorder adjusts from there.
              setPoints(String(defaultViolationPoints[value]))
              touch('severity', 'points')
            }}
          />
        </FormField>
        <FormField id='violation-points' label='扣分' required hint={`按严重程度预填，可在0-${MAX_VIOLATION_POINTS}分之间调整`} error={errorOf('points')}>
          <Input
            type='digit'
            placeholder={severity ? `0-${MAX_VIOLATION_POINTS}` : '先选择严重程度'}
            maxLength={2}
            value={points}
            onChange={(value: string) => {
              setPoints(value)
              touch('points')
            }}
          />
        </FormField>
        <FormField id='violation-penalty' label='处理措施' required error={errorOf('penalty')}>
          <View className='violation-presets'>
            <ChoiceChips
              idPrefix='violation-penalty-preset'
              options={penaltyOptions}
              selected={penaltyOptions.find((o) => o.label === penalty.trim())?.value ?? null}
              onSelect={(value) => {
                setPenalty(penaltyOptions[Number(value)]?.label ?? '')
                touch('penalty')
              }}
            />
          </View>
          <Input
            placeholder='如口头警告、书面警告、通报批评'
            maxLength={200}
            value={penalty}
            onChange={(value: string) => {
              setPenalty(value)
              touch('penalty')
            }}
          />
        </FormField>
        <FormField id='violation-description' label='违规经过' required error={errorOf('description')}>
          <TextArea
            placeholder='何时、何事、造成什么影响，当事人可据此申诉'
            maxLength={500}
            showCount
            rows={4}
            value={description}
            onChange={(value: string) => {
              setDescription(value)
              touch('description')
            }}
          />
        </FormField>
      </View>

      <SubmitFooter errorId='violation-record-error' refusal={form.refusal} submitId='violation-submit' busy={form.busy} onSubmit={() => void submit()}>
        记录违规
      </SubmitFooter>
    </View>
  )
}

function RecordScreen({ me }: { me: PersonSummary }) {
  const load = useCallback(() => listViolationClauses(), [])
  const { data, error, reload } = useLoaded(load)
  if (error) return <ErrorState id='violation-record-load-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  if (!data.version) return <EmptyState id='violation-record-no-policy' title='还没有生效的管理制度' description='制度生效后才能据以记录违规' />
  return <RecordForm me={me} version={data.version} clauses={data.sections} />
}

export default function ViolationRecordPage() {
  return <SessionGate roles={['head', 'admin']}>{(me) => <RecordScreen me={me} />}</SessionGate>
}
