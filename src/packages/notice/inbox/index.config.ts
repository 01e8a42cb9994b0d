export default definePageConfig({
  navigationBarTitleText: '我的通知',
  enablePullDownRefresh: true,
})
