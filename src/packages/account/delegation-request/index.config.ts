export default definePageConfig({
  navigationBarTitleText: '委托代操作',
})
