import { systemContext } from '../../core/context'
import type { Cloud } from '../../core/sdk-types'
import { wechatPlatform } from '../../core/wechat-platform'
import { maintainDelegations } from '../../jobs/delegations'
import { remindPendingPolicy } from '../../jobs/policy-reminders'
import { enforceRetentionIfDue } from '../../jobs/retention'

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cloud = require('wx-server-sdk') as Cloud
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
const { messages, templateIds } = wechatPlatform(cloud)

/**
 * Scheduled maintenance (timer trigger in config.json). Only timer events are served:
 * this function has no user-facing actions, so a client calling it gets nothing done.
 */
export async function main(event: { Type?: string }): Promise<unknown> {
  if (event?.Type !== 'Timer') return { ok: false, error: { code: 'BAD_ACTION', message: '不支持的操作' } }
  const deps = { db: cloud.database(), now: () => new Date(), messages, templateIds }
  const delegations = await maintainDelegations(systemContext(deps, 'jobs.maintainDelegations'))
  const policyReminders = await remindPendingPolicy(systemContext(deps, 'jobs.remindPendingPolicy'))
  const retention = await enforceRetentionIfDue(systemContext(deps, 'jobs.enforceRetention'))
  return { ok: true, data: { delegations, policyReminders, retention } }
}
