import type { ReactNode } from 'react'
import { Text } from '@tarojs/components'
import { Cell } from '@nutui/nutui-react-taro'
import { idProps } from '@/components/id-props'
import './info-cell.scss'

/** One labelled value of a record; long text goes under the label. The id is on the value, for tests that read it. */
export function InfoCell({
  title,
  value,
  id,
  multiline = false,
  isLast = false,
}: {
  title: string
  value: ReactNode
  id?: string
  multiline?: boolean
  isLast?: boolean
}) {
  if (multiline) {
    return (
      <Cell
        isLast={isLast}
        title={title}
        description={
          <Text {...idProps(id)} className='info-cell__long'>
            {value}
          </Text>
        }
      />
    )
  }
  return (
    <Cell
      isLast={isLast}
      align='center'
      title={title}
      extra={
        <Text {...idProps(id)} className='info-cell__value'>
          {value}
        </Text>
      }
    />
  )
}
