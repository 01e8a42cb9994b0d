import { Text, View } from '@tarojs/components'
import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import './index.scss'

export interface Entry {
  id: string
  title: string
  description: string
  onOpen: () => void
}

/** A group of tappable entries; NutUI's Cell drops `id`, so each sits in a wrapper that has one. */
export function EntryList({ title, entries }: { title?: string; entries: Entry[] }) {
  return (
    <CellGroup title={title}>
      {entries.map((entry, index) => (
        <View key={entry.id} id={entry.id}>
          <Cell
            clickable
            isLast={index === entries.length - 1}
            align='center'
            title={entry.title}
            description={entry.description}
            extra={<Text className='entry-list__arrow'>›</Text>}
            onClick={entry.onOpen}
          />
        </View>
      ))}
    </CellGroup>
  )
}
