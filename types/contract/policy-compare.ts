import { z } from 'zod'

/**
 * What changed between two versions of the policy, laid out in the new version's order so
 * the client can render one annotated document rather than two side by side.
 *
 * Chapters are matched by key, and sections by key within their chapter: a section moved to
 * another chapter shows as removed where it was and added where it is now, because a reader
 * finds it in a different place and should be told so.
 *
 * Removed chapters and sections keep their place: each follows the item that preceded it in
 * the previous version, so a deletion reads where it used to be.
 */

export const policyItemChangeSchema = z.enum(['added', 'removed', 'changed', 'unchanged'])
export type PolicyItemChange = z.infer<typeof policyItemChangeSchema>

/** An edited clause is a removed clause followed by an added one; clauses have no keys to match on. */
export const clauseChangeSchema = z.object({
  text: z.string(),
  change: z.enum(['added', 'removed', 'unchanged']),
})
export type ClauseChange = z.infer<typeof clauseChangeSchema>

export const sectionChangeSchema = z.object({
  key: z.string(),
  /** The heading in the new version, or the last heading it had when removed. */
  heading: z.string(),
  /** Set only when the heading was edited, so the client shows the old one only when it differs. */
  previousHeading: z.string().nullable(),
  change: policyItemChangeSchema,
  /** Always the full list, unchanged sections included, so the client may collapse or expand them. */
  clauses: z.array(clauseChangeSchema),
})
export type SectionChange = z.infer<typeof sectionChangeSchema>

export const chapterChangeSchema = z.object({
  key: z.string(),
  /** The title in the new version, or the last title it had when removed. */
  title: z.string(),
  /** Set only when the title was edited. */
  previousTitle: z.string().nullable(),
  /** 'changed' when the title was edited or any of its sections is not 'unchanged'. */
  change: policyItemChangeSchema,
  sections: z.array(sectionChangeSchema),
})
export type ChapterChange = z.infer<typeof chapterChangeSchema>

/**
 * Counts are of sections, the unit a reader re-reads: a moved section counts once as removed
 * and once as added, and a chapter whose title alone was edited counts nothing here although
 * it is marked 'changed' in `chapters`.
 */
export const policyComparisonCountsSchema = z.object({
  added: z.number().int().min(0),
  removed: z.number().int().min(0),
  changed: z.number().int().min(0),
})
export type PolicyComparisonCounts = z.infer<typeof policyComparisonCountsSchema>

export const policyComparisonSchema = z.object({
  chapters: z.array(chapterChangeSchema),
  counts: policyComparisonCountsSchema,
})
export type PolicyComparison = z.infer<typeof policyComparisonSchema>
