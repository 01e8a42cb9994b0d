export default definePageConfig({
  navigationBarTitleText: '我的跟进',
  enablePullDownRefresh: true,
})
