import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import type { PersonSummary } from '@contract'
import { roleLabels } from '@contract/common'
import { TabPage } from '@/components/tab-page'
import { SessionGate } from '@/components/session-gate'
import { RoleTag } from '@/components/role-tag'
import { loadIdentityActions } from '@/components/dev-only'
import { EntryList, type Entry } from '@/components/entry-list'
import { loadSession } from '@/store/session'
import { anomalyList, archiveList, assessmentResultPaths, archivePaths, delegationList, handoverList, routes, spotCheckPages, violationListPage } from '@/routes'
import { ExportMyData } from './export-data'
import './index.scss'

function Field({ title, id, value, isLast = false }: { title: string; id: string; value: string; isLast?: boolean }) {
  return (
    <Cell
      isLast={isLast}
      align='center'
      title={title}
      extra={
        <Text id={id} className='me__value'>
          {value || '未登记'}
        </Text>
      }
    />
  )
}

function accountEntries(person: PersonSummary): Entry[] {
  const open = (url: string) => () => void Taro.navigateTo({ url })
  const entries: Entry[] = [
    { id: 'me-applications', title: '我的申请', description: '业务微信开通申请及进度', onOpen: open(routes.myApplications) },
  ]
  // Heads and admins reach the registry (their department's, everyone's) from 工作台 and 管理; here it would not be "mine".
  if (person.role === 'employee') {
    entries.unshift({ id: 'me-accounts', title: '我的业务微信', description: '你名下的业务微信账号', onOpen: open(routes.accounts) })
  }
  return entries
}

function securityEntries(): Entry[] {
  const open = (url: string) => () => void Taro.navigateTo({ url })
  return [
    { id: 'entry-report-anomaly', title: '报告账号异常', description: '账号被盗、登录受限、疑似诈骗，请立即报告', onOpen: open(routes.anomalyReport) },
    { id: 'entry-self-check', title: '每月安全自查', description: '本月自查状态与密码使用天数', onOpen: open(routes.selfCheck) },
    { id: 'me-anomalies', title: '我报告的异常', description: '报告的处理进度与处置措施', onOpen: open(anomalyList('mine')) },
    { id: 'me-delegations', title: '我的代操作', description: '委托同事或受同事委托代操作的账号', onOpen: open(delegationList('mine')) },
    { id: 'me-handovers', title: '我的账号交接', description: '交出或接收账号的交接清单', onOpen: open(handoverList('mine')) },
  ]
}

function policyEntries(): Entry[] {
  const open = (url: string) => () => void Taro.navigateTo({ url })
  return [
    { id: 'me-policy', title: '管理制度', description: '现行业务微信管理制度全文与我的确认情况', onOpen: open(routes.policyRead) },
    { id: 'me-notices', title: '我的通知', description: '收到的工作通知，需确认的请及时确认', onOpen: open(routes.notices) },
    { id: 'me-archives', title: '我的资料备份', description: '我登记的重要资料及备份位置', onOpen: open(archiveList()) },
    { id: 'me-assessment', title: '我的考核', description: '月度得分、等级、依据与趋势，可申诉一次', onOpen: open(assessmentResultPaths.mine) },
    { id: 'me-spot-checks', title: '我的抽查结果', description: '抽查评分与检查人备注，可留言一次', onOpen: open(spotCheckPages.mine) },
    { id: 'me-violations', title: '我的违规记录', description: '被记录的违规及申诉，15天内可申诉一次', onOpen: open(violationListPage('mine')) },
    { id: 'me-archive-monthly', title: '本月信息整理确认', description: '分类整理、清理与备份，每月确认一次', onOpen: open(archivePaths.monthly) },
  ]
}

function Me({ person }: { person: PersonSummary }) {
  const IdentityActions = loadIdentityActions()
  return (
    <View className='me'>
      <View className='me__profile card'>
        <View className='me__avatar'>
          <Text>{person.name.slice(0, 1)}</Text>
        </View>
        <View className='me__who'>
          <Text className='me__name'>{person.name}</Text>
          <RoleTag role={person.role} />
        </View>
      </View>
      <View className='page-section'>
        <CellGroup title='员工资料'>
          <Field title='姓名' id='me-name' value={person.name} />
          <Field title='角色' id='me-role' value={roleLabels[person.role]} />
          <Field title='部门' id='me-department' value={person.departmentName} />
          <Field title='手机' id='me-mobile' value={person.mobileMasked} />
          <Field title='邮箱' id='me-email' value={person.emailMasked} isLast />
        </CellGroup>
        <Text className='me__hint'>资料以公司花名册为准，如有错误请联系管理员更正。</Text>
      </View>
      <View className='page-section'>
        <EntryList title='业务微信' entries={accountEntries(person)} />
      </View>
      <View className='page-section'>
        <EntryList title='账号安全' entries={securityEntries()} />
      </View>
      <View className='page-section'>
        <EntryList title='制度与通知' entries={policyEntries()} />
      </View>
      <View className='page-section'>
        <ExportMyData />
      </View>
      {IdentityActions ? (
        <View className='page-section me__actions'>
          <IdentityActions />
        </View>
      ) : null}
    </View>
  )
}

export default function MePage() {
  usePullDownRefresh(() => {
    void loadSession(true).finally(() => void Taro.stopPullDownRefresh())
  })
  return (
    <TabPage tab='me'>
      <SessionGate>{(person) => <Me person={person} />}</SessionGate>
    </TabPage>
  )
}
