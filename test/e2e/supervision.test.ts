import type { Page } from 'playwright-core'
import { screenshot } from '../support/browser'
import { cast } from '../support/company'
import { openPath, startE2E, waitForText, type E2E } from '../support/e2e'

/**
 * Supervision and the monthly assessment in the H5 build: the head samples a spot-check round
 * and scores one person, records a violation that the employee appeals and an admin decides,
 * the admin runs last month through the timer-triggered `assessment` function (its chunks
 * handing on through callFunction) and publishes it, and the employee reads their result.
 */
jest.setTimeout(240_000)

let e2e: E2E

beforeAll(async () => {
  e2e = await startE2E()
})

afterAll(async () => {
  await e2e?.close()
})

function idFromUrl(page: Page): string {
  return new URL(page.url()).searchParams.get('id') ?? ''
}

async function confirmModal(page: Page, label: string): Promise<void> {
  await page.getByText(label, { exact: true }).last().click()
}

/** Last month in Shanghai, the month the job assesses. */
function lastMonth(): string {
  const shanghai = new Date(Date.now() + 8 * 3600_000)
  const first = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth() - 1, 1))
  return first.toISOString().slice(0, 7)
}

describe('spot check', () => {
  let checkId: string

  it('is sampled by the head from their department, reproducibly', async () => {
    const page = await e2e.openAs(cast.eastHead)
    await page.locator('#entry-spot-checks').click()
    await page.locator('#rounds-start').click()
    await page.locator('#round-size input').fill('3')
    await page.locator('#round-start').click()
    await page.locator('#round-detail').waitFor()
    await waitForText(page, '#round-sampled', '3')
    await page.locator('#round-reproducible').waitFor()
    await screenshot(page, 'spot-check-round')
    const first = page.locator('#round-detail [id^="round-check-"]').first()
    checkId = ((await first.getAttribute('id')) ?? '').replace(/^round-check-/, '')
    expect(checkId).not.toBe('')
  })

  it('is scored by the checker on the rubric', async () => {
    const page = await e2e.openAs(cast.eastHead)
    await openPath(page, e2e.cloud.url, `/packages/supervision/spot-check/index?id=${checkId}`)
    await page.locator('#check-first-reply input').fill('12')
    await page.locator('#check-clarity-4').click()
    await page.locator('#check-courtesy-5').click()
    await page.locator('#check-info-4').click()
    await page.locator('#check-notes textarea').fill('回复及时，用语规范；报价前未再次确认客户身份')
    await page.locator('#check-submit').click()
    await confirmModal(page, '提交')
    await waitForText(page, '#check-percent', '86.7')
    await screenshot(page, 'spot-check-scored')
  })
})

describe('violation', () => {
  let violationId: string

  it('is recorded by the head against a clause of the policy in force', async () => {
    const page = await e2e.openAs(cast.eastHead)
    await page.locator('#entry-violation-record').click()
    await page.locator('#violation-form').waitFor()
    await page.locator(`#violation-person-${cast.eastEmployee}`).click()
    await page.locator('#violation-clause-communication-messages').click()
    await page.locator('#violation-category-communication').click()
    await page.locator('#violation-severity-minor').click()
    await page.locator('#violation-penalty-preset-0').click()
    await page.locator('#violation-description textarea').fill('客户咨询后超过半天未回复，客户电话投诉')
    await page.locator('#violation-submit').click()
    await page.locator('#violation-detail').waitFor()
    violationId = idFromUrl(page)
    await waitForText(page, '#violation-status', '已记录')
  })

  it('is appealed by the employee and decided by an admin', async () => {
    const employee = await e2e.openAs(cast.eastEmployee)
    await openPath(employee, e2e.cloud.url, `/packages/supervision/violation/index?id=${violationId}`)
    await employee.locator('#violation-appeal').click()
    await employee.locator('#violation-appeal-reason textarea').fill('当天在外拜访客户，已提前设置自动回复并委托同事跟进')
    await employee.locator('#violation-appeal-submit').click()
    await waitForText(employee, '#violation-status', '申诉中')
    await screenshot(employee, 'violation-appealed')

    const admin = await e2e.openAs(cast.admin)
    await openPath(admin, e2e.cloud.url, `/packages/supervision/violation/index?id=${violationId}`)
    await admin.locator('#violation-decision-comment textarea').fill('已核实委托记录，撤销本次违规')
    await admin.locator('#violation-overturn').click()
    await waitForText(admin, '#violation-status', '已撤销')
  })
})

describe('monthly assessment', () => {
  const month = lastMonth()

  it('is run and published by the admin', async () => {
    const page = await e2e.openAs(cast.admin)
    await openPath(page, e2e.cloud.url, `/packages/assessment/admin/index`)
    await page.locator(`#assessment-admin-month-${month}`).click()
    await page.locator('#assessment-run').click()
    await waitForText(page, '#assessment-run-status', '已完成')
    await expect(page.locator('#assessment-run-progress').innerText()).resolves.toContain('33')
    await page.locator('#assessment-publish').click()
    await confirmModal(page, '发布')
    await page.locator('#assessment-published').waitFor()
    await page.locator('#assessment-distribution').waitFor()
    await screenshot(page, 'assessment-published')
  })

  it('is exported to Excel for HR, stored in cloud storage and downloadable', async () => {
    const page = await e2e.openAs(cast.admin)
    await openPath(page, e2e.cloud.url, `/packages/assessment/admin/index`)
    await page.locator(`#assessment-admin-month-${month}`).click()
    // H5 opens the file in a new tab; the link also stays on the screen to copy.
    const popup = page.context().waitForEvent('page').catch(() => null)
    await page.locator('#assessment-export').click()
    await page.locator('#assessment-export-link').waitFor()
    await (await popup)?.close()
    const url = (await page.locator('#assessment-export-link').innerText()).trim()
    const file = Buffer.from(await (await fetch(url)).arrayBuffer())
    // An .xlsx is a zip archive.
    expect(file.subarray(0, 2).toString()).toBe('PK')
    expect(file.length).toBeGreaterThan(4000)
    await screenshot(page, 'assessment-exported')
  })

  it('shows the employee their score, grade, indicators and evidence', async () => {
    const page = await e2e.openAs(cast.eastEmployee)
    await page.locator('#entry-assessment').click()
    await page.locator('#assessment-mine').waitFor()
    await page.locator('#assessment-total').waitFor()
    await page.locator('#assessment-grade').waitFor()
    for (const key of ['replyTimeliness', 'communicationQuality', 'informationManagement', 'applicationEffect']) {
      await page.locator(`#assessment-indicator-${key}`).waitFor()
    }
    await page.locator('#assessment-trend').waitFor()
    await expect(page.locator('#watermark').last().innerText()).resolves.toContain('李娜')
    await screenshot(page, 'assessment-mine')
  })
})
