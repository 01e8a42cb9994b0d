export default definePageConfig({
  navigationBarTitleText: '分派任务',
})
