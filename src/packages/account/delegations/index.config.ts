export default definePageConfig({
  navigationBarTitleText: '代操作',
})
