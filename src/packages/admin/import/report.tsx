import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { RosterReport } from '@/services/roster'

export type ReportMode = 'validate' | 'commit'

const ERROR_PAGE = 50

function Summary({ mode, report }: { mode: ReportMode; report: RosterReport }) {
  const rows = report.rows === null ? '' : `共 ${report.rows} 行，`
  if (report.errors.length > 0) {
    return (
      <View className='roster-report__summary roster-report__summary--bad' id='roster-summary'>
        <Text>
          {rows}发现 {report.errors.length} 处错误。
          {mode === 'commit' ? '未导入任何数据，' : ''}请修改后重新校验。
        </Text>
      </View>
    )
  }
  const planned = report.created + report.updated > 0 ? `预计新增 ${report.created} 人，更新 ${report.updated} 人。` : ''
  return (
    <View className='roster-report__summary roster-report__summary--good' id='roster-summary'>
      <Text>
        {rows}校验通过，可以导入。{planned}
      </Text>
    </View>
  )
}

function ErrorTable({ report }: { report: RosterReport }) {
  const [limit, setLimit] = useState(ERROR_PAGE)
  return (
    <View className='roster-report__table' id='roster-errors'>
      <View className='roster-report__tr roster-report__tr--head'>
        <Text className='roster-report__line'>行号</Text>
        <Text className='roster-report__field'>字段</Text>
        <Text className='roster-report__message'>问题</Text>
      </View>
      {report.errors.slice(0, limit).map((error, index) => (
        <View className='roster-report__tr' key={`${error.line}-${error.field}-${index}`} id={`roster-error-${index}`}>
          <Text className='roster-report__line'>{error.line}</Text>
          <Text className='roster-report__field'>{error.field || '—'}</Text>
          <Text className='roster-report__message'>{error.message}</Text>
        </View>
      ))}
      {report.errors.length > limit ? (
        <View className='roster-report__more'>
          <Button id='roster-errors-more' size='small' fill='none' onClick={() => setLimit(limit + ERROR_PAGE)}>
            显示更多错误（还有 {report.errors.length - limit} 处）
          </Button>
        </View>
      ) : null}
    </View>
  )
}

export function ReportView({ mode, report }: { mode: ReportMode; report: RosterReport }) {
  if (mode === 'commit' && report.committed) {
    return (
      <View className='roster-report card' id='roster-result'>
        <Text className='roster-report__done'>导入成功</Text>
        <Text className='roster-report__counts'>
          新增 <Text id='roster-created'>{report.created}</Text> 人，更新 <Text id='roster-updated'>{report.updated}</Text> 人
          {report.rows === null ? '' : `，共 ${report.rows} 行`}
        </Text>
      </View>
    )
  }
  return (
    <View className='roster-report card' id='roster-report'>
      <Summary mode={mode} report={report} />
      {report.errors.length > 0 ? <ErrorTable report={report} /> : null}
    </View>
  )
}
