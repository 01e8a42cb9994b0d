import path from 'node:path'
import type { Cloud, Database } from '../../cloudfunctions/src/core/sdk-types'

/**
 * The environment WeChat Cloud gives a function instance, pointed at a local runtime.
 * The SDK reads its endpoint and credentials from here when it sends a request, exactly
 * as it does inside WeChat Cloud; pointing it here is the whole seam.
 */
export function sdkEnvironment(cloudEndpoint: string): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: cloudEndpoint }),
    TENCENTCLOUD_SECRETID: 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-secret-key',
    TCB_ENV: 'local',
    SCF_NAMESPACE: 'local',
    // WeChat Cloud runs functions on SCF and says so here. Without it the SDK probes
    // Tencent's metadata host (twice per request, 30 ms each) to find out where it runs.
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
  }
}

/** An SDK instance in this process, pointed at a local runtime. */
export function connectSdk(cloudEndpoint: string): { cloud: Cloud; db: Database } {
  Object.assign(process.env, sdkEnvironment(cloudEndpoint))
  // Loaded after the environment is set, and resolved from the project so tests and tools share one copy.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require(require.resolve('wx-server-sdk', { paths: [path.resolve(__dirname, '../..')] })) as Cloud
  cloud.init({ env: 'local' })
  return { cloud, db: cloud.database() }
}
