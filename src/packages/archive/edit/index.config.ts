export default definePageConfig({
  navigationBarTitleText: '登记资料备份',
})
