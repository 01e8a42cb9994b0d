import { errorMessages } from '../../../../types/contract'
import { functionStarter } from '../../core/function-starter'
import { isPlatformCall, serveJobEvent } from '../../assessment/protocol'
import type { RunOptions } from '../../assessment/runner'
import type { Cloud } from '../../core/sdk-types'
import { ASSESSMENT_FUNCTION } from '../../repos/assessment-results'

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cloud = require('wx-server-sdk') as Cloud
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
const start = functionStarter(cloud)

/**
 * People per invocation, from the function's environment variables when set: a company whose
 * evidence is heavy enough to near the time budget lowers it in the cloud console.
 */
function options(): RunOptions {
  const chunkSize = Number(process.env.ASSESSMENT_CHUNK_SIZE)
  return Number.isInteger(chunkSize) && chunkSize > 0 ? { chunkSize } : {}
}

/**
 * The monthly assessment job (timer trigger in config.json: 02:00 on the 1st, Shanghai). Each
 * invocation computes one chunk of a run and hands the rest to a fresh invocation of itself;
 * see ../../assessment/protocol.ts for the events.
 */
export async function main(event: unknown): Promise<unknown> {
  if (!isPlatformCall(cloud.getWXContext())) return { ok: false, error: { code: 'FORBIDDEN', message: errorMessages.FORBIDDEN } }
  return serveJobEvent(event, { db: cloud.database(), now: () => new Date(), handOn: (next) => start(ASSESSMENT_FUNCTION, next), options: options() })
}
