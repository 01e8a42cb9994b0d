import { View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { roleLabels, type Role } from '@contract/common'
import { idProps } from '@/components/id-props'

const tagType: Record<Role, 'default' | 'primary' | 'warning'> = {
  employee: 'default',
  head: 'primary',
  admin: 'warning',
}

/** NutUI's Tag drops `id`, so the wrapper carries it for tests that read the label. */
export function RoleTag({ role, id }: { role: Role; id?: string }) {
  return (
    <View {...idProps(id)} className='role-tag' style={{ display: 'inline-flex' }}>
      <Tag type={tagType[role]} plain={role === 'employee'}>
        {roleLabels[role]}
      </Tag>
    </View>
  )
}
