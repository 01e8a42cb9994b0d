import { useCallback, useMemo, useState } from 'react'
import { useReachBottom, useRouter } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { auditActionShortcuts, type PersonSummary } from '@contract'
import { searchAudit, type AuditEntryView } from '@/services/audit'
import { formatShanghaiTime } from '@/services/accounts'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { usePagedList } from '@/hooks/use-paged-list'
import { useListPullDown } from '@/hooks/use-list-pull-down'
import { useSearchKeyword } from '@/hooks/use-search-keyword'
import { FilterChips } from '@/components/record/filter-chips'
import { FormField } from '@/components/record/form-field'
import { ListFooter } from '@/components/record/list-footer'
import { PersonPicker } from '@/components/record/person-picker'
import { SearchField } from '@/components/record/search-field'
import { Watermark } from '@/components/watermark'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import './index.scss'

const PAGE_SIZE = 20

const actionOptions = [{ value: '', label: '全部操作' }, ...auditActionShortcuts]

/** The shortcut's label where the action is one, else the action's own name. */
function actionLabel(action: string): string {
  return auditActionShortcuts.find((s) => s.value === action)?.label ?? action
}

function DateField({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (date: string) => void }) {
  return (
    <View className='audit__date'>
      <Picker id={id} mode='date' value={value} onChange={(event) => onChange(String(event.detail.value))}>
        <View className='record__picker'>
          <Text className={value ? '' : 'record__picker-placeholder'}>{value || label}</Text>
          <Text className='record__picker-arrow'>›</Text>
        </View>
      </Picker>
      {value ? (
        <Text className='audit__clear' id={`${id}-clear`} onClick={() => onChange('')}>
          清除
        </Text>
      ) : null}
    </View>
  )
}

function EntryRow({ entry, onOpen }: { entry: AuditEntryView; onOpen: () => void }) {
  return (
    <View className='account-list__row' id={`audit-${entry.id}`} onClick={onOpen}>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>{entry.actorName}</Text>
        <Text className='audit__action'>{actionLabel(entry.action)}</Text>
      </View>
      <View className='account-list__meta'>
        <Text>
          {entry.targetCollection} / {entry.targetId}
        </Text>
      </View>
      <View className='account-list__meta'>
        <Text>{formatShanghaiTime(entry.at)}</Text>
        <Text>{entry.changes.length > 0 ? `${entry.changes.length} 项变化` : ''}</Text>
      </View>
    </View>
  )
}

/** One entry in full: who, what, which record, when, and each field before and after. */
function EntryDetail({ entry, onClose }: { entry: AuditEntryView; onClose: () => void }) {
  return (
    <View className='audit__detail' id='audit-detail'>
      <View className='audit__detail-head'>
        <Text className='record__title'>{actionLabel(entry.action)}</Text>
        <Text className='audit__clear' id='audit-detail-close' onClick={onClose}>
          关闭
        </Text>
      </View>
      <Text className='audit__line'>操作人：{entry.actorName}</Text>
      <Text className='audit__line'>操作：{entry.action}</Text>
      <Text className='audit__line' id='audit-detail-target'>
        记录：{entry.targetCollection} / {entry.targetId}
      </Text>
      <Text className='audit__line'>时间：{formatShanghaiTime(entry.at)}</Text>
      {entry.changes.length === 0 ? (
        <Text className='audit__line' id='audit-detail-nochange'>
          没有记录变化内容
        </Text>
      ) : (
        <View className='audit__changes' id='audit-detail-changes'>
          {entry.changes.map((change) => (
            <View key={change.field} className='audit__change' id={`audit-change-${change.field}`}>
              <Text className='audit__field'>{change.field}</Text>
              <Text className='audit__before'>之前：{change.before ?? '—'}</Text>
              <Text className='audit__after'>之后：{change.after ?? '—'}</Text>
            </View>
          ))}
        </View>
      )}
      {entry.truncated ? <Text className='audit__hint'>部分内容过长已截断，联系方式已脱敏。</Text> : <Text className='audit__hint'>联系方式已脱敏。</Text>}
    </View>
  )
}

function AuditLog({ initialTargetId }: { initialTargetId: string }) {
  const [actor, setActor] = useState<PersonSummary | null>(null)
  const [pickerOpen, setPickerOpen] = useState(false)
  const [shortcut, setShortcut] = useState('')
  const actionSearch = useSearchKeyword()
  const recordSearch = useSearchKeyword()
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [opened, setOpened] = useState<AuditEntryView | null>(null)

  // A typed action name wins over the chip; the record id may arrive with the page.
  const action = actionSearch.keyword || shortcut
  const targetId = recordSearch.keyword || initialTargetId
  const datesWrong = Boolean(from && to && from > to)

  const fetchPage = useCallback(
    // A range that ends before it starts would only be refused: it is not sent.
    (page: number, pageSize: number) => (datesWrong ? Promise.resolve({ items: [], total: 0 }) : searchAudit({ page, pageSize, actorId: actor?.id, action, targetId, from, to })),
    [actor, action, targetId, from, to, datesWrong],
  )
  const key = useMemo(() => JSON.stringify([actor?.id, action, targetId, from, to]), [actor, action, targetId, from, to])
  const list = usePagedList(datesWrong ? 'dates-wrong' : key, fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  useListPullDown(list)
  const filtered = Boolean(actor || action || targetId || from || to)

  return (
    <View className='account-page audit'>
      <Watermark />
      <View className='audit__filters' id='audit-filters'>
        <FormField id='audit-actor' label='操作人'>
          <PersonPicker idPrefix='audit-actor' selected={actor} onSelect={setActor} open={pickerOpen} onOpenChange={setPickerOpen} placeholder='选择操作人' />
          {actor && !pickerOpen ? (
            <Text className='audit__clear' id='audit-actor-clear' onClick={() => setActor(null)}>
              不限操作人
            </Text>
          ) : null}
        </FormField>
        <FilterChips id='audit-action' options={actionOptions} selected={shortcut} onSelect={setShortcut} />
        <SearchField id='audit-action-search' placeholder='操作名称，如 violation.record 或 violation.' search={actionSearch} />
        <SearchField id='audit-record-search' placeholder={initialTargetId ? `记录编号：${initialTargetId}` : '记录编号'} search={recordSearch} />
        <View className='audit__dates'>
          <DateField id='audit-from' label='开始日期' value={from} onChange={setFrom} />
          <Text className='audit__dash'>至</Text>
          <DateField id='audit-to' label='结束日期' value={to} onChange={setTo} />
        </View>
      </View>

      {opened ? <EntryDetail entry={opened} onClose={() => setOpened(null)} /> : null}

      {datesWrong ? (
        <EmptyState id='audit-dates-wrong' title='开始日期不能晚于结束日期' />
      ) : list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='audit-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState id='audit-empty' title={filtered ? '没有符合条件的日志' : '暂无审计日志'} />
      ) : (
        <View className='account-list' id='audit-list'>
          <Text className='account-list__total' id='audit-total'>
            共 {list.total} 条，最新的在前
          </Text>
          {list.items.map((entry) => (
            <EntryRow key={entry.id} entry={entry} onOpen={() => setOpened(entry)} />
          ))}
          <ListFooter list={list} idPrefix='audit' />
        </View>
      )}
    </View>
  )
}

export default function AuditLogPage() {
  const router = useRouter()
  const targetId = typeof router.params.targetId === 'string' ? router.params.targetId : ''
  return <SessionGate roles={['admin']}>{() => <AuditLog initialTargetId={targetId} />}</SessionGate>
}
