import { screenshot } from '../support/browser'
import { cast } from '../support/company'
import { openPath, startE2E, waitForText, type E2E } from '../support/e2e'
import { connectSdk } from '../support/local-cloud'

/**
 * A head sends a notice that must be acknowledged within two working hours; one colleague
 * acknowledges in time from the workbench, the runtime's clock moves past the deadline, and
 * another acknowledges late. The head's view shows both for what they are.
 */
jest.setTimeout(120_000)

let e2e: E2E
let noticeId: string

beforeAll(async () => {
  e2e = await startE2E()
})

afterAll(async () => {
  await e2e?.close()
})

it('is composed by the head for their department, with the deadline shown before sending', async () => {
  const page = await e2e.openAs(cast.eastHead)
  await page.locator('#entry-notice-compose').click()
  await page.locator('#notice-form').waitFor()
  await page.locator('#notice-title input').fill('本周客户回访安排')
  await page.locator('#notice-body textarea').fill('请各位在周五前完成名下重点客户的回访，并在系统中记录回访情况。')
  await page.locator('#audience-departments').click()
  await page.locator('#ack-window-120').click()
  await waitForText(page, '#ack-deadline-preview', '确认截止')
  await screenshot(page, 'notice-compose')
  await page.locator('#notice-send').click()
  await page.locator('#notice-detail').waitFor()
  noticeId = new URL(page.url()).searchParams.get('id') ?? ''
  expect(noticeId).toMatch(/^notice-/)
  await waitForText(page, '#notice-stats', '接收 8')
})

it('is acknowledged in time from the workbench', async () => {
  const page = await e2e.openAs(cast.eastEmployee)
  await waitForText(page, `#pending-notice-${noticeId}`, '本周客户回访安排')
  await screenshot(page, 'notice-pending-on-workbench')
  await page.locator(`#notice-ack-${noticeId}`).click()
  await page.locator(`#pending-notice-${noticeId}`).waitFor({ state: 'detached' })
})

it('is acknowledged late once the deadline has passed', async () => {
  const { db } = connectSdk(e2e.cloud.cloudEndpoint)
  const notice = (await db.collection('notices').doc(noticeId).get()).data as { deadlineAt: Date }
  // Move the functions' clock to half an hour after the deadline.
  const offsetMs = new Date(notice.deadlineAt).getTime() - Date.now() + 30 * 60_000
  const res = await fetch(`${e2e.cloud.url}/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offsetMs }) })
  expect(res.status).toBe(200)

  const page = await e2e.openAs(cast.eastColleague)
  await openPath(page, e2e.cloud.url, `/packages/notice/detail/index?id=${noticeId}`)
  await waitForText(page, '#notice-deadline', '已过')
  await page.locator('#notice-acknowledge').click()
  await waitForText(page, '#notice-receipt-tag', '逾期')
})

it('shows the sender who acknowledged in time, who late, and who not at all', async () => {
  const page = await e2e.openAs(cast.eastHead)
  await openPath(page, e2e.cloud.url, `/packages/notice/detail/index?id=${noticeId}`)
  await waitForText(page, '#notice-stats', '已确认 2')
  await waitForText(page, '#notice-stats', '逾期确认 1')
  await waitForText(page, `#receipt-${cast.eastEmployee}`, '按时')
  await waitForText(page, `#receipt-${cast.eastColleague}`, '逾期')
  await expect(page.locator(`#receipt-${cast.eastColleague}`).innerText()).resolves.toContain('张伟')
  await screenshot(page, 'notice-receipts')
  await page.locator('#receipt-filter-overdue').click()
  await page.locator(`#receipt-${cast.eastColleague}`).waitFor({ state: 'detached' })
  await expect(page.locator('#receipts-list').innerText()).resolves.not.toContain('李娜')
})
