import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Input, TextArea } from '@nutui/nutui-react-taro'
import { createGroupInput, type GroupDetail, type PersonSummary } from '@contract'
import { showSuccess } from '@/services/feedback'
import { createGroup, getGroup, updateGroup } from '@/services/groups'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, PageLoading } from '@/components/state-views'
import { useLoaded } from '@/hooks/use-loaded'
import { FormField } from '@/components/record/form-field'
import { PersonPicker } from '@/components/record/person-picker'
import { useSchemaForm } from '@/components/record/use-schema-form'
import { SubmitFooter } from '@/components/record/form-actions'
import { groupDetail } from '../paths'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/marketing.scss'

type Field = 'name' | 'purpose' | 'relatedTo' | 'memberCount' | 'ownerId'
const FIELDS: Field[] = ['name', 'purpose', 'relatedTo', 'memberCount', 'ownerId']

/** The owner as the picker shows them; for an existing group only the name and department are known. */
function ownerOf(group: GroupDetail): PersonSummary {
  return {
    id: group.ownerId,
    name: group.ownerName,
    mobileMasked: '',
    emailMasked: '',
    departmentId: group.departmentId,
    departmentName: group.departmentName,
    role: 'employee',
    status: 'active',
    bound: true,
  }
}

function GroupForm({ me, group }: { me: PersonSummary; group: GroupDetail | null }) {
  const [name, setName] = useState(group?.name ?? '')
  const [purpose, setPurpose] = useState(group?.purpose ?? '')
  const [relatedTo, setRelatedTo] = useState(group?.relatedTo ?? '')
  const [members, setMembers] = useState(group ? String(group.memberCount) : '')
  const [owner, setOwner] = useState<PersonSummary>(group ? ownerOf(group) : me)
  const [picking, setPicking] = useState(false)

  const memberCount = members.trim() === '' ? undefined : Number(members)
  const parsed = createGroupInput.safeParse({ name, purpose, relatedTo, memberCount, ownerId: owner.id })
  const { errorOf, touch, validate, run, busy, refusal } = useSchemaForm(FIELDS, parsed)

  const save = async () => {
    if (busy) return
    const input = validate()
    if (!input) return
    await run(async () => {
      const { name: n, purpose: p, relatedTo: r, memberCount: m } = input
      if (group) {
        // An empty purpose or related text clears it; the owner goes only when it changed.
        await updateGroup({ id: group.id, name: n, purpose: p ?? '', relatedTo: r ?? '', memberCount: m, ...(owner.id !== group.ownerId ? { ownerId: owner.id } : {}) })
        showSuccess('已保存')
        void Taro.navigateBack()
      } else {
        const created = await createGroup({ name: n, memberCount: m, ...(p ? { purpose: p } : {}), ...(r ? { relatedTo: r } : {}), ...(owner.id !== me.id ? { ownerId: owner.id } : {}) })
        showSuccess('已登记')
        void Taro.redirectTo({ url: groupDetail(created.id) })
      }
    })
  }

  return (
    <View className='account-page record group-edit'>
      <View className='record__form card' id='group-form'>
        <FormField id='group-name' label='群名称' required error={errorOf('name')}>
          <Input
            placeholder='与微信中的群名称一致'
            maxLength={40}
            value={name}
            onChange={(value: string) => {
              setName(value)
              touch('name')
            }}
            onBlur={() => touch('name')}
          />
        </FormField>
        <FormField id='group-purpose' label='建群目的' hint='未写明目的的群会被标记为需关注' error={errorOf('purpose')}>
          <TextArea
            placeholder='例如：华东区门锁老客户售后与新品通知'
            maxLength={200}
            rows={2}
            value={purpose}
            onChange={(value: string) => {
              setPurpose(value)
              touch('purpose')
            }}
          />
        </FormField>
        <FormField id='group-related' label='相关客户或项目' error={errorOf('relatedTo')}>
          <Input
            placeholder='最多60个字'
            maxLength={60}
            value={relatedTo}
            onChange={(value: string) => {
              setRelatedTo(value)
              touch('relatedTo')
            }}
          />
        </FormField>
        <FormField id='group-members' label='群成员人数（约）' required error={errorOf('memberCount')}>
          <Input
            type='digit'
            placeholder='1-500'
            value={members}
            onChange={(value: string) => {
              setMembers(value)
              touch('memberCount')
            }}
            onBlur={() => touch('memberCount')}
          />
        </FormField>
        <FormField id='group-owner' label='群负责人' required hint={me.role === 'admin' ? undefined : '本部门在职同事，默认为你自己'} error={errorOf('ownerId')}>
          <PersonPicker
            idPrefix='group-owner'
            departmentId={me.role === 'admin' && !group ? undefined : (group?.departmentId ?? me.departmentId)}
            selected={owner}
            onSelect={(person) => {
              setOwner(person)
              touch('ownerId')
            }}
            open={picking}
            onOpenChange={setPicking}
            placeholder='选择负责人'
          />
        </FormField>
      </View>

      <SubmitFooter errorId='group-save-error' refusal={refusal} submitId='group-save' busy={busy} onSubmit={() => void save()}>
        {group ? '保存修改' : '登记'}
      </SubmitFooter>
    </View>
  )
}

function EditScreen({ id, me }: { id: string; me: PersonSummary }) {
  const load = useCallback(() => getGroup(id), [id])
  const { data, error, reload } = useLoaded(load)
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: '修改业务群' })
  }, [])
  if (error) return <ErrorState id='group-load-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  return <GroupForm me={me} group={data} />
}

export default function GroupEditPage() {
  const router = useRouter()
  const id = typeof router.params.id === 'string' ? router.params.id : ''
  return <SessionGate>{(me) => (id ? <EditScreen id={id} me={me} /> : <GroupForm me={me} group={null} />)}</SessionGate>
}
