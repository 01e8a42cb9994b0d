export default definePageConfig({
  navigationBarTitleText: '账号申请',
  enablePullDownRefresh: true,
})
