import { fork, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'

/** What a deployed function's config.json may say, as far as the runtime cares. */
export interface FunctionConfig {
  timeout?: number
  triggers?: Array<{ name: string; type: string; config: string }>
}

export interface DeployedFunction {
  name: string
  dir: string
  entry: string
  config: FunctionConfig
}

/** The caller as WeChat Cloud exposes it to getWXContext(). */
export interface InvocationContext {
  WX_OPENID?: string
  WX_APPID?: string
  WX_UNIONID?: string
  WX_SOURCE?: string
}

export class InvocationError extends Error {
  constructor(
    readonly code: 'FUNCTION_NOT_FOUND' | 'FUNCTION_TIMEOUT' | 'FUNCTION_CRASHED' | 'FUNCTION_ERROR',
    message: string,
  ) {
    super(message)
  }
}

/** Finds deployable function folders: cloudfunctions/<name>/ with index.js, package.json and config.json. */
export function discoverFunctions(root: string): DeployedFunction[] {
  if (!existsSync(root)) return []
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join(root, d.name))
    .filter((dir) => existsSync(path.join(dir, 'index.js')) && existsSync(path.join(dir, 'package.json')))
    .map((dir) => {
      const configFile = path.join(dir, 'config.json')
      const config = existsSync(configFile) ? (JSON.parse(readFileSync(configFile, 'utf8')) as FunctionConfig) : {}
      return { name: path.basename(dir), dir, entry: path.join(dir, 'index.js'), config }
    })
}

interface Pending {
  resolve(value: unknown): void
  reject(err: Error): void
  timer: NodeJS.Timeout
}

class Instance {
  readonly child: ChildProcess
  busy = false
  ready: Promise<void>
  private pending = new Map<string, Pending>()
  dead = false

  constructor(
    readonly fn: DeployedFunction,
    env: NodeJS.ProcessEnv,
    private readonly onExit: (instance: Instance) => void,
  ) {
    this.child = fork(path.join(__dirname, 'function-worker.cjs'), [], {
      env: { ...env, LOCAL_CLOUD_FUNCTION_ENTRY: fn.entry },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    })
    this.ready = new Promise((resolve, reject) => {
      this.child.once('message', (msg: { type: string; message?: string }) => {
        if (msg.type === 'ready') resolve()
        else reject(new InvocationError('FUNCTION_CRASHED', msg.message ?? 'function failed to load'))
      })
      this.child.once('exit', () => reject(new InvocationError('FUNCTION_CRASHED', `${fn.name} exited while loading`)))
    })
    this.ready.catch(() => undefined)
    this.child.on('message', (msg: { type: string; id: string; ok: boolean; result?: unknown; error?: { message: string } }) => {
      if (msg.type !== 'result') return
      const p = this.pending.get(msg.id)
      if (!p) return
      this.pending.delete(msg.id)
      clearTimeout(p.timer)
      if (msg.ok) p.resolve(msg.result)
      else p.reject(new InvocationError('FUNCTION_ERROR', msg.error?.message ?? 'function threw'))
    })
    this.child.on('exit', () => {
      this.dead = true
      for (const p of this.pending.values()) {
        clearTimeout(p.timer)
        p.reject(new InvocationError('FUNCTION_CRASHED', `${fn.name} instance exited during the invocation`))
      }
      this.pending.clear()
      this.onExit(this)
    })
  }

  invoke(event: unknown, context: InvocationContext, timeoutMs: number, clockOffsetMs = 0): Promise<unknown> {
    const id = randomUUID()
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id)
        // A timed-out instance may still hold the caller's identity mid-flight: replace it.
        this.dead = true
        this.child.kill('SIGKILL')
        reject(new InvocationError('FUNCTION_TIMEOUT', `${this.fn.name} timed out after ${timeoutMs} ms`))
      }, timeoutMs)
      this.pending.set(id, { resolve, reject, timer })
      this.child.send({ type: 'invoke', id, name: this.fn.name, event, context, clockOffsetMs })
    })
  }
}

export interface FunctionPoolOptions {
  functions: DeployedFunction[]
  /** Environment every instance starts with: the SDK redirect and dummy credentials. */
  env: NodeJS.ProcessEnv
  maxInstancesPerFunction?: number
}

/**
 * Instances per function grow on demand up to a cap; extra invocations queue.
 * Each instance is a child process serving one invocation at a time.
 */
export class FunctionPool {
  private readonly byName = new Map<string, DeployedFunction>()
  private readonly idle = new Map<string, Instance[]>()
  private readonly all = new Map<string, Set<Instance>>()
  private readonly queue = new Map<string, Array<(instance: Instance) => void>>()
  private readonly max: number
  private closed = false
  /** How far the dev clock is ahead of real time for every function; 0 outside tests. */
  clockOffsetMs = 0

  constructor(private readonly options: FunctionPoolOptions) {
    for (const fn of options.functions) this.byName.set(fn.name, fn)
    this.max = options.maxInstancesPerFunction ?? 4
  }

  get functions(): DeployedFunction[] {
    return [...this.byName.values()]
  }

  has(name: string): boolean {
    return this.byName.has(name)
  }

  async invoke(name: string, event: unknown, context: InvocationContext = {}): Promise<unknown> {
    const fn = this.byName.get(name)
    if (!fn) throw new InvocationError('FUNCTION_NOT_FOUND', `function ${name} is not deployed`)
    const instance = await this.acquire(fn)
    try {
      await instance.ready
      return await instance.invoke(event, context, (fn.config.timeout ?? 3) * 1000, this.clockOffsetMs)
    } finally {
      this.release(instance)
    }
  }

  /** Starts one instance of every function so the first request does not pay the load time. */
  async warm(): Promise<void> {
    await Promise.all(
      this.functions.map(async (fn) => {
        const instance = await this.acquire(fn)
        await instance.ready.catch(() => undefined)
        this.release(instance)
      }),
    )
  }

  private acquire(fn: DeployedFunction): Promise<Instance> {
    const idle = this.idle.get(fn.name) ?? []
    let reusable = idle.pop()
    while (reusable?.dead) reusable = idle.pop()
    if (reusable) {
      reusable.busy = true
      return Promise.resolve(reusable)
    }
    const live = this.all.get(fn.name) ?? new Set()
    if (live.size < this.max) {
      const instance = new Instance(fn, this.options.env, (dead) => this.forget(dead))
      live.add(instance)
      this.all.set(fn.name, live)
      instance.busy = true
      return Promise.resolve(instance)
    }
    return new Promise((resolve) => {
      const waiting = this.queue.get(fn.name) ?? []
      waiting.push(resolve)
      this.queue.set(fn.name, waiting)
    })
  }

  private release(instance: Instance): void {
    if (instance.dead || this.closed) return
    const waiting = this.queue.get(instance.fn.name)
    const next = waiting?.shift()
    if (next) {
      next(instance)
      return
    }
    instance.busy = false
    const idle = this.idle.get(instance.fn.name) ?? []
    idle.push(instance)
    this.idle.set(instance.fn.name, idle)
  }

  private forget(instance: Instance): void {
    this.all.get(instance.fn.name)?.delete(instance)
    const idle = this.idle.get(instance.fn.name)
    if (idle) this.idle.set(instance.fn.name, idle.filter((i) => i !== instance))
    if (this.closed) return
    // Someone may be queued behind the instance that died: give them a fresh one.
    const waiting = this.queue.get(instance.fn.name)
    if (waiting && waiting.length > 0) {
      const next = waiting.shift()!
      void this.acquire(instance.fn).then(next)
    }
  }

  async close(): Promise<void> {
    this.closed = true
    const exits: Promise<void>[] = []
    for (const set of this.all.values()) {
      for (const instance of set) {
        if (instance.dead) continue
        exits.push(new Promise((resolve) => instance.child.once('exit', () => resolve())))
        instance.child.kill('SIGKILL')
      }
    }
    await Promise.all(exits)
  }
}
