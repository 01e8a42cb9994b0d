import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { MAX_SCREENSHOTS } from '@contract'
import { messageOf } from '@/services/feedback'
import { imageUrls, pickedFromFiles, pickImages, type PickedFile } from '@/services/storage'
import { uploadSpotCheckScreenshot } from '@/services/spot-checks'
import { InlineError } from '@/components/state-views'

function preview(urls: string[], current: string): void {
  void Taro.previewImage({ urls, current }).catch(() => undefined)
}

/** Stored screenshots, each `#<idPrefix>-<index>`; a tap enlarges. */
export function StoredShots({ fileIDs, idPrefix }: { fileIDs: string[]; idPrefix: string }) {
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
    // Keyed by the ids themselves: a refreshed record with the same screenshots keeps its links.
  }, [key])

  const urls = fileIDs.map((id) => links?.[id] ?? '')
  const shown = urls.filter(Boolean)
  return (
    <View className='spot-shots' id={idPrefix}>
      {failed ? <Text className='spot-shots__missing'>截图暂时无法显示，请稍后下拉刷新</Text> : null}
      {fileIDs.map((id, index) => (
        <View key={id} id={`${idPrefix}-${index}`} className='spot-shots__shot'>
          {urls[index] ? (
            <Image className='spot-shots__image' src={urls[index] as string} mode='aspectFill' onClick={() => preview(shown, urls[index] as string)} />
          ) : (
            <Text className='spot-shots__missing'>{links ? '无法显示' : '加载中'}</Text>
          )}
        </View>
      ))}
    </View>
  )
}

interface Shot {
  key: string
  /** What the tile shows: the picked file until the stored copy has a link. */
  preview: string
  fileID: string | null
}

export interface ShotUploads {
  shots: Shot[]
  /** Uploads still under way. */
  uploading: number
  error: string | null
  add: (files: PickedFile[]) => void
  remove: (key: string) => void
  fileIDs: string[]
}

/** Screenshots put into storage as soon as they are picked, so submitting waits for nothing but the record. */
export function useShotUploads(): ShotUploads {
  const [shots, setShots] = useState<Shot[]>([])
  const [uploading, setUploading] = useState(0)
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
      const fileID = await uploadSpotCheckScreenshot(file)
      const links = await imageUrls([fileID]).catch(() => ({}) as Record<string, string>)
      if (!live.current) return
      setShots((previous) => previous.map((shot) => (shot.key === key ? { ...shot, fileID, preview: links[fileID] ?? shot.preview } : shot)))
    } catch (err) {
      if (!live.current) return
      setShots((previous) => previous.filter((shot) => shot.key !== key))
      setError(messageOf(err))
    } finally {
      if (live.current) setUploading((count) => count - 1)
    }
  }

  const add = (files: PickedFile[]) => {
    setError(null)
    if (files.length === 0 || !live.current) return
    const added = files.map((file, index) => ({ key: `${Date.now()}-${index}-${file.path}`, preview: file.path, fileID: null }))
    setShots((previous) => [...previous, ...added].slice(0, MAX_SCREENSHOTS))
    setUploading((count) => count + added.length)
    added.forEach((shot, index) => void upload(files[index] as PickedFile, shot.key))
  }

  return {
    shots,
    uploading,
    error,
    add,
    remove: (key) => setShots((previous) => previous.filter((shot) => shot.key !== key)),
    fileIDs: shots.flatMap((shot) => (shot.fileID ? [shot.fileID] : [])),
  }
}

/** The picker tiles: `#check-shot-<i>` (remove: `-remove`), `#check-upload`, and `#check-upload-error`. */
export function ShotPicker({ uploads }: { uploads: ShotUploads }) {
  const isH5 = process.env.TARO_ENV === 'h5'
  const left = MAX_SCREENSHOTS - uploads.shots.length
  const urls = uploads.shots.map((shot) => shot.preview)
  return (
    <>
      <View className='spot-shots'>
        {uploads.shots.map((shot, index) => (
          <View key={shot.key} id={`check-shot-${index}`} className='spot-shots__shot'>
            <Image className='spot-shots__image' src={shot.preview} mode='aspectFill' onClick={() => preview(urls, shot.preview)} />
            {shot.fileID ? null : <Text className='spot-shots__state'>上传中</Text>}
            <View id={`check-shot-${index}-remove`} className='spot-shots__remove' onClick={() => uploads.remove(shot.key)}>
              <Text>×</Text>
            </View>
          </View>
        ))}
        {left > 0 ? (
          <View id='check-upload' className='spot-shots__add' onClick={isH5 ? undefined : () => void pickImages(left).then(uploads.add)}>
            <Text className='spot-shots__plus'>+</Text>
            <Text className='spot-shots__add-text'>添加截图</Text>
            {isH5 ? (
              // In the browser a file input under the tile is the picker: it opens on the tap itself, as browsers require.
              <input
                className='spot-shots__file'
                type='file'
                accept='image/png,image/jpeg,image/gif,image/webp'
                multiple
                onChange={(event) => {
                  uploads.add(pickedFromFiles(event.currentTarget.files, left))
                  event.currentTarget.value = ''
                }}
              />
            ) : null}
          </View>
        ) : null}
      </View>
      <InlineError id='check-upload-error' message={uploads.error} />
    </>
  )
}
