export default definePageConfig({
  navigationBarTitleText: '编辑制度',
})
