export default definePageConfig({
  navigationBarTitleText: '逾期未确认',
  enablePullDownRefresh: true,
})
