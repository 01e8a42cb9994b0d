export default definePageConfig({
  navigationBarTitleText: '工作时间设置',
})
