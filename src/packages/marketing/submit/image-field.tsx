import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { MAX_MARKETING_IMAGES } from '@contract'
import { uploadMarketingImage } from '@/services/marketing'
import { messageOf } from '@/services/feedback'
import { imageUrls, pickedFromFiles, pickImages, type PickedFile } from '@/services/storage'
import { InlineError } from '@/components/state-views'

export interface Shot {
  key: string
  /** What the tile shows: the picked file until the stored copy has a link. */
  preview: string
  fileID: string | null
}

/** Stored images carried over (from an earlier submission) start as uploaded tiles. */
export function storedShots(fileIDs: string[], links: Record<string, string>): Shot[] {
  return fileIDs.map((fileID) => ({ key: fileID, preview: links[fileID] ?? '', fileID }))
}

/**
 * Up to six images, uploaded as soon as they are picked. Tiles are `#marketing-image-<n>` with
 * `#marketing-image-<n>-remove`; the add tile is `#marketing-upload`.
 */
export function ImageField({ shots, onChange, onUploadingChange }: {
  shots: Shot[]
  onChange: (update: (previous: Shot[]) => Shot[]) => void
  onUploadingChange: (delta: number) => void
}) {
  const [error, setError] = useState<string | null>(null)
  const live = useRef(true)
  useEffect(
    () => () => {
      live.current = false
    },
    [],
  )

  const upload = async (file: PickedFile, key: string) => {
    try {
      const fileID = await uploadMarketingImage(file)
      const links = await imageUrls([fileID]).catch(() => ({}) as Record<string, string>)
      if (!live.current) return
      onChange((previous) => previous.map((shot) => (shot.key === key ? { ...shot, fileID, preview: links[fileID] ?? shot.preview } : shot)))
    } catch (err) {
      if (!live.current) return
      onChange((previous) => previous.filter((shot) => shot.key !== key))
      setError(messageOf(err))
    } finally {
      if (live.current) onUploadingChange(-1)
    }
  }

  const add = (files: PickedFile[]) => {
    setError(null)
    const room = MAX_MARKETING_IMAGES - shots.length
    const chosen = files.slice(0, Math.max(0, room))
    if (chosen.length === 0) return
    const added = chosen.map((file, index) => ({ key: `${Date.now()}-${index}-${file.path}`, preview: file.path, fileID: null }))
    onChange((previous) => [...previous, ...added].slice(0, MAX_MARKETING_IMAGES))
    onUploadingChange(added.length)
    added.forEach((shot, index) => void upload(chosen[index] as PickedFile, shot.key))
  }

  const preview = (index: number) => {
    const urls = shots.map((shot) => shot.preview).filter(Boolean)
    void Taro.previewImage({ urls, current: shots[index]?.preview ?? '' }).catch(() => undefined)
  }

  const isH5 = process.env.TARO_ENV === 'h5'
  return (
    <View>
      <View className='marketing-images' id='marketing-images'>
        {shots.map((shot, index) => (
          <View key={shot.key} id={`marketing-image-${index}`} className='marketing-images__tile'>
            <Image className='marketing-images__image' src={shot.preview} mode='aspectFill' onClick={() => preview(index)} />
            {shot.fileID ? null : <Text className='marketing-images__state'>上传中</Text>}
            <View
              id={`marketing-image-${index}-remove`}
              className='marketing-images__remove'
              onClick={() => onChange((previous) => previous.filter((item) => item.key !== shot.key))}
            >
              <Text>×</Text>
            </View>
          </View>
        ))}
        {shots.length < MAX_MARKETING_IMAGES ? (
          <View
            id='marketing-upload'
            className='marketing-images__add'
            onClick={isH5 ? undefined : () => void pickImages(MAX_MARKETING_IMAGES - shots.length).then(add)}
          >
            <Text className='marketing-images__add-plus'>+</Text>
            <Text className='marketing-images__add-text'>添加图片</Text>
            {isH5 ? (
              // In the browser a file input under the tile is the picker: it opens on the tap itself, as browsers require.
              <input
                className='marketing-images__file'
                type='file'
                accept='image/png,image/jpeg,image/gif,image/webp'
                multiple
                onChange={(event) => {
                  add(pickedFromFiles(event.currentTarget.files, MAX_MARKETING_IMAGES - shots.length))
                  event.currentTarget.value = ''
                }}
              />
            ) : null}
          </View>
        ) : null}
      </View>
      <InlineError id='marketing-upload-error' message={error} />
    </View>
  )
}
