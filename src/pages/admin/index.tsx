import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { TabPage } from '@/components/tab-page'
import { SessionGate } from '@/components/session-gate'
import { EntryList } from '@/components/entry-list'
import { anomalyList, assessmentResultPaths, auditPaths, assessmentRulesPaths, archiveList, archivePaths, customerList, customerPaths, delegationList, followUpList, groupList, handoverList, marketingPaths, routes, taskListPage, violationListPage, violationPages, spotCheckRoundsPage } from '@/routes'

function Admin() {
  const open = (url: string) => () => void Taro.navigateTo({ url })
  return (
    <View className='admin' id='admin-home'>
      <View className='page-section'>
        <EntryList
          entries={[{ id: 'admin-dashboard', title: '数据看板', description: '账号、审批、异常、制度确认、通知、抽查与考核，点图表查看明细', onOpen: open(routes.dashboard) }]}
        />
      </View>
      <Text className='page-section__title'>花名册管理</Text>
      <View className='page-section'>
        <EntryList
          entries={[
            { id: 'admin-departments', title: '部门管理', description: '部门、负责人与人数，新增部门', onOpen: open(routes.departments) },
            { id: 'admin-people', title: '员工列表', description: '按部门或姓名查找，联系方式已脱敏', onOpen: open(routes.people) },
            { id: 'admin-roster-import', title: '导入花名册', description: '粘贴或上传 CSV，先校验后导入', onOpen: open(routes.rosterImport) },
            { id: 'admin-audit', title: '审计日志', description: '按人员、操作、记录和时间查找操作与查看完整联系方式的记录', onOpen: open(auditPaths.log) },
          ]}
        />
      </View>
      <Text className='page-section__title'>业务微信</Text>
      <View className='page-section'>
        <EntryList
          entries={[
            { id: 'admin-accounts', title: '账号台账', description: '全公司业务微信账号，按状态、微信号或持有人查找', onOpen: open(routes.accounts) },
            { id: 'admin-delegations', title: '代操作记录', description: '全公司的代操作申请与生效情况', onOpen: open(delegationList('all')) },
            { id: 'admin-handovers', title: '账号交接', description: '修改密码、办结交接，转交或注销账号', onOpen: open(handoverList('handling')) },
          ]}
        />
      </View>
      <Text className='page-section__title'>账号安全</Text>
      <View className='page-section'>
        <EntryList
          entries={[
            { id: 'admin-anomalies', title: '异常报告', description: '全公司的账号异常报告，受理、处置与办结', onOpen: open(anomalyList('handling')) },
            { id: 'admin-self-checks', title: '安全自查完成情况', description: '本月各部门安全自查的完成情况', onOpen: open(routes.selfChecks) },
            { id: 'admin-security-settings', title: '安全设置', description: '登录密码最长使用天数、每月自查截止日', onOpen: open(routes.securitySettings) },
          ]}
        />
      </View>
      <Text className='page-section__title'>制度与通知</Text>
      <View className='page-section'>
        <EntryList
          entries={[
            { id: 'admin-policy-versions', title: '制度版本管理', description: '查看各版本与改动，编辑并发布新版本', onOpen: open(routes.policyVersions) },
            { id: 'admin-policy-progress', title: '制度确认进度', description: '各部门确认率与逾期人员，一键提醒', onOpen: open(routes.policyProgress) },
            { id: 'admin-notice-compose', title: '发布工作通知', description: '向全员、部门或指定人员发送通知', onOpen: open(routes.noticeCompose) },
            { id: 'admin-notices-sent', title: '已发通知', description: '已发送的通知，谁已确认、谁已超时', onOpen: open(routes.sentNotices) },
            { id: 'admin-working-time', title: '工作时间设置', description: '工作日、每日工作时段、节假日与调休，用于计算确认时限', onOpen: open(routes.workingTime) },
            { id: 'admin-retention', title: '个人数据保留', description: '离职人员个人数据的保留期与自动清理记录', onOpen: open(routes.retention) },
          ]}
        />
      </View>
      <Text className='page-section__title'>监督与考核</Text>
      <View className='page-section'>
        <EntryList
          entries={[
            { id: 'admin-assessment', title: '月度考核', description: '计算、发布月度考核，查看各部门分布', onOpen: open(assessmentResultPaths.admin) },
            { id: 'admin-assessment-rules', title: '考核规则', description: '四项指标权重、等级与计分参数，每次修改留版本', onOpen: open(assessmentRulesPaths.rules) },
            { id: 'admin-spot-checks', title: '随机抽查', description: '按部门分层随机抽取员工，按评分表检查', onOpen: open(spotCheckRoundsPage()) },
            { id: 'admin-violation-record', title: '记录违规', description: '按现行制度条款记录违规、扣分与处理', onOpen: open(violationPages.record) },
            { id: 'admin-violations', title: '违规记录', description: '全公司违规记录，按状态查找', onOpen: open(violationListPage('all')) },
            { id: 'admin-appeals', title: '申诉处理', description: '员工对违规记录的申诉，维持或撤销', onOpen: open(violationListPage('appeals')) },
          ]}
        />
      </View>
      <Text className='page-section__title'>工作记录</Text>
      <View className='page-section'>
        <EntryList
          entries={[
            { id: 'admin-customers', title: '全公司客户', description: '各部门的客户档案，按部门查看', onOpen: open(customerList('managed')) },
            { id: 'admin-follow-ups', title: '逾期跟进', description: '全公司逾期未完成的客户跟进', onOpen: open(followUpList('managed')) },
            { id: 'admin-self-introduction', title: '自我介绍模板', description: '员工添加客户时一键复制的自我介绍', onOpen: open(customerPaths.selfIntroduction) },
            { id: 'admin-marketing-review', title: '素材审核', description: '待审核的营销素材，违规用语已标出', onOpen: open(marketingPaths.review) },
            { id: 'admin-marketing-terms', title: '素材用语设置', description: '广告法禁用语、承诺用语与例外词', onOpen: open(marketingPaths.terms) },
            { id: 'admin-groups', title: '业务群台账', description: '全公司业务群，未写用途或超期未检查的会标出', onOpen: open(groupList('all')) },
            { id: 'admin-tasks', title: '全部任务', description: '全公司的任务与逾期情况', onOpen: open(taskListPage('all')) },
            { id: 'admin-archive-coverage', title: '信息归档情况', description: '各部门每月整理确认与备份登记，确认截止日', onOpen: open(archivePaths.coverage) },
            { id: 'admin-archives', title: '资料备份记录', description: '全公司的重要资料备份登记', onOpen: open(archiveList('all')) },
          ]}
        />
      </View>
    </View>
  )
}

export default function AdminPage() {
  return (
    <TabPage tab='admin'>
      {/* The tab is listed for every role (switchTab needs it), so the page turns others away itself. */}
      <SessionGate roles={['admin']}>{() => <Admin />}</SessionGate>
    </TabPage>
  )
}
