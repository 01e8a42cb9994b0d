import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { InlineError } from '@/components/state-views'
import { messageOf } from '@/services/feedback'
import { exportMyData, saveJsonFile } from '@/services/retention'

/** 我的 → 个人信息: the person downloads everything the product keeps about them. */
export function ExportMyData() {
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)

  const exportNow = async () => {
    setBusy(true)
    setRefusal(null)
    setDone(null)
    try {
      const made = await exportMyData()
      await saveJsonFile(made.fileName, made.document)
      const records = Object.values(made.counts).reduce((sum, n) => sum + n, 0)
      setDone(`已生成 ${made.fileName}（含 ${records} 条记录）`)
    } catch (err) {
      setRefusal(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View id='me-export' className='me__export card'>
      <Text className='me__hint'>可导出公司在本系统中保存的你的个人数据（JSON文件）。离职满保留期后，你的个人数据将被删除或匿名化，详见公司数据保护说明。</Text>
      <InlineError id='me-export-error' message={refusal} />
      {done ? (
        <Text id='me-export-done' className='me__hint'>
          {done}
        </Text>
      ) : null}
      <Button id='me-export-button' size='small' fill='outline' loading={busy} disabled={busy} onClick={() => void exportNow()}>
        导出我的数据
      </Button>
    </View>
  )
}
