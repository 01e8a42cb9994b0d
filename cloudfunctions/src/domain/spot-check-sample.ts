/**
 * Drawing a spot-check sample. Everything here is a pure function of its inputs: the round
 * records the candidates, the settings and the seed, and drawing again from them gives the
 * same people in the same order, which is how anyone can verify a sample was not hand-picked.
 */

export interface SampleCandidate {
  personId: string
  departmentId: string
  /** Shanghai YYYY-MM of the latest round that drew the person, or null if none did. */
  lastCheckedMonth: string | null
}

export interface SampleOptions {
  /** How many people to draw; fewer when fewer are eligible. */
  size: number
  /** Skip people drawn in `month` or the K−1 months before it; 0 skips nobody. */
  excludeWithinMonths: number
  /** Draw from everyone, recently checked or not. */
  force: boolean
  seed: string
  /** Shanghai YYYY-MM the round is drawn in. */
  month: string
}

export interface DepartmentAllocation {
  departmentId: string
  /** Candidates left after skipping the recently checked. */
  eligible: number
  sampled: number
}

export interface Sample {
  /** Department by department (ids ascending), each in drawing order. */
  personIds: string[]
  /** Every department with candidates, ids ascending. */
  allocation: DepartmentAllocation[]
  eligibleCount: number
  /** Candidates skipped as recently checked, ids ascending. */
  excludedIds: string[]
}

/** Whole months from one YYYY-MM to another (negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number]
  const [ty, tm] = to.split('-').map(Number) as [number, number]
  return (ty - fy) * 12 + (tm - fm)
}

/** A YYYY-MM moved by whole months. */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) + months
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** Checked recently enough to be skipped: drawn this month or within the K−1 months before. */
export function checkedWithin(lastCheckedMonth: string | null, month: string, excludeWithinMonths: number): boolean {
  if (lastCheckedMonth === null || excludeWithinMonths <= 0) return false
  return monthsBetween(lastCheckedMonth, month) < excludeWithinMonths
}

/**
 * A 128-bit hash of a string (the cyrb128 construction), the state of the generator below.
 * Strings rather than numbers seed it so a seed can be read out and typed back.
 */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < text.length; i += 1) {
    const k = text.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}

/**
 * A small seeded generator (sfc32) returning floats in [0, 1). Math.random cannot be seeded,
 * and the functions must not depend on the runtime's generator to draw the same sample years later.
 */
export function seededRandom(seed: string): () => number {
  let [a, b, c, d] = hash128(seed)
  const next = () => {
    a |= 0
    b |= 0
    c |= 0
    d |= 0
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  // The first outputs still carry the hash's structure.
  for (let i = 0; i < 15; i += 1) next()
  return next
}

/** `count` items drawn without replacement, in drawing order (a partial Fisher–Yates shuffle). */
function draw<T>(items: readonly T[], count: number, random: () => number): T[] {
  const pool = [...items]
  const n = Math.min(count, pool.length)
  for (let i = 0; i < n; i += 1) {
    const j = i + Math.floor(random() * (pool.length - i))
    const picked = pool[j] as T
    pool[j] = pool[i] as T
    pool[i] = picked
  }
  return pool.slice(0, n)
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

interface Stratum {
  departmentId: string
  eligible: string[]
  /** A seeded tie-breaker, so equal claims are not always settled in favour of the same department. */
  tie: number
}

/**
 * Proportional allocation with largest-remainder rounding, in integers so no floating error
 * decides who is drawn. When there are at least as many places as departments, a department
 * rounded down to nobody takes a place from the one most over its exact share.
 */
function allocate(strata: readonly Stratum[], n: number): number[] {
  const total = strata.reduce((sum, s) => sum + s.eligible.length, 0)
  if (n <= 0 || total === 0) return strata.map(() => 0)
  const exact = strata.map((s) => n * s.eligible.length)
  const counts = exact.map((e) => Math.floor(e / total))
  const remainders = exact.map((e) => e % total)
  const order = strata.map((_, i) => i)
  order.sort((i, j) => remainders[j]! - remainders[i]! || strata[j]!.eligible.length - strata[i]!.eligible.length || strata[i]!.tie - strata[j]!.tie)
  let left = n - counts.reduce((sum, c) => sum + c, 0)
  for (const i of order) {
    if (left === 0) break
    counts[i] = counts[i]! + 1
    left -= 1
  }
  const nonEmpty = strata.filter((s) => s.eligible.length > 0).length
  if (n >= nonEmpty) {
    for (const i of order) {
      if (counts[i] !== 0 || strata[i]!.eligible.length === 0) continue
      // Surplus over the exact share, scaled by `total` to stay an integer.
      let donor = -1
      for (let j = 0; j < strata.length; j += 1) {
        if (counts[j]! < 2) continue
        if (donor === -1) {
          donor = j
          continue
        }
        const surplus = counts[j]! * total - exact[j]!
        const best = counts[donor]! * total - exact[donor]!
        if (surplus > best || (surplus === best && (counts[j]! > counts[donor]! || (counts[j] === counts[donor] && strata[j]!.tie < strata[donor]!.tie)))) donor = j
      }
      if (donor === -1) break
      counts[donor] = counts[donor]! - 1
      counts[i] = 1
    }
  }
  return counts
}

/**
 * Draws up to `size` people, stratified by department. Input order does not matter: candidates
 * are taken in id order (a person listed twice counts once), and each department draws from its
 * own stream derived from the seed, so one department's staff changes leave another's draw alone.
 */
export function sampleForSpotCheck(candidates: readonly SampleCandidate[], options: SampleOptions): Sample {
  if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError('size must be a positive integer')
  if (!Number.isInteger(options.excludeWithinMonths) || options.excludeWithinMonths < 0) throw new RangeError('excludeWithinMonths must be a non-negative integer')
  const seen = new Set<string>()
  const unique = [...candidates]
    .sort((a, b) => byString(a.personId, b.personId))
    .filter((c) => {
      if (seen.has(c.personId)) return false
      seen.add(c.personId)
      return true
    })
  const excludedIds: string[] = []
  const byDepartment = new Map<string, string[]>()
  for (const candidate of unique) {
    const list = byDepartment.get(candidate.departmentId) ?? []
    byDepartment.set(candidate.departmentId, list)
    if (!options.force && checkedWithin(candidate.lastCheckedMonth, options.month, options.excludeWithinMonths)) excludedIds.push(candidate.personId)
    else list.push(candidate.personId)
  }
  const strata: Stratum[] = [...byDepartment.keys()].sort(byString).map((departmentId) => ({
    departmentId,
    eligible: byDepartment.get(departmentId)!,
    tie: seededRandom(`${options.seed}#tie#${departmentId}`)(),
  }))
  const eligibleCount = strata.reduce((sum, s) => sum + s.eligible.length, 0)
  const counts = allocate(strata, Math.min(options.size, eligibleCount))
  const personIds = strata.flatMap((s, i) => draw(s.eligible, counts[i]!, seededRandom(`${options.seed}#draw#${s.departmentId}`)))
  return {
    personIds,
    allocation: strata.map((s, i) => ({ departmentId: s.departmentId, eligible: s.eligible.length, sampled: counts[i]! })),
    eligibleCount,
    excludedIds,
  }
}
