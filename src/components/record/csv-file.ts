import Taro from '@tarojs/taro'

export interface CsvFile {
  name: string
  text: string
  /** The bytes were not UTF-8 (Excel's default "CSV" on Chinese Windows is GBK). */
  suspectEncoding: boolean
}

function fromText(name: string, raw: string): CsvFile {
  const text = raw.replace(/^\uFEFF/, '')
  return { name, text, suspectEncoding: text.includes('\uFFFD') }
}

/** WeChat: pick a file sent in a chat (phones have no file browser) and read it as UTF-8. */
export async function chooseCsvFromChat(): Promise<CsvFile | null> {
  let picked: Taro.chooseMessageFile.SuccessCallbackResult
  try {
    picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'txt'] })
  } catch {
    // Closing the picker is not an error worth reporting.
    return null
  }
  const file = picked.tempFiles[0]
  if (!file) return null
  const raw = await new Promise<string>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: file.path,
      encoding: 'utf8',
      success: (res) => resolve(String(res.data)),
      fail: (err) => reject(new Error(err.errMsg)),
    })
  })
  return fromText(file.name, raw)
}

/** H5: read the file the user chose in an <input type=file>. */
export function readBrowserFile(file: File): Promise<CsvFile> {
  // FileReader rather than Blob.text(): older WebViews in the field still lack the latter.
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(fromText(file.name, String(reader.result ?? '')))
    reader.onerror = () => reject(reader.error ?? new Error('无法读取文件'))
    reader.readAsText(file, 'utf-8')
  })
}
