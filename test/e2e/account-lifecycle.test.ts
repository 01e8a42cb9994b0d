import path from 'node:path'
import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import type { Page } from 'playwright-core'
import { screenshot } from '../support/browser'
import { cast, giveAccount } from '../support/company'
import { openPath, startE2E, waitForText, type E2E } from '../support/e2e'
import { connectSdk } from '../support/local-cloud'

/**
 * Delegation, handover and anomaly reports in the H5 build, each from request to its end,
 * with every person in their own browser context.
 */
jest.setTimeout(120_000)

let e2e: E2E
const ACCOUNT = 'acct-lina_sales01'

/** A tiny valid PNG, as a phone screenshot stands in. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex')

beforeAll(async () => {
  e2e = await startE2E()
  const { db } = connectSdk(e2e.cloud.cloudEndpoint)
  await giveAccount(db, cast.eastEmployee, 'lina_sales01')
})

afterAll(async () => {
  await e2e?.close()
})

async function fill(page: Page, selector: string, value: string): Promise<void> {
  await page.locator(selector).fill(value)
}

function idFromUrl(page: Page): string {
  return new URL(page.url()).searchParams.get('id') ?? ''
}

describe('delegated operation', () => {
  let id: string

  it('is requested by the holder from the registry', async () => {
    const page = await e2e.openAs(cast.eastEmployee)
    await openPath(page, e2e.cloud.url, `/packages/account/delegation-request/index?accountId=${ACCOUNT}`)
    await page.locator('#delegation-form').waitFor()
    await page.locator(`#person-option-${cast.eastColleague}`).click()
    await waitForText(page, '#delegation-delegate-chosen', '张伟')
    await fill(page, '#delegation-reason textarea', '下周外出参加培训，请张伟代为回复客户')
    await page.locator('#delegation-submit').click()
    await waitForText(page, '#delegation-status', '待负责人审批')
    id = idFromUrl(page)
    expect(id).toMatch(/^delegation-/)
  })

  it('is approved by the head and shows on the account', async () => {
    const page = await e2e.openAs(cast.eastHead)
    await page.locator('#tab-approvals').click()
    await page.locator(`#todo-delegation-${id}`).click()
    await page.locator('#delegation-approve').click()
    await page.locator('#delegation-confirm').click()
    await waitForText(page, '#delegation-status', '已批准')
    await screenshot(page, 'delegation-approved')
    await openPath(page, e2e.cloud.url, '/packages/account/accounts/index')
    await waitForText(page, '#accounts-list', '代操作中')
    await expect(page.locator('#accounts-list').innerText()).resolves.toContain('张伟')
  })
})

describe('anomaly report', () => {
  let id: string

  it('is reported by the employee with a screenshot', async () => {
    const page = await e2e.openAs(cast.eastEmployee)
    await page.locator('#entry-report-anomaly').click()
    await page.locator('#anomaly-form').waitFor()
    await page.locator('#anomaly-type-stolen').click()
    await fill(page, '#anomaly-description textarea', '今天上午账号给多位客户发了陌生链接，不是我本人操作')
    const dir = mkdtempSync(path.join(tmpdir(), 'bwm-shot-'))
    const file = path.join(dir, 'shot.png')
    writeFileSync(file, PNG)
    await page.locator('#anomaly-upload input[type=file]').setInputFiles(file)
    await page.locator('#anomaly-shot-0').waitFor()
    await screenshot(page, 'anomaly-report')
    await page.locator('#anomaly-submit').click()
    await waitForText(page, '#anomaly-status', '待处理')
    id = idFromUrl(page)
    expect(id).toMatch(/^anomaly-/)
  })

  it('is acknowledged, acted on and resolved by the head', async () => {
    const page = await e2e.openAs(cast.eastHead)
    await page.locator('#tab-approvals').click()
    await page.locator(`#todo-anomaly-${id}`).click()
    await page.locator('#anomaly-acknowledge').click()
    await waitForText(page, '#anomaly-status', '处理中')
    await page.locator('#anomaly-measure').click()
    await page.locator('#measure-type-suspend_account').click()
    await fill(page, '#measure-note textarea', '先停用账号，防止继续外发')
    await page.locator('#measure-confirm').click()
    await waitForText(page, '#anomaly-account-status', '已停用')
    await page.locator('#anomaly-resolve').click()
    await fill(page, '#resolve-text textarea', '已找回账号并修改密码，已提醒客户')
    await page.locator('#resolve-confirm').click()
    await waitForText(page, '#anomaly-status', '已解决')
    await expect(page.locator('#anomaly-measures').innerText()).resolves.toContain('停用账号')
    await screenshot(page, 'anomaly-resolved')
  })
})

describe('handover', () => {
  let id: string

  it('is started by the head, who designates the receiver', async () => {
    const { db } = connectSdk(e2e.cloud.cloudEndpoint)
    // The anomaly above suspended the account; the handover starts from there.
    await db.collection('accounts').doc(ACCOUNT).update({ data: { status: 'active', approvedDelegations: [] } })
    const page = await e2e.openAs(cast.eastHead)
    await openPath(page, e2e.cloud.url, `/packages/account/handover-start/index?accountId=${ACCOUNT}`)
    await page.locator('#handover-form').waitFor()
    await page.locator('#handover-leaving').click()
    await fill(page, '#handover-reason textarea', '李娜月底离职，客户交给张伟')
    await page.locator('#handover-submit').click()
    await waitForText(page, '#handover-status', '待指定接收人')
    id = idFromUrl(page)
    await page.locator(`#designate-${cast.eastColleague}`).click()
    await page.locator('#designate-confirm').click()
    await waitForText(page, '#handover-status', '交接中')
  })

  it('is ticked by each responsible person and closed by the admin', async () => {
    const leaver = await e2e.openAs(cast.eastEmployee)
    await openPath(leaver, e2e.cloud.url, `/packages/account/handover/index?id=${id}`)
    for (const item of ['customers_transferred', 'personal_unbound', 'personal_info_cleared']) {
      await leaver.locator(`#tick-${item}`).click()
      await leaver.locator(`#tick-${item}`).waitFor({ state: 'detached' })
    }
    await expect(leaver.locator('#tick-receipt_confirmed').count()).resolves.toBe(0)

    const admin = await e2e.openAs(cast.admin)
    await openPath(admin, e2e.cloud.url, `/packages/account/handover/index?id=${id}`)
    await admin.locator('#tick-password_changed').click()
    await admin.locator('#tick-password_changed').waitFor({ state: 'detached' })

    const receiver = await e2e.openAs(cast.eastColleague)
    await openPath(receiver, e2e.cloud.url, `/packages/account/handover/index?id=${id}`)
    await receiver.locator('#tick-receipt_confirmed').click()
    await waitForText(receiver, '#handover-progress', '5/5')

    await admin.reload()
    await admin.locator('#handover-close-transfer').click()
    await waitForText(admin, '#handover-status', '已完成')
    await screenshot(admin, 'handover-closed')

    await openPath(receiver, e2e.cloud.url, '/packages/account/accounts/index')
    await waitForText(receiver, '#accounts-list', 'lina_sales01')
  })
})
