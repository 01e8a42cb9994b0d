import type { Page } from 'playwright-core'
import { previousMonth } from '../../cloudfunctions/src/assessment/month'
import { seedDemoAssessments } from '../../scripts/local-cloud/seed-assessments'
import { seedDemoWorkRecords } from '../../scripts/local-cloud/seed-work'
import { screenshot } from '../support/browser'
import { cast } from '../support/company'
import { startE2E, waitForText, type E2E } from '../support/e2e'
import { connectSdk } from '../support/local-cloud'

/**
 * The dashboards in the H5 build over the seeded demo company (work records, spot checks,
 * violations and three published months): an approval made here shows on the admin's
 * dashboard, a chart drills into the list behind it, the audit trail finds the approval, and a
 * head sees only their own department.
 */
jest.setTimeout(120_000)

let e2e: E2E
let applicationId: string

beforeAll(async () => {
  e2e = await startE2E()
  const { db } = connectSdk(e2e.cloud.cloudEndpoint)
  await seedDemoWorkRecords(db)
  await seedDemoAssessments(db)
})

afterAll(async () => {
  await e2e?.close()
})

/** Painted pixels of a chart's canvas: a blank canvas has none. */
async function paintedPixels(page: Page, chartId: string): Promise<number> {
  const canvas = page.locator(`#${chartId} canvas`).first()
  await canvas.waitFor()
  await page.waitForFunction((id) => document.querySelector(`#${id}`)?.getAttribute('data-chart-status') === 'ready', chartId)
  return canvas.evaluate((node) => {
    const c = node as HTMLCanvasElement
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
    let painted = 0
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++
    return painted
  })
}

it('has a head approve an application, which then waits for the administration department', async () => {
  const { db } = connectSdk(e2e.cloud.cloudEndpoint)
  const me = (await db.collection('people').doc(cast.eastEmployee).get()).data as { mobile: string; email: string }
  const employee = await e2e.openAs(cast.eastEmployee)
  await employee.locator('#entry-apply').click()
  await employee.locator('#apply-form').waitFor()
  await employee.locator('#apply-mobile input').fill(me.mobile)
  await employee.locator('#apply-email input').fill(me.email)
  await employee.locator('#apply-purpose textarea').fill('维护华东区老客户，处理售后咨询')
  await employee.locator('#apply-submit').click()
  await waitForText(employee, '#application-status', '待负责人审批')
  applicationId = new URL(employee.url()).searchParams.get('id') ?? ''

  const head = await e2e.openAs(cast.eastHead)
  await head.locator('#tab-approvals').click()
  await head.locator(`#todo-application-${applicationId}`).click()
  await head.locator('#application-approve').click()
  await head.locator('#review-comment textarea').fill('同意，尽快开通')
  await head.locator('#review-confirm').click()
  await waitForText(head, '#application-status', '待行政部开通')
})

it('shows the admin non-empty charts over the whole company and drills from a chart into the list behind it', async () => {
  const page = await e2e.openAs(cast.admin)
  await page.locator('#tab-admin').click()
  await page.locator('#admin-dashboard').click()
  await page.locator('#dashboard-tiles').waitFor()
  await expect(page.locator('#dashboard-department-all').count()).resolves.toBe(1)
  for (const chart of ['chart-approvals', 'chart-policy', 'chart-spot-checks', 'chart-trend']) {
    expect(await paintedPixels(page, chart)).toBeGreaterThan(500)
  }
  // The demo company has no business-WeChat account yet: that chart says so instead of drawing.
  await page.locator('#chart-accounts-empty').waitFor()
  await screenshot(page, 'dashboard-admin')

  // This month is not assessed yet; last month is, and published.
  await page.locator(`#dashboard-month-${previousMonth(new Date())}`).click()
  expect(await paintedPixels(page, 'chart-grades')).toBeGreaterThan(500)
  await expect(page.locator('#tile-score').innerText()).resolves.toContain('已发布')
  await screenshot(page, 'dashboard-admin-last-month')

  // The application approved above waits for activation: its bar opens the applications still open.
  await page.locator('#chart-approvals-values').getByText('账号申请').click()
  await page.locator(`#application-${applicationId}`).last().waitFor()
  await screenshot(page, 'dashboard-drill-applications')
})

it('finds the approval in the audit trail by its record', async () => {
  const page = await e2e.openAs(cast.admin)
  await page.locator('#tab-admin').click()
  await page.locator('#admin-audit').click()
  await page.locator('#audit-record-search input').fill(applicationId)
  await page.locator('#audit-record-search input').press('Enter')
  await waitForText(page, '#audit-list', '王磊')
  await screenshot(page, 'audit-trail-approval')
})

it('shows a head the dashboard of their own department only', async () => {
  const page = await e2e.openAs(cast.eastHead)
  await page.locator('#entry-dashboard').click()
  await page.locator('#dashboard-tiles').waitFor()
  await expect(page.locator('#dashboard-department').count()).resolves.toBe(0)
  const policy = await page.locator('#chart-policy-values').innerText()
  expect(policy).toContain('华东销售部')
  for (const other of ['华南销售部', '客户服务部', '市场部', '行政部']) expect(policy).not.toContain(other)
  expect(await paintedPixels(page, 'chart-policy')).toBeGreaterThan(500)
  await screenshot(page, 'dashboard-head')
})
