import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { connectSdk as connectSdkAt } from '../../scripts/local-cloud/sdk-client'
import { startLocalCloud as start, type LocalCloud } from '../../scripts/local-cloud/server'

export interface TestCloud extends LocalCloud {
  dataDir: string
}

/**
 * A runtime on a free loopback port with a fresh data folder. Functions are the built
 * ones under cloudfunctions/ (npm test builds them first); timers are off so tests
 * decide when jobs run.
 */
export async function startLocalCloud(opts: { dataDir?: string; functions?: boolean } = {}): Promise<TestCloud> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'bwm-cloud-'))
  const cloud = await start({
    dataDir,
    port: 0,
    timers: false,
    functionsRoot: opts.functions === false ? path.join(dataDir, 'no-functions') : undefined,
  })
  return {
    ...cloud,
    dataDir,
    async close() {
      await cloud.close()
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export const connectSdk = connectSdkAt
export type { LocalCloud }
