import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { tempFileUrls, uploadToStorage, type PickedFile } from './cloud'

export type { PickedFile }

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
}

/** The extension storage keys get: from the reported type, else the temporary path, else jpg (what phone cameras give). */
function extensionOf(file: PickedFile): string {
  if (file.type && EXTENSIONS[file.type]) return EXTENSIONS[file.type] as string
  const match = /\.([a-zA-Z0-9]{2,5})(?:$|\?)/.exec(file.path)
  const ext = match?.[1]?.toLowerCase()
  return ext && Object.values(EXTENSIONS).concat('jpeg').includes(ext) ? ext : 'jpg'
}

/**
 * Keys are unique per upload and say nothing about the person: storage links can be
 * forwarded, and WeChat keeps uploaded files under the caller's identity anyway.
 */
function screenshotPath(file: PickedFile, now: Date): string {
  const random = Math.random().toString(36).slice(2, 10)
  return `anomalies/${dayjs(now).format('YYYYMM')}/${now.getTime()}-${random}.${extensionOf(file)}`
}

export function uploadScreenshot(file: PickedFile, now: Date = new Date()): Promise<string> {
  return uploadToStorage(screenshotPath(file, now), file)
}

/** Links to show stored images, keyed by file ID; a file that cannot be shown is left out. */
export function imageUrls(fileIDs: string[]): Promise<Record<string, string>> {
  return tempFileUrls(fileIDs)
}

interface ChosenFile {
  path: string
  size?: number
  type?: string
  originalFileObj?: Blob
}

/** Lets the user pick up to `count` images; a cancelled picker is an empty choice, not an error. */
export async function pickImages(count: number): Promise<PickedFile[]> {
  if (count <= 0) return []
  let result: { tempFiles?: ChosenFile[]; tempFilePaths?: string[] }
  try {
    result = (await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })) as typeof result
  } catch {
    return []
  }
  const files: ChosenFile[] = result.tempFiles ?? (result.tempFilePaths ?? []).map((path) => ({ path }))
  return files.slice(0, count).map((file) => ({
    path: file.path,
    ...(file.originalFileObj ? { blob: file.originalFileObj } : {}),
    ...(file.type ? { type: file.type } : {}),
  }))
}

/**
 * H5: files from a file input, as the same picked files the WeChat picker gives. The object
 * URL shows the image at once, before the stored copy has a link.
 */
export function pickedFromFiles(files: ArrayLike<File> | null, max: number): PickedFile[] {
  const chosen = Array.from(files ?? []).slice(0, Math.max(0, max))
  return chosen.map((file) => ({
    path: typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : '',
    blob: file,
    ...(file.type ? { type: file.type } : {}),
  }))
}
