import { View } from '@tarojs/components'
import { SearchBar } from '@nutui/nutui-react-taro'
import type { SearchKeyword } from '@/hooks/use-search-keyword'

/** A list's search box, wired to `useSearchKeyword`; the wrapper carries the id the tests look for. */
export function SearchField({ id, className, placeholder, search }: { id: string; className?: string; placeholder: string; search: SearchKeyword }) {
  return (
    <View className={className} id={id}>
      <SearchBar placeholder={placeholder} value={search.draft} onChange={(value: string) => search.setDraft(value)} onSearch={search.search} onClear={search.clear} />
    </View>
  )
}
