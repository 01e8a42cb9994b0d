import type { Database } from '../../cloudfunctions/src/core/sdk-types'
import { addDays, addWorkingMinutes, shanghaiDate, workingMinutesBetween, type WorkingTimeSettings } from '../../types/contract'
import { loadDatabaseDeclaration } from './db'
import { demoPolicy, demoPolicyChangeSummary, demoQuiz } from './seed-policy'

/**
 * The demo company every fresh local runtime starts with. Ids are stable so that
 * screenshots, docs and tests can refer to people by id across resets.
 */
interface SeedDepartment {
  id: string
  name: string
}

interface SeedPerson {
  id: string
  name: string
  departmentId: string
  role: 'employee' | 'head' | 'admin'
}

export const demoDepartments: SeedDepartment[] = [
  { id: 'dept-admin', name: '行政部' },
  { id: 'dept-sales-east', name: '华东销售部' },
  { id: 'dept-sales-south', name: '华南销售部' },
  { id: 'dept-service', name: '客户服务部' },
  { id: 'dept-marketing', name: '市场部' },
]

const staffNames: Record<string, string[]> = {
  'dept-admin': ['周敏', '陈静', '吴婷'],
  'dept-sales-east': ['王磊', '李娜', '张伟', '刘洋', '杨帆', '赵雪', '黄鹏', '孙悦', '朱琳'],
  'dept-sales-south': ['林涛', '何佳', '郭强', '马丽', '罗斌', '梁晨', '宋雨', '郑浩'],
  'dept-service': ['谢芳', '韩冰', '唐宁', '冯凯', '董洁', '萧然', '程亮'],
  'dept-marketing': ['曹颖', '袁野', '邓超', '许晴', '傅晓', '沈珂'],
}

/** The first name in each department is its head; 陈静 in 行政部 is the system admin. */
export const demoPeople: SeedPerson[] = demoDepartments.flatMap((dept) =>
  staffNames[dept.id].map((name, index) => ({
    id: `${dept.id.replace('dept-', 'p-')}-${String(index + 1).padStart(2, '0')}`,
    name,
    departmentId: dept.id,
    role: index === 0 ? ('head' as const) : dept.id === 'dept-admin' && index === 1 ? ('admin' as const) : ('employee' as const),
  })),
)

export const DEMO_ADMIN_ID = 'p-admin-02'

function mobileFor(n: number): string {
  return `139${String(10_000_000 + n * 7919).slice(-8)}`
}


/** Who has not yet acknowledged the policy in the demo, so progress screens have someone to chase. */
export const DEMO_POLICY_PENDING_IDS = ['p-sales-south-07', 'p-service-06', 'p-marketing-05']

/** Demo working calendar: 2027's New Year and a make-up Saturday, so deadlines visibly skip them. */
export const demoWorkingTime: WorkingTimeSettings = {
  workdays: [1, 2, 3, 4, 5],
  periods: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '18:00' },
  ],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2027-01-01'],
  extraWorkdays: ['2026-10-10'],
}

const HOUR = 3600_000

/** The demo policy's one version, published and in force. */
export const DEMO_POLICY_VERSION = { id: 'policy-v1', number: 1 } as const

async function seedPolicy(db: Database, now: Date): Promise<void> {
  const effectiveFrom = addDays(shanghaiDate(now), -60)
  const publishedAt = new Date(Date.parse(`${addDays(effectiveFrom, -3)}T10:00:00+08:00`))
  await db.collection('policy_versions').add({
    data: {
      _id: DEMO_POLICY_VERSION.id,
      status: 'published',
      number: DEMO_POLICY_VERSION.number,
      document: demoPolicy,
      quiz: demoQuiz,
      changeSummary: demoPolicyChangeSummary,
      effectiveFrom,
      ackWithinDays: 7,
      revision: 1,
      createdBy: DEMO_ADMIN_ID,
      createdAt: publishedAt,
      updatedAt: publishedAt,
      publishedAt,
      publishedBy: DEMO_ADMIN_ID,
      publishedByName: '陈静',
      sectionCount: demoPolicy.chapters.reduce((n, c) => n + c.sections.length, 0),
    },
  })
  const acks = demoPeople
    .filter((p) => !DEMO_POLICY_PENDING_IDS.includes(p.id))
    .map((p, i) => ({
      _id: `ack-${DEMO_POLICY_VERSION.id}-${p.id}`,
      versionId: DEMO_POLICY_VERSION.id,
      versionNumber: DEMO_POLICY_VERSION.number,
      personId: p.id,
      departmentId: p.departmentId,
      // Spread over the first week, a few people needing a second try at the quiz.
      acknowledgedAt: new Date(Date.parse(`${addDays(effectiveFrom, i % 6)}T09:30:00+08:00`) + (i % 5) * HOUR),
      quizAsked: demoQuiz.askCount,
      quizFailedAttempts: i % 7 === 3 ? 1 : 0,
      lastRemindedAt: null,
    }))
  await db.collection('policy_acks').add({ data: acks })
}

/** A notice from last week: most replied in time, two late, so the sender's view has all cases. */
async function seedNotice(db: Database, now: Date): Promise<void> {
  const sentAt = addWorkingMinutes(new Date(now.getTime() - 7 * 24 * HOUR), 60, demoWorkingTime)
  const deadlineAt = addWorkingMinutes(sentAt, 120, demoWorkingTime)
  const recipients = demoPeople.filter((p) => p.id !== DEMO_ADMIN_ID)
  const late = new Set(['p-sales-east-05', 'p-service-04'])
  const receipts = recipients.map((p, i) => {
    const pending = DEMO_POLICY_PENDING_IDS.includes(p.id)
    const acknowledgedAt = pending ? null : addWorkingMinutes(sentAt, late.has(p.id) ? 200 + i : 5 + (i % 9) * 10, demoWorkingTime)
    return {
      _id: `rcpt-notice-demo-1-${p.id}`,
      noticeId: 'notice-demo-1',
      personId: p.id,
      departmentId: p.departmentId,
      sentAt,
      deadlineAt,
      requireAck: true,
      pending,
      acknowledgedAt,
      workingMinutes: acknowledgedAt ? workingMinutesBetween(sentAt, acknowledgedAt, demoWorkingTime) : null,
      onTime: acknowledgedAt ? acknowledgedAt.getTime() <= deadlineAt.getTime() : null,
    }
  })
  await db.collection('notices').add({
    data: {
      _id: 'notice-demo-1',
      title: '请更新业务微信个人资料',
      body: '请于今天内将业务微信的头像统一更换为公司标识，昵称改为“公司简称-姓名”，并在个性签名中写明工作时间。完成后点“确认收到”。',
      senderId: DEMO_ADMIN_ID,
      senderName: '陈静',
      senderDepartmentId: 'dept-admin',
      audience: { kind: 'all' },
      audienceLabel: '全体员工',
      requireAck: true,
      ackWithinWorkingMinutes: 120,
      deadlineAt,
      sentAt,
      recipientCount: receipts.length,
      acknowledgedCount: receipts.filter((r) => r.acknowledgedAt).length,
      lateCount: receipts.filter((r) => r.onTime === false).length,
    },
  })
  await db.collection('notice_receipts').add({ data: receipts })
}

export async function resetDemoCompany(db: Database): Promise<{ departments: number; people: number }> {
  const _ = db.command
  // Every declared collection: a reset leaves no record pointing at people who are gone.
  for (const { name } of loadDatabaseDeclaration()) {
    await db.collection(name).where({ _id: _.exists(true) }).remove()
  }
  const now = new Date()
  for (const dept of demoDepartments) {
    const head = demoPeople.find((p) => p.departmentId === dept.id && p.role === 'head')
    await db.collection('departments').add({
      data: { _id: dept.id, name: dept.name, headId: head?.id ?? null, createdAt: now, updatedAt: now },
    })
  }
  let n = 0
  for (const person of demoPeople) {
    n += 1
    await db.collection('people').add({
      data: {
        _id: person.id,
        name: person.name,
        mobile: mobileFor(n),
        email: `${person.id.replace(/^p-/, '')}@demo-corp.example.cn`,
        departmentId: person.departmentId,
        role: person.role,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      },
    })
  }
  await db.collection('settings').add({ data: { _id: 'worktime', ...demoWorkingTime, updatedAt: now } })
  await seedPolicy(db, now)
  await seedNotice(db, now)
  return { departments: demoDepartments.length, people: demoPeople.length }
}
