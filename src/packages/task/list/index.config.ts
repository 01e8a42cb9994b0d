export default definePageConfig({
  navigationBarTitleText: '工作任务',
  enablePullDownRefresh: true,
})
