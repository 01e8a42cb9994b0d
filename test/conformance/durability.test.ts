/**
 * Every write the runtime acknowledged survives the runtime being SIGKILLed mid-stream.
 * A child process writes through the real SDK to the runtime (scripts/local-cloud/main.ts) in
 * another child process; the runtime is killed while writes are in flight; the database file
 * is then reopened here.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { EJSON } from 'bson'
import { loadDatabaseDeclaration, openDatabase } from '../../scripts/local-cloud/db'
import { sdkEnvironment } from '../../scripts/local-cloud/sdk-client'

const REPO = path.resolve(__dirname, '../..')
const WRITERS = 4
const KILL_AFTER_ACKS = 400

type Ack = { op: 'ready' } | { op: 'add'; seq: string; id: string } | { op: 'inc'; seq: string; updated: number }

function lines(child: ChildProcess, onLine: (line: string) => void): void {
  createInterface({ input: child.stdout! }).on('line', onLine)
}

function exited(child: ChildProcess): Promise<NodeJS.Signals | number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.signalCode ?? child.exitCode)
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)))
}

let dir: string
let children: ChildProcess[] = []
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bwm-durability-'))
})
afterEach(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  await Promise.all(children.map(exited))
  children = []
  rmSync(dir, { recursive: true, force: true })
})

it('keeps every acknowledged write when the runtime is SIGKILLed mid-stream', async () => {
  const file = path.join(dir, 'cloud.sqlite')
  // The runtime exactly as `npm start` runs it, on a free port and an empty data folder.
  const runtime = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'scripts/local-cloud/main.ts')], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PORT: '0', DATA_DIR: dir, SEED: 'never', TIMERS: '0' },
  })
  children.push(runtime)
  const endpoint = await new Promise<string>((resolve, reject) => {
    lines(runtime, (line) => {
      const m = /^cloud endpoint: (\S+)$/.exec(line)
      if (m) resolve(m[1])
    })
    runtime.once('exit', () => reject(new Error('runtime exited before listening')))
  })

  const acks: Ack[] = []
  const writer = spawn(process.execPath, [path.join(__dirname, 'fixtures/sdk-writer.cjs')], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...sdkEnvironment(endpoint), WRITERS: String(WRITERS) },
  })
  children.push(writer)
  let killedAt = -1
  lines(writer, (line) => {
    acks.push(JSON.parse(line) as Ack)
    if (acks.length >= KILL_AFTER_ACKS && killedAt < 0) {
      killedAt = acks.length
      runtime.kill('SIGKILL')
    }
  })

  expect(await exited(runtime)).toBe('SIGKILL')
  await exited(writer)
  expect(killedAt).toBeGreaterThanOrEqual(KILL_AFTER_ACKS)

  const db = openDatabase({ file, collections: loadDatabaseDeclaration() })
  try {
    const added = acks.filter((a): a is Extract<Ack, { op: 'add' }> => a.op === 'add')
    const incs = acks.filter((a) => a.op === 'inc')
    expect(added.length).toBeGreaterThan(100)
    const stored = (db.handle('database.getDocument', { collectionName: 'audit_log', query: '{"actorId":"durability"}', limit: 1000 }) as { list: string[] }).list.map(
      (s) => EJSON.parse(s) as { _id: string; seq: string; at: Date },
    )
    const byId = new Map(stored.map((d) => [d._id, d]))
    const missing = added.filter((a) => byId.get(a.id)?.seq !== a.seq)
    expect(missing).toEqual([])
    for (const doc of stored) expect(doc.at).toBeInstanceOf(Date)
    // Writes in flight at the kill may or may not have landed; acknowledged ones all did.
    expect(stored.length).toBeGreaterThanOrEqual(added.length)
    expect(stored.length).toBeLessThanOrEqual(added.length + WRITERS)
    const [counter] = (db.handle('database.getDocument', { collectionName: 'people', query: '{"_id":"durability-counter"}' }) as { list: string[] }).list.map(
      (s) => JSON.parse(s) as { n: number },
    )
    expect(counter.n).toBeGreaterThanOrEqual(incs.length)
    expect(counter.n).toBeLessThanOrEqual(incs.length + WRITERS)
  } finally {
    db.close()
  }
}, 60_000)
