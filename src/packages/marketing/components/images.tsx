import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { imageUrls } from '@/services/storage'

/** Stored images shown from short-lived links; each tile is `<idPrefix>-<n>` and opens the preview. */
export function StoredImages({ fileIDs, idPrefix }: { fileIDs: string[]; idPrefix: string }) {
  const [links, setLinks] = useState<Record<string, string> | null>(null)
  const [failed, setFailed] = useState(false)
  const key = fileIDs.join('|')

  useEffect(() => {
    let live = true
    setFailed(false)
    imageUrls(key ? key.split('|') : []).then(
      (found) => live && setLinks(found),
      () => live && setFailed(true),
    )
    return () => {
      live = false
    }
    // Keyed by the ids themselves: a refreshed record with the same images keeps its links.
  }, [key])

  if (fileIDs.length === 0) return null
  const urls = fileIDs.map((id) => links?.[id] ?? '')
  const shown = urls.filter(Boolean)
  return (
    <View className='marketing-images' id={idPrefix}>
      {fileIDs.map((id, index) => (
        <View key={id} id={`${idPrefix}-${index}`} className='marketing-images__tile'>
          {urls[index] ? (
            <Image
              className='marketing-images__image'
              src={urls[index] as string}
              mode='aspectFill'
              onClick={() => void Taro.previewImage({ urls: shown, current: urls[index] as string }).catch(() => undefined)}
            />
          ) : (
            <Text className='marketing-images__missing'>{failed || links ? '无法显示' : '加载中'}</Text>
          )}
        </View>
      ))}
    </View>
  )
}
