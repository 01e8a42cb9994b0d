export default definePageConfig({
  navigationBarTitleText: '账号交接',
  enablePullDownRefresh: true,
})
