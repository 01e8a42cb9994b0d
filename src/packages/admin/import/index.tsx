import { Text, View } from '@tarojs/components'
import { ROSTER_CSV_MAX_CHARS } from '@contract'
import { importRoster, type RosterReport } from '@/services/roster'
import { SessionGate } from '@/components/session-gate'
import { CsvImport } from '@/components/record/csv-import'
import './index.scss'

const FORMAT =
  '第一行为表头：姓名,手机,邮箱,部门,角色。角色填写“员工”“部门负责人”或“管理员”；手机为 11 位中国大陆手机号。已有员工按手机号更新，其余新增；有任何一行出错时不会导入任何数据。'
const SAMPLE = ['姓名,手机,邮箱,部门,角色', '张三,13800000001,zhangsan@example.com,销售部,员工', '李四,13800000002,lisi@example.com,销售部,部门负责人'].join('\n')

function planned(report: RosterReport): string {
  return report.created + report.updated > 0 ? `预计新增 ${report.created} 人，更新 ${report.updated} 人。` : ''
}

function done(report: RosterReport) {
  return (
    <>
      新增 <Text id='roster-created'>{report.created}</Text> 人，更新 <Text id='roster-updated'>{report.updated}</Text> 人
      {report.rows === null ? '' : `，共 ${report.rows} 行`}
    </>
  )
}

function RosterImport() {
  return (
    <View className='roster-import'>
      <CsvImport idPrefix='roster' noun='花名册' maxChars={ROSTER_CSV_MAX_CHARS} format={FORMAT} sample={SAMPLE} submit={importRoster} planned={planned} done={done} />
    </View>
  )
}

export default function RosterImportPage() {
  return <SessionGate roles={['admin']}>{() => <RosterImport />}</SessionGate>
}
