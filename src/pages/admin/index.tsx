import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { TabPage } from '@/components/tab-page'
import { SessionGate } from '@/components/session-gate'
import { EntryList } from '@/components/entry-list'
import { routes } from '@/routes'

function Admin() {
  const open = (url: string) => () => void Taro.navigateTo({ url })
  return (
    <View className='admin' id='admin-home'>
      <Text className='page-section__title'>花名册管理</Text>
      <View className='page-section'>
        <EntryList
          entries={[
            { id: 'admin-departments', title: '部门管理', description: '部门、负责人与人数，新增部门', onOpen: open(routes.departments) },
            { id: 'admin-people', title: '员工列表', description: '按部门或姓名查找，联系方式已脱敏', onOpen: open(routes.people) },
            { id: 'admin-roster-import', title: '导入花名册', description: '粘贴或上传 CSV，先校验后导入', onOpen: open(routes.rosterImport) },
          ]}
        />
      </View>
      <Text className='page-section__title'>业务微信</Text>
      <View className='page-section'>
        <EntryList
          entries={[{ id: 'admin-accounts', title: '账号台账', description: '全公司业务微信账号，按状态、微信号或持有人查找', onOpen: open(routes.accounts) }]}
        />
      </View>
    </View>
  )
}

export default function AdminPage() {
  return (
    <TabPage tab='admin'>
      {/* The tab is listed for every role (switchTab needs it), so the page turns others away itself. */}
      <SessionGate roles={['admin']}>{() => <Admin />}</SessionGate>
    </TabPage>
  )
}
