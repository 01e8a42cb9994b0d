import type { Page } from 'playwright-core'
import { demoQuiz } from '../../scripts/local-cloud/seed-policy'
import { screenshot } from '../support/browser'
import { cast } from '../support/company'
import { questionsAsked, readPolicyToEnd, startE2E, waitForText, type E2E } from '../support/e2e'
import { phoneContext } from '../support/browser'

/**
 * The admin publishes version 2 of the policy; an employee opening the product is stopped
 * at it, reads to the end, gets a quiz question wrong and is sent to the clause, answers
 * again and acknowledges, then reaches the workbench; the admin sees the rate move.
 */
jest.setTimeout(180_000)

let e2e: E2E
let admin: Page
const READER = 'p-sales-east-04'
const NEW_CLAUSE = '节假日期间的客户消息，由值班同事在4小时内首次回复。'

beforeAll(async () => {
  e2e = await startE2E()
})

afterAll(async () => {
  await e2e?.close()
})

/** Signs in without waiting for the workbench: someone with a policy to acknowledge never sees it first. */
async function signIn(personId: string): Promise<Page> {
  const page = await (await phoneContext(e2e.browser)).newPage()
  await page.goto(e2e.cloud.url)
  await page.locator(`#person-${personId}`).click()
  return page
}

async function rate(page: Page): Promise<string> {
  await page.locator('#ack-counts').waitFor()
  return page.locator('#ack-counts').innerText()
}

it('is edited and published as version 2 by the admin', async () => {
  admin = await e2e.openAs(cast.admin)
  await admin.locator('#tab-admin').click()
  await admin.locator('#admin-policy-versions').click()
  await admin.locator('#policy-new-draft').click()
  await admin.locator('#policy-editor').waitFor()
  await admin.locator('#edit-chapter-communication-toggle').click()
  const clauses = admin.locator('#edit-section-communication-messages-clauses textarea')
  await clauses.fill(`${await clauses.inputValue()}\n${NEW_CLAUSE}`)
  await screenshot(admin, 'policy-editor')
  await admin.locator('#policy-publish').click()
  await admin.locator('#publish-panel').waitFor()
  await admin.locator('#publish-summary textarea').fill('补充节假日期间的客户消息回复要求')
  await admin.locator('#publish-confirm').click()
  await waitForText(admin, '#version-number', '第2版')
  await admin.locator('#policy-compare-toggle').click()
  await waitForText(admin, '#policy-comparison', NEW_CLAUSE)
  await admin.locator('#compare-section-communication-messages').scrollIntoViewIfNeeded()
  await screenshot(admin, 'policy-comparison')
  await admin.locator('#version-progress').click()
  await expect(rate(admin)).resolves.toBe('已确认 0 / 应确认 33')
})

it('stops the employee at the new version until they read, pass the quiz and acknowledge', async () => {
  const page = await signIn(READER)
  await page.locator('#policy-stop').waitFor()
  await screenshot(page, 'policy-stop')
  await page.locator('#policy-stop-read').click()
  await page.locator('#policy-body').waitFor()
  await waitForText(page, '#policy-ack-hint', '请阅读至全文末尾')
  await waitForText(page, '#policy-body', NEW_CLAUSE)

  await readPolicyToEnd(page)
  await page.locator('#policy-ack-hint').filter({ hasText: '请阅读至全文末尾' }).waitFor({ state: 'detached' })

  const asked = await questionsAsked(page)
  expect(asked).toHaveLength(demoQuiz.askCount)
  const [first, ...rest] = asked
  await page.locator(`#quiz-${first.key}-option-${(first.answer + 1) % first.options.length}`).click()
  for (const q of rest) await page.locator(`#quiz-${q.key}-option-${q.answer}`).click()
  await page.locator('#policy-confirm').click()
  await page.locator('#policy-acknowledge').click()
  await page.locator(`#policy-wrong-${first.key}`).waitFor()
  await screenshot(page, 'policy-wrong-answer')

  await page.locator(`#quiz-${first.key}-option-${first.answer}`).click()
  await page.locator('#policy-acknowledge').click()
  await page.locator('#policy-acknowledged').waitFor()
  await screenshot(page, 'policy-acknowledged')
  await page.locator('#policy-continue').click()
  await page.locator('#whoami-name').waitFor()
  await expect(page.locator('#policy-stop').count()).resolves.toBe(0)
})

it('moves the rate the admin sees', async () => {
  await admin.goBack()
  await admin.locator('#version-progress').click()
  await expect(rate(admin)).resolves.toBe('已确认 1 / 应确认 33')
  await admin.locator('#ack-filter-acknowledged').click()
  await waitForText(admin, `#ack-person-${READER}`, '刘洋')
  await screenshot(admin, 'policy-progress')
})
