export default definePageConfig({
  navigationBarTitleText: '部门考核',
  enablePullDownRefresh: true,
})
