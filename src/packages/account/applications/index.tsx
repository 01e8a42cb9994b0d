import { useCallback, useEffect, useMemo, useState } from 'react'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { applicationStatuses, applicationStatusLabels, type ApplicationListStatus, type ApplicationSummary, type Role } from '@contract'
import { formatShanghaiTime, listApplications } from '@/services/accounts'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { useListPullDown } from '@/hooks/use-list-pull-down'
import { FilterChips } from '@/components/record/filter-chips'
import { ListFooter } from '@/components/record/list-footer'
import { ActiveFilters, param, useDepartmentName } from '@/components/record/active-filters'
import { applicationDetail } from '@/routes'
import { ApplicationStatusTag } from '../components/status-tag'
import '@/components/record/page.scss'
import '@/components/record/record.scss'

const PAGE_SIZE = 20

const statusLabels: Record<ApplicationListStatus, string> = { open: '审批中', ...applicationStatusLabels }

const statusOptions: Array<{ value: ApplicationListStatus | ''; label: string }> = [
  { value: '', label: '全部' },
  { value: 'open', label: statusLabels.open },
  ...applicationStatuses.map((value) => ({ value, label: applicationStatusLabels[value] })),
]

function isStatus(value: string | undefined): value is ApplicationListStatus {
  return value !== undefined && value in statusLabels
}

function ApplicationRow({ application }: { application: ApplicationSummary }) {
  return (
    <View className='account-list__row' id={`application-${application.id}`} onClick={() => void Taro.navigateTo({ url: applicationDetail(application.id) })}>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>
          {application.applicantName} · {application.departmentName}
        </Text>
        <ApplicationStatusTag status={application.status} />
      </View>
      <View className='account-list__meta'>
        <Text>{application.purpose}</Text>
      </View>
      <View className='account-list__meta'>
        <Text>提交于 {formatShanghaiTime(application.submittedAt)}</Text>
      </View>
    </View>
  )
}

interface Initial {
  status?: string
  departmentId?: string
}

/**
 * A department's applications, whoever decides them: heads their own department, admins every
 * department or (opened from a figure) one. Those still waiting list the longest waiting first.
 */
function Applications({ role, initial }: { role: Role; initial: Initial }) {
  const [status, setStatus] = useState<ApplicationListStatus | ''>(isStatus(initial.status) ? initial.status : 'open')
  const [departmentId, setDepartmentId] = useState(role === 'admin' ? initial.departmentId : undefined)
  const departmentName = useDepartmentName(departmentId)

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: role === 'admin' ? '全公司账号申请' : '本部门账号申请' })
  }, [role])

  const fetchPage = useCallback(
    (page: number, pageSize: number) => listApplications({ scope: 'department', page, pageSize, status: status || undefined, departmentId }),
    [status, departmentId],
  )
  const key = useMemo(() => JSON.stringify([status, departmentId]), [status, departmentId])
  const list = usePagedList(key, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  // Back from an application just decided: its status must say so.
  useRefreshOnShow(list.reload)
  useListPullDown(list)

  return (
    <View className='account-page applications'>
      <FilterChips<ApplicationListStatus | ''> id='applications-status' options={statusOptions} selected={status} onSelect={setStatus} />
      <ActiveFilters
        id='applications-active'
        filters={[departmentId ? { key: 'department', label: '部门', value: departmentName, onClear: () => setDepartmentId(undefined) } : null]}
      />
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='applications-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState id='applications-empty' title={status === 'open' ? '没有审批中的申请' : '没有符合条件的申请'} />
      ) : (
        <View className='account-list' id='applications-list'>
          <Text className='account-list__total' id='applications-total'>
            共 {list.total} 份申请
          </Text>
          {list.items.map((application) => (
            <ApplicationRow key={application.id} application={application} />
          ))}
          <ListFooter list={list} idPrefix='applications' />
        </View>
      )}
    </View>
  )
}

export default function ApplicationsPage() {
  const { params } = useRouter()
  const initial: Initial = { status: param(params.status), departmentId: param(params.departmentId) }
  return <SessionGate roles={['head', 'admin']}>{(person) => <Applications role={person.role} initial={initial} />}</SessionGate>
}
