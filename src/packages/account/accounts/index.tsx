import { useCallback, useEffect, useMemo, useState } from 'react'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { ScrollView, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { accountStatuses, accountStatusLabels, type AccountStatus, type AccountSummary, type PersonSummary, type Role } from '@contract'
import { listAccounts } from '@/services/accounts'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { usePagedList } from '@/hooks/use-paged-list'
import { useSearchKeyword } from '@/hooks/use-search-keyword'
import { delegationDetail, delegationRequest, handoverStart, routes } from '@/routes'
import { AccountStatusTag } from '../components/status-tag'
import { ListFooter } from '@/components/record/list-footer'
import { SearchField } from '@/components/record/search-field'
import { ActiveFilters, param, useDepartmentName } from '@/components/record/active-filters'
import '@/components/record/page.scss'
import './index.scss'

const PAGE_SIZE = 20

/** The server scopes the registry by role; the title says which slice this is. */
const titles: Record<Role, string> = {
  employee: '我的业务微信',
  head: '本部门账号',
  admin: '账号台账',
}

function StatusFilter({ selected, onSelect }: { selected: AccountStatus | ''; onSelect: (status: AccountStatus | '') => void }) {
  const options: Array<{ value: AccountStatus | ''; label: string }> = [
    { value: '', label: '全部状态' },
    ...accountStatuses.map((status) => ({ value: status, label: accountStatusLabels[status] })),
  ]
  return (
    <ScrollView scrollX className='account-chips' id='accounts-filter'>
      {options.map((option) => (
        <View
          key={option.value || 'all'}
          id={`accounts-filter-${option.value || 'all'}`}
          className={`account-chips__chip${option.value === selected ? ' account-chips__chip--active' : ''}`}
          onClick={() => onSelect(option.value)}
        >
          <Text>{option.label}</Text>
        </View>
      ))}
    </ScrollView>
  )
}

/** The holder may hand the account to a colleague for a while; only an account in use can be delegated. */
const DELEGABLE: AccountStatus[] = ['active', 'delegated']
/** A handover can start from any account still held (the server refuses one already handing over). */
const HANDABLE: AccountStatus[] = ['active', 'delegated', 'suspended']

function AccountRow({ account, person }: { account: AccountSummary; person: PersonSummary }) {
  const holder = account.holderId === person.id
  // Heads only see their own department's accounts, so any account they see is theirs to hand over.
  const canDelegate = holder && DELEGABLE.includes(account.status)
  const canHandOver = (holder || person.role !== 'employee') && HANDABLE.includes(account.status)
  const open = (url: string) => () => void Taro.navigateTo({ url })
  return (
    <View className='account-list__row' id={`account-${account.id}`}>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>{account.wechatId}</Text>
        <AccountStatusTag status={account.status} />
      </View>
      <View className='account-list__meta'>
        <Text>持有人 {account.holderName}</Text>
        <Text>{account.departmentName}</Text>
      </View>
      <View className='account-list__meta'>
        <Text>绑定手机 {account.boundPhoneMasked || '未登记'}</Text>
        <Text>开通于 {account.activatedOn}</Text>
      </View>
      {account.delegation ? (
        <View className='account-list__meta accounts__delegation' id={`account-delegation-${account.id}`} onClick={open(delegationDetail(account.delegation.id))}>
          <Text>
            代操作人 {account.delegation.delegateName}，至 {account.delegation.endsOn}
          </Text>
          <Text className='accounts__link'>查看 ›</Text>
        </View>
      ) : null}
      {canDelegate || canHandOver ? (
        <View className='accounts__actions'>
          {canDelegate ? (
            <Button id={`account-delegate-${account.id}`} size='small' fill='outline' type='primary' onClick={open(delegationRequest(account.id, account.wechatId))}>
              委托代操作
            </Button>
          ) : null}
          {canHandOver ? (
            <Button id={`account-handover-${account.id}`} size='small' fill='outline' onClick={open(handoverStart(account.id, account.wechatId))}>
              账号交接
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}

function isStatus(value: string | undefined): value is AccountStatus {
  return (accountStatuses as readonly string[]).includes(value ?? '')
}

/** Opened from a figure, the registry starts filtered by `status` and `departmentId`. */
function Accounts({ person, initial }: { person: PersonSummary; initial: { status?: string; departmentId?: string } }) {
  const role = person.role
  const search = useSearchKeyword()
  const { keyword } = search
  const [status, setStatus] = useState<AccountStatus | ''>(isStatus(initial.status) ? initial.status : '')
  const [departmentId, setDepartmentId] = useState(role === 'employee' ? undefined : initial.departmentId)
  const departmentName = useDepartmentName(departmentId)
  // An employee holds one account or none; searching and filtering would only get in the way.
  const canSearch = role !== 'employee'

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: titles[role] })
  }, [role])

  const fetchPage = useCallback(
    (page: number, pageSize: number) => listAccounts({ page, pageSize, keyword, status: status || undefined, departmentId }),
    [keyword, status, departmentId],
  )
  const key = useMemo(() => JSON.stringify([keyword, status, departmentId]), [keyword, status, departmentId])
  const list = usePagedList(key, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())

  const filtered = Boolean(keyword || status || departmentId)
  return (
    <View className='account-page accounts'>
      {canSearch ? (
        <>
          <SearchField className='accounts__search' id='accounts-search' placeholder='搜索微信号或持有人' search={search} />
          <StatusFilter selected={status} onSelect={setStatus} />
          <ActiveFilters id='accounts-active' filters={[departmentId ? { key: 'department', label: '部门', value: departmentName, onClear: () => setDepartmentId(undefined) } : null]} />
        </>
      ) : null}

      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='accounts-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <View id='accounts-empty'>
          <EmptyState
            title={filtered ? '没有符合条件的账号' : role === 'employee' ? '你还没有业务微信账号' : '还没有业务微信账号'}
            description={
              filtered ? '换个关键词或状态试试' : role === 'employee' ? '提交申请并经审批开通后，账号会显示在这里' : '申请开通后的账号会登记在这里'
            }
          />
          {role === 'employee' ? (
            <View className='accounts__apply'>
              <Button id='accounts-apply' type='primary' size='small' onClick={() => void Taro.navigateTo({ url: routes.apply })}>
                申请业务微信
              </Button>
            </View>
          ) : null}
        </View>
      ) : (
        <View className='account-list' id='accounts-list'>
          {canSearch ? (
            <Text className='account-list__total' id='accounts-total'>
              共 {list.total} 个账号，已显示 {list.items.length} 个
            </Text>
          ) : null}
          {list.items.map((account) => (
            <AccountRow key={account.id} account={account} person={person} />
          ))}
          <ListFooter list={list} idPrefix='accounts' />
        </View>
      )}
    </View>
  )
}

export default function AccountsPage() {
  const { params } = useRouter()
  const initial = { status: param(params.status), departmentId: param(params.departmentId) }
  return <SessionGate>{(person) => <Accounts person={person} initial={initial} />}</SessionGate>
}
