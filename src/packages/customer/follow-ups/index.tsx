import { useCallback, useEffect, useMemo, useState } from 'react'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { CustomerScope, FollowUp, FollowUpWindow, PersonSummary } from '@contract'
import { closeFollowUp, listFollowUps } from '@/services/customers'
import { showError, showSuccess } from '@/services/feedback'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { Watermark } from '@/components/watermark'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { useListPullDown } from '@/hooks/use-list-pull-down'
import { FilterChips } from '@/components/record/filter-chips'
import { ListFooter } from '@/components/record/list-footer'
import { FollowUpStateTag } from '../components/tags'
import { dueText } from '../components/format'
import { useDepartments } from '../components/use-departments'
import { customerDetail } from '../paths'
import '@/components/record/page.scss'
import '../components/customer.scss'

const PAGE_SIZE = 20

const windowOptions: Array<{ value: FollowUpWindow; label: string }> = [
  { value: 'due', label: '今天到期和逾期' },
  { value: 'overdue', label: '已逾期' },
  { value: 'open', label: '全部待跟进' },
]

/** A row opens its customer; the owner can also tick it off right here. */
function Row({ followUp, showOwner, canClose, onClosed }: { followUp: FollowUp; showOwner: boolean; canClose: boolean; onClosed: () => void }) {
  const [busy, setBusy] = useState(false)
  const rowId = `follow-up-row-${followUp.id}`
  const done = async () => {
    if (busy) return
    setBusy(true)
    try {
      await closeFollowUp(followUp.id, 'done')
      showSuccess('已完成')
      onClosed()
    } catch (err) {
      showError(err)
      // Closed elsewhere or handed over meanwhile: the list as it is now says which.
      onClosed()
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='account-list__row' id={rowId} onClick={() => void Taro.navigateTo({ url: customerDetail(followUp.customerId) })}>
      <View className='account-list__row-head'>
        <Text className='account-list__title follow-up-list__customer'>{followUp.customerName}</Text>
        <FollowUpStateTag id={`${rowId}-state`} state={followUp.state} />
      </View>
      <Text className='follow-up__what'>{followUp.what}</Text>
      <View className='account-list__meta'>
        <Text className={followUp.daysOverdue > 0 ? 'customers__due' : ''}>
          {dueText(followUp.dueOn, followUp.daysOverdue)}（{followUp.dueOn}）
        </Text>
        {showOwner ? (
          <Text>
            {followUp.ownerName} · {followUp.departmentName}
          </Text>
        ) : null}
      </View>
      {canClose ? (
        <View className='follow-up__buttons'>
          <Button
            id={`${rowId}-done`}
            size='small'
            type='primary'
            loading={busy}
            disabled={busy}
            onClick={(event: { stopPropagation?: () => void }) => {
              // The row opens the customer; this button only ticks the follow-up off.
              event.stopPropagation?.()
              void done()
            }}
          >
            完成
          </Button>
        </View>
      ) : null}
    </View>
  )
}

function FollowUps({ person }: { person: PersonSummary }) {
  const router = useRouter()
  const manager = person.role !== 'employee'
  const startManaged = manager && router.params.scope === 'managed'
  const [scope, setScope] = useState<CustomerScope>(startManaged ? 'managed' : 'mine')
  // A head looking over the department wants what slipped; their own list, what is due.
  const [range, setRange] = useState<FollowUpWindow>(startManaged ? 'overdue' : 'due')
  const [departmentId, setDepartmentId] = useState('')
  const managed = scope === 'managed'
  const departments = useDepartments(person.role === 'admin')

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: managed ? (person.role === 'admin' ? '全公司跟进' : '本部门跟进') : '我的跟进' })
  }, [managed, person.role])

  const fetchPage = useCallback(
    (page: number, pageSize: number) => listFollowUps({ page, pageSize, scope, window: range, departmentId: managed && departmentId ? departmentId : undefined }),
    [scope, range, departmentId, managed],
  )
  const key = useMemo(() => JSON.stringify([scope, range, departmentId]), [scope, range, departmentId])
  const list = usePagedList(key, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  useRefreshOnShow(list.reload)
  useListPullDown(list)

  const scopeOptions: Array<{ value: CustomerScope; label: string }> = [
    { value: 'mine', label: '我的' },
    { value: 'managed', label: person.role === 'admin' ? '全公司' : '本部门' },
  ]
  const emptyTitle = range === 'overdue' ? '没有逾期的跟进' : range === 'due' ? '今天没有要跟进的客户' : '没有待跟进事项'

  return (
    <View className='account-page follow-ups' id='follow-ups'>
      <Watermark />
      {manager ? (
        <FilterChips
          id='follow-ups-scope'
          options={scopeOptions}
          selected={scope}
          onSelect={(value) => {
            setScope(value)
            setRange(value === 'managed' ? 'overdue' : 'due')
          }}
        />
      ) : null}
      {managed && person.role === 'admin' && departments.length > 0 ? (
        <FilterChips
          id='follow-ups-department'
          options={[{ value: '', label: '全部部门' }, ...departments.map((d) => ({ value: d.id, label: d.name }))]}
          selected={departmentId}
          onSelect={setDepartmentId}
        />
      ) : null}
      <FilterChips id='follow-ups-window' options={windowOptions} selected={range} onSelect={setRange} />
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='follow-ups-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState id='follow-ups-empty' title={emptyTitle} description={managed ? undefined : '在客户档案中计划跟进，到期时会出现在这里'} />
      ) : (
        <View className='account-list' id='follow-ups-list'>
          <Text className='account-list__total' id='follow-ups-total'>
            共 {list.total} 项
          </Text>
          {list.items.map((followUp) => (
            <Row key={followUp.id} followUp={followUp} showOwner={managed} canClose={followUp.ownerId === person.id} onClosed={list.reload} />
          ))}
          <ListFooter list={list} idPrefix='follow-ups' />
        </View>
      )}
    </View>
  )
}

export default function FollowUpsPage() {
  return <SessionGate>{(person) => <FollowUps person={person} />}</SessionGate>
}
