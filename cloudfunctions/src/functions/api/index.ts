import type { Cloud } from '../../core/sdk-types'
import { dispatch } from '../../core/dispatch'
import type { Deps } from '../../core/context'
import { wechatPlatform } from '../../core/wechat-platform'
import { functionStarter } from '../../core/function-starter'

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cloud = require('wx-server-sdk') as Cloud
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })

const deps: Deps = {
  db: cloud.database(),
  openid: () => cloud.getWXContext().OPENID,
  now: () => new Date(),
  ...wechatPlatform(cloud),
  invoke: functionStarter(cloud),
}

/** The single entry point of the `api` cloud function: `{ action, payload }` in, an envelope out. */
export async function main(event: unknown): Promise<unknown> {
  return dispatch(event, deps)
}
