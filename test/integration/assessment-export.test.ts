/**
 * The monthly results workbook, end to end: results in the real embedded database, the file
 * uploaded to the local runtime's storage through wx-server-sdk, fetched back by its signed
 * temporary link and read with exceljs as HR's spreadsheet program would.
 */
import ExcelJS from 'exceljs'
import { defaultAssessmentRules, type Envelope, type Evidence, type ResultsExport } from '../../types/contract'
import type { FileStorage } from '../../cloudfunctions/src/core/context'
import type { Cloud } from '../../cloudfunctions/src/core/sdk-types'
import { wechatPlatform } from '../../cloudfunctions/src/core/wechat-platform'
import { ASSESSMENT_RESULTS, ASSESSMENT_RUNS, resultId, type ResultDoc, type RunDoc } from '../../cloudfunctions/src/repos/assessment-results'
import { apiCaller } from '../support/api'
import { cast, openidOf } from '../support/company'
import { connectSdk } from '../support/local-cloud'
import { useScenario } from '../support/scenario'

const OCTOBER = '2026-10'
const SEPTEMBER = '2026-09'

const evidence = (violationPoints: number): Evidence => ({
  notices: { due: 4, onTime: 3 },
  followUps: { due: 3, onTime: 2, late: 1, overdue: 0 },
  spotChecks: { count: 1, repliesWithin: 1, repliesObserved: 1, rubricAverage: 90 },
  importedReply: null,
  feedback: { count: 0, satisfactionAverage: null, complaints: 0 },
  selfCheckDone: true,
  archiveConfirmed: true,
  policyAcknowledged: true,
  tasks: { due: 1, onTime: 1 },
  violations: { count: violationPoints > 0 ? 1 : 0, points: violationPoints, confidentiality: 0 },
})

function result(personId: string, personName: string, departmentId: string, fields: Partial<ResultDoc> = {}): ResultDoc {
  const score = {
    indicators: [
      { key: 'replyTimeliness' as const, weight: 0.3, score: 92, insufficient: false, explanation: '' },
      { key: 'communicationQuality' as const, weight: 0.3, score: 80, insufficient: true, explanation: '' },
      { key: 'informationManagement' as const, weight: 0.2, score: 86.5, insufficient: false, explanation: '' },
      { key: 'applicationEffect' as const, weight: 0.2, score: 80, insufficient: true, explanation: '' },
    ],
    weighted: 85.3,
    deductions: 3,
    total: 82.3,
    grade: '良好',
  }
  return {
    _id: resultId(OCTOBER, personId),
    month: OCTOBER,
    personId,
    personName,
    departmentId,
    runId: 'arun-october',
    ruleVersion: 2,
    evidence: evidence(3),
    score,
    computedAt: new Date('2026-10-31T16:00:00Z'),
    total: score.total,
    grade: score.grade,
    appeal: null,
    appealStatus: null,
    adjustment: null,
    ...fields,
  }
}

function run(month: string, published: boolean): RunDoc {
  const started = new Date('2026-11-01T01:00:00Z')
  return {
    _id: `arun-${month}`,
    month,
    status: 'done',
    trigger: 'admin',
    preview: false,
    ruleVersion: 2,
    rules: defaultAssessmentRules,
    asOf: new Date('2026-10-31T16:00:00Z'),
    staffCount: 3,
    processed: 3,
    cursor: null,
    attempts: 0,
    lastError: null,
    startedAt: started,
    startedById: cast.admin,
    startedByName: '陈静',
    updatedAt: started,
    finishedAt: started,
    publishedAt: published ? new Date('2026-11-02T02:00:00Z') : null,
    publishedById: published ? cast.admin : null,
    publishedByName: published ? '陈静' : null,
  }
}

const cellValues = (row: ExcelJS.Row, count: number) => Array.from({ length: count }, (_, i) => row.getCell(i + 1).value)

describe('assessment.exportResults', () => {
  const world = useScenario()
  let storage: FileStorage
  let call: ReturnType<typeof apiCaller>
  const as = (personId: string) => (action: string, payload?: unknown) => call(openidOf(personId), action, payload)

  beforeAll(() => {
    // The same storage the api function builds from wx-server-sdk, pointed at the runtime.
    const sdk = connectSdk(world.cloud.cloudEndpoint).cloud as Cloud
    storage = wechatPlatform(sdk).storage
    call = apiCaller(world.db, { now: () => world.now, storage })
  })

  beforeEach(async () => {
    await world.db.collection(ASSESSMENT_RUNS).add({ data: [run(OCTOBER, true), run(SEPTEMBER, false)] as never })
    await world.db.collection(ASSESSMENT_RESULTS).add({
      data: [
        // 李娜's total was adjusted after an appeal: the adjusted total and grade are what HR gets.
        result(cast.eastEmployee, '李娜', 'dept-sales-east', {
          total: 88,
          grade: '优秀',
          appeal: { reason: '客户投诉已核实为误会', appealedAt: new Date('2026-11-03T02:00:00Z'), status: 'adjusted', decidedAt: new Date('2026-11-04T02:00:00Z'), decidedById: cast.admin, decidedByName: '陈静', comment: '核实后调整' },
          appealStatus: 'adjusted',
          adjustment: { total: 88, grade: '优秀', comment: '核实后调整', adjustedAt: new Date('2026-11-04T02:00:00Z'), adjustedById: cast.admin, adjustedByName: '陈静' },
        }),
        result(cast.eastColleague, '张伟', 'dept-sales-east', { total: 70, grade: '合格', evidence: evidence(0) }),
        result('p-sales-south-02', '何佳', 'dept-sales-south'),
      ] as never,
    })
  })

  async function download(url: string): Promise<ExcelJS.Workbook> {
    const res = await fetch(url)
    expect(res.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never)
    return workbook
  }

  it('stores one department’s published results as a workbook HR can open, behind a temporary link', async () => {
    const res = (await as(cast.admin)('assessment.exportResults', { month: OCTOBER, departmentId: 'dept-sales-east' })) as Envelope<ResultsExport>
    expect(res).toEqual({
      ok: true,
      data: {
        fileID: `cloud://local.6c6f-local-1300000000/exports/assessment/${OCTOBER}/dept-sales-east-${world.now.getTime()}.xlsx`,
        url: expect.stringMatching(/\/storage\/file\/exports\/assessment\/2026-10\/dept-sales-east-\d+\.xlsx\?sign=/),
        fileName: '考核结果-2026-10-华东销售部.xlsx',
        rows: 2,
        expiresAt: new Date(world.now.getTime() + 3600_000).toISOString(),
      },
    })
    if (!res.ok) return

    const workbook = await download(res.data.url)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['考核结果', '说明'])
    const sheet = workbook.getWorksheet('考核结果')!
    expect(sheet.rowCount).toBe(3)
    expect(cellValues(sheet.getRow(1), 12)).toEqual(['部门', '姓名', '总分', '等级', '回复及时率', '沟通质量', '信息管理规范', '业务应用效果', '违规扣分', '证据不足项', '规则版本', '申诉状态'])
    // Highest total first within a department.
    expect(cellValues(sheet.getRow(2), 12)).toEqual(['华东销售部', '李娜', 88, '优秀', 92, 80, 86.5, 80, 3, '沟通质量、业务应用效果', 2, '已调整'])
    expect(cellValues(sheet.getRow(3), 12)).toEqual(['华东销售部', '张伟', 70, '合格', 92, 80, 86.5, 80, 0, '沟通质量、业务应用效果', 2, '未申诉'])

    const about = workbook.getWorksheet('说明')!
    expect(about.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1))).toEqual([
      ['考核月份', OCTOBER],
      ['范围', '华东销售部'],
      ['规则版本', 2],
      ['生成时间', '2026-11-27 10:00:00（北京时间）'],
      ['生成人', '陈静'],
      ['人数', 2],
    ])
  })

  it('exports the whole company, department by department, and audits who took it', async () => {
    const res = (await as(cast.admin)('assessment.exportResults', { month: OCTOBER })) as Envelope<ResultsExport>
    expect(res.ok).toBe(true)
    if (!res.ok) return
    expect(res.data).toMatchObject({ fileName: '考核结果-2026-10-全公司.xlsx', rows: 3 })
    expect(res.data.fileID).toMatch(/\/exports\/assessment\/2026-10\/all-\d+\.xlsx$/)
    const sheet = (await download(res.data.url)).getWorksheet('考核结果')!
    expect([2, 3, 4].map((r) => [sheet.getRow(r).getCell(1).value, sheet.getRow(r).getCell(2).value])).toEqual([
      ['华东销售部', '李娜'],
      ['华东销售部', '张伟'],
      ['华南销售部', '何佳'],
    ])

    const { data: audits } = await world.db.collection('audit_log').where({ action: 'assessment.exportResults' }).get()
    expect(audits).toEqual([
      expect.objectContaining({
        actorId: cast.admin,
        targetCollection: ASSESSMENT_RESULTS,
        targetId: OCTOBER,
        after: { month: OCTOBER, departmentId: null, rows: 3, fileID: res.data.fileID },
      }),
    ])
  })

  it('refuses a month that is not published, and stores nothing', async () => {
    for (const month of [SEPTEMBER, '2026-08']) {
      const res = await as(cast.admin)('assessment.exportResults', { month })
      expect(res).toMatchObject({ ok: false, error: { code: 'ASSESSMENT_NOT_READY' } })
    }
    expect((await world.db.collection('audit_log').where({ action: 'assessment.exportResults' }).count()).total).toBe(0)
  })

  it('is for admins only', async () => {
    for (const person of [cast.eastEmployee, cast.eastHead, cast.southHead]) {
      const res = await as(person)('assessment.exportResults', { month: OCTOBER })
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
  })

  it('refuses an unknown department and extra fields', async () => {
    expect(await as(cast.admin)('assessment.exportResults', { month: OCTOBER, departmentId: 'dept-nowhere' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await as(cast.admin)('assessment.exportResults', { month: OCTOBER, format: 'csv' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it('refuses as a system fault when the function has no storage', async () => {
    const bare = apiCaller(world.db, { now: () => world.now })
    expect(await bare(openidOf(cast.admin), 'assessment.exportResults', { month: OCTOBER })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })
})
