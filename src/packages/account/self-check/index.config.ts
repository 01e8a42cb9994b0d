export default definePageConfig({
  navigationBarTitleText: '账号安全自查',
  enablePullDownRefresh: true,
})
