export default definePageConfig({
  navigationBarTitleText: '报告账号异常',
})
