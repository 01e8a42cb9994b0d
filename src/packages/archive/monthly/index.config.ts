export default definePageConfig({
  navigationBarTitleText: '信息整理与备份确认',
  enablePullDownRefresh: true,
})
