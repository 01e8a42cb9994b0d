import type { Page } from 'playwright-core'
import { screenshot } from '../support/browser'
import { cast } from '../support/company'
import { openPath, startE2E, waitForText, type E2E } from '../support/e2e'

/**
 * The day-to-day records of policy chapters 三 to 五 in the H5 build: a customer added with
 * consent, a communication logged, a follow-up planned and done late; marketing text with an
 * absolute claim warned about and rejected by the head; a task assigned and completed; an
 * archive record added. Customer screens carry the viewer's watermark.
 */
jest.setTimeout(180_000)

let e2e: E2E
let customerId: string

beforeAll(async () => {
  e2e = await startE2E()
})

afterAll(async () => {
  await e2e?.close()
})

function idFromUrl(page: Page): string {
  return new URL(page.url()).searchParams.get('id') ?? ''
}

/** Taro's H5 modal: tap its button by label. */
async function confirmModal(page: Page, label: string): Promise<void> {
  await page.getByText(label, { exact: true }).last().click()
}

/** H5 keeps earlier pages in the document; the screen on top is the last one. */
async function expectWatermark(page: Page, name: string): Promise<void> {
  const mark = page.locator('#watermark').last()
  await mark.waitFor()
  await expect(mark.innerText()).resolves.toContain(name)
}

async function moveClock(days: number): Promise<void> {
  const res = await fetch(`${e2e.cloud.url}/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offsetMs: days * 24 * 3600_000 }) })
  expect(res.status).toBe(200)
}

describe('customer file', () => {
  it('is added after the employee introduced themselves and the customer agreed', async () => {
    const page = await e2e.openAs(cast.eastEmployee)
    await page.locator('#entry-customers').click()
    await page.locator('#customers-add').click()
    await page.locator('#customer-form').waitFor()
    await waitForText(page, '#customer-intro-text', '李娜')
    await page.locator('#customer-name input').fill('周明')
    await page.locator('#customer-company input').fill('杭州明远贸易有限公司')
    await page.locator('#customer-phone input').fill('13812345678')
    await page.locator('#customer-source-self_added').click()
    await page.locator('#customer-consent').click()
    await screenshot(page, 'customer-add')
    await page.locator('#customer-submit').click()
    await page.locator('#customer-detail').waitFor()
    customerId = idFromUrl(page)
    expect(customerId).not.toBe('')
    await waitForText(page, '#customer-detail-name', '周明')
    await waitForText(page, '#customer-consent-at', '已自我介绍并征得同意')
  })

  it('logs a communication, plans a follow-up, and marks it done late, under the viewer’s watermark', async () => {
    const page = await e2e.openAs(cast.eastEmployee)
    await openPath(page, e2e.cloud.url, `/packages/customer/detail/index?id=${customerId}`)
    await page.locator('#customer-log-contact').click()
    await page.locator('#contact-form').waitFor()
    await page.locator('#contact-channel-wechat').click()
    await page.locator('#contact-summary textarea').fill('介绍了新季度的供货方案，客户关心交期和账期')
    await page.locator('#contact-next-step input').fill('下周发送报价单')
    await page.locator('#contact-confirm').click()
    await waitForText(page, '#customer-timeline', '介绍了新季度的供货方案')

    await page.locator('#customer-plan-follow-up').click()
    await page.locator('#follow-up-form').waitFor()
    await page.locator('#follow-up-what input').fill('发送报价单并确认交期')
    await page.locator('#follow-up-confirm').click()
    const row = page.locator('#customer-open-follow-ups [id^="follow-up-"][id$="-done"]').first()
    await row.waitFor()
    const followUpId = ((await row.getAttribute('id')) ?? '').replace(/^follow-up-/, '').replace(/-done$/, '')

    // Three days on, the follow-up is overdue; doing it now records it as late.
    await moveClock(3)
    await page.reload()
    await waitForText(page, `#follow-up-${followUpId}-state`, '逾期')
    await page.locator(`#follow-up-${followUpId}-done`).click()
    await waitForText(page, '#customer-timeline', '逾期完成')
    await expectWatermark(page, '李娜')
    await screenshot(page, 'customer-detail-watermark')
    await moveClock(0)
  })
})

describe('marketing material', () => {
  let itemId: string

  it('warns about an absolute claim while the employee types, and is submitted for review', async () => {
    const page = await e2e.openAs(cast.eastEmployee)
    await page.locator('#entry-marketing').click()
    await page.locator('#marketing-new').click()
    await page.locator('#marketing-form').waitFor()
    await page.locator('#marketing-title input').fill('冬季团购活动')
    await page.locator('#marketing-text textarea').fill('本店冬季礼盒是全市最实惠的选择，欢迎咨询团购方案。')
    await waitForText(page, '#marketing-warnings', '最')
    await screenshot(page, 'marketing-warning')
    await page.locator('#marketing-submit').click()
    await confirmModal(page, '仍要提交')
    await page.locator('#marketing-detail').waitFor()
    itemId = idFromUrl(page)
    await waitForText(page, '#marketing-status', '待审核')
  })

  it('is rejected by the head with a reason', async () => {
    const page = await e2e.openAs(cast.eastHead)
    await openPath(page, e2e.cloud.url, `/packages/marketing/detail/index?id=${itemId}`)
    await waitForText(page, '#marketing-flags', '最')
    await page.locator('#marketing-reject').click()
    await page.locator('#marketing-reject-comment textarea').fill('“全市最实惠”属于绝对化用语，请改为具体的优惠说明')
    await page.locator('#marketing-reject-confirm').click()
    await waitForText(page, '#marketing-status', '已驳回')
    await screenshot(page, 'marketing-rejected')
  })
})

describe('task', () => {
  let taskId: string

  it('is assigned by the head', async () => {
    const page = await e2e.openAs(cast.eastHead)
    await page.locator('#entry-task-create').click()
    await page.locator('#task-form').waitFor()
    await page.locator('#task-title input').fill('整理华东区重点客户名单')
    await page.locator('#task-details textarea').fill('按成交额排序列出前20名客户，并标注负责人')
    await page.locator('#task-assignee-search input').fill('李娜')
    await page.locator('#task-assignee-search input').press('Enter')
    await page.locator(`#task-assignee-${cast.eastEmployee}`).click()
    await page.locator(`#task-assignee-chosen-${cast.eastEmployee}`).waitFor()
    await page.locator('#task-create').click()
    await page.locator('#task-detail').waitFor()
    taskId = idFromUrl(page)
    expect(taskId).not.toBe('')
  })

  it('is completed by the assignee', async () => {
    const page = await e2e.openAs(cast.eastEmployee)
    await openPath(page, e2e.cloud.url, `/packages/task/detail/index?id=${taskId}`)
    await page.locator('#task-complete').click()
    await confirmModal(page, '确认完成')
    await waitForText(page, '#task-detail-status', '已完成')
    await screenshot(page, 'task-completed')
  })
})

it('records where an important file is backed up', async () => {
  const page = await e2e.openAs(cast.eastEmployee)
  await page.locator('#entry-archives').click()
  await page.locator('#archive-add').click()
  await page.locator('#archive-form').waitFor()
  await page.locator('#archive-category-contract').click()
  await page.locator('#archive-title input').fill('明远贸易2027年供货合同')
  await page.locator('#archive-location-cloud').click()
  await page.locator('#archive-location-note input').fill('公司网盘/华东销售部/合同/2027')
  await page.locator('#archive-save').click()
  await page.locator('#archive-detail').waitFor()
  await waitForText(page, '#archive-detail-title', '明远贸易2027年供货合同')
  await expectWatermark(page, '李娜')
  await screenshot(page, 'archive-record')
})
