import { Text, View } from '@tarojs/components'
import { marketingFlagKindLabels, type MarketingFlag } from '@contract'

/** The excerpt with the matched words set apart, so the author finds them at a glance. */
function Excerpt({ flag }: { flag: Pick<MarketingFlag, 'excerpt' | 'term'> }) {
  const at = flag.excerpt.indexOf(flag.term)
  if (at < 0) return <Text className='marketing-flags__excerpt'>{flag.excerpt}</Text>
  return (
    <Text className='marketing-flags__excerpt'>
      {flag.excerpt.slice(0, at)}
      <Text className='marketing-flags__term'>{flag.term}</Text>
      {flag.excerpt.slice(at + flag.term.length)}
    </Text>
  )
}

/** Each finding on its own row, `<idPrefix>-<n>`. */
export function FlagList({ flags, idPrefix }: { flags: MarketingFlag[]; idPrefix: string }) {
  return (
    <View className='marketing-flags'>
      {flags.map((flag, index) => (
        <View key={`${flag.index}-${flag.term}`} id={`${idPrefix}-${index}`} className={`marketing-flags__row marketing-flags__row--${flag.kind}`}>
          <View className='marketing-flags__head'>
            <Text className='marketing-flags__kind'>{marketingFlagKindLabels[flag.kind]}</Text>
            <Text className='marketing-flags__matched'>“{flag.term}”</Text>
          </View>
          <Excerpt flag={flag} />
          <Text className='marketing-flags__explanation'>{flag.explanation}</Text>
        </View>
      ))}
    </View>
  )
}
