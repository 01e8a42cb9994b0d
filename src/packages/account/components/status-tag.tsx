import { View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import {
  accountStatusLabels,
  anomalyStatusLabels,
  applicationStatusLabels,
  delegationStatusLabels,
  handoverStatusLabels,
  type AccountStatus,
  type AnomalyStatus,
  type ApplicationStatus,
  type DelegationStatus,
  type HandoverStatus,
} from '@contract'
import { idProps } from '@/components/id-props'

type TagType = 'default' | 'primary' | 'success' | 'warning' | 'danger'

const applicationTagType: Record<ApplicationStatus, TagType> = {
  pending_head: 'warning',
  pending_admin: 'primary',
  activated: 'success',
  rejected: 'danger',
  withdrawn: 'default',
}

const accountTagType: Record<AccountStatus, TagType> = {
  active: 'success',
  delegated: 'primary',
  handing_over: 'warning',
  suspended: 'danger',
  closed: 'default',
}

/** NutUI's Tag drops `id`, so the wrapper carries it. */
export function ApplicationStatusTag({ status, id }: { status: ApplicationStatus; id?: string }) {
  return (
    <View {...idProps(id)} className='status-tag'>
      <Tag type={applicationTagType[status]} plain={status === 'withdrawn'}>
        {applicationStatusLabels[status]}
      </Tag>
    </View>
  )
}

export function AccountStatusTag({ status, id }: { status: AccountStatus; id?: string }) {
  return (
    <View {...idProps(id)} className='status-tag'>
      <Tag type={accountTagType[status]} plain={status === 'closed'}>
        {accountStatusLabels[status]}
      </Tag>
    </View>
  )
}

const anomalyTagType: Record<AnomalyStatus, TagType> = {
  open: 'danger',
  acknowledged: 'warning',
  resolved: 'success',
}

const delegationTagType: Record<DelegationStatus, TagType> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'default',
  revoked: 'default',
  ended: 'default',
}

const handoverTagType: Record<HandoverStatus, TagType> = {
  designating: 'warning',
  in_progress: 'primary',
  closed: 'success',
  cancelled: 'default',
}

export function AnomalyStatusTag({ status, id }: { status: AnomalyStatus; id?: string }) {
  return (
    <View {...idProps(id)} className='status-tag'>
      <Tag type={anomalyTagType[status]}>{anomalyStatusLabels[status]}</Tag>
    </View>
  )
}

export function DelegationStatusTag({ status, id }: { status: DelegationStatus; id?: string }) {
  return (
    <View {...idProps(id)} className='status-tag'>
      <Tag type={delegationTagType[status]} plain={delegationTagType[status] === 'default'}>
        {delegationStatusLabels[status]}
      </Tag>
    </View>
  )
}

export function HandoverStatusTag({ status, id }: { status: HandoverStatus; id?: string }) {
  return (
    <View {...idProps(id)} className='status-tag'>
      <Tag type={handoverTagType[status]} plain={status === 'cancelled'}>
        {handoverStatusLabels[status]}
      </Tag>
    </View>
  )
}
