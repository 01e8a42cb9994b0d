export default definePageConfig({
  navigationBarTitleText: '管理制度',
})
