import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { ROSTER_CSV_MAX_CHARS } from '@contract'
import { importRoster, type RosterReport } from '@/services/roster'
import { messageOf } from '@/services/feedback'
import { SessionGate } from '@/components/session-gate'
import { InlineError } from '@/components/state-views'
import { chooseCsvFromChat, readBrowserFile, type CsvFile } from './csv-file'
import { ReportView, type ReportMode } from './report'
import './index.scss'

const SAMPLE = ['姓名,手机,邮箱,部门,角色', '张三,13800000001,zhangsan@example.com,销售部,员工', '李四,13800000002,lisi@example.com,销售部,部门负责人'].join('\n')

function RosterImport() {
  const [csv, setCsv] = useState('')
  const [fileNote, setFileNote] = useState<{ text: string; warn: boolean } | null>(null)
  const [busy, setBusy] = useState<ReportMode | null>(null)
  const [result, setResult] = useState<{ mode: ReportMode; report: RosterReport } | null>(null)
  const [error, setError] = useState<string | null>(null)

  const changeCsv = (text: string) => {
    setCsv(text)
    // A report describes the text it was made from; once the text changes it would mislead.
    setResult(null)
    setError(null)
  }

  const applyFile = (file: CsvFile | null) => {
    if (!file) return
    changeCsv(file.text)
    setFileNote(
      file.suspectEncoding
        ? { text: `已读取 ${file.name}，但文件似乎不是 UTF-8 编码，中文可能是乱码。请在 Excel 中另存为“CSV UTF-8”后重新选择。`, warn: true }
        : { text: `已读取 ${file.name}`, warn: false },
    )
  }

  const fileFailed = () => setError('无法读取这个文件，请确认是 CSV 文本文件后重试')

  const run = async (mode: ReportMode) => {
    if (busy) return
    if (!csv.trim()) {
      setError('请先粘贴花名册内容或选择文件')
      return
    }
    if (csv.length > ROSTER_CSV_MAX_CHARS) {
      setError('花名册过大，请分批导入')
      return
    }
    setBusy(mode)
    setError(null)
    try {
      setResult({ mode, report: await importRoster(csv, mode === 'commit') })
    } catch (err) {
      setResult(null)
      setError(messageOf(err))
    } finally {
      setBusy(null)
    }
  }

  return (
    <View className='roster-import'>
      <View className='roster-import__hint card' id='roster-sample'>
        <Text className='roster-import__hint-title'>格式说明</Text>
        <Text className='roster-import__hint-text'>
          第一行为表头：姓名,手机,邮箱,部门,角色。角色填写“员工”“部门负责人”或“管理员”；手机为 11 位中国大陆手机号。已有员工按手机号更新，其余新增；有任何一行出错时不会导入任何数据。
        </Text>
        <Text className='roster-import__sample'>{SAMPLE}</Text>
      </View>

      <View className='roster-import__editor card'>
        <TextArea
          id='roster-csv'
          className='roster-import__textarea'
          placeholder='在此粘贴 CSV 内容，或从下方选择文件'
          value={csv}
          maxLength={-1}
          rows={10}
          onChange={changeCsv}
        />
        <View className='roster-import__file'>
          {process.env.TARO_ENV === 'h5' ? (
            // The native control is hidden behind a label: its own text follows the browser's language, not ours.
            <label className='roster-import__file-button'>
              选择 CSV 文件
              <input
                id='roster-file'
                type='file'
                accept='.csv,.txt,text/csv,text/plain'
                style={{ display: 'none' }}
                onChange={(event) => {
                  const input = event.currentTarget
                  const file = input.files?.[0]
                  // Let the same file be chosen again after it was edited on disk.
                  input.value = ''
                  if (file) readBrowserFile(file).then(applyFile, fileFailed)
                }}
              />
            </label>
          ) : (
            <Button id='roster-choose-file' size='small' fill='outline' onClick={() => chooseCsvFromChat().then(applyFile, fileFailed)}>
              从聊天记录选择文件
            </Button>
          )}
          <Text className='roster-import__count'>
            {csv.length} / {ROSTER_CSV_MAX_CHARS} 字
          </Text>
        </View>
        {fileNote ? (
          <Text id='roster-file-note' className={`roster-import__file-note${fileNote.warn ? ' roster-import__file-note--warn' : ''}`}>
            {fileNote.text}
          </Text>
        ) : null}
      </View>

      <View className='roster-import__actions'>
        <Button id='roster-validate' fill='outline' type='primary' loading={busy === 'validate'} onClick={() => void run('validate')}>
          校验
        </Button>
        <Button id='roster-commit' type='primary' loading={busy === 'commit'} onClick={() => void run('commit')}>
          导入
        </Button>
      </View>
      <View className='roster-import__error'>
        <InlineError id='roster-error' message={error} />
      </View>

      {result ? <ReportView mode={result.mode} report={result.report} /> : null}
    </View>
  )
}

export default function RosterImportPage() {
  return <SessionGate roles={['admin']}>{() => <RosterImport />}</SessionGate>
}
