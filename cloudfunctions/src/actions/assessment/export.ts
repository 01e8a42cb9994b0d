import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { appealStatusLabels, indicatorKeys, indicatorLabels, type ActionInput, type ResultsExport } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import { writeAudit } from '../../core/audit'
import { requirePerson, type ActionContext } from '../../core/context'
import { ASSESSMENT_RESULTS, publishedRun, type ResultDoc } from '../../repos/assessment-results'
import { loadDepartments } from '../../repos/departments'
import { readAll } from '../../repos/read-all'

/** Long enough to download on a slow phone, short enough that a forwarded link soon dies. */
export const EXPORT_LINK_SECONDS = 3600

export const EXPORT_HEADER = ['部门', '姓名', '总分', '等级', ...indicatorKeys.map((k) => indicatorLabels[k]), '违规扣分', '证据不足项', '规则版本', '申诉状态']

const SHANGHAI_OFFSET_MS = 8 * 3600_000
const shanghaiTime = (d: Date) => new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ')

type ExportDoc = Pick<ResultDoc, '_id' | 'personName' | 'departmentId' | 'total' | 'grade' | 'score' | 'evidence' | 'ruleVersion' | 'appealStatus'>

const FIELDS = { personName: true, departmentId: true, total: true, grade: true, score: true, evidence: true, ruleVersion: true, appealStatus: true }

/**
 * The streaming writer keeps memory flat however many people there are (the buffered one
 * nears a cloud function's 256 MB at ten thousand rows); the zip it streams is gathered here
 * only because uploadFile takes a whole buffer.
 */
async function writeWorkbook(fill: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => void): Promise<Buffer> {
  const stream = new PassThrough()
  const chunks: Buffer[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve)
    stream.on('error', reject)
  })
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false })
  fill(workbook)
  await workbook.commit()
  await ended
  return Buffer.concat(chunks)
}

/**
 * HR's monthly performance review takes the published results as a workbook. Only a published
 * month: before that the numbers may still change, and a file once downloaded cannot be recalled.
 */
export async function exportResults(input: ActionInput<'assessment.exportResults'>, ctx: ActionContext): Promise<ResultsExport> {
  const me = requirePerson(ctx)
  const run = await publishedRun(ctx.db, input.month)
  if (!run) refuse('ASSESSMENT_NOT_READY', undefined, '该月考核结果尚未发布，暂不能导出')
  // A deployment without storage is a configuration fault, not the caller's: say so as one.
  const storage = ctx.storage
  if (!storage) refuse('INTERNAL')
  const departments = await loadDepartments(ctx.db)
  const order = new Map(departments.map((d, i) => [d._id, i]))
  const names = new Map(departments.map((d) => [d._id, d.name]))
  if (input.departmentId && !names.has(input.departmentId)) refuse('NOT_FOUND')

  const docs = await readAll<ExportDoc>(ctx.db, ASSESSMENT_RESULTS, { month: input.month, ...(input.departmentId ? { departmentId: input.departmentId } : {}) }, FIELDS)
  docs.sort(
    (a, b) =>
      (order.get(a.departmentId) ?? Infinity) - (order.get(b.departmentId) ?? Infinity) ||
      b.total - a.total ||
      a.personName.localeCompare(b.personName, 'zh-CN') ||
      a._id.localeCompare(b._id),
  )

  const now = ctx.now()
  const scope = input.departmentId ? (names.get(input.departmentId) ?? input.departmentId) : '全公司'
  const content = await writeWorkbook((workbook) => {
    const sheet = workbook.addWorksheet('考核结果', { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.columns = EXPORT_HEADER.map((header, i) => ({ header, width: i === 0 || i === 10 ? 18 : 12 }))
    sheet.getRow(1).font = { bold: true }
    sheet.getRow(1).commit()
    for (const doc of docs) {
      const byKey = new Map(doc.score.indicators.map((ind) => [ind.key, ind]))
      const insufficient = indicatorKeys.filter((k) => byKey.get(k)?.insufficient).map((k) => indicatorLabels[k])
      sheet
        .addRow([
          names.get(doc.departmentId) ?? doc.departmentId,
          doc.personName,
          doc.total,
          doc.grade,
          ...indicatorKeys.map((k) => byKey.get(k)?.score ?? null),
          doc.evidence.violations.points,
          insufficient.length > 0 ? insufficient.join('、') : '无',
          doc.ruleVersion,
          doc.appealStatus ? appealStatusLabels[doc.appealStatus] : '未申诉',
        ])
        .commit()
    }
    sheet.commit()

    const about = workbook.addWorksheet('说明')
    about.columns = [{ width: 12 }, { width: 28 }]
    for (const row of [
      ['考核月份', input.month],
      ['范围', scope],
      ['规则版本', run.ruleVersion],
      ['生成时间', `${shanghaiTime(now)}（北京时间）`],
      ['生成人', me.name],
      ['人数', docs.length],
    ]) {
      about.addRow(row).commit()
    }
    about.commit()
  })

  const cloudPath = `exports/assessment/${input.month}/${input.departmentId ?? 'all'}-${now.getTime()}.xlsx`
  const fileID = await storage.upload(cloudPath, content)
  const url = await storage.temporaryUrl(fileID, EXPORT_LINK_SECONDS)
  await writeAudit(ctx, {
    action: ctx.action,
    targetCollection: ASSESSMENT_RESULTS,
    targetId: input.month,
    before: null,
    after: { month: input.month, departmentId: input.departmentId ?? null, rows: docs.length, fileID },
  })
  return {
    fileID,
    url,
    fileName: `考核结果-${input.month}-${scope}.xlsx`,
    rows: docs.length,
    expiresAt: new Date(now.getTime() + EXPORT_LINK_SECONDS * 1000).toISOString(),
  }
}
