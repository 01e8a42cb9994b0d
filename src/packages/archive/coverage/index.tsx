import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, Tag } from '@nutui/nutui-react-taro'
import { archiveSettingsSchema, type ArchiveCoverage, type ConfirmationFilter, type ConfirmationRow, type DepartmentCoverage, type Role } from '@contract'
import { fieldIssues, formatShanghaiTime, shanghaiMonth } from '@/services/accounts'
import { getCoverage, listConfirmations, updateArchiveSettings } from '@/services/archives'
import { messageOf, showSuccess } from '@/services/feedback'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, InlineError, PageLoading } from '@/components/state-views'
import { useLoaded } from '@/hooks/use-loaded'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { FilterChips } from '@/components/record/filter-chips'
import { FormField } from '@/components/record/form-field'
import { ListFooter } from '@/components/record/list-footer'
import { firstIssue } from '@/components/record/outcome'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/archive.scss'
import './index.scss'

const PAGE_SIZE = 20

const filterOptions: Array<{ value: ConfirmationFilter; label: string }> = [
  { value: 'unconfirmed', label: '未确认' },
  { value: 'incomplete', label: '有未完成事项' },
  { value: 'dormant', label: '近3个月无备份' },
  { value: 'confirmed', label: '已确认' },
]

const emptyTitles: Record<ConfirmationFilter, string> = {
  unconfirmed: '人人都已确认',
  incomplete: '没有人留下未完成的事项',
  dormant: '近3个月人人都有备份',
  confirmed: '还没有人确认',
}

function shiftMonth(month: string, delta: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number]
  const index = year * 12 + (mon - 1) + delta
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

function Tile({ id, value, label, alert = false }: { id: string; value: string; label: string; alert?: boolean }) {
  return (
    <View className='archive-coverage__tile' id={id}>
      <Text className={`archive-coverage__tile-value${alert ? ' archive-coverage__tile-value--alert' : ''}`}>{value}</Text>
      <Text className='archive-coverage__tile-label'>{label}</Text>
    </View>
  )
}

function DepartmentRow({ row, selected, onSelect }: { row: DepartmentCoverage; selected: boolean; onSelect: () => void }) {
  return (
    <View className={`archive-coverage__dept${selected ? ' archive-coverage__dept--selected' : ''}`} id={`coverage-dept-${row.departmentId}`} onClick={onSelect}>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>{row.departmentName}</Text>
        <Text>
          已确认 {row.confirmedCount}/{row.staffCount}
        </Text>
      </View>
      <View className='account-list__meta'>
        <Text>本月新增记录 {row.recordsAdded}</Text>
        {row.incompleteCount > 0 ? <Text>有未完成事项 {row.incompleteCount}</Text> : null}
        <Text className={row.dormantCount > 0 ? 'archive-coverage__flag' : ''}>近3个月无备份 {row.dormantCount}</Text>
      </View>
    </View>
  )
}

function DueDayEditor({ dueDay, onSaved }: { dueDay: number; onSaved: () => void }) {
  const [value, setValue] = useState(String(dueDay))
  const [serverError, setServerError] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const number = /^\d{1,2}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN
  const error = serverError ?? (Number.isNaN(number) ? '请输入1-28之间的整数' : firstIssue(archiveSettingsSchema.shape.confirmDueDay.safeParse(number)))

  const save = async () => {
    if (saving || error) return
    setSaving(true)
    setRefusal(null)
    try {
      await updateArchiveSettings({ confirmDueDay: number })
      showSuccess('已保存')
      onSaved()
    } catch (err) {
      const issue = fieldIssues(err).confirmDueDay
      if (issue) setServerError(issue)
      else setRefusal(messageOf(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='record__form card'>
      <FormField id='archive-due-day' label='每月确认截止日' required hint='1-28 日，默认 25 日；截止后未确认的人显示为逾期' error={error}>
        <Input
          type='number'
          maxLength={2}
          value={value}
          onChange={(next: string) => {
            setValue(next)
            setServerError(null)
          }}
        />
      </FormField>
      <InlineError id='archive-due-day-refusal' message={refusal} />
      <View className='record-form__actions'>
        <Button id='archive-due-day-save' type='primary' size='small' loading={saving} disabled={saving || Boolean(error) || number === dueDay} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </View>
  )
}

function Summary({ coverage, role, selected, onSelect }: { coverage: ArchiveCoverage; role: Role; selected: string; onSelect: (departmentId: string) => void }) {
  const { total } = coverage
  return (
    <>
      <View className='archive-coverage__summary card' id='coverage-summary'>
        <Text className='archive-coverage__scope'>{role === 'admin' ? '全公司' : (coverage.departments[0]?.departmentName ?? '本部门')}</Text>
        <View className='archive-coverage__tiles'>
          <Tile id='coverage-confirmed' value={`${total.confirmedCount}/${total.staffCount}`} label='已确认 / 在职人数' />
          <Tile id='coverage-incomplete' value={String(total.incompleteCount)} label='有未完成事项' />
          <Tile id='coverage-added' value={String(total.recordsAdded)} label='本月新增备份记录' />
          <Tile id='coverage-dormant' value={String(total.dormantCount)} label='近3个月无备份' alert={total.dormantCount > 0} />
        </View>
        <Text className='archive-coverage__due' id='coverage-due'>
          截止日期 {coverage.dueOn} · 近3个月指 {coverage.windowStart} 起
        </Text>
      </View>
      {role === 'admin' && coverage.departments.length > 1 ? (
        <>
          <Text className='page-section__title'>各部门（点选查看名单）</Text>
          <View className='account-list' id='coverage-departments'>
            {coverage.departments.map((row) => (
              <DepartmentRow key={row.departmentId} row={row} selected={row.departmentId === selected} onSelect={() => onSelect(row.departmentId === selected ? '' : row.departmentId)} />
            ))}
          </View>
        </>
      ) : null}
    </>
  )
}

function PersonRow({ row, showDepartment }: { row: ConfirmationRow; showDepartment: boolean }) {
  const tag = !row.confirmed ? <Tag type='danger'>未确认</Tag> : row.complete ? <Tag type='success'>已确认</Tag> : <Tag type='warning'>有未完成事项</Tag>
  return (
    <View className='account-list__row' id={`coverage-person-${row.personId}`}>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>{row.personName}</Text>
        {tag}
      </View>
      <View className='account-list__meta'>
        {showDepartment ? <Text>{row.departmentName}</Text> : null}
        {row.confirmedAt ? <Text>确认于 {formatShanghaiTime(row.confirmedAt)}{row.onTime === false ? '（逾期）' : ''}</Text> : null}
        <Text className={row.dormant ? 'archive-coverage__flag' : ''}>{row.lastBackedUpOn ? `最近备份 ${row.lastBackedUpOn}` : '从未登记备份'}</Text>
      </View>
    </View>
  )
}

function People({ month, departmentId, role }: { month: string; departmentId: string; role: Role }) {
  const [status, setStatus] = useState<ConfirmationFilter>('unconfirmed')
  const fetchPage = useCallback(
    (page: number, pageSize: number) => listConfirmations({ page, pageSize, month, status, departmentId: departmentId || undefined }),
    [month, status, departmentId],
  )
  const key = useMemo(() => JSON.stringify([month, status, departmentId]), [month, status, departmentId])
  const list = usePagedList(key, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  useRefreshOnShow(list.reload)

  return (
    <>
      <FilterChips id='coverage-filter' options={filterOptions} selected={status} onSelect={setStatus} />
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='coverage-people-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState id='coverage-people-empty' title={emptyTitles[status]} />
      ) : (
        <View className='account-list' id='coverage-people'>
          <Text className='account-list__total' id='coverage-people-total'>
            共 {list.total} 人
          </Text>
          {list.items.map((row) => (
            <PersonRow key={row.personId} row={row} showDepartment={role === 'admin' && !departmentId} />
          ))}
          <ListFooter list={list} idPrefix='coverage' />
        </View>
      )}
    </>
  )
}

function CoverageScreen({ role }: { role: Role }) {
  const [current] = useState(() => shanghaiMonth())
  const [month, setMonth] = useState(current)
  const [departmentId, setDepartmentId] = useState('')
  // Bumped to start the numbers and the names over (pull-down, a changed due day).
  const [version, setVersion] = useState(0)
  const load = useCallback(() => getCoverage(month === current ? undefined : month), [month, current])
  const { data, error, reload } = useLoaded(load)
  // The first month loads with the screen; each month chosen after that loads anew.
  const shownMonth = useRef(month)
  useEffect(() => {
    if (shownMonth.current === month) return
    shownMonth.current = month
    reload()
  }, [month, reload])

  const refresh = () => {
    reload()
    setVersion((v) => v + 1)
  }
  usePullDownRefresh(() => {
    refresh()
    void Taro.stopPullDownRefresh()
  })

  const changeMonth = (delta: number) => {
    const next = shiftMonth(month, delta)
    if (next > current) return
    setMonth(next)
  }

  const department = data?.departments.find((d) => d.departmentId === departmentId)
  return (
    <View className='account-page archive-coverage' id='archive-coverage'>
      <View className='archive-coverage__month'>
        <Text className='archive-coverage__month-step' id='coverage-month-prev' onClick={() => changeMonth(-1)}>
          ‹ 上月
        </Text>
        <Text id='coverage-month'>{month}</Text>
        <Text className={`archive-coverage__month-step${month >= current ? ' archive-coverage__month-step--off' : ''}`} id='coverage-month-next' onClick={() => changeMonth(1)}>
          下月 ›
        </Text>
      </View>
      {error ? (
        <ErrorState id='coverage-error' message={error} onRetry={reload} />
      ) : !data ? (
        <PageLoading />
      ) : (
        <Summary coverage={data} role={role} selected={departmentId} onSelect={setDepartmentId} />
      )}
      <Text className='page-section__title'>人员名单</Text>
      {department ? (
        <View className='archive-coverage__drill' id='coverage-drill'>
          <Text>{department.departmentName}</Text>
          <Text className='archive-coverage__drill-clear' id='coverage-drill-clear' onClick={() => setDepartmentId('')}>
            查看全部部门
          </Text>
        </View>
      ) : null}
      <People key={version} month={month} departmentId={departmentId} role={role} />
      {role === 'admin' && data ? (
        <>
          <Text className='page-section__title'>设置</Text>
          <DueDayEditor key={data.dueDay} dueDay={data.dueDay} onSaved={refresh} />
        </>
      ) : null}
    </View>
  )
}

export default function ArchiveCoveragePage() {
  return <SessionGate roles={['head', 'admin']}>{(person) => <CoverageScreen role={person.role} />}</SessionGate>
}
