import type { Page } from 'playwright-core'
import { phoneContext, screenshot } from '../support/browser'
import { acknowledgePolicyFromStop, startE2E, type E2E } from '../support/e2e'
import { connectSdk } from '../support/local-cloud'

/**
 * The real H5 build, served by the local runtime, driven in headless Chromium:
 * dev sign-in → the built api function → the database, with nothing stubbed.
 */
jest.setTimeout(60_000)

const HEADER = '姓名,手机,邮箱,部门,角色'

let e2e: E2E

beforeAll(async () => {
  e2e = await startE2E()
})

afterAll(async () => {
  await e2e?.close()
})

const openAs = (personId: string) => e2e.openAs(personId)

async function fillRoster(page: Page, csv: string): Promise<void> {
  const box = page.locator('#roster-csv textarea')
  await box.fill(csv)
}

it('shows the dev sign-in first, listing the seeded company', async () => {
  const page = await (await phoneContext(e2e.browser)).newPage()
  await page.goto(e2e.cloud.url)
  await page.locator('#dev-sign-in').waitFor()
  await page.locator('#person-p-admin-02').waitFor()
  await expect(page.locator('#dev-sign-in').innerText()).resolves.toContain('陈静')
  await screenshot(page, 'dev-sign-in')
})

it('lets the admin find a bad row in a roster, then import a good one', async () => {
  const page = await openAs('p-admin-02')
  await page.locator('#tab-admin').click()
  await page.locator('#admin-roster-import').click()
  await page.locator('#roster-csv').waitFor()

  await fillRoster(page, `${HEADER}\n周新,13712345678,zhou.xin@demo-corp.example.cn,市场部,员工\n错误行,1234,not-an-email,研发部,员工`)
  await page.locator('#roster-validate').click()
  const errors = page.locator('#roster-errors')
  await errors.waitFor()
  const errorText = await errors.innerText()
  expect(errorText).toContain('手机号须为11位中国大陆手机号')
  expect(errorText).toContain('部门「研发部」不存在')
  await screenshot(page, 'roster-import-errors')

  await fillRoster(page, `${HEADER}\n周新,13712345678,zhou.xin@demo-corp.example.cn,市场部,员工\n吴桐,13712345679,wu.tong@demo-corp.example.cn,客户服务部,员工`)
  await page.locator('#roster-commit').click()
  await page.locator('#roster-result').waitFor()
  await expect(page.locator('#roster-created').innerText()).resolves.toContain('2')
  await screenshot(page, 'roster-import-done')

  const { db } = connectSdk(e2e.cloud.cloudEndpoint)
  const { data } = await db.collection('people').where({ mobile: '13712345678' }).get()
  expect(data[0]).toMatchObject({ name: '周新', departmentId: 'dept-marketing', role: 'employee' })
})

it('lets a newly imported employee sign in, acknowledge the policy first, and see who they are', async () => {
  const people = (await (await fetch(`${e2e.cloud.url}/dev/people`)).json()).data.people as Array<{ id: string; name: string }>
  const newcomer = people.find((p) => p.name === '周新')
  expect(newcomer).toBeDefined()
  const page = await (await phoneContext(e2e.browser)).newPage()
  await page.goto(e2e.cloud.url)
  await page.locator(`#person-${newcomer!.id}`).click()
  // Someone new has not acknowledged the policy in force: that comes before anything else.
  await page.locator('#policy-stop').waitFor()
  await acknowledgePolicyFromStop(page)
  await expect(page.locator('#whoami-name').innerText()).resolves.toContain('周新')
  await expect(page.locator('#whoami-role').innerText()).resolves.toContain('员工')
  await expect(page.locator('#whoami-department').innerText()).resolves.toContain('市场部')
  await expect(page.locator('#tab-admin').count()).resolves.toBe(0)
  await screenshot(page, 'employee-workbench')
  await page.locator('#tab-me').click()
  await expect(page.locator('#me-mobile').innerText()).resolves.toContain('137****5678')
  await screenshot(page, 'employee-me')
})

it('shows a visitor the not-yet-bound screen', async () => {
  const page = await (await phoneContext(e2e.browser)).newPage()
  await page.goto(e2e.cloud.url)
  await page.locator('#visitor-sign-in').click()
  await page.locator('#unbound-screen').waitFor()
  await screenshot(page, 'unbound')
})
