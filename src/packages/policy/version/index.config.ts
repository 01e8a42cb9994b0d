export default definePageConfig({
  navigationBarTitleText: '制度版本',
  enablePullDownRefresh: true,
})
