export default definePageConfig({
  navigationBarTitleText: '自我介绍模板',
})
