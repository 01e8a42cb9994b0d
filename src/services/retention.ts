import Taro from '@tarojs/taro'
import type { MyDataExport, RetentionOverview, RetentionSettings } from '@contract'
import { callAction } from './cloud'

export type { MyDataExport, RetentionOverview }

export function getRetentionSettings(): Promise<RetentionOverview> {
  return callAction('retention.getSettings', {})
}

export function updateRetentionSettings(settings: RetentionSettings): Promise<RetentionOverview> {
  return callAction('retention.updateSettings', settings)
}

export function exportMyData(): Promise<MyDataExport> {
  return callAction('me.exportData', {})
}

/**
 * Hands the export to the person as a file. A browser downloads it; in WeChat it is written to
 * the mini program's own storage and sent to a chat the person picks (文件传输助手 keeps it for
 * them), since WeChat's document viewer does not open JSON.
 */
export async function saveJsonFile(fileName: string, document: unknown): Promise<void> {
  const text = JSON.stringify(document, null, 2)
  if (process.env.TARO_ENV === 'h5') {
    const link = window.document.createElement('a')
    link.href = `data:application/json;charset=utf-8,${encodeURIComponent(text)}`
    link.download = fileName
    link.click()
    return
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({ filePath, data: text, encoding: 'utf8', success: () => resolve(), fail: (err) => reject(new Error(err.errMsg)) })
  })
  await Taro.shareFileMessage({ filePath, fileName })
}
