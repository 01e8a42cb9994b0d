import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { messageOf } from '@/services/feedback'
import { imageUrls, pickedFromFiles, pickImages, type PickedFile } from '@/services/storage'
import { InlineError } from '@/components/state-views'
import './images.scss'

function preview(urls: string[], current: string): void {
  void Taro.previewImage({ urls: urls.filter(Boolean), current }).catch(() => undefined)
}

/**
 * Short-lived links for stored images; `urls` follows `fileIDs`, with '' for one not (yet) shown.
 * Keyed by the ids themselves: a refreshed record with the same images keeps its links.
 */
export function useImageLinks(fileIDs: string[]): { urls: string[]; loaded: boolean; failed: boolean } {
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
  }, [key])

  return { urls: fileIDs.map((id) => links?.[id] ?? ''), loaded: links !== null, failed }
}

/**
 * Stored images shown from short-lived links; each tile is `<idPrefix>-<n>` and opens the preview.
 * `failedNote` says, above the tiles, what to do when the links could not be fetched.
 */
export function StoredImages({ fileIDs, idPrefix, failedNote }: { fileIDs: string[]; idPrefix: string; failedNote?: string }) {
  const { urls, loaded, failed } = useImageLinks(fileIDs)
  if (fileIDs.length === 0) return null
  return (
    <View className='image-grid' id={idPrefix}>
      {failed && failedNote ? <Text className='image-grid__note'>{failedNote}</Text> : null}
      {fileIDs.map((id, index) => (
        <View key={id} id={`${idPrefix}-${index}`} className='image-grid__tile'>
          {urls[index] ? (
            <Image className='image-grid__image' src={urls[index] as string} mode='aspectFill' onClick={() => preview(urls, urls[index] as string)} />
          ) : (
            <Text className='image-grid__missing'>{failed || loaded ? '无法显示' : '加载中'}</Text>
          )}
        </View>
      ))}
    </View>
  )
}

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
 * Images uploaded as soon as they are picked, up to `max`. Tiles are `#<idPrefix>-<n>` with
 * `#<idPrefix>-<n>-remove`; the add tile is `#<addId>` and a failed upload's message `#<errorId>`.
 * The form keeps the shots, and counts uploads in flight to hold its submit until they are done.
 */
export function ImageUploadField({
  id,
  idPrefix,
  addId,
  addText,
  errorId,
  max,
  upload: store,
  shots,
  onChange,
  onUploadingChange,
}: {
  id?: string
  idPrefix: string
  addId: string
  addText: string
  errorId: string
  max: number
  /** Stores one picked file; the stored file ID. */
  upload: (file: PickedFile) => Promise<string>
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
      const fileID = await store(file)
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
    const chosen = files.slice(0, Math.max(0, max - shots.length))
    if (chosen.length === 0 || !live.current) return
    const added = chosen.map((file, index) => ({ key: `${Date.now()}-${index}-${file.path}`, preview: file.path, fileID: null }))
    onChange((previous) => [...previous, ...added].slice(0, max))
    onUploadingChange(added.length)
    added.forEach((shot, index) => void upload(chosen[index] as PickedFile, shot.key))
  }

  const isH5 = process.env.TARO_ENV === 'h5'
  const previews = shots.map((shot) => shot.preview)
  return (
    <>
      <View className='image-grid' id={id}>
        {shots.map((shot, index) => (
          <View key={shot.key} id={`${idPrefix}-${index}`} className='image-grid__tile'>
            <Image className='image-grid__image' src={shot.preview} mode='aspectFill' onClick={() => preview(previews, shot.preview)} />
            {shot.fileID ? null : <Text className='image-grid__state'>上传中</Text>}
            <View id={`${idPrefix}-${index}-remove`} className='image-grid__remove' onClick={() => onChange((previous) => previous.filter((item) => item.key !== shot.key))}>
              <Text>×</Text>
            </View>
          </View>
        ))}
        {shots.length < max ? (
          <View id={addId} className='image-grid__add' onClick={isH5 ? undefined : () => void pickImages(max - shots.length).then(add)}>
            <Text className='image-grid__add-plus'>+</Text>
            <Text className='image-grid__add-text'>{addText}</Text>
            {isH5 ? (
              // In the browser a file input under the tile is the picker: it opens on the tap itself, as browsers require.
              <input
                className='image-grid__file'
                type='file'
                accept='image/png,image/jpeg,image/gif,image/webp'
                multiple
                onChange={(event) => {
                  add(pickedFromFiles(event.currentTarget.files, max - shots.length))
                  event.currentTarget.value = ''
                }}
              />
            ) : null}
          </View>
        ) : null}
      </View>
      <InlineError id={errorId} message={error} />
    </>
  )
}
