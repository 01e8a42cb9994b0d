import { connectSdk, startLocalCloud, type LocalCloud } from '../support/local-cloud'

/**
 * The slice of wx-server-sdk these tests drive. The SDK's bundled typings are too loose under
 * `strict`, so the surface used is spelled out here.
 */
export interface CommandValue {
  and(other: unknown): CommandValue
  or(other: unknown): CommandValue
}

export interface Command {
  eq(value: unknown): CommandValue
  neq(value: unknown): CommandValue
  gt(value: unknown): CommandValue
  gte(value: unknown): CommandValue
  lt(value: unknown): CommandValue
  lte(value: unknown): CommandValue
  in(values: unknown[]): CommandValue
  exists(flag: boolean): CommandValue
  or(conditions: unknown[]): CommandValue
  and(conditions: unknown[]): CommandValue
  inc(n: number): unknown
  push(values: unknown): unknown
  addToSet(value: unknown): unknown
  remove(): unknown
  aggregate: Record<string, (...args: unknown[]) => unknown>
}

export interface Query {
  where(query: Record<string, unknown>): Query
  orderBy(field: string, direction: 'asc' | 'desc'): Query
  skip(n: number): Query
  limit(n: number): Query
  field(projection: Record<string, boolean>): Query
  get(): Promise<{ data: Array<Record<string, unknown>>; errMsg: string }>
  count(): Promise<{ total: number; errMsg: string }>
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number }; errMsg: string }>
  remove(): Promise<{ stats: { removed: number }; errMsg: string }>
}

export interface DocRef {
  get(): Promise<{ data: Record<string, unknown>; errMsg: string }>
  set(options: { data: Record<string, unknown> }): Promise<{ _id: string; stats: { updated: number; created: number }; errMsg: string }>
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number }; errMsg: string }>
  remove(): Promise<{ stats: { removed: number }; errMsg: string }>
}

export interface Aggregate {
  match(query: Record<string, unknown>): Aggregate
  group(spec: Record<string, unknown>): Aggregate
  sort(spec: Record<string, 1 | -1>): Aggregate
  limit(n: number): Aggregate
  end(): Promise<{ list: Array<Record<string, unknown>>; errMsg: string }>
}

export interface Collection extends Query {
  add(options: { data: Record<string, unknown> }): Promise<{ _id: string; errMsg: string }>
  doc(id: string): DocRef
  aggregate(): Aggregate
}

export interface TransactionHandle {
  collection(name: string): { doc(id: string): DocRef; add(options: { data: Record<string, unknown> }): Promise<{ _id: string }> }
  commit(): Promise<unknown>
  rollback(reason?: unknown): Promise<unknown>
}

export interface Db {
  collection(name: string): Collection
  command: Command
  serverDate(options?: { offset?: number }): unknown
  RegExp(options: { regexp: string; options?: string }): unknown
  createCollection(name: string): Promise<{ errMsg: string }>
  runTransaction<T>(fn: (transaction: TransactionHandle) => Promise<T>, retries?: number): Promise<T>
  startTransaction(): Promise<TransactionHandle>
}

/** What the SDK rejects with: an Error carrying WeChat's errCode. */
export interface SdkError extends Error {
  errCode: number
  errMsg: string
}

export interface Runtime {
  cloud: LocalCloud
  db: Db
  _: Command
  /** POST one raw wire request, bypassing the SDK's client-side checks. */
  wire(body: Record<string, unknown>): Promise<Record<string, unknown>>
  close(): Promise<void>
}

export async function startRuntime(): Promise<Runtime> {
  const cloud = await startLocalCloud({ functions: false })
  const { db } = connectSdk(cloud.cloudEndpoint) as unknown as { db: Db }
  return {
    cloud,
    db,
    _: db.command,
    async wire(body) {
      const res = await fetch(cloud.cloudEndpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      return (await res.json()) as Record<string, unknown>
    },
    close: () => cloud.close(),
  }
}

/** Awaits a promise expected to reject, returning the SDK error. */
export async function rejection(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise
  } catch (err) {
    return err as SdkError
  }
  throw new Error('expected the SDK call to fail')
}
