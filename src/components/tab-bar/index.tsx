import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { askConsent, prepareConsent } from '@/services/consent'
import { setAppState, useAppState } from '@/store/app'
import { tabsFor, type TabSpec } from './tabs'
import './index.scss'

/**
 * The one tab bar view: `custom-tab-bar` renders it in WeChat, each tab page renders it in
 * H5 (Taro's H5 router ignores custom tab bars). Hidden until we know the caller's role.
 */
export function TabBarView() {
  const session = useAppState((s) => s.session)
  const selected = useAppState((s) => s.selectedTab)
  const reviewer = session.kind === 'bound' && session.person.role !== 'employee'

  useEffect(() => {
    if (reviewer) prepareConsent()
  }, [reviewer])

  if (session.kind !== 'bound') return null

  const open = (tab: TabSpec) => {
    if (tab.key === selected) return
    // Reviewers opening 审批 will want to hear of the next request; asked inside the tap, as WeChat requires.
    if (tab.key === 'approvals' && reviewer) void askConsent('openApprovals')
    setAppState({ selectedTab: tab.key })
    void Taro.switchTab({ url: tab.path })
  }

  return (
    <View className='tab-bar' id='tab-bar'>
      {tabsFor(session.person.role).map((tab) => {
        const active = tab.key === selected
        return (
          <View
            key={tab.key}
            id={`tab-${tab.key}`}
            className={`tab-bar__item${active ? ' tab-bar__item--active' : ''}`}
            onClick={() => open(tab)}
          >
            <View className='tab-bar__glyph'>
              <Text>{tab.glyph}</Text>
            </View>
            <Text className='tab-bar__text'>{tab.text}</Text>
          </View>
        )
      })}
    </View>
  )
}
