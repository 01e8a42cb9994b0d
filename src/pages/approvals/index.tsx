import { Text, View } from '@tarojs/components'
import type { PersonSummary } from '@contract'
import { TabPage } from '@/components/tab-page'
import { SessionGate } from '@/components/session-gate'
import { EmptyState } from '@/components/state-views'

function MyApplications() {
  return (
    <>
      <Text className='page-section__title'>我的申请</Text>
      <View className='page-section card'>
        <EmptyState id='approvals-mine-empty' title='暂无申请记录' description='你提交的申请和审批进度会显示在这里' />
      </View>
    </>
  )
}

function Approvals({ person }: { person: PersonSummary }) {
  // Only heads and admins approve; an employee's only list here is their own.
  if (person.role === 'employee') {
    return (
      <View className='approvals' id='approvals-employee'>
        <MyApplications />
      </View>
    )
  }
  return (
    <View className='approvals' id='approvals-reviewer'>
      <Text className='page-section__title'>待我审批</Text>
      <View className='page-section card'>
        <EmptyState
          id='approvals-pending-empty'
          title='暂无待审批事项'
          description={person.role === 'head' ? '本部门员工提交的申请会显示在这里' : '需要你处理的申请会显示在这里'}
        />
      </View>
      <MyApplications />
    </View>
  )
}

export default function ApprovalsPage() {
  return (
    <TabPage tab='approvals'>
      <SessionGate>{(person) => <Approvals person={person} />}</SessionGate>
    </TabPage>
  )
}
