import type { ReactNode } from 'react'
import { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { setAppState, type TabKey } from '@/store/app'
import { usePageActive } from '@/hooks/use-page-active'
import { TabBarView } from '@/components/tab-bar'
import './index.scss'

/** The frame of a tab page: marks its tab selected and, in H5, draws the tab bar itself. */
export function TabPage({ tab, children }: { tab: TabKey; children: ReactNode }) {
  const active = usePageActive()
  useDidShow(() => setAppState({ selectedTab: tab }))

  if (process.env.TARO_ENV === 'h5') {
    if (!active) return null
    return (
      <View className='tab-page tab-page--h5'>
        {children}
        <TabBarView />
      </View>
    )
  }
  return <View className='tab-page'>{children}</View>
}
