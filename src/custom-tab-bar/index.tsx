import { TabBarView } from '@/components/tab-bar'

export default function CustomTabBar() {
  return <TabBarView />
}
