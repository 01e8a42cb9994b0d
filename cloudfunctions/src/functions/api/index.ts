import type { Cloud } from '../../core/sdk-types'
import { dispatch } from '../../core/dispatch'
import type { Deps, PhoneNumberResolver } from '../../core/context'

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cloud = require('wx-server-sdk') as Cloud
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })

const phone: PhoneNumberResolver = {
  async resolve(code) {
    try {
      const res = await cloud.openapi.phonenumber.getPhoneNumber({ code })
      return res.phoneInfo?.purePhoneNumber ?? null
    } catch (err) {
      console.error('[api] getPhoneNumber failed', err)
      return null
    }
  },
}

const deps: Deps = {
  db: cloud.database(),
  openid: () => cloud.getWXContext().OPENID,
  now: () => new Date(),
  phone,
}

/** The single entry point of the `api` cloud function: `{ action, payload }` in, an envelope out. */
export async function main(event: unknown): Promise<unknown> {
  return dispatch(event, deps)
}
