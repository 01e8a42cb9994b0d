import { randomBytes } from 'node:crypto'
import type { DocId } from './codec'
import { transactionConflict, transactionGone } from './errors'

/** A write buffered by a transaction: the document's new stored text, or null for a removal. */
export interface BufferedWrite {
  collection: string
  id: DocId
  text: string | null
}

export interface Transaction {
  readonly id: string
  readonly startSeq: number
  readonly startedAt: number
  /** Every document key read or written; each is validated again at commit. */
  readonly touched: Set<string>
  readonly writes: Map<string, BufferedWrite>
}

/** MongoDB's transactionLifetimeLimitSeconds default: an abandoned transaction goes away after this. */
export const TRANSACTION_LIFETIME_MS = 60_000

export function docKey(collection: string, id: DocId): string {
  return `${collection}\u0000${typeof id}\u0000${id}`
}

/**
 * Snapshot reads with optimistic concurrency control. A transaction reads the database as it
 * was when it started (its own buffered writes first) and writes nothing until commit. Commit
 * fails with DATABASE_TRANSACTION_CONFLICT if any document the transaction read or wrote was
 * committed by someone else after it started. Conflicts surface only at commit on purpose:
 * @cloudbase/database's runTransaction retries on that code, but wx-server-sdk rewraps errors
 * from the document operations inside the callback (dropping `code`), so a conflict reported
 * there would not be retried.
 *
 * The caller applies a commit in one SQLite transaction, so it is all-or-nothing, and since
 * every handle() call is synchronous no other request can observe half of it. Nothing is ever
 * locked: an abandoned transaction blocks no one and simply expires.
 */
export class TransactionManager {
  private seq = 0
  /**
   * While transactions are open: per document key, each committed change as (sequence number,
   * the document's text before it). The first change after a transaction started holds the
   * version that transaction must see.
   */
  private readonly history = new Map<string, Array<{ seq: number; before: string | null }>>()
  private readonly open = new Map<string, Transaction>()

  constructor(private readonly now: () => number = Date.now) {}

  get active(): number {
    return this.open.size
  }

  begin(): Transaction {
    this.expire()
    const tx: Transaction = {
      id: randomBytes(16).toString('hex'),
      startSeq: this.seq,
      startedAt: this.now(),
      touched: new Set(),
      writes: new Map(),
    }
    this.open.set(tx.id, tx)
    return tx
  }

  get(id: unknown): Transaction {
    this.expire()
    const tx = typeof id === 'string' ? this.open.get(id) : undefined
    if (!tx) throw transactionGone(String(id))
    return tx
  }

  /** Records a committed change of a document (`before`: its previous text, null if it did not exist). */
  noteCommitted(collection: string, id: DocId, before: string | null): void {
    if (this.open.size === 0) return
    const key = docKey(collection, id)
    let changes = this.history.get(key)
    if (!changes) this.history.set(key, (changes = []))
    changes.push({ seq: ++this.seq, before })
  }

  /** Marks a document as used by the transaction; it is validated at commit. */
  touch(tx: Transaction, collection: string, id: DocId): string {
    const key = docKey(collection, id)
    tx.touched.add(key)
    return key
  }

  /** The document's text as of the transaction's start when it changed since (null: it did not exist), else undefined. */
  snapshot(tx: Transaction, key: string): { text: string | null } | undefined {
    const change = this.history.get(key)?.find((c) => c.seq > tx.startSeq)
    return change ? { text: change.before } : undefined
  }

  /**
   * Validates and hands the buffered writes to `apply` (which must write them atomically and
   * report each change through noteCommitted). The transaction is gone afterwards whatever happens.
   */
  commit(tx: Transaction, apply: (writes: BufferedWrite[]) => void): void {
    try {
      for (const key of tx.touched) {
        const changes = this.history.get(key)
        if (changes && changes[changes.length - 1].seq > tx.startSeq) {
          throw transactionConflict(`a document in ${key.split('\u0000')[0]} was changed by another write after the transaction started`)
        }
      }
      apply([...tx.writes.values()])
    } finally {
      this.finish(tx)
    }
  }

  abort(id: unknown): void {
    const tx = typeof id === 'string' ? this.open.get(id) : undefined
    if (tx) this.finish(tx)
  }

  private finish(tx: Transaction): void {
    this.open.delete(tx.id)
    this.prune()
  }

  private expire(): void {
    const limit = this.now() - TRANSACTION_LIFETIME_MS
    for (const tx of this.open.values()) if (tx.startedAt < limit) this.open.delete(tx.id)
    this.prune()
  }

  /** Changes no open transaction started before can matter to none of them. */
  private prune(): void {
    if (this.open.size === 0) {
      this.history.clear()
      return
    }
    const oldest = Math.min(...[...this.open.values()].map((t) => t.startSeq))
    for (const [key, changes] of this.history) {
      while (changes.length > 0 && changes[0].seq <= oldest) changes.shift()
      if (changes.length === 0) this.history.delete(key)
    }
  }
}
