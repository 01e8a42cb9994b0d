import { useCallback, useMemo, useState } from 'react'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { anomalyStatuses, anomalyStatusLabels, anomalyTypeLabels, anomalyTypes, type AnomalyListStatus, type AnomalySummary, type AnomalyType, type Role } from '@contract'
import { formatShanghaiTime } from '@/services/accounts'
import { listAnomalies } from '@/services/anomalies'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { anomalyDetail, routes } from '@/routes'
import { AnomalyStatusTag } from '../components/status-tag'
import { FilterChips } from '@/components/record/filter-chips'
import { ListFooter } from '@/components/record/list-footer'
import { ActiveFilters, param, useDepartmentName } from '@/components/record/active-filters'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import './index.scss'

const PAGE_SIZE = 20

type Scope = 'mine' | 'handling'

function AnomalyRow({ anomaly, scope }: { anomaly: AnomalySummary; scope: Scope }) {
  return (
    <View className='account-list__row' id={`anomaly-${anomaly.id}`} onClick={() => void Taro.navigateTo({ url: anomalyDetail(anomaly.id) })}>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>{anomalyTypeLabels[anomaly.type]}</Text>
        <AnomalyStatusTag status={anomaly.status} />
      </View>
      <View className='account-list__meta'>
        {scope === 'handling' ? (
          <Text>
            {anomaly.reporterName} · {anomaly.departmentName}
          </Text>
        ) : null}
        <Text>{anomaly.accountWechatId ? `账号 ${anomaly.accountWechatId}` : '未关联账号'}</Text>
      </View>
      <View className='account-list__meta'>
        <Text>发生于 {formatShanghaiTime(anomaly.occurredAt)}</Text>
        <Text>报告于 {formatShanghaiTime(anomaly.reportedAt)}</Text>
      </View>
    </View>
  )
}

const statusLabels: Record<AnomalyListStatus, string> = { unresolved: '未解决', ...anomalyStatusLabels }

function isStatus(value: string | undefined): value is AnomalyListStatus {
  return value !== undefined && value in statusLabels
}

function isType(value: string | undefined): value is AnomalyType {
  return (anomalyTypes as readonly string[]).includes(value ?? '')
}

interface Initial {
  scope: Scope
  status?: string
  type?: string
  departmentId?: string
}

/** Opened from a figure, the list starts on its `scope`, `status`, `type` and (admins) `departmentId`. */
function Anomalies({ role, initial }: { role: Role; initial: Initial }) {
  const handles = role !== 'employee'
  const [scope, setScope] = useState<Scope>(handles ? initial.scope : 'mine')
  const [status, setStatus] = useState<AnomalyListStatus | ''>(isStatus(initial.status) ? initial.status : '')
  const [type, setType] = useState<AnomalyType | undefined>(isType(initial.type) ? initial.type : undefined)
  // A head handles their own department only; the department narrows an admin's list.
  const [departmentId, setDepartmentId] = useState(role === 'admin' ? initial.departmentId : undefined)
  const departmentName = useDepartmentName(departmentId)
  const effectiveDepartment = scope === 'handling' ? departmentId : undefined

  const fetchPage = useCallback(
    (page: number, pageSize: number) => listAnomalies({ scope, page, pageSize, status: status || undefined, type, departmentId: effectiveDepartment }),
    [scope, status, type, effectiveDepartment],
  )
  const key = useMemo(() => JSON.stringify([scope, status, type, effectiveDepartment]), [scope, status, type, effectiveDepartment])
  const list = usePagedList(key, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  // Back from a detail where it was acknowledged or resolved: the list must say so.
  useRefreshOnShow(list.reload)

  const statusOptions = [
    { value: '' as const, label: '全部' },
    { value: 'unresolved' as const, label: statusLabels.unresolved },
    ...anomalyStatuses.map((value) => ({ value, label: anomalyStatusLabels[value] })),
  ]
  const scopeOptions: Array<{ value: Scope; label: string }> = [
    { value: 'handling', label: role === 'admin' ? '全公司' : '本部门' },
    { value: 'mine', label: '我报告的' },
  ]

  return (
    <View className='account-page anomalies'>
      {handles ? <FilterChips id='anomalies-scope' options={scopeOptions} selected={scope} onSelect={setScope} /> : null}
      <FilterChips<AnomalyListStatus | ''> id='anomalies-filter' options={statusOptions} selected={status} onSelect={setStatus} />
      <ActiveFilters
        id='anomalies-active'
        filters={[
          type ? { key: 'type', label: '类型', value: anomalyTypeLabels[type], onClear: () => setType(undefined) } : null,
          effectiveDepartment ? { key: 'department', label: '部门', value: departmentName, onClear: () => setDepartmentId(undefined) } : null,
        ]}
      />
      {scope === 'mine' ? (
        <View className='record__submit anomalies__report'>
          <Button id='anomalies-report' type='danger' fill='outline' block onClick={() => void Taro.navigateTo({ url: routes.anomalyReport })}>
            报告账号异常
          </Button>
        </View>
      ) : null}

      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='anomalies-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState
          id='anomalies-empty'
          title={status ? `没有${statusLabels[status]}的报告` : type || effectiveDepartment ? '没有符合条件的报告' : scope === 'mine' ? '你还没有报告过异常' : '暂无异常报告'}
          description={scope === 'mine' ? '账号被盗、登录受限、疑似诈骗时请立即报告' : '员工报告的账号异常会显示在这里'}
        />
      ) : (
        <View className='account-list anomalies__list' id='anomalies-list'>
          <Text className='account-list__total' id='anomalies-total'>
            共 {list.total} 份报告
          </Text>
          {list.items.map((anomaly) => (
            <AnomalyRow key={anomaly.id} anomaly={anomaly} scope={scope} />
          ))}
          <ListFooter list={list} idPrefix='anomalies' />
        </View>
      )}
    </View>
  )
}

export default function AnomaliesPage() {
  const router = useRouter()
  const { params } = router
  const initial: Initial = { scope: params.scope === 'mine' ? 'mine' : 'handling', status: param(params.status), type: param(params.type), departmentId: param(params.departmentId) }
  return <SessionGate>{(person) => <Anomalies role={person.role} initial={initial} />}</SessionGate>
}
