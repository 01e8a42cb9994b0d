import { useEffect, useMemo } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { shanghaiDate } from '@contract/calendar'
import { useAppState } from '@/store/app'
import './index.scss'

const ROWS = 8
const COLUMNS = 3

/** Screens with customer details, archives or scores carry who is looking, so a photo of the screen names its taker. */
export function watermarkText(name: string, mobileMasked: string, date: string): string {
  return `${name} ${mobileMasked.slice(-4)} ${date}`
}

type CaptureEffect = (options: { visualEffect: 'hidden' | 'none' }) => unknown

/** WeChat can blank the page in screenshots and recordings on recent base libraries; elsewhere there is nothing to do. */
function setCaptureEffect(visualEffect: 'hidden' | 'none'): void {
  if (process.env.TARO_ENV !== 'weapp') return
  const api = (Taro as unknown as { setVisualEffectOnCapture?: CaptureEffect }).setVisualEffectOnCapture
  if (typeof api === 'function') {
    try {
      api({ visualEffect })
    } catch {
      // Older base libraries: the watermark still stands.
    }
  }
}

export function Watermark() {
  const session = useAppState((s) => s.session)
  const text = useMemo(() => (session.kind === 'bound' ? watermarkText(session.person.name, session.person.mobileMasked, shanghaiDate(new Date())) : ''), [session])

  useEffect(() => {
    setCaptureEffect('hidden')
    return () => setCaptureEffect('none')
  }, [])

  if (!text) return null
  return (
    <View className='watermark' id='watermark' aria-hidden>
      {Array.from({ length: ROWS }, (_, row) => (
        <View key={row} className={`watermark__row${row % 2 ? ' watermark__row--shifted' : ''}`}>
          {Array.from({ length: COLUMNS }, (_, column) => (
            <Text key={column} className='watermark__text'>
              {text}
            </Text>
          ))}
        </View>
      ))}
    </View>
  )
}
