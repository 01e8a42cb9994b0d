import type { Command, Database, Transaction } from '../../cloudfunctions/src/core/sdk-types'
import { connectSdk, startLocalCloud, type LocalCloud } from '../support/local-cloud'

export type Db = Database
export type TransactionHandle = Transaction

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
  const { db } = connectSdk(cloud.cloudEndpoint)
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
