import { useCallback, useMemo, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { AckProgress, PersonSummary } from '@contract'
import { getAckProgress, listAckStatus, remindPolicy } from '@/services/policy'
import { messageOf } from '@/services/feedback'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, InlineError, PageLoading } from '@/components/state-views'
import { FilterChips } from '@/components/record/filter-chips'
import { ListFooter } from '@/components/record/list-footer'
import { param } from '@/components/record/active-filters'
import { useLoaded } from '@/hooks/use-loaded'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { Departments, PersonRow, Summary } from './parts'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import './index.scss'

const PAGE_SIZE = 20

type Filter = 'all' | 'pending' | 'overdue' | 'acknowledged'

const filterOptions: Array<{ value: Filter; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'pending', label: '未确认' },
  { value: 'overdue', label: '已逾期' },
  { value: 'acknowledged', label: '已确认' },
]

const emptyTitles: Record<Filter, string> = {
  all: '没有需要确认的人员',
  pending: '所有人都已确认',
  overdue: '没有逾期未确认的人员',
  acknowledged: '还没有人确认',
}

function reminderMessage(reminded: number, skipped: number): string {
  if (reminded === 0 && skipped === 0) return '没有需要提醒的人员'
  return skipped > 0 ? `已提醒 ${reminded} 人，${skipped} 人今天已提醒过` : `已提醒 ${reminded} 人`
}

function isFilter(value: string | undefined): value is Filter {
  return filterOptions.some((o) => o.value === value)
}

interface Initial {
  departmentId?: string
  filter?: string
}

function ProgressScreen({
  progress,
  admin,
  initial,
  onRefresh,
}: {
  progress: AckProgress & { version: NonNullable<AckProgress['version']> }
  admin: boolean
  /** Opened from a figure: the department (admins) and the filter to start on. */
  initial: Initial
  onRefresh: () => void
}) {
  const { version } = progress
  const [department, setDepartment] = useState<string | null>(admin && progress.departments.some((d) => d.departmentId === initial.departmentId) ? initial.departmentId! : null)
  const [filter, setFilter] = useState<Filter>(isFilter(initial.filter) ? initial.filter : 'all')
  const [reminding, setReminding] = useState(false)
  const [remindError, setRemindError] = useState<string | null>(null)

  const fetchPage = useCallback(
    (page: number, pageSize: number) => listAckStatus({ page, pageSize, versionId: version.id, filter, ...(department ? { departmentId: department } : {}) }),
    [version.id, filter, department],
  )
  const key = useMemo(() => JSON.stringify([version.id, filter, department]), [version.id, filter, department])
  const list = usePagedList(key, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  const refreshAll = () => {
    onRefresh()
    list.reload()
  }
  useRefreshOnShow(refreshAll)
  usePullDownRefresh(() => {
    refreshAll()
    void Taro.stopPullDownRefresh()
  })

  const scope = department ? progress.departments.find((d) => d.departmentId === department) : null
  const outstanding = scope ? scope.staffCount - scope.acknowledgedCount : progress.staffCount - progress.acknowledgedCount

  const remind = async () => {
    if (reminding) return
    setReminding(true)
    setRemindError(null)
    try {
      const result = await remindPolicy(version.id, department ?? undefined)
      void Taro.showToast({ title: reminderMessage(result.reminded, result.skipped), icon: 'none', duration: 2500 })
      refreshAll()
    } catch (err) {
      setRemindError(messageOf(err))
    } finally {
      setReminding(false)
    }
  }

  return (
    <>
      {admin && progress.departments.length > 0 ? (
        <>
          <Text className='page-section__title'>各部门（点击查看该部门人员）</Text>
          <Departments departments={progress.departments} selected={department} onSelect={setDepartment} />
        </>
      ) : null}
      {/* Reminders go out only for the version people must acknowledge now. */}
      {version.inForce ? (
        <View className='ack-remind'>
          <Button id='ack-remind' type='primary' block loading={reminding} disabled={reminding || outstanding <= 0} onClick={() => void remind()}>
            {scope ? `提醒${scope.departmentName}未确认人员` : '一键提醒未确认人员'}
          </Button>
          <InlineError id='ack-remind-error' message={remindError} />
        </View>
      ) : null}
      <View className='ack-list-head'>
        <Text className='page-section__title ack-list-head__title'>{scope ? `${scope.departmentName}人员` : '人员'}</Text>
        {scope ? (
          <Text id='ack-dept-clear' className='ack-list-head__clear' onClick={() => setDepartment(null)}>
            查看全部部门
          </Text>
        ) : null}
      </View>
      <FilterChips id='ack-filter' options={filterOptions} selected={filter} onSelect={setFilter} />
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='ack-list-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState id='ack-list-empty' title={emptyTitles[filter]} />
      ) : (
        <View id='ack-list' className='account-list'>
          <Text className='account-list__total'>共 {list.total} 人</Text>
          {list.items.map((row) => (
            <PersonRow key={row.personId} row={row} />
          ))}
          <ListFooter list={list} idPrefix='ack-list' />
        </View>
      )}
    </>
  )
}

function Progress({ person, versionId, initial }: { person: PersonSummary; versionId: string | undefined; initial: Initial }) {
  const load = useCallback(() => getAckProgress(versionId), [versionId])
  const { data, error, reload, setData } = useLoaded(load)
  // Counts move after a reminder or a pull; the screen keeps what it has while they load.
  const refresh = useCallback(() => void load().then(setData, () => undefined), [load, setData])

  if (error) return <ErrorState id='ack-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  const admin = person.role === 'admin'
  const { version } = data
  if (!version) return <EmptyState id='ack-empty' title='暂无生效的制度' description='制度发布并生效后，可在这里查看确认进度' />
  return (
    <View id='policy-progress-page' className='account-page ack-progress'>
      <Summary progress={data} scope={admin ? '全公司' : '本部门'} />
      <ProgressScreen progress={{ ...data, version }} admin={admin} initial={initial} onRefresh={refresh} />
    </View>
  )
}

export default function PolicyProgressPage() {
  const router = useRouter()
  const versionId = typeof router.params.versionId === 'string' && router.params.versionId ? router.params.versionId : undefined
  const initial: Initial = { departmentId: param(router.params.departmentId), filter: param(router.params.filter) }
  return <SessionGate roles={['head', 'admin']}>{(person) => <Progress person={person} versionId={versionId} initial={initial} />}</SessionGate>
}
