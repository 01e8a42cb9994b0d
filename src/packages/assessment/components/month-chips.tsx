import { ScrollView, Text, View } from '@tarojs/components'
import { monthLabel } from './months'
import './assessment.scss'

/** One tap per month; each chip is `<idPrefix>-<YYYY-MM>`. Newest first, where the thumb starts. */
export function MonthChips({ idPrefix, months, selected, onSelect }: { idPrefix: string; months: string[]; selected: string | null; onSelect: (month: string) => void }) {
  const newestFirst = [...months].sort().reverse()
  return (
    <ScrollView scrollX className='account-chips assessment-months' id={`${idPrefix}s`}>
      {newestFirst.map((month) => (
        <View
          key={month}
          id={`${idPrefix}-${month}`}
          className={`account-chips__chip${month === selected ? ' account-chips__chip--active' : ''}`}
          onClick={() => onSelect(month)}
        >
          <Text>{monthLabel(month)}</Text>
        </View>
      ))}
    </ScrollView>
  )
}
