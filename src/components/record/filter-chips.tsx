import { ScrollView, Text, View } from '@tarojs/components'
import './page.scss'
import './record.scss'

export interface FilterOption<V extends string> {
  value: V
  label: string
}

/** A scrollable row of filters; each chip is `<id>-<value>`, the empty value reading `all`. */
export function FilterChips<V extends string>({
  id,
  options,
  selected,
  onSelect,
}: {
  id: string
  options: Array<FilterOption<V>>
  selected: V
  onSelect: (value: V) => void
}) {
  return (
    <ScrollView scrollX className='account-chips' id={id}>
      {options.map((option) => (
        <View
          key={option.value || 'all'}
          id={`${id}-${option.value || 'all'}`}
          className={`account-chips__chip${option.value === selected ? ' account-chips__chip--active' : ''}`}
          onClick={() => onSelect(option.value)}
        >
          <Text>{option.label}</Text>
        </View>
      ))}
    </ScrollView>
  )
}

/** Options to pick exactly one of (a type, a measure); each is `<idPrefix>-<value>`. */
export function ChoiceChips<V extends string>({
  idPrefix,
  options,
  selected,
  danger = [],
  onSelect,
}: {
  idPrefix: string
  options: Array<FilterOption<V>>
  selected: V | null
  /** Values drawn in red when chosen, because choosing them has consequences. */
  danger?: V[]
  onSelect: (value: V) => void
}) {
  return (
    <View className='choice-chips'>
      {options.map((option) => {
        const active = option.value === selected
        const classes = ['choice-chips__chip', active ? 'choice-chips__chip--active' : '', danger.includes(option.value) ? 'choice-chips__chip--danger' : '']
        return (
          <View key={option.value} id={`${idPrefix}-${option.value}`} className={classes.filter(Boolean).join(' ')} onClick={() => onSelect(option.value)}>
            <Text>{option.label}</Text>
          </View>
        )
      })}
    </View>
  )
}
