import { Text, View } from '@tarojs/components'
import { idProps } from '@/components/id-props'

/** A plain bar: NutUI's Progress animates on mount, which reads as a change that did not happen. */
export function ProgressBar({ value, id, late = false }: { value: number; id?: string; late?: boolean }) {
  const percent = Math.max(0, Math.min(100, Math.round(value)))
  return (
    <View {...idProps(id)} className='task-progress'>
      <View className='task-progress__track'>
        <View className={`task-progress__fill${late ? ' task-progress__fill--late' : ''}`} style={{ width: `${percent}%` }} />
      </View>
      <Text className='task-progress__text'>{percent}%</Text>
    </View>
  )
}
