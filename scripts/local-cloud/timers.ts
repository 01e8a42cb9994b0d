import { nextFiring, parseCron, type CronSchedule } from './cron'
import type { FunctionPool } from './function-pool'

interface Trigger {
  functionName: string
  triggerName: string
  schedule: CronSchedule
  handle?: NodeJS.Timeout
}

/** setTimeout cannot wait longer than ~24.8 days; longer waits are re-armed in hops. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1

/** Fires each function's timer triggers (config.json) with the event WeChat Cloud sends. */
export class TimerScheduler {
  private readonly triggers: Trigger[] = []
  private running = false

  constructor(private readonly pool: FunctionPool) {
    for (const fn of pool.functions) {
      for (const trigger of fn.config.triggers ?? []) {
        if (trigger.type !== 'timer') continue
        this.triggers.push({ functionName: fn.name, triggerName: trigger.name, schedule: parseCron(trigger.config) })
      }
    }
  }

  start(): void {
    this.running = true
    for (const trigger of this.triggers) this.arm(trigger)
  }

  stop(): void {
    this.running = false
    for (const trigger of this.triggers) clearTimeout(trigger.handle)
  }

  private arm(trigger: Trigger, now = new Date()): void {
    if (!this.running) return
    const next = nextFiring(trigger.schedule, now)
    if (!next) return
    const wait = next.getTime() - Date.now()
    if (wait > MAX_TIMEOUT_MS) {
      trigger.handle = setTimeout(() => this.arm(trigger), MAX_TIMEOUT_MS)
    } else {
      trigger.handle = setTimeout(() => {
        void this.fire(trigger, next)
        this.arm(trigger, next)
      }, Math.max(0, wait))
    }
    trigger.handle.unref()
  }

  private async fire(trigger: Trigger, at: Date): Promise<void> {
    const event = { Type: 'Timer', TriggerName: trigger.triggerName, Time: at.toISOString(), Message: '' }
    try {
      await this.pool.invoke(trigger.functionName, event, { WX_SOURCE: 'wx_trigger' })
    } catch (err) {
      console.error(`[local-cloud] timer ${trigger.functionName}/${trigger.triggerName} failed:`, err)
    }
  }
}
