export default definePageConfig({
  navigationBarTitleText: '备份记录',
  enablePullDownRefresh: true,
})
