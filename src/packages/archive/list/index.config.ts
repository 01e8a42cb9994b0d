export default definePageConfig({
  navigationBarTitleText: '资料备份记录',
  enablePullDownRefresh: true,
})
