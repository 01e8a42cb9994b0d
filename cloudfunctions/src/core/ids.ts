import { randomBytes } from 'node:crypto'

/** Ids sortable by creation time, so an id-ordered listing is also a time-ordered one. */
export function newId(prefix: string, now: Date = new Date()): string {
  return `${prefix}-${now.getTime().toString(36)}${randomBytes(6).toString('hex')}`
}
