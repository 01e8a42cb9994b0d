import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots')

/**
 * Debian's Chromium, headless, with the background services off: this machine's closed
 * network refuses their connections, and each start would otherwise try many.
 * Playwright gives every launch a fresh, throwaway profile.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return {
    browser,
    async close() {
      await browser.close()
    },
  }
}

/** A phone-sized tab (iPhone 12-ish), the way staff use the product. */
export async function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
}

/** Screenshots for the docs show the screen at rest: no passing toast, images loaded. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page
    .waitForFunction(
      () =>
        !Array.from(document.querySelectorAll<HTMLElement>('[class*=toast]')).some((el) => {
          const style = getComputedStyle(el)
          return el.offsetParent !== null && style.visibility !== 'hidden' && style.opacity !== '0'
        }),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined)
  await page
    .waitForFunction(() => Array.from(document.images).every((img) => img.complete), undefined, { timeout: 5_000 })
    .catch(() => undefined)
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) })
}
