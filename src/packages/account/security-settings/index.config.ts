export default definePageConfig({
  navigationBarTitleText: '安全设置',
})
