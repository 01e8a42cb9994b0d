export default definePageConfig({
  navigationBarTitleText: '个人数据保留',
})
