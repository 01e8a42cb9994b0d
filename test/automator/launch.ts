import path from 'node:path'
// eslint-disable-next-line @typescript-eslint/no-require-imports
const automator = require('miniprogram-automator') as {
  launch(options: { cliPath?: string; projectPath: string }): Promise<MiniProgram>
}

export interface Element {
  tap(): Promise<void>
  input(value: string): Promise<void>
  text(): Promise<string>
}
export interface Page {
  waitFor(selectorOrMs: string | number): Promise<void>
  $(selector: string): Promise<Element | null>
}
export interface MiniProgram {
  reLaunch(url: string): Promise<Page>
  switchTab(url: string): Promise<Page>
  navigateTo(url: string): Promise<Page>
  close(): Promise<void>
}

/**
 * DevTools runs the weapp build against a real WeChat Cloud test environment. The
 * DevTools account must be bound as the admin of that environment's roster
 * (see docs/deploy.md, step 6).
 */
export async function launchMiniProgram(): Promise<MiniProgram> {
  const cliPath = process.env.WECHAT_DEVTOOLS_CLI
  if (!cliPath) throw new Error('Set WECHAT_DEVTOOLS_CLI to the WeChat DevTools CLI path')
  return automator.launch({ cliPath, projectPath: path.resolve(__dirname, '../..') })
}

export async function textOf(page: Page, selector: string): Promise<string> {
  await page.waitFor(selector)
  const el = await page.$(selector)
  if (!el) throw new Error(`${selector} not found`)
  return el.text()
}
