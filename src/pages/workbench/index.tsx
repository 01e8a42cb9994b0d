import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { PersonSummary, Role } from '@contract'
import { TabPage } from '@/components/tab-page'
import { SessionGate } from '@/components/session-gate'
import { RoleTag } from '@/components/role-tag'
import { EntryList, type Entry } from '@/components/entry-list'
import { loadSession } from '@/store/session'
import { routes } from '@/routes'
import './index.scss'

function entriesFor(role: Role): Entry[] {
  const open = (url: string) => () => void Taro.navigateTo({ url })
  const tab = (url: string) => () => void Taro.switchTab({ url })
  const profile: Entry = { id: 'entry-profile', title: '个人信息', description: '查看绑定的员工资料', onOpen: tab(routes.me) }
  switch (role) {
    case 'employee':
      return [
        { id: 'entry-my-applications', title: '我的申请', description: '查看你提交的申请及进度', onOpen: tab(routes.approvals) },
        profile,
      ]
    case 'head':
      return [
        { id: 'entry-pending-approvals', title: '待我审批', description: '处理本部门员工的申请', onOpen: tab(routes.approvals) },
        { id: 'entry-department-people', title: '本部门员工', description: '查看本部门人员与绑定情况', onOpen: open(routes.people) },
        profile,
      ]
    case 'admin':
      return [
        { id: 'entry-roster', title: '花名册管理', description: '部门、员工与花名册导入', onOpen: tab(routes.admin) },
        { id: 'entry-roster-import', title: '导入花名册', description: '粘贴或上传 CSV，先校验后导入', onOpen: open(routes.rosterImport) },
        { id: 'entry-people', title: '员工列表', description: '按部门、姓名查找员工', onOpen: open(routes.people) },
        { id: 'entry-approvals', title: '审批', description: '待审批事项与我的申请', onOpen: tab(routes.approvals) },
      ]
  }
}

function Workbench({ person }: { person: PersonSummary }) {
  return (
    <View className='workbench'>
      <View className='workbench__hello card'>
        <View className='workbench__greeting'>
          <Text>你好，</Text>
          <Text id='whoami-name' className='workbench__name'>
            {person.name}
          </Text>
        </View>
        <View className='workbench__meta'>
          <RoleTag id='whoami-role' role={person.role} />
          <Text id='whoami-department' className='workbench__department'>
            {person.departmentName}
          </Text>
        </View>
      </View>
      <Text className='page-section__title'>常用功能</Text>
      <View className='page-section' id='quick-entries'>
        <EntryList entries={entriesFor(person.role)} />
      </View>
    </View>
  )
}

export default function WorkbenchPage() {
  usePullDownRefresh(() => {
    void loadSession(true).finally(() => void Taro.stopPullDownRefresh())
  })
  return (
    <TabPage tab='workbench'>
      <SessionGate>{(person) => <Workbench person={person} />}</SessionGate>
    </TabPage>
  )
}
