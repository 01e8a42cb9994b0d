import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { RETENTION_RULES } from './domain/retention'

/**
 * cloudfunctions/database.json is what docs/deploy.md applies in the WeChat Cloud console:
 * every collection 仅管理端可读写 (ADMINONLY; as a custom security rule,
 * {"read": false, "write": false}), so the mini program reaches data only through cloud
 * functions, which check roles themselves.
 */

interface Declaration {
  collections: Array<{ name: string; permission?: string; indexes?: Array<{ name: string; unique?: boolean; fields: Array<{ field: string; direction: number }> }> }>
}

const declaration = JSON.parse(readFileSync(join(__dirname, '../database.json'), 'utf8')) as Declaration
const names = declaration.collections.map((c) => c.name)

it('declares every collection readable and writable only by cloud functions', () => {
  const open = declaration.collections.filter((c) => c.permission !== 'ADMINONLY').map((c) => c.name)
  expect(open).toEqual([])
  expect(new Set(names).size).toBe(names.length)
})

it('declares every collection the retention job clears', () => {
  expect(RETENTION_RULES.map((r) => r.collection).filter((c) => !names.includes(c))).toEqual([])
})

it('gives every collection a row in docs/data-protection.md', () => {
  const doc = readFileSync(join(__dirname, '../../docs/data-protection.md'), 'utf8')
  expect(names.filter((name) => !doc.includes(`\`${name}\``))).toEqual([])
})

it('lists every collection and index in the deployment guide', () => {
  const guide = readFileSync(join(__dirname, '../../docs/deploy.md'), 'utf8')
  const missing: string[] = []
  for (const collection of declaration.collections) {
    const line = guide.split('\n').find((l) => l.trim().startsWith(`- \`${collection.name}\` —`))
    if (!line) missing.push(collection.name)
    else for (const index of collection.indexes ?? []) if (!line.includes(`\`${index.name}\`${index.unique ? ' (unique)' : ''}: ${index.fields.map((f) => `${f.field} ${f.direction === 1 ? '↑' : '↓'}`).join(', ')}`)) missing.push(`${collection.name}.${index.name}`)
  }
  expect(missing).toEqual([])
})
