export default defineAppConfig({
  pages: ['pages/workbench/index', 'pages/approvals/index', 'pages/admin/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'packages/admin',
      name: 'admin',
      pages: ['departments/index', 'people/index', 'import/index', 'working-time/index', 'audit/index', 'retention/index'],
    },
    {
      root: 'packages/account',
      name: 'account',
      pages: [
        'apply/index',
        'application/index',
        'mine/index',
        'accounts/index',
        'applications/index',
        // Record pages sit where types/contract/pages.ts says: subscribe messages and to-do lists open them there.
        'anomaly/index',
        'anomaly-report/index',
        'anomalies/index',
        'delegation/index',
        'delegation-request/index',
        'delegations/index',
        'handover/index',
        'handover-start/index',
        'handovers/index',
        'self-check/index',
        'self-checks/index',
        'security-settings/index',
      ],
    },
    {
      root: 'packages/policy',
      name: 'policy',
      pages: ['read/index', 'versions/index', 'version/index', 'editor/index', 'progress/index'],
    },
    {
      root: 'packages/notice',
      name: 'notice',
      pages: ['detail/index', 'inbox/index', 'compose/index', 'sent/index', 'overdue/index'],
    },
    {
      root: 'packages/customer',
      name: 'customer',
      pages: ['list/index', 'add/index', 'detail/index', 'follow-ups/index', 'self-introduction/index'],
    },
    {
      root: 'packages/marketing',
      name: 'marketing',
      pages: ['detail/index', 'submit/index', 'mine/index', 'review/index', 'library/index', 'push/index', 'terms/index', 'groups/index', 'group/index', 'group-edit/index'],
    },
    {
      root: 'packages/supervision',
      name: 'supervision',
      pages: ['violation/index', 'violation-record/index', 'violations/index', 'spot-check/index', 'spot-check-start/index', 'spot-check-round/index', 'spot-check-rounds/index', 'spot-check-mine/index'],
    },
    {
      root: 'packages/assessment',
      name: 'assessment',
      pages: ['mine/index', 'team/index', 'admin/index', 'rules/index', 'reply-stats/index'],
    },
    {
      root: 'packages/task',
      name: 'task',
      pages: ['list/index', 'create/index', 'detail/index'],
    },
    {
      root: 'packages/archive',
      name: 'archive',
      pages: ['list/index', 'edit/index', 'detail/index', 'monthly/index', 'coverage/index'],
    },
    {
      // Charts (@antv/f2 4, ~175 KB of the page) live only here, out of the main package.
      root: 'packages/dashboard',
      name: 'dashboard',
      pages: ['index'],
    },
  ],
  // Every role reaches applications, anomaly reports and the self-check from the first screens, so fetch that subpackage while they look around.
  preloadRule: {
    'pages/workbench/index': { network: 'all', packages: ['account'] },
    'pages/approvals/index': { network: 'all', packages: ['account'] },
    'pages/me/index': { network: 'all', packages: ['account'] },
  },
  // H5 only: the slide-in transition made the page shell scroll sideways when a field took
  // focus mid-slide, leaving the next screen cut off on the left. WeChat keeps its own.
  animation: false,
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '业务微信管理',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
  },
  tabBar: {
    // The role decides which tabs show, so the bar is ours; the list must still name every tab for switchTab.
    custom: true,
    color: '#8b8f99',
    selectedColor: '#1677ff',
    backgroundColor: '#ffffff',
    list: [
      { pagePath: 'pages/workbench/index', text: '工作台' },
      { pagePath: 'pages/approvals/index', text: '审批' },
      { pagePath: 'pages/admin/index', text: '管理' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
})
