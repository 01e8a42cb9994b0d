import { launchMiniProgram, textOf, type MiniProgram } from './launch'

const HEADER = '姓名,手机,邮箱,部门,角色'

let mp: MiniProgram

beforeAll(async () => {
  mp = await launchMiniProgram()
})

afterAll(async () => {
  await mp?.close()
})

it('shows the signed-in person who they are', async () => {
  const page = await mp.switchTab('/pages/me/index')
  expect(await textOf(page, '#me-name')).not.toBe('')
  expect(await textOf(page, '#me-role')).toMatch(/管理员|部门负责人|员工/)
})

it('reports a bad roster row and imports nothing', async () => {
  const page = await mp.navigateTo('/packages/admin/import/index')
  await page.waitFor('#roster-csv')
  await (await page.$('#roster-csv'))!.input(`${HEADER}\n测试员工,12345,bad-email,不存在的部门,员工`)
  await (await page.$('#roster-validate'))!.tap()
  expect(await textOf(page, '#roster-errors')).toContain('手机号须为11位中国大陆手机号')
})

it('imports a valid roster', async () => {
  const page = await mp.navigateTo('/packages/admin/import/index')
  await page.waitFor('#roster-csv')
  const mobile = `136${String(Date.now()).slice(-8)}`
  await (await page.$('#roster-csv'))!.input(`${HEADER}\n自动化测试员工,${mobile},auto${mobile}@example.cn,行政部,员工`)
  await (await page.$('#roster-commit'))!.tap()
  expect(await textOf(page, '#roster-created')).toContain('1')
})
