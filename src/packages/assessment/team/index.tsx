import { useCallback, useMemo, useState } from 'react'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { appealStatusLabels, type PersonSummary } from '@contract'
import { listAppeals, listResults, type ResultRow } from '@/services/assessment'
import { formatShanghaiTime } from '@/services/accounts'
import { listDepartments } from '@/services/roster'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { FilterChips } from '@/components/record/filter-chips'
import { ListFooter } from '@/components/record/list-footer'
import { SearchField } from '@/components/record/search-field'
import { ActiveFilters, param } from '@/components/record/active-filters'
import { Watermark } from '@/components/watermark'
import { useLoaded } from '@/hooks/use-loaded'
import { useListPullDown } from '@/hooks/use-list-pull-down'
import { usePagedList } from '@/hooks/use-paged-list'
import { useSearchKeyword } from '@/hooks/use-search-keyword'
import { MonthChips } from '../components/month-chips'
import { lastClosedMonth, monthLabel, monthsEndingAt } from '../components/months'
import { GradeTag } from '../components/grade-tag'
import { resultPageUrl } from '../results-paths'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/assessment.scss'

const PAGE_SIZE = 20
const MONTHS = 6

type ResultsPage = Awaited<ReturnType<typeof listResults>>

function rowNote(row: ResultRow): string {
  const notes: string[] = []
  if (row.total !== row.computedTotal) notes.push(`原计算${row.computedTotal}分`)
  if (row.appealStatus) notes.push(appealStatusLabels[row.appealStatus])
  if (row.insufficientCount > 0) notes.push(`${row.insufficientCount}项证据不足`)
  return notes.join(' · ')
}

/** Admins choose a department (or everyone); a head's list is their own department, which the server decides. */
function DepartmentChips({ selected, onSelect }: { selected: string; onSelect: (id: string) => void }) {
  const { data } = useLoaded(useCallback(() => listDepartments(), []))
  const options = [{ value: '', label: '全部部门' }, ...(data ?? []).map((d) => ({ value: d.id, label: d.name }))]
  return <FilterChips id='team-department' options={options} selected={selected} onSelect={onSelect} />
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

interface Initial {
  month?: string
  departmentId?: string
  grade?: string
  /** `pending`: open on the appeals waiting for a decision, of every month. */
  appealStatus?: string
}

/** The department's appeals waiting for an admin's decision, every month, oldest month first. */
function PendingAppeals({ departmentId, onClose }: { departmentId?: string; onClose: () => void }) {
  const fetchPage = useCallback((page: number, pageSize: number) => listAppeals(page, pageSize, departmentId), [departmentId])
  const list = usePagedList(`appeals|${departmentId ?? ''}`, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  useListPullDown(list)
  return (
    <View id='team-appeals'>
      <ActiveFilters id='team-active' filters={[{ key: 'appeal', label: '申诉', value: '待处理', onClear: onClose }]} />
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='team-appeals-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState id='team-appeals-empty' title='没有待处理的申诉' />
      ) : (
        <View className='card'>
          <Text id='team-appeals-total' className='record__title'>{`待处理申诉 (${list.total})`}</Text>
          {list.items.map((row) => (
            <View
              key={row.id}
              id={`team-appeal-${row.id}`}
              className='assessment-table__row'
              onClick={() => void Taro.navigateTo({ url: resultPageUrl(row.month, row.personId) })}
            >
              <View className='assessment-table__name'>
                <Text>{`${row.personName}（${row.departmentName}）· ${monthLabel(row.month)}`}</Text>
                <Text className='assessment-table__note'>{`${formatShanghaiTime(row.appealedAt)} 申诉：${row.reason}`}</Text>
              </View>
              <Text className='assessment-table__cell'>{row.total}</Text>
              <View className='assessment-table__cell'>
                <GradeTag grade={row.grade} />
              </View>
            </View>
          ))}
          <ListFooter list={list} idPrefix='team-appeals' />
        </View>
      )}
    </View>
  )
}

/** Opened from a figure, the table starts on its `month`, `grade` and (admins) `departmentId`. */
function TeamScreen({ viewer, initial }: { viewer: PersonSummary; initial: Initial }) {
  const isAdmin = viewer.role === 'admin'
  const [month, setMonth] = useState(() => (initial.month && MONTH.test(initial.month) ? initial.month : lastClosedMonth()))
  const [departmentId, setDepartmentId] = useState(isAdmin ? (initial.departmentId ?? '') : '')
  const [grade, setGrade] = useState(initial.grade)
  const [appeals, setAppeals] = useState(initial.appealStatus === 'pending')
  // The chips cover the last closed months; a month opened with (e.g. the current one's preview) joins them.
  const months = useMemo(() => {
    const recent = monthsEndingAt(lastClosedMonth(), MONTHS)
    return initial.month && MONTH.test(initial.month) && !recent.includes(initial.month) ? [...recent, initial.month] : recent
  }, [initial.month])
  const search = useSearchKeyword()
  // The last page's flags (published, visible) describe the month as a whole.
  const [meta, setMeta] = useState<Pick<ResultsPage, 'published' | 'visible'> | null>(null)

  const fetchPage = useCallback(
    async (page: number, pageSize: number) => {
      // The appeals view lists its own records; the table waits until it is closed.
      if (appeals) return { items: [] as ResultRow[], total: 0, page, pageSize }
      const answer = await listResults({ month, page, pageSize, departmentId: isAdmin && departmentId ? departmentId : undefined, keyword: search.keyword, grade })
      setMeta({ published: answer.published, visible: answer.visible })
      return answer
    },
    [month, departmentId, search.keyword, isAdmin, grade, appeals],
  )
  const list = usePagedList(`${month}|${departmentId}|${search.keyword}|${grade ?? ''}|${appeals}`, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  useListPullDown(list)

  const showAll = isAdmin && !departmentId
  return (
    <View id='team-page' className='account-page record'>
      <Watermark />
      <View className='record__head card'>
        <Text className='record__title'>{isAdmin ? '月度考核结果' : `${viewer.departmentName}考核结果`}</Text>
        <Text id='team-month' className='record__when'>
          {appeals ? '各月份待处理申诉' : `${monthLabel(month)}${meta && !meta.published && meta.visible ? '（未发布，仅管理员可见）' : ''}`}
        </Text>
      </View>
      {appeals ? (
        <PendingAppeals departmentId={isAdmin && departmentId ? departmentId : undefined} onClose={() => setAppeals(false)} />
      ) : (
        <>
          <MonthChips idPrefix='team-month' months={months} selected={month} onSelect={setMonth} />
          {isAdmin ? <DepartmentChips selected={departmentId} onSelect={setDepartmentId} /> : null}
          <ActiveFilters id='team-active' filters={[grade ? { key: 'grade', label: '等级', value: grade, onClear: () => setGrade(undefined) } : null]} />
          <SearchField id='team-search' placeholder='搜索姓名' search={search} />
          {list.status === 'loading' ? (
            <PageLoading />
          ) : list.status === 'error' ? (
            <ErrorState id='team-error' message={list.error ?? ''} onRetry={list.reload} />
          ) : meta && !meta.visible ? (
            <EmptyState id='team-hidden' title={`${monthLabel(month)}的考核结果尚未发布`} description='发布后可在这里查看本部门的结果' />
          ) : list.items.length === 0 ? (
            <EmptyState id='team-empty' title={search.keyword ? '没有找到匹配的人员' : grade ? `该月没有${grade}等级的结果` : '该月暂无考核结果'} />
          ) : (
            <View id='team-results' className='card'>
              <View className='assessment-table__row assessment-table__head'>
                <Text className='assessment-table__cell'>名次</Text>
                <Text className='assessment-table__name'>姓名</Text>
                <Text className='assessment-table__cell'>总分</Text>
                <Text className='assessment-table__cell'>等级</Text>
              </View>
              {list.items.map((row, index) => {
                const note = rowNote(row)
                return (
                  <View
                    key={row.id}
                    id={`team-row-${row.personId}`}
                    className='assessment-table__row'
                    onClick={() => void Taro.navigateTo({ url: resultPageUrl(month, row.personId) })}
                  >
                    {/* A filtered list is not a ranking. */}
                    <Text className='assessment-table__cell'>{search.keyword || grade ? '—' : index + 1}</Text>
                    <View className='assessment-table__name'>
                      <Text>{showAll ? `${row.personName}（${row.departmentName}）` : row.personName}</Text>
                      {note ? <Text className='assessment-table__note'>{note}</Text> : null}
                    </View>
                    <Text className='assessment-table__cell'>{row.total}</Text>
                    <View className='assessment-table__cell'>
                      <GradeTag grade={row.grade} />
                    </View>
                  </View>
                )
              })}
              <ListFooter list={list} idPrefix='team-results' />
            </View>
          )}
        </>
      )}
    </View>
  )
}

export default function AssessmentTeamPage() {
  const { params } = useRouter()
  const initial: Initial = { month: param(params.month), departmentId: param(params.departmentId), grade: param(params.grade), appealStatus: param(params.appealStatus) }
  return <SessionGate roles={['head', 'admin']}>{(viewer) => <TeamScreen viewer={viewer} initial={initial} />}</SessionGate>
}
