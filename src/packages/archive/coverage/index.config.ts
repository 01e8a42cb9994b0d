export default definePageConfig({
  navigationBarTitleText: '信息归档情况',
  enablePullDownRefresh: true,
})
