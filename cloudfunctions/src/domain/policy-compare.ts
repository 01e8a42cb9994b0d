import type { PolicyChapter, PolicyDocument, PolicySection } from '../../../types/contract/policy'
import type { ChapterChange, ClauseChange, PolicyComparison, PolicyComparisonCounts, SectionChange } from '../../../types/contract/policy-compare'

/**
 * Clause changes by longest common subsequence. Within each run of differences removals come
 * before additions, so an edited clause reads as its old text followed by its new one.
 * At the policy's limit of 30 clauses a section costs at most 31 × 31 table cells.
 */
export function diffClauses(previous: readonly string[], next: readonly string[]): ClauseChange[] {
  const m = previous.length
  const n = next.length
  // lcs[i][j] is the common subsequence length of previous[i..] and next[j..]; filled from the
  // end so the walk below can go forwards and emit clauses in reading order.
  const lcs: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0))
  for (let i = m - 1; i >= 0; i--) {
    for (let j = n - 1; j >= 0; j--) {
      lcs[i][j] = previous[i] === next[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
    }
  }

  const changes: ClauseChange[] = []
  let i = 0
  let j = 0
  while (i < m && j < n) {
    if (previous[i] === next[j]) {
      changes.push({ text: next[j], change: 'unchanged' })
      i++
      j++
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      changes.push({ text: previous[i], change: 'removed' })
      i++
    } else {
      changes.push({ text: next[j], change: 'added' })
      j++
    }
  }
  for (; i < m; i++) changes.push({ text: previous[i], change: 'removed' })
  for (; j < n; j++) changes.push({ text: next[j], change: 'added' })
  return changes
}

interface Paired<T> {
  previous: T | null
  next: T | null
}

/**
 * Items of both versions in the new version's order, each removed item placed right after the
 * item that preceded it before. Predecessors are placed first because the previous list is
 * walked in order, so a run of removals keeps its own order.
 */
function pairByKey<T extends { key: string }>(previous: readonly T[], next: readonly T[]): Paired<T>[] {
  const previousByKey = new Map(previous.map((item) => [item.key, item]))
  const nextKeys = new Set(next.map((item) => item.key))
  const paired: Paired<T>[] = next.map((item) => ({ previous: previousByKey.get(item.key) ?? null, next: item }))
  const keyOf = (pair: Paired<T>): string => (pair.next ?? pair.previous)!.key

  previous.forEach((item, index) => {
    if (nextKeys.has(item.key)) return
    const after = index === 0 ? -1 : paired.findIndex((pair) => keyOf(pair) === previous[index - 1].key)
    paired.splice(after + 1, 0, { previous: item, next: null })
  })
  return paired
}

function compareSection({ previous, next }: Paired<PolicySection>): SectionChange {
  if (next === null) {
    const removed = previous!
    return {
      key: removed.key,
      heading: removed.heading,
      previousHeading: null,
      change: 'removed',
      clauses: removed.clauses.map((text) => ({ text, change: 'removed' })),
    }
  }
  if (previous === null) {
    return {
      key: next.key,
      heading: next.heading,
      previousHeading: null,
      change: 'added',
      clauses: next.clauses.map((text) => ({ text, change: 'added' })),
    }
  }
  const clauses = diffClauses(previous.clauses, next.clauses)
  const renamed = previous.heading !== next.heading
  const edited = renamed || clauses.some((c) => c.change !== 'unchanged')
  return {
    key: next.key,
    heading: next.heading,
    previousHeading: renamed ? previous.heading : null,
    change: edited ? 'changed' : 'unchanged',
    clauses,
  }
}

function compareChapter({ previous, next }: Paired<PolicyChapter>): ChapterChange {
  const sections = pairByKey(previous?.sections ?? [], next?.sections ?? []).map(compareSection)
  if (next === null) {
    const removed = previous!
    return { key: removed.key, title: removed.title, previousTitle: null, change: 'removed', sections }
  }
  if (previous === null) {
    return { key: next.key, title: next.title, previousTitle: null, change: 'added', sections }
  }
  const renamed = previous.title !== next.title
  const edited = renamed || sections.some((s) => s.change !== 'unchanged')
  return {
    key: next.key,
    title: next.title,
    previousTitle: renamed ? previous.title : null,
    change: edited ? 'changed' : 'unchanged',
    sections,
  }
}

/**
 * `previous` is null for the first version, which then reads as entirely added. The document
 * title is not compared: it names the policy rather than being part of what is read. Moving a
 * chapter or a section within its chapter marks nothing by itself: the result follows the new
 * order, and the numbers a reader sees are rendered from that order.
 */
export function comparePolicies(previous: PolicyDocument | null, next: PolicyDocument): PolicyComparison {
  const chapters = pairByKey(previous?.chapters ?? [], next.chapters).map(compareChapter)
  const counts: PolicyComparisonCounts = { added: 0, removed: 0, changed: 0 }
  for (const chapter of chapters) {
    for (const section of chapter.sections) {
      if (section.change !== 'unchanged') counts[section.change]++
    }
  }
  return { chapters, counts }
}
