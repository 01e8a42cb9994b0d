export default definePageConfig({
  navigationBarTitleText: '已发通知',
  enablePullDownRefresh: true,
})
