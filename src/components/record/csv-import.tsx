import { useEffect, useState, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import type { RosterRowError } from '@contract'
import { messageOf } from '@/services/feedback'
import { InlineError } from '@/components/state-views'
import { chooseCsvFromChat, readBrowserFile, type CsvFile } from './csv-file'
import './csv-import.scss'

export type CsvImportMode = 'validate' | 'commit'

/** What a check or an import of a CSV table answers, whether the server accepted, only checked or refused it. */
export interface CsvImportReport {
  /** Data rows read from the file, when the server said; null when a refusal did not say. */
  rows: number | null
  errors: RosterRowError[]
  committed: boolean
}

export interface CsvImportProps<R extends CsvImportReport> {
  /** Every element id starts with it: `<idPrefix>-csv`, `<idPrefix>-validate`, `<idPrefix>-errors`, … */
  idPrefix: string
  /** What the table is called in messages ("花名册", "统计表"). */
  noun: string
  maxChars: number
  /** The columns the table must have, in a sentence or two. */
  format: string
  /** A short sample table shown under the format. */
  sample: string
  /** When set, the sample can also be copied, and in a browser downloaded under this name. */
  sampleFileName?: string
  /** Checks (commit=false) or imports (commit=true) the text. */
  submit: (csv: string, commit: boolean) => Promise<R>
  /** Appended to the summary of a clean check, e.g. how many records it would add. */
  planned?: (report: R) => string
  /** The counts under "导入成功". */
  done: (report: R) => ReactNode
  onImported?: (report: R) => void
  /** Whatever else the import depends on (a month, say): when it changes, the last report no longer applies. */
  target?: string
}

const ERROR_PAGE = 50

function Summary<R extends CsvImportReport>({ idPrefix, mode, report, planned }: { idPrefix: string; mode: CsvImportMode; report: R; planned?: (report: R) => string }) {
  const rows = report.rows === null ? '' : `共 ${report.rows} 行，`
  if (report.errors.length > 0) {
    return (
      <View className='csv-report__summary csv-report__summary--bad' id={`${idPrefix}-summary`}>
        <Text>
          {rows}发现 {report.errors.length} 处错误。
          {mode === 'commit' ? '未导入任何数据，' : ''}请修改后重新校验。
        </Text>
      </View>
    )
  }
  return (
    <View className='csv-report__summary csv-report__summary--good' id={`${idPrefix}-summary`}>
      <Text>
        {rows}校验通过，可以导入。{planned ? planned(report) : ''}
      </Text>
    </View>
  )
}

function ErrorTable({ idPrefix, errors }: { idPrefix: string; errors: RosterRowError[] }) {
  const [limit, setLimit] = useState(ERROR_PAGE)
  return (
    <View className='csv-report__table' id={`${idPrefix}-errors`}>
      <View className='csv-report__tr csv-report__tr--head'>
        <Text className='csv-report__line'>行号</Text>
        <Text className='csv-report__field'>字段</Text>
        <Text className='csv-report__message'>问题</Text>
      </View>
      {errors.slice(0, limit).map((error, index) => (
        <View className='csv-report__tr' key={`${error.line}-${error.field}-${index}`} id={`${idPrefix}-error-${index}`}>
          <Text className='csv-report__line'>{error.line}</Text>
          <Text className='csv-report__field'>{error.field || '—'}</Text>
          <Text className='csv-report__message'>{error.message}</Text>
        </View>
      ))}
      {errors.length > limit ? (
        <View className='csv-report__more'>
          <Button id={`${idPrefix}-errors-more`} size='small' fill='none' onClick={() => setLimit(limit + ERROR_PAGE)}>
            显示更多错误（还有 {errors.length - limit} 处）
          </Button>
        </View>
      ) : null}
    </View>
  )
}

function ReportView<R extends CsvImportReport>({ idPrefix, mode, report, planned, done }: { idPrefix: string; mode: CsvImportMode; report: R; planned?: (report: R) => string; done: (report: R) => ReactNode }) {
  if (mode === 'commit' && report.committed) {
    return (
      <View className='csv-report card' id={`${idPrefix}-result`}>
        <Text className='csv-report__done'>导入成功</Text>
        <Text className='csv-report__counts'>{done(report)}</Text>
      </View>
    )
  }
  return (
    <View className='csv-report card' id={`${idPrefix}-report`}>
      <Summary idPrefix={idPrefix} mode={mode} report={report} planned={planned} />
      {report.errors.length > 0 ? <ErrorTable idPrefix={idPrefix} errors={report.errors} /> : null}
    </View>
  )
}

function SampleActions({ idPrefix, sample, fileName }: { idPrefix: string; sample: string; fileName: string }) {
  return (
    <View className='csv-import__sample-actions'>
      <Button id={`${idPrefix}-sample-copy`} size='small' fill='outline' onClick={() => void Taro.setClipboardData({ data: sample })}>
        复制示例
      </Button>
      {process.env.TARO_ENV === 'h5' ? (
        // The byte order mark makes Excel read the Chinese header as UTF-8.
        <a id={`${idPrefix}-sample-download`} className='csv-import__sample-download' href={`data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${sample}\n`)}`} download={fileName}>
          下载示例文件
        </a>
      ) : null}
    </View>
  )
}

/**
 * Paste or pick a CSV file, check it (nothing written), read the per-row report, then import.
 * The server writes nothing unless every row is right, so a refused import shows the same report.
 */
export function CsvImport<R extends CsvImportReport>(props: CsvImportProps<R>) {
  const { idPrefix, noun, maxChars, submit, onImported, target } = props
  const [csv, setCsv] = useState('')
  const [fileNote, setFileNote] = useState<{ text: string; warn: boolean } | null>(null)
  const [busy, setBusy] = useState<CsvImportMode | null>(null)
  const [result, setResult] = useState<{ mode: CsvImportMode; report: R } | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    setResult(null)
    setError(null)
  }, [target])

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

  const run = async (mode: CsvImportMode) => {
    if (busy) return
    if (!csv.trim()) {
      setError(`请先粘贴${noun}内容或选择文件`)
      return
    }
    if (csv.length > maxChars) {
      setError(`${noun}过大，请分批导入`)
      return
    }
    setBusy(mode)
    setError(null)
    try {
      const report = await submit(csv, mode === 'commit')
      setResult({ mode, report })
      if (mode === 'commit' && report.committed) onImported?.(report)
    } catch (err) {
      setResult(null)
      setError(messageOf(err))
    } finally {
      setBusy(null)
    }
  }

  return (
    <View className='csv-import'>
      <View className='csv-import__hint card' id={`${idPrefix}-sample`}>
        <Text className='csv-import__hint-title'>格式说明</Text>
        <Text className='csv-import__hint-text'>{props.format}</Text>
        <Text className='csv-import__sample' userSelect>
          {props.sample}
        </Text>
        {props.sampleFileName ? <SampleActions idPrefix={idPrefix} sample={props.sample} fileName={props.sampleFileName} /> : null}
      </View>

      <View className='csv-import__editor card'>
        <TextArea
          id={`${idPrefix}-csv`}
          className='csv-import__textarea'
          placeholder='在此粘贴 CSV 内容，或从下方选择文件'
          value={csv}
          maxLength={-1}
          rows={10}
          onChange={changeCsv}
        />
        <View className='csv-import__file'>
          {process.env.TARO_ENV === 'h5' ? (
            // The native control is hidden behind a label: its own text follows the browser's language, not ours.
            <label className='csv-import__file-button'>
              选择 CSV 文件
              <input
                id={`${idPrefix}-file`}
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
            <Button id={`${idPrefix}-choose-file`} size='small' fill='outline' onClick={() => chooseCsvFromChat().then(applyFile, fileFailed)}>
              从聊天记录选择文件
            </Button>
          )}
          <Text className='csv-import__count'>
            {csv.length} / {maxChars} 字
          </Text>
        </View>
        {fileNote ? (
          <Text id={`${idPrefix}-file-note`} className={`csv-import__file-note${fileNote.warn ? ' csv-import__file-note--warn' : ''}`}>
            {fileNote.text}
          </Text>
        ) : null}
      </View>

      <View className='csv-import__actions'>
        <Button id={`${idPrefix}-validate`} fill='outline' type='primary' loading={busy === 'validate'} onClick={() => void run('validate')}>
          校验
        </Button>
        <Button id={`${idPrefix}-commit`} type='primary' loading={busy === 'commit'} onClick={() => void run('commit')}>
          导入
        </Button>
      </View>
      <View className='csv-import__error'>
        <InlineError id={`${idPrefix}-error`} message={error} />
      </View>

      {result ? <ReportView idPrefix={idPrefix} mode={result.mode} report={result.report} planned={props.planned} done={props.done} /> : null}
    </View>
  )
}
