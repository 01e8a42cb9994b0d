import type { ActionInput, ActionOutput, GradeDistribution } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { requirePerson, type ActionContext } from '../../core/context'
import { roundScore } from '../../domain/assessment/score'
import { escapeRegExp } from '../../domain/text'
import { ASSESSMENT_RESULTS, latestRun, publishedRun, toResultRow, type ResultDoc } from '../../repos/assessment-results'
import { loadRulesInForce } from '../../repos/assessment-rules'
import { loadDepartments } from '../../repos/departments'
import { fetchPage } from '../../repos/paging'

/** Heads see their department's results once the month is published; admins any month, everyone or one department. */
export async function listResults(input: ActionInput<'assessment.listResults'>, ctx: ActionContext): Promise<ActionOutput<'assessment.listResults'>> {
  const me = requirePerson(ctx)
  if (me.role === 'head' && input.departmentId && input.departmentId !== me.departmentId) refuse('OUT_OF_SCOPE')
  const departmentId = me.role === 'head' ? me.departmentId : input.departmentId
  const published = (await publishedRun(ctx.db, input.month)) !== null
  const page = input.page ?? 1
  const pageSize = input.pageSize ?? 20
  if (me.role !== 'admin' && !published) return { items: [], total: 0, page, pageSize, month: input.month, published, visible: false }
  const keyword = input.keyword?.trim()
  const where = {
    month: input.month,
    ...(departmentId ? { departmentId } : {}),
    ...(input.grade ? { grade: input.grade } : {}),
    ...(keyword ? { personName: ctx.db.RegExp({ regexp: escapeRegExp(keyword), options: 'i' }) } : {}),
  }
  const direction = input.sort === 'totalAsc' ? 'asc' : 'desc'
  const result = await fetchPage<ResultDoc, ActionOutput<'assessment.listResults'>['items'][number]>(
    ctx,
    ASSESSMENT_RESULTS,
    where,
    [
      ['total', direction],
      ['_id', 'asc'],
    ],
    { page, pageSize },
    toResultRow,
  )
  return { ...result, month: input.month, published, visible: true }
}

interface Bucket {
  counts: Map<string, number>
  count: number
  sum: number
}

const average = (b: Bucket) => (b.count > 0 ? roundScore(b.sum / b.count) : null)

/** Counts per grade per department, in one aggregation over the month's results. */
export async function distribution(input: ActionInput<'assessment.distribution'>, ctx: ActionContext): Promise<GradeDistribution> {
  const $ = ctx.db.command.aggregate
  const [published, latest, departments, { list }] = await Promise.all([
    publishedRun(ctx.db, input.month),
    latestRun(ctx.db, input.month),
    loadDepartments(ctx.db),
    ctx.db
      .collection(ASSESSMENT_RESULTS)
      .aggregate()
      .match({ month: input.month })
      .group({ _id: { departmentId: '$departmentId', grade: '$grade' }, n: $.sum(1), sum: $.sum('$total') })
      .limit(1000)
      .end(),
  ])
  // The grades the month was computed with; a month never computed shows today's.
  const rules = (published ?? latest)?.rules ?? (await loadRulesInForce(ctx.db)).rules
  const grades = rules.grades.map((g) => g.label)
  const buckets = new Map<string, Bucket>()
  const all: Bucket = { counts: new Map(), count: 0, sum: 0 }
  for (const row of list) {
    const key = row._id as { departmentId: string; grade: string }
    const n = Number(row.n) || 0
    const sum = Number(row.sum) || 0
    if (!grades.includes(key.grade)) grades.push(key.grade)
    const bucket = buckets.get(key.departmentId) ?? { counts: new Map(), count: 0, sum: 0 }
    for (const b of [bucket, all]) {
      b.counts.set(key.grade, (b.counts.get(key.grade) ?? 0) + n)
      b.count += n
      b.sum += sum
    }
    buckets.set(key.departmentId, bucket)
  }
  const countsOf = (b: Bucket) => grades.map((grade) => ({ grade, count: b.counts.get(grade) ?? 0 }))
  const empty = (): Bucket => ({ counts: new Map(), count: 0, sum: 0 })
  return {
    month: input.month,
    published: published !== null,
    grades,
    departments: departments.map((d) => {
      const b = buckets.get(d._id) ?? empty()
      return { departmentId: d._id, departmentName: d.name, counts: countsOf(b), count: b.count, average: average(b) }
    }),
    total: { counts: countsOf(all), count: all.count, average: average(all) },
  }
}
