import { useCallback, useState } from 'react'
import Taro, { useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { appealStatusLabels, type PersonSummary } from '@contract'
import { listResults, type ResultRow } from '@/services/assessment'
import { listDepartments } from '@/services/roster'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { FilterChips } from '@/components/record/filter-chips'
import { ListFooter } from '@/components/record/list-footer'
import { SearchField } from '@/components/record/search-field'
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

function TeamScreen({ viewer }: { viewer: PersonSummary }) {
  const isAdmin = viewer.role === 'admin'
  const [month, setMonth] = useState(lastClosedMonth)
  const [departmentId, setDepartmentId] = useState('')
  const search = useSearchKeyword()
  // The last page's flags (published, visible) describe the month as a whole.
  const [meta, setMeta] = useState<Pick<ResultsPage, 'published' | 'visible'> | null>(null)

  const fetchPage = useCallback(
    async (page: number, pageSize: number) => {
      const answer = await listResults({ month, page, pageSize, departmentId: isAdmin && departmentId ? departmentId : undefined, keyword: search.keyword })
      setMeta({ published: answer.published, visible: answer.visible })
      return answer
    },
    [month, departmentId, search.keyword, isAdmin],
  )
  const list = usePagedList(`${month}|${departmentId}|${search.keyword}`, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  useListPullDown(list)

  const showAll = isAdmin && !departmentId
  return (
    <View id='team-page' className='account-page record'>
      <Watermark />
      <View className='record__head card'>
        <Text className='record__title'>{isAdmin ? '月度考核结果' : `${viewer.departmentName}考核结果`}</Text>
        <Text id='team-month' className='record__when'>
          {`${monthLabel(month)}${meta && !meta.published && meta.visible ? '（未发布，仅管理员可见）' : ''}`}
        </Text>
      </View>
      <MonthChips idPrefix='team-month' months={monthsEndingAt(lastClosedMonth(), MONTHS)} selected={month} onSelect={setMonth} />
      {isAdmin ? <DepartmentChips selected={departmentId} onSelect={setDepartmentId} /> : null}
      <SearchField id='team-search' placeholder='搜索姓名' search={search} />
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='team-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : meta && !meta.visible ? (
        <EmptyState id='team-hidden' title={`${monthLabel(month)}的考核结果尚未发布`} description='发布后可在这里查看本部门的结果' />
      ) : list.items.length === 0 ? (
        <EmptyState id='team-empty' title={search.keyword ? '没有找到匹配的人员' : '该月暂无考核结果'} />
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
                <Text className='assessment-table__cell'>{search.keyword ? '—' : index + 1}</Text>
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
    </View>
  )
}

export default function AssessmentTeamPage() {
  return <SessionGate roles={['head', 'admin']}>{(viewer) => <TeamScreen viewer={viewer} />}</SessionGate>
}
