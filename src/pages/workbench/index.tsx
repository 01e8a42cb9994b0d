import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { PersonSummary, Role } from '@contract'
import { TabPage } from '@/components/tab-page'
import { SessionGate } from '@/components/session-gate'
import { RoleTag } from '@/components/role-tag'
import { EntryList, type Entry } from '@/components/entry-list'
import { useTodos } from '@/hooks/use-todos'
import { loadSession } from '@/store/session'
import { askConsent } from '@/services/consent'
import { anomalyList, archiveList, assessmentResultPaths, archivePaths, customerList, followUpList, marketingPaths, routes, taskListPage, taskPages, violationListPage, violationPages, spotCheckRoundsPage } from '@/routes'
import { PendingNotices } from './pending-notices'
import './index.scss'

const open = (url: string) => () => void Taro.navigateTo({ url })
const tab = (url: string) => () => void Taro.switchTab({ url })
/** Reviewers opening 审批 are asked, inside the tap, whether to be told of the next request. */
const approvalsTab = () => {
  void askConsent('openApprovals')
  void Taro.switchTab({ url: routes.approvals })
}

function policyAndNoticeEntries(role: Role): Entry[] {
  const entries: Entry[] = [
    { id: 'entry-policy', title: '管理制度', description: '业务微信管理制度全文', onOpen: open(routes.policyRead) },
    { id: 'entry-notices', title: '我的通知', description: '收到的工作通知，需要时按时确认', onOpen: open(routes.notices) },
  ]
  if (role === 'head' || role === 'admin') {
    entries.push(
      {
        id: 'entry-notice-compose',
        title: '发布工作通知',
        description: role === 'head' ? '通知本部门员工，可要求限时确认' : '通知全体或部分员工，可要求限时确认',
        onOpen: open(routes.noticeCompose),
      },
      { id: 'entry-notices-sent', title: '已发通知', description: '查看谁已确认、谁已逾期', onOpen: open(routes.sentNotices) },
    )
  }
  if (role === 'head') {
    entries.push({ id: 'entry-policy-progress', title: '本部门制度确认', description: '本部门员工确认现行制度的情况', onOpen: open(routes.policyProgress) })
  }
  return entries
}

/** Day-to-day records (policy 三 to 五); heads also reach their department's from here. */
function workEntries(role: Role): Entry[] {
  const entries: Entry[] = [
    { id: 'entry-customers', title: '客户档案', description: '添加客户、沟通记录、满意度与投诉', onOpen: open(customerList()) },
    { id: 'entry-follow-ups', title: '我的跟进', description: '今天到期和已逾期的客户跟进', onOpen: open(followUpList()) },
    { id: 'entry-tasks', title: '工作任务', description: '分派给我的、我分派的任务与进度', onOpen: open(taskListPage()) },
    { id: 'entry-task-create', title: '分派任务', description: '给同事分派任务，跨部门可指定各部门负责人', onOpen: open(taskPages.create) },
    { id: 'entry-marketing', title: '我的营销素材', description: '推送前提交审核，自动提示违规用语', onOpen: open(marketingPaths.mine) },
    { id: 'entry-marketing-library', title: '素材库', description: '已审核通过的素材，推送后记录对象', onOpen: open(marketingPaths.library) },
    { id: 'entry-groups', title: '业务群', description: '登记业务群的用途、成员与定期检查', onOpen: open(marketingPaths.groups) },
    { id: 'entry-archives', title: '资料备份', description: '合同、沟通记录等重要资料的备份登记', onOpen: open(archiveList()) },
    { id: 'entry-archive-monthly', title: '本月信息整理', description: '每月分类整理、清理与备份确认', onOpen: open(archivePaths.monthly) },
    { id: 'entry-assessment', title: '我的考核', description: '月度得分、等级与每项指标的依据', onOpen: open(assessmentResultPaths.mine) },
  ]
  if (role === 'head') {
    entries.push(
      { id: 'entry-marketing-review', title: '素材审核', description: '本部门员工提交的营销素材', onOpen: open(marketingPaths.review) },
      { id: 'entry-department-customers', title: '本部门客户', description: '本部门员工的客户档案', onOpen: open(customerList('managed')) },
      { id: 'entry-department-follow-ups', title: '本部门逾期跟进', description: '本部门逾期未完成的客户跟进', onOpen: open(followUpList('managed')) },
      { id: 'entry-department-tasks', title: '本部门任务', description: '本部门参与的逾期任务', onOpen: open(taskListPage('department', 'overdue')) },
      { id: 'entry-archive-coverage', title: '信息归档情况', description: '本部门本月整理确认与备份登记', onOpen: open(archivePaths.coverage) },
      { id: 'entry-team-assessment', title: '本部门考核', description: '本部门员工的月度考核结果', onOpen: open(assessmentResultPaths.team) },
      { id: 'entry-spot-checks', title: '随机抽查', description: '抽取本部门员工检查沟通情况并评分', onOpen: open(spotCheckRoundsPage()) },
      { id: 'entry-violation-record', title: '记录违规', description: '按现行制度条款记录本部门员工的违规', onOpen: open(violationPages.record) },
      { id: 'entry-violations', title: '本部门违规记录', description: '违规、申诉与裁定情况', onOpen: open(violationListPage('department')) },
    )
  }
  return entries
}

function securityEntries(role: Role): Entry[] {
  const entries: Entry[] = [
    { id: 'entry-self-check', title: '每月安全自查', description: '支付密码、登录密码、安全验证，每月完成一次', onOpen: open(routes.selfCheck) },
  ]
  if (role === 'head') {
    entries.push(
      { id: 'entry-anomalies', title: '异常报告', description: '受理、处置本部门员工报告的账号异常', onOpen: open(anomalyList('handling')) },
      { id: 'entry-self-checks', title: '自查完成情况', description: '本部门本月安全自查的完成情况', onOpen: open(routes.selfChecks) },
    )
  }
  return entries
}

function accountEntries(role: Role): Entry[] {
  const entries: Entry[] = [
    { id: 'entry-apply', title: '申请业务微信', description: '说明用途，审批后由行政部开通', onOpen: open(routes.apply) },
    { id: 'entry-my-applications', title: '我的申请', description: '查看你提交的申请及进度', onOpen: open(routes.myApplications) },
  ]
  if (role === 'head') {
    entries.push({ id: 'entry-accounts', title: '本部门账号', description: '本部门的业务微信账号台账', onOpen: open(routes.accounts) })
  } else if (role === 'admin') {
    entries.push({ id: 'entry-accounts', title: '账号台账', description: '全公司业务微信账号，按状态查找', onOpen: open(routes.accounts) })
  }
  return entries
}

function otherEntries(role: Role): Entry[] {
  const profile: Entry = { id: 'entry-profile', title: '个人信息', description: '查看绑定的员工资料', onOpen: tab(routes.me) }
  switch (role) {
    case 'employee':
      return [profile]
    case 'head':
      return [
        { id: 'entry-pending-approvals', title: '待我审批', description: '处理本部门员工的申请', onOpen: approvalsTab },
        { id: 'entry-dashboard', title: '部门看板', description: '本部门账号、审批、异常、制度确认、抽查与考核', onOpen: open(routes.dashboard) },
        { id: 'entry-department-people', title: '本部门员工', description: '查看本部门人员与绑定情况', onOpen: open(routes.people) },
        profile,
      ]
    case 'admin':
      return [
        { id: 'entry-roster', title: '花名册管理', description: '部门、员工与花名册导入', onOpen: tab(routes.admin) },
        { id: 'entry-roster-import', title: '导入花名册', description: '粘贴或上传 CSV，先校验后导入', onOpen: open(routes.rosterImport) },
        { id: 'entry-people', title: '员工列表', description: '按部门、姓名查找员工', onOpen: open(routes.people) },
        { id: 'entry-approvals', title: '审批', description: '待审批事项与我的申请', onOpen: approvalsTab },
      ]
  }
}

function Count({ id, label, value }: { id: string; label: string; value: number | null }) {
  return (
    <View className='todo-card__item'>
      <Text id={id} className={`todo-card__count${value ? ' todo-card__count--due' : ''}`}>
        {value === null ? '-' : value}
      </Text>
      <Text className='todo-card__label'>{label}</Text>
    </View>
  )
}

function TodoCard({ role }: { role: Role }) {
  const todos = useTodos()
  usePullDownRefresh(() => void todos.refresh())
  const data = todos.data
  return (
    <View className='todo-card card' id='todo-card' onClick={role === 'employee' ? tab(routes.approvals) : approvalsTab}>
      <View className='todo-card__counts'>
        {/* Employees decide nothing, so their card shows only their own open requests. */}
        {role === 'employee' ? null : <Count id='todo-approvals-count' label='待我审批' value={data ? data.approvals.length : null} />}
        <Count id='todo-mine-count' label='我的待办' value={data ? data.mine.length : null} />
      </View>
      <Text className='todo-card__hint'>{todos.error ? '待办加载失败，下拉刷新重试' : '查看全部 ›'}</Text>
    </View>
  )
}

function Workbench({ person }: { person: PersonSummary }) {
  return (
    <View className='workbench'>
      <View className='workbench__hello card'>
        <View className='workbench__greeting'>
          <Text>你好，</Text>
          <Text id='whoami-name' className='workbench__name'>
            {person.name}
          </Text>
        </View>
        <View className='workbench__meta'>
          <RoleTag id='whoami-role' role={person.role} />
          <Text id='whoami-department' className='workbench__department'>
            {person.departmentName}
          </Text>
        </View>
      </View>
      <PendingNotices />
      <View className='page-section'>
        <View className='report-anomaly card' id='entry-report-anomaly' onClick={open(routes.anomalyReport)}>
          <View className='report-anomaly__text'>
            <Text className='report-anomaly__title'>报告账号异常</Text>
            <Text className='report-anomaly__description'>账号被盗、登录受限、疑似诈骗、手机丢失，请立即报告</Text>
          </View>
          <Text className='report-anomaly__go'>立即报告 ›</Text>
        </View>
      </View>
      <View className='page-section'>
        <TodoCard role={person.role} />
      </View>
      <View id='quick-entries'>
        <Text className='page-section__title'>制度与通知</Text>
        <View className='page-section'>
          <EntryList entries={policyAndNoticeEntries(person.role)} />
        </View>
        <Text className='page-section__title'>日常工作</Text>
        <View className='page-section'>
          <EntryList entries={workEntries(person.role)} />
        </View>
        <Text className='page-section__title'>业务微信</Text>
        <View className='page-section'>
          <EntryList entries={accountEntries(person.role)} />
        </View>
        <Text className='page-section__title'>账号安全</Text>
        <View className='page-section'>
          <EntryList entries={securityEntries(person.role)} />
        </View>
        <Text className='page-section__title'>常用功能</Text>
        <View className='page-section'>
          <EntryList entries={otherEntries(person.role)} />
        </View>
      </View>
    </View>
  )
}

export default function WorkbenchPage() {
  usePullDownRefresh(() => {
    void loadSession(true).finally(() => void Taro.stopPullDownRefresh())
  })
  return (
    <TabPage tab='workbench'>
      <SessionGate>{(person) => <Workbench person={person} />}</SessionGate>
    </TabPage>
  )
}
