import { useCallback, useEffect, useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { drillUrl } from '@contract'
import { shanghaiMonth } from '@contract/calendar'
import { getDashboard, type Dashboard, type DashboardDrill } from '@/services/dashboard'
import { ErrorState, PageLoading } from '@/components/state-views'
import { FilterChips, type FilterOption } from '@/components/record/filter-chips'
import { MonthChips } from '../assessment/components/month-chips'
import { monthsEndingAt, shortMonthLabel } from '../assessment/components/months'
import { BarChart, LineChart, PieChart, type BarDatum, type LineDatum, type PieDatum } from './charts'
import './board.scss'

/** The current month and the five before it: the months the trend chart covers. */
const MONTHS = 6

/** Tab pages cannot be opened with navigateTo (nor take a query); everything else can. */
export function openDrill(drill: DashboardDrill): void {
  if (drill.page.startsWith('/pages/')) void Taro.switchTab({ url: drill.page })
  else void Taro.navigateTo({ url: drillUrl(drill) })
}

/** A chart's items and the list behind each, looked up by what the chart hands back on a tap. */
function drillable<T>(items: Array<{ datum: T; drill: DashboardDrill }>, key: (datum: T) => string) {
  const byKey = new Map(items.map((i) => [key(i.datum), i.drill]))
  return {
    data: items.map((i) => i.datum),
    open: (datum: T) => {
      const drill = byKey.get(key(datum))
      if (drill) openDrill(drill)
    },
  }
}

const barKey = (d: BarDatum) => `${d.category}\u0000${d.series ?? ''}`
const pieKey = (d: PieDatum) => d.category
const lineKey = (d: LineDatum) => `${d.series}\u0000${d.month}`

function hoursText(hours: number | null): string {
  if (hours === null) return '—'
  return hours < 48 ? `${Math.round(hours)} 小时` : `${Math.round(hours / 24)} 天`
}

function Tile({ id, label, value, note, alert, drill }: { id: string; label: string; value: string; note?: string; alert?: boolean; drill?: DashboardDrill }) {
  return (
    <View id={id} className={`dashboard__tile${alert ? ' dashboard__tile--alert' : ''}`} onClick={drill ? () => openDrill(drill) : undefined}>
      <Text className='dashboard__tile-value' id={`${id}-value`}>
        {value}
      </Text>
      <Text className='dashboard__tile-label'>{label}</Text>
      {note ? <Text className='dashboard__tile-note'>{note}</Text> : null}
    </View>
  )
}

function Figures({ data }: { data: Dashboard }) {
  const accounts = drillable<PieDatum>(
    data.accounts.byStatus.filter((s) => s.count > 0).map((s) => ({ datum: { category: s.label, value: s.count }, drill: s.drill })),
    pieKey,
  )
  const approvals = drillable<BarDatum>(
    data.approvals.byKind.map((k) => ({ datum: { category: k.label, value: k.count }, drill: k.drill })),
    barKey,
  )
  const anomalies = drillable<BarDatum>(
    data.anomalies.byType.flatMap((t) => [
      { datum: { category: t.label, series: '未超时', value: t.open - t.pastTarget }, drill: t.drill },
      { datum: { category: t.label, series: '已超时', value: t.pastTarget }, drill: t.drill },
    ]),
    barKey,
  )
  const policy = drillable<BarDatum>(
    data.policyAck.departments.map((d) => ({ datum: { category: d.departmentName, value: d.rate }, drill: d.drill })),
    barKey,
  )
  const notices = drillable<BarDatum>(
    data.noticesOverdue.departments.filter((d) => d.count > 0).map((d) => ({ datum: { category: d.departmentName, value: d.count }, drill: d.drill })),
    barKey,
  )
  const spotChecks = drillable<BarDatum>(
    data.spotChecks.departments
      .filter((d) => d.sampled > 0)
      .flatMap((d) => [
        { datum: { category: d.departmentName, series: '已评分', value: d.scored }, drill: d.drill },
        { datum: { category: d.departmentName, series: '待评分', value: d.sampled - d.scored }, drill: d.drill },
      ]),
    barKey,
  )
  const grades = drillable<PieDatum>(
    data.scores.byGrade.filter((g) => g.count > 0).map((g) => ({ datum: { category: g.grade, value: g.count }, drill: g.drill })),
    pieKey,
  )
  const trend = drillable<LineDatum>(
    data.trend.departments.flatMap((d) =>
      d.points.filter((p) => p.average !== null).map((p) => ({ datum: { month: p.month, series: d.departmentName, value: p.average! }, drill: p.drill })),
    ),
    lineKey,
  )
  const { approvals: waiting, anomalies: open, policyAck, scores } = data

  return (
    <View id='dashboard-figures'>
      <View className='dashboard__tiles' id='dashboard-tiles'>
        <Tile id='tile-accounts' label='业务微信账号' value={String(data.accounts.total)} drill={data.accounts.drill} />
        <Tile id='tile-approvals' label='待审批' value={String(waiting.total)} note={waiting.oldestHours === null ? undefined : `最久 ${hoursText(waiting.oldestHours)}`} alert={waiting.total > 0} />
        <Tile
          id='tile-anomalies'
          label='未办结异常'
          value={String(open.open)}
          note={`超时 ${open.pastTarget}`}
          alert={open.pastTarget > 0}
          drill={open.drill}
        />
        <Tile id='tile-policy' label='制度确认率' value={`${policyAck.rate}%`} note={policyAck.version ? `第 ${policyAck.version.number} 版` : '暂无现行制度'} drill={policyAck.drill} />
        <Tile id='tile-notices' label='逾期未确认通知' value={String(data.noticesOverdue.count)} alert={data.noticesOverdue.count > 0} drill={data.noticesOverdue.drill} />
        <Tile id='tile-spot-checks' label='本月抽查' value={`${data.spotChecks.scored}/${data.spotChecks.sampled}`} note='已评分/抽中' drill={data.spotChecks.drill} />
        <Tile
          id='tile-score'
          label='月度平均分'
          value={scores.visible && scores.average !== null ? String(scores.average) : '—'}
          note={scores.visible ? (scores.published ? '已发布' : '未发布') : '尚未发布'}
          drill={scores.drill}
        />
      </View>

      <PieChart id='chart-accounts' title='账号状态' data={accounts.data} donut unit='个' emptyText='还没有业务微信账号' onSelect={accounts.open} />
      <BarChart id='chart-approvals' title='待审批事项' data={approvals.data} unit='件' emptyText='没有待审批事项' onSelect={approvals.open} />
      {waiting.byKind.some((k) => k.count > 0) ? (
        <View className='dashboard__note card' id='approvals-waiting'>
          {waiting.byKind
            .filter((k) => k.count > 0)
            .map((k) => (
              <Text key={k.kind} className='dashboard__note-line' id={`approvals-waiting-${k.kind}`}>
                {`${k.label}：最久等待 ${hoursText(k.oldestHours)}，中位 ${hoursText(k.medianHours)}`}
              </Text>
            ))}
        </View>
      ) : null}
      <BarChart
        id='chart-anomalies'
        title={`未办结异常（受理时限 ${open.targetHours.acknowledge} 小时，处置时限 ${open.targetHours.resolve} 小时）`}
        data={anomalies.data}
        unit='起'
        emptyText='没有未办结的异常'
        onSelect={anomalies.open}
      />
      <BarChart id='chart-policy' title='各部门制度确认率' data={policy.data} unit='%' emptyText='暂无现行制度' onSelect={policy.open} />
      <BarChart id='chart-notices' title='逾期未确认的通知' data={notices.data} unit='条' emptyText='本月没有逾期未确认的通知' onSelect={notices.open} />
      <BarChart id='chart-spot-checks' title='本月抽查' data={spotChecks.data} unit='人' emptyText='本月还没有抽查' onSelect={spotChecks.open} />
      <PieChart
        id='chart-grades'
        title='本月考核等级分布'
        data={grades.data}
        unit='人'
        emptyText={scores.visible ? '本月还没有考核结果' : '本月考核结果尚未发布'}
        onSelect={grades.open}
      />
      <LineChart id='chart-trend' title='各部门平均分趋势' data={trend.data} unit='分' monthLabel={shortMonthLabel} emptyText='近六个月还没有考核结果' onSelect={trend.open} />
    </View>
  )
}

/**
 * The dashboard of an admin (the company, or one department) or a head (their department, which
 * the server enforces). Every chart and figure opens the list behind it.
 */
export function DashboardBoard({ isAdmin }: { isAdmin: boolean }) {
  const current = shanghaiMonth(new Date())
  const months = useMemo(() => monthsEndingAt(current, MONTHS), [current])
  const [month, setMonth] = useState(current)
  const [departmentId, setDepartmentId] = useState('')
  const [state, setState] = useState<{ status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: Dashboard }>({ status: 'loading' })
  const [departments, setDepartments] = useState<Array<FilterOption<string>>>([])

  const load = useCallback(() => {
    setState({ status: 'loading' })
    getDashboard({ month, departmentId: departmentId || undefined })
      .then((data) => {
        setState({ status: 'ready', data })
        // The choice of departments comes with the company-wide answer and stays while one is picked.
        if (!departmentId) setDepartments([{ value: '', label: '全公司' }, ...data.departments.map((d) => ({ value: d.id, label: d.name }))])
      })
      .catch((err: Error) => setState({ status: 'error', message: err.message }))
  }, [month, departmentId])

  useEffect(load, [load])

  return (
    <View className='dashboard' id='dashboard'>
      <MonthChips idPrefix='dashboard-month' months={months} selected={month} onSelect={setMonth} />
      {isAdmin && departments.length > 1 ? <FilterChips id='dashboard-department' options={departments} selected={departmentId} onSelect={setDepartmentId} /> : null}
      {state.status === 'loading' ? (
        <PageLoading id='dashboard-loading' />
      ) : state.status === 'error' ? (
        <ErrorState id='dashboard-error' message={state.message} onRetry={load} />
      ) : (
        <Figures data={state.data} />
      )}
    </View>
  )
}
