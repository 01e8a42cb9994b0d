import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Input, TextArea } from '@nutui/nutui-react-taro'
import { MAX_PUSH_CUSTOMERS, MAX_PUSH_GROUPS, pushCustomerSchema, recordPushInput, type GroupSummary, type MarketingDetail, type Role } from '@contract'
import { showSuccess } from '@/services/feedback'
import { listGroups } from '@/services/groups'
import { getMarketing, recordPush } from '@/services/marketing'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { useLoaded } from '@/hooks/use-loaded'
import { FormField } from '@/components/record/form-field'
import { useSchemaForm } from '@/components/record/use-schema-form'
import { SubmitFooter } from '@/components/record/form-actions'
import { WordChips } from '../components/word-chips'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/marketing.scss'

type Field = 'customers' | 'groupIds' | 'count' | 'note'
const FIELDS: Field[] = ['customers', 'groupIds', 'count', 'note']

/** Groups a push may name are those the server accepts: one's own, a head's department's, an admin's all. */
const groupScope: Record<Role, 'mine' | 'department' | 'all'> = { employee: 'mine', head: 'department', admin: 'all' }

/** Active groups the pusher runs; a failure only means there are none to pick. */
function usePushableGroups(role: Role): GroupSummary[] {
  const [groups, setGroups] = useState<GroupSummary[]>([])
  useEffect(() => {
    let live = true
    listGroups({ scope: groupScope[role], status: 'active', page: 1, pageSize: 50 }).then(
      (page) => live && setGroups(page.items),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [role])
  return groups
}

function PushForm({ item, role }: { item: MarketingDetail; role: Role }) {
  const groups = usePushableGroups(role)
  const [customers, setCustomers] = useState<string[]>([])
  const [groupIds, setGroupIds] = useState<string[]>([])
  const [count, setCount] = useState('')
  const [note, setNote] = useState('')

  const parsed = recordPushInput.safeParse({ itemId: item.id, customers, groupIds, count: count.trim() === '' ? undefined : Number(count), note })
  const { errorOf, touch, validate, run, busy, refusal } = useSchemaForm(FIELDS, parsed)
  const reached = customers.length + groups.filter((g) => groupIds.includes(g.id)).reduce((n, g) => n + g.memberCount, 0)

  const toggleGroup = (id: string) => {
    touch('customers')
    setGroupIds((previous) => (previous.includes(id) ? previous.filter((g) => g !== id) : previous.length >= MAX_PUSH_GROUPS ? previous : [...previous, id]))
  }

  const save = async () => {
    if (busy) return
    const input = validate()
    if (!input) return
    await run(async () => {
      await recordPush({ itemId: item.id, customers, groupIds, count: input.count ?? null, note })
      showSuccess('已记录推送')
      void Taro.navigateBack()
    })
  }

  return (
    <View className='account-page record marketing-push'>
      <View className='record__head card'>
        <Text className='record__title' id='push-item-title'>
          {item.title}
        </Text>
        <Text className='record__who'>
          {item.authorName} · {item.departmentName}
        </Text>
      </View>
      <View className='record__form card' id='push-form'>
        <FormField id='push-customers' label='推送给哪些客户' hint='填写客户姓名或客户编号，逐个添加；也可只选群' error={errorOf('customers')}>
          <WordChips
            idPrefix='push-customer'
            words={customers}
            onChange={(words) => {
              setCustomers(words)
              touch('customers')
            }}
            schema={pushCustomerSchema}
            max={MAX_PUSH_CUSTOMERS}
            placeholder='客户姓名或编号'
            emptyText='还没有添加客户'
          />
        </FormField>
        <FormField id='push-groups' label='推送到哪些群' error={errorOf('groupIds')}>
          {groups.length === 0 ? (
            <Text className='word-chips__empty' id='push-groups-empty'>
              你还没有登记可用的业务群
            </Text>
          ) : (
            <View className='choice-chips'>
              {groups.map((group) => (
                <View
                  key={group.id}
                  id={`push-group-${group.id}`}
                  className={`choice-chips__chip${groupIds.includes(group.id) ? ' choice-chips__chip--active' : ''}`}
                  onClick={() => toggleGroup(group.id)}
                >
                  <Text>
                    {group.name}（{group.memberCount}人）
                  </Text>
                </View>
              ))}
            </View>
          )}
        </FormField>
        <FormField id='push-count' label='触达人数' hint={`不填则按客户数加群人数计，现为 ${reached} 人`} error={errorOf('count')}>
          <Input
            type='digit'
            placeholder={String(reached)}
            value={count}
            onChange={(value: string) => {
              setCount(value)
              touch('count')
            }}
          />
        </FormField>
        <FormField id='push-note' label='备注' error={errorOf('note')}>
          <TextArea
            placeholder='例如：朋友圈同步发布'
            maxLength={200}
            rows={2}
            value={note}
            onChange={(value: string) => {
              setNote(value)
              touch('note')
            }}
          />
        </FormField>
      </View>

      <SubmitFooter errorId='push-error' refusal={refusal} submitId='push-submit' busy={busy} onSubmit={() => void save()}>
        保存推送记录
      </SubmitFooter>
    </View>
  )
}

function PushScreen({ id, role }: { id: string; role: Role }) {
  const load = useCallback(() => getMarketing(id), [id])
  const { data, error, reload } = useLoaded(load)
  if (error) return <ErrorState id='push-load-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  if (!data.canPush) return <EmptyState id='push-not-approved' title='只能推送审核通过的素材' description='该素材尚未通过审核或已撤回' />
  return <PushForm item={data} role={role} />
}

export default function MarketingPushPage() {
  const router = useRouter()
  const id = typeof router.params.id === 'string' ? router.params.id : ''
  return (
    <SessionGate>{(person) => (id ? <PushScreen id={id} role={person.role} /> : <ErrorState id='push-load-error' message='缺少素材编号，请从素材库重新打开' />)}</SessionGate>
  )
}
