import type { Browser, Page } from 'playwright-core'
import { resetDemoCompany } from '../../scripts/local-cloud/seed'
import { demoQuiz } from '../../scripts/local-cloud/seed-policy'
import { launchBrowser, phoneContext } from './browser'
import { connectSdk, startLocalCloud, type TestCloud } from './local-cloud'

/**
 * One local runtime with the demo company and one headless Chromium for a test file;
 * each person gets their own browser context (cookie jar), as on their own phone.
 */
export interface E2E {
  cloud: TestCloud
  browser: Browser
  openAs(personId: string): Promise<Page>
  close(): Promise<void>
}

export async function startE2E(): Promise<E2E> {
  const cloud = await startLocalCloud()
  await resetDemoCompany(connectSdk(cloud.cloudEndpoint).db)
  const { browser, close } = await launchBrowser()
  return {
    cloud,
    browser,
    async openAs(personId) {
      const page = await (await phoneContext(browser)).newPage()
      page.on('pageerror', (err) => console.error('[page error]', err.message))
      await page.goto(cloud.url)
      await page.locator(`#person-${personId}`).click()
      await page.locator('#whoami-name').waitFor()
      return page
    },
    async close() {
      await close()
      await cloud.close()
    },
  }
}

/** Opens an in-app path (e.g. a detail page) in the same tab, as a tapped link would. */
export async function openPath(page: Page, cloudUrl: string, path: string): Promise<void> {
  await page.goto(`${cloudUrl}${path}`)
}

/** Waits until the element shows the text (screens update after the cloud answers). */
export async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).filter({ hasText: text }).waitFor()
}

/** Scrolls the policy reader to its end: in H5 the page container scrolls, not the window. */
export async function readPolicyToEnd(page: Page): Promise<void> {
  await page.locator('#policy-body').waitFor()
  await page.evaluate(() => {
    const scroller = document.querySelector('#policy-body')?.closest('.taro_page') as HTMLElement
    scroller.scrollTop = scroller.scrollHeight
  })
  await waitForText(page, '#policy-progress-text', '100%')
}

/** The demo quiz questions this reader was given (each reader gets their own draw). */
export async function questionsAsked(page: Page): Promise<typeof demoQuiz.questions> {
  const asked = []
  for (const question of demoQuiz.questions) {
    if ((await page.locator(`#quiz-${question.key}`).count()) > 0) asked.push(question)
  }
  return asked
}

/** From the stop screen: reads the policy, answers right, acknowledges and lands on the workbench. */
export async function acknowledgePolicyFromStop(page: Page): Promise<void> {
  await page.locator('#policy-stop-read').click()
  await readPolicyToEnd(page)
  for (const q of await questionsAsked(page)) await page.locator(`#quiz-${q.key}-option-${q.answer}`).click()
  await page.locator('#policy-confirm').click()
  await page.locator('#policy-acknowledge').click()
  await page.locator('#policy-continue').click()
  await page.locator('#whoami-name').waitFor()
}
