export default definePageConfig({
  navigationBarTitleText: '代操作详情',
  enablePullDownRefresh: true,
})
