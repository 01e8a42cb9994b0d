import { View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { accountStatusLabels, applicationStatusLabels, type AccountStatus, type ApplicationStatus } from '@contract'
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
