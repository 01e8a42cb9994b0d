import { View } from '@tarojs/components'
import { SessionGate } from '@/components/session-gate'
import { DashboardBoard } from './board'
import './index.scss'

/** 数据看板: the admin's (company or one department) and the head's (their department). */
export default function DashboardPage() {
  return (
    <View className='dashboard-page'>
      <SessionGate roles={['admin', 'head']}>{(person) => <DashboardBoard isAdmin={person.role === 'admin'} />}</SessionGate>
    </View>
  )
}
