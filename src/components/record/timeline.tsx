import { Text, View } from '@tarojs/components'
import { formatShanghaiTime } from '@/services/accounts'
import './timeline.scss'

export type TimelineTone = 'default' | 'good' | 'bad' | 'muted'

export interface TimelineEntryView {
  at: string
  label: string
  actorName: string
  comment: string | null
  tone?: TimelineTone
}

/** A record's history, oldest first; `next` is drawn after the last entry so what it waits for is plain. */
export function Timeline({ id, entries, next }: { id: string; entries: TimelineEntryView[]; next?: string | null }) {
  return (
    <View className='timeline card' id={id}>
      {entries.map((entry, index) => {
        const last = index === entries.length - 1 && !next
        return (
          <View key={`${entry.at}-${index}`} id={`timeline-${index}`} className='timeline__item'>
            <View className='timeline__rail'>
              <View className={`timeline__dot timeline__dot--${entry.tone ?? 'default'}`} />
              {last ? null : <View className='timeline__line' />}
            </View>
            <View className='timeline__body'>
              <View className='timeline__head'>
                <Text className='timeline__event'>{entry.label}</Text>
                <Text className='timeline__time'>{formatShanghaiTime(entry.at)}</Text>
              </View>
              <Text className='timeline__actor'>{entry.actorName}</Text>
              {entry.comment ? <Text className='timeline__comment'>{entry.comment}</Text> : null}
            </View>
          </View>
        )
      })}
      {next ? (
        <View className='timeline__item timeline__item--next' id='timeline-next'>
          <View className='timeline__rail'>
            <View className='timeline__dot timeline__dot--muted' />
          </View>
          <View className='timeline__body'>
            <Text className='timeline__event'>{next}</Text>
          </View>
        </View>
      ) : null}
    </View>
  )
}
