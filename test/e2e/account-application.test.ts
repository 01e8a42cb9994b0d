import type { Page } from 'playwright-core'
import { screenshot } from '../support/browser'
import { cast } from '../support/company'
import { openPath, startE2E, waitForText, type E2E } from '../support/e2e'
import { connectSdk } from '../support/local-cloud'

/**
 * The core journey of 二.一 in the H5 build: an employee applies, the wrong head is
 * refused, the right head approves from their to-do list, the admin activates, and the
 * employee sees the account and the timeline.
 */
jest.setTimeout(90_000)

let e2e: E2E
let applicationId: string

beforeAll(async () => {
  e2e = await startE2E()
})

afterAll(async () => {
  await e2e?.close()
})

async function fill(page: Page, selector: string, value: string): Promise<void> {
  await page.locator(selector).fill(value)
}

it('lets an employee apply with their roster contacts', async () => {
  const { db } = connectSdk(e2e.cloud.cloudEndpoint)
  const me = (await db.collection('people').doc(cast.eastEmployee).get()).data as { mobile: string; email: string }
  const page = await e2e.openAs(cast.eastEmployee)
  await page.locator('#entry-apply').click()
  await page.locator('#apply-form').waitFor()
  await fill(page, '#apply-mobile input', me.mobile)
  await fill(page, '#apply-email input', me.email)
  await fill(page, '#apply-purpose textarea', '负责华东区重点客户的日常沟通和售后跟进')
  await fill(page, '#apply-wechat-id input', 'lina_east01')
  await screenshot(page, 'application-apply')
  await page.locator('#apply-submit').click()
  await waitForText(page, '#application-status', '待负责人审批')
  applicationId = new URL(page.url()).searchParams.get('id') ?? ''
  expect(applicationId).toMatch(/^app-/)
})

it('refuses a head of another department', async () => {
  const page = await e2e.openAs(cast.southHead)
  await openPath(page, e2e.cloud.url, `/packages/account/application/index?id=${applicationId}`)
  await expect(page.locator('#application-error').innerText()).resolves.toContain('只能处理本部门的事项')
  await expect(page.locator('#application-approve').count()).resolves.toBe(0)
})

it('lets the right head approve from the to-do list', async () => {
  const page = await e2e.openAs(cast.eastHead)
  await page.locator('#tab-approvals').click()
  await page.locator(`#todo-application-${applicationId}`).click()
  await page.locator('#application-approve').click()
  await fill(page, '#review-comment textarea', '同意开通')
  await screenshot(page, 'application-head-review')
  await page.locator('#review-confirm').click()
  await waitForText(page, '#application-status', '待行政部开通')
})

it('lets the admin activate it', async () => {
  const page = await e2e.openAs(cast.admin)
  await page.locator('#tab-approvals').click()
  await page.locator(`#todo-application-${applicationId}`).click()
  await page.locator('#application-activate').click()
  await fill(page, '#activate-wechat-id input', 'lina_east01')
  await fill(page, '#activate-phone input', '13912345678')
  await page.locator('#activate-submit').click()
  await waitForText(page, '#application-status', '已开通')
  await waitForText(page, '#application-account', 'lina_east01')
})

it('shows the employee the active account and the whole timeline', async () => {
  const page = await e2e.openAs(cast.eastEmployee)
  await openPath(page, e2e.cloud.url, `/packages/account/application/index?id=${applicationId}`)
  const timeline = await page.locator('#application-timeline').innerText()
  for (const step of ['提交申请', '负责人同意', '行政部开通', '李娜', '王磊', '陈静', '同意开通']) expect(timeline).toContain(step)
  await screenshot(page, 'application-timeline')
  await openPath(page, e2e.cloud.url, '/pages/me/index')
  await page.locator('#me-accounts').click()
  await waitForText(page, '#accounts-list', 'lina_east01')
  await expect(page.locator('#accounts-list').innerText()).resolves.toContain('正常')
  await screenshot(page, 'account-registry-mine')
})
