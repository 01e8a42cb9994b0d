export default definePageConfig({
  navigationBarTitleText: '制度确认进度',
  enablePullDownRefresh: true,
})
