import type { Database, DocData } from '../../cloudfunctions/src/core/sdk-types'
import { confirmationDueOn, shiftMonth } from '../../cloudfunctions/src/domain/archive'
import { doneOnTime, earliestDue } from '../../cloudfunctions/src/domain/follow-up'
import { addMonths, groupReviewDueOn } from '../../cloudfunctions/src/domain/group-flags'
import { sampleForSpotCheck, type SampleCandidate } from '../../cloudfunctions/src/domain/spot-check-sample'
import { completedOnTime, planAssignment } from '../../cloudfunctions/src/domain/task'
import { citeSection, pointsFor } from '../../cloudfunctions/src/domain/violation'
import { ARCHIVE_CONFIRMATIONS, ARCHIVE_RECORDS, confirmationId, type ArchiveConfirmationDoc, type ArchiveRecordDoc } from '../../cloudfunctions/src/repos/archives'
import {
  CUSTOMER_CONTACTS,
  CUSTOMER_FEEDBACK,
  CUSTOMERS,
  FOLLOW_UPS,
  SELF_INTRODUCTION_ID,
  type ContactDoc,
  type CustomerDoc,
  type FeedbackDoc,
  type FollowUpDoc,
} from '../../cloudfunctions/src/repos/customers'
import { BUSINESS_GROUPS, type GroupDoc, type StoredGroupReview } from '../../cloudfunctions/src/repos/groups'
import { MARKETING_ITEMS, MARKETING_PUSHES, type MarketingItemDoc, type MarketingPushDoc } from '../../cloudfunctions/src/repos/marketing'
import { SETTINGS } from '../../cloudfunctions/src/repos/settings'
import { pendingSpotCheck, SPOT_CHECK_ROUNDS, SPOT_CHECKS, type RoundDoc, type SpotCheckDoc } from '../../cloudfunctions/src/repos/spot-checks'
import { TASKS, type StoredHistoryEntry, type TaskDoc } from '../../cloudfunctions/src/repos/tasks'
import { VIOLATIONS, type ViolationDoc } from '../../cloudfunctions/src/repos/violations'
import {
  addDays,
  checkMarketingText,
  DEFAULT_EXCLUDE_MONTHS,
  defaultArchiveSettings,
  defaultMarketingTerms,
  monthlyComplete,
  rubricPercentOf,
  selfIntroductionTemplateSchema,
  shanghaiDate,
  shanghaiMonth,
  type ArchiveCategory,
  type ArchiveLocation,
  type ContactChannel,
  type CustomerSource,
  type Rubric,
  type ViolationCategory,
  type ViolationSeverity,
} from '../../types/contract'
import { DEMO_ADMIN_ID, DEMO_POLICY_VERSION, demoPeople } from './seed'
import { demoPolicy, demoSelfIntroduction } from './seed-policy'

/**
 * Work records for the demo company, so a fresh `npm start` opens on screens with something in
 * them. Written straight to the database in the shapes the cloud functions write (the repo doc
 * types keep them honest), with counters that agree with the records they count. Everything is
 * dated relative to `now` in Shanghai and never later than it, so the same story reads right
 * whatever day the runtime is started. Kept out of resetDemoCompany: tests rely on the work
 * collections starting empty.
 */

// ---------------------------------------------------------------- time and people

const MINUTE = 60_000

interface Clock {
  now: Date
  today: string
  day(offset: number): string
  /** A Shanghai wall-clock time on a date; pulled back to `now` when that would be in the future. */
  atDate(date: string, time: string): Date
  at(offset: number, time: string): Date
}

function clockAt(now: Date): Clock {
  const today = shanghaiDate(now)
  const notAfterNow = (t: number) => new Date(Math.min(t, now.getTime()))
  const atDate = (date: string, time: string) => notAfterNow(Date.parse(`${date}T${time}:00+08:00`))
  return { now, today, day: (offset) => addDays(today, offset), atDate, at: (offset, time) => atDate(addDays(today, offset), time) }
}

function later(...dates: Date[]): Date {
  return new Date(Math.max(...dates.map((d) => d.getTime())))
}

function person(id: string): { id: string; name: string; departmentId: string } {
  const found = demoPeople.find((p) => p.id === id)
  if (!found) throw new Error(`demo work records name an unknown person ${id}`)
  return found
}

const pad = (n: number) => String(n).padStart(2, '0')

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T
}

// ---------------------------------------------------------------- customers

type StoryName = 'fresh' | 'regular' | 'late' | 'dormant' | 'overdue' | 'dueToday' | 'complaint'

interface CustomerRow {
  owner: string
  name: string
  company: string | null
  source: CustomerSource
  tags: string[]
  addedDaysAgo: number
  story: StoryName
  /** The customer gave no phone number. */
  noPhone?: boolean
}

/** Day offsets are relative to today: -3 is three days ago. */
interface FollowUpClose {
  day: number
  outcome: 'done' | 'cancelled'
  note: string | null
}

type CustomerEvent =
  | { kind: 'contact'; day: number; channel: ContactChannel; summary: string; nextStep: string | null }
  | { kind: 'followUp'; plannedDay: number; dueDay: number; what: string; close: FollowUpClose | null }
  | { kind: 'feedback'; day: number; satisfaction: number; complaint: boolean; content: string | null }

const contact = (day: number, channel: ContactChannel, summary: string, nextStep: string | null = null): CustomerEvent => ({ kind: 'contact', day, channel, summary, nextStep })
const followUp = (plannedDay: number, dueDay: number, what: string, close: FollowUpClose | null = null): CustomerEvent => ({ kind: 'followUp', plannedDay, dueDay, what, close })
const feedback = (day: number, satisfaction: number, content: string | null = null, complaint = false): CustomerEvent => ({ kind: 'feedback', day, satisfaction, complaint, content })
const done = (day: number, note: string | null = null): FollowUpClose => ({ day, outcome: 'done', note })
const cancelled = (day: number, note: string): FollowUpClose => ({ day, outcome: 'cancelled', note })

/** How the first conversation usually goes, by how the two came to know each other. */
const firstContact: Record<CustomerSource, [ContactChannel, string]> = {
  self_added: ['wechat', '加好友后发了公司简介和产品资料，客户说先了解一下'],
  customer_added: ['wechat', '客户主动加好友询价，介绍了主要产品线并发了报价单'],
  referral: ['phone', '同事介绍的客户，电话里聊了采购需求和大致预算'],
  event: ['meeting', '展会现场交换了联系方式，会后补发了展会资料'],
  other: ['wechat', '第一次沟通，了解了客户现在合作的供应商和不满意的地方'],
}

const laterContacts: Array<[ContactChannel, string, string | null]> = [
  ['phone', '电话确认样品已收到，包装完好，客户准备安排试用', '下周回访试用效果'],
  ['meeting', '上门拜访，和采购负责人当面谈了年度框架协议', '整理会议纪要发客户确认'],
  ['wechat', '客户问保修年限，已发保修政策说明', null],
  ['email', '按客户要求发了正式报价和资质文件', '等客户内部审批'],
  ['wechat', '节前问候，顺便提醒合同下月到期', '月底前沟通续签'],
  ['phone', '客户说上一批货到得偏慢，已协调仓库优先发货', '跟进物流进度'],
  ['meeting', '陪技术同事到现场调试设备，客户对效果比较认可', null],
  ['wechat', '发了新品介绍，客户对节能款有兴趣', '安排样品试用'],
]

const followUpPlans = [
  '回访样品试用效果',
  '确认报价是否在预算范围内',
  '发合同草稿并约签约时间',
  '了解客户下季度采购计划',
  '提醒客户续签年度协议',
  '回访售后维修结果',
  '邀请客户参加新品体验活动',
]

const praise: Array<[number, string | null]> = [
  [5, '响应很快，问题当天就解决了'],
  [4, '产品稳定，希望多安排几次使用培训'],
  [5, null],
  [4, '报价清楚，交货也准时'],
  [3, '整体还行，售后电话有时打不通'],
]

type Story = (added: number, i: number, row: CustomerRow) => CustomerEvent[]

/**
 * Every planned follow-up in the generic stories falls due after today, so the one overdue
 * and the one due today below are the only ones the to-do lists and filters pick up.
 */
const stories: Record<StoryName, Story> = {
  fresh: (added, i, row) => [contact(added, ...firstContact[row.source]), followUp(added, 2 + (i % 7), pick(followUpPlans, i))],
  regular: (added, i, row) => [
    contact(added, ...firstContact[row.source]),
    followUp(added, added + 6, pick(followUpPlans, i), done(added + 5)),
    contact(added + 5, ...pick(laterContacts, i)),
    feedback(added + 9, ...pick(praise, i)),
    contact(added + 20, ...pick(laterContacts, i + 3)),
    followUp(added + 20, 3 + (i % 9), pick(followUpPlans, i + 2)),
  ],
  late: (added, i, row) => [
    contact(added, ...firstContact[row.source]),
    followUp(added + 1, added + 5, pick(followUpPlans, i), done(added + 8, '客户出差，晚了几天才联系上')),
    contact(added + 8, ...pick(laterContacts, i + 1)),
    feedback(added + 10, i % 2 === 0 ? 4 : 3, i % 2 === 0 ? '东西不错，就是跟进得有点慢' : null),
  ],
  dormant: (added, _i, row) => [contact(added, ...firstContact[row.source]), followUp(added, added + 7, '了解客户年底采购意向', cancelled(added + 6, '客户今年没有采购计划，明年再联系'))],
  overdue: (added, _i, row) => [
    contact(added, ...firstContact[row.source]),
    followUp(added, added + 7, '上门演示设备并了解产线需求', done(added + 6)),
    contact(added + 6, 'meeting', '到客户工厂做了设备演示，生产主管提了几点改进意见', '出一版定制方案'),
    feedback(added + 10, 5, '方案讲得很清楚，演示也很专业'),
    contact(-10, 'wechat', '客户希望调整付款条款，答应一周内给出修改版', '发修改后的合同条款'),
    followUp(-10, -3, '发修改后的合同条款给客户确认'),
  ],
  dueToday: (added, _i, row) => [
    contact(added, ...firstContact[row.source]),
    followUp(added, 0, '电话确认样品测试结论'),
    contact(-2, 'phone', '客户说样品测试这周内出结果', null),
  ],
  complaint: (added, _i, row) => [
    contact(added, ...firstContact[row.source]),
    contact(-35, 'wechat', '确认了下月配件订单的数量和交货时间', null),
    feedback(-20, 2, '上月订单比约定晚到一周，事先也没人通知', true),
    followUp(-20, -17, '回复客户投诉并说明处理结果', done(-18, '已说明原因，给客户补偿了运费')),
    contact(-18, 'phone', '致电客户说明延误原因，商定补偿运费，并承诺以后发货提前通知', null),
    feedback(-12, 4, '处理得还算及时，后面看表现'),
    followUp(-12, 15, '季度回访发货是否准时'),
  ],
}

const customerTable: CustomerRow[] = [
  // 华东销售部
  { owner: 'p-sales-east-02', name: '钱国栋', company: '苏州恒润机械有限公司', source: 'event', tags: ['重点客户', '机械'], addedDaysAgo: 40, story: 'overdue' },
  { owner: 'p-sales-east-02', name: '孙丽华', company: '上海启明贸易有限公司', source: 'self_added', tags: ['华东'], addedDaysAgo: 65, story: 'regular' },
  { owner: 'p-sales-east-02', name: '吴志强', company: '无锡广源电子科技有限公司', source: 'referral', tags: ['电子', '新客户'], addedDaysAgo: 4, story: 'fresh' },
  { owner: 'p-sales-east-02', name: '郑晓燕', company: '杭州绿叶餐饮管理有限公司', source: 'customer_added', tags: ['餐饮'], addedDaysAgo: 30, story: 'late' },
  { owner: 'p-sales-east-02', name: '冯建平', company: '宁波海达物流有限公司', source: 'self_added', tags: [], addedDaysAgo: 80, story: 'dormant' },
  { owner: 'p-sales-east-02', name: '陈玉兰', company: null, source: 'customer_added', tags: ['个人客户'], addedDaysAgo: 2, story: 'fresh' },
  { owner: 'p-sales-east-03', name: '王海涛', company: '常州瑞丰纺织有限公司', source: 'event', tags: ['纺织'], addedDaysAgo: 55, story: 'regular' },
  { owner: 'p-sales-east-03', name: '刘淑芬', company: '南京金陵酒店管理有限公司', source: 'referral', tags: ['酒店', '重点客户'], addedDaysAgo: 35, story: 'late' },
  { owner: 'p-sales-east-03', name: '赵永刚', company: '合肥新创建材有限公司', source: 'self_added', tags: [], addedDaysAgo: 9, story: 'fresh' },
  { owner: 'p-sales-east-03', name: '黄佳怡', company: '上海悦彩文化传播有限公司', source: 'customer_added', tags: ['文创'], addedDaysAgo: 75, story: 'dormant' },
  { owner: 'p-sales-east-04', name: '周德明', company: '嘉兴华美服饰有限公司', source: 'self_added', tags: ['服装'], addedDaysAgo: 48, story: 'regular' },
  { owner: 'p-sales-east-04', name: '徐静', company: '绍兴越秀纺织品有限公司', source: 'event', tags: [], addedDaysAgo: 22, story: 'late' },
  { owner: 'p-sales-east-04', name: '马国庆', company: '扬州运河食品有限公司', source: 'referral', tags: ['食品'], addedDaysAgo: 6, story: 'fresh' },
  { owner: 'p-sales-east-06', name: '胡晓明', company: '昆山精工模具有限公司', source: 'event', tags: ['模具', '展会'], addedDaysAgo: 70, story: 'regular' },
  { owner: 'p-sales-east-06', name: '林美玲', company: '上海佳禾母婴用品有限公司', source: 'customer_added', tags: ['母婴'], addedDaysAgo: 28, story: 'regular' },
  { owner: 'p-sales-east-06', name: '何志勇', company: null, source: 'self_added', tags: [], addedDaysAgo: 15, story: 'dormant', noPhone: true },
  { owner: 'p-sales-east-08', name: '高文博', company: '温州瓯江阀门有限公司', source: 'referral', tags: ['阀门'], addedDaysAgo: 42, story: 'late' },
  { owner: 'p-sales-east-08', name: '罗晓娟', company: '台州东海塑业有限公司', source: 'self_added', tags: [], addedDaysAgo: 3, story: 'fresh' },
  { owner: 'p-sales-east-01', name: '谢国华', company: '上海申达实业集团有限公司', source: 'referral', tags: ['集团客户', '重点客户'], addedDaysAgo: 85, story: 'regular' },
  { owner: 'p-sales-east-01', name: '宋立新', company: '江苏华通电气股份有限公司', source: 'event', tags: ['电气'], addedDaysAgo: 50, story: 'regular' },
  // 华南销售部
  { owner: 'p-sales-south-02', name: '邓志华', company: '深圳鹏程电子有限公司', source: 'event', tags: ['电子', '重点客户'], addedDaysAgo: 6, story: 'dueToday' },
  { owner: 'p-sales-south-02', name: '梁少芬', company: '广州穗丰食品有限公司', source: 'customer_added', tags: ['食品'], addedDaysAgo: 60, story: 'regular' },
  { owner: 'p-sales-south-02', name: '曾德荣', company: '东莞鑫达五金制品厂', source: 'self_added', tags: ['五金'], addedDaysAgo: 33, story: 'late' },
  { owner: 'p-sales-south-02', name: '彭丽', company: null, source: 'customer_added', tags: ['个人客户'], addedDaysAgo: 5, story: 'fresh' },
  { owner: 'p-sales-south-02', name: '蔡文杰', company: '佛山南海陶瓷有限公司', source: 'referral', tags: ['陶瓷'], addedDaysAgo: 78, story: 'dormant' },
  { owner: 'p-sales-south-03', name: '苏永健', company: '珠海海洋科技有限公司', source: 'event', tags: ['展会'], addedDaysAgo: 45, story: 'regular' },
  { owner: 'p-sales-south-03', name: '叶秀英', company: '中山美居家具有限公司', source: 'self_added', tags: ['家具'], addedDaysAgo: 26, story: 'late' },
  { owner: 'p-sales-south-03', name: '潘建国', company: '惠州德赛照明有限公司', source: 'referral', tags: [], addedDaysAgo: 8, story: 'fresh', noPhone: true },
  { owner: 'p-sales-south-04', name: '杜海燕', company: '厦门嘉禾茶业有限公司', source: 'customer_added', tags: ['茶叶'], addedDaysAgo: 52, story: 'regular' },
  { owner: 'p-sales-south-04', name: '卢伟', company: '南宁绿城农业科技有限公司', source: 'self_added', tags: ['农业'], addedDaysAgo: 18, story: 'late' },
  { owner: 'p-sales-south-04', name: '蒋小红', company: '海口椰风旅游有限公司', source: 'event', tags: [], addedDaysAgo: 72, story: 'dormant' },
  { owner: 'p-sales-south-06', name: '魏志刚', company: '汕头潮兴玩具有限公司', source: 'self_added', tags: ['玩具'], addedDaysAgo: 38, story: 'regular' },
  { owner: 'p-sales-south-06', name: '钟丽萍', company: '珠海格林环保科技有限公司', source: 'referral', tags: ['环保'], addedDaysAgo: 4, story: 'fresh' },
  // 客户服务部
  { owner: 'p-service-02', name: '许文涛', company: '杭州西子电梯配件有限公司', source: 'customer_added', tags: ['售后', '重点客户'], addedDaysAgo: 50, story: 'complaint' },
  { owner: 'p-service-02', name: '田秀兰', company: '上海康宁医疗器械有限公司', source: 'referral', tags: ['售后'], addedDaysAgo: 40, story: 'regular' },
  { owner: 'p-service-02', name: '姜涛', company: null, source: 'self_added', tags: [], addedDaysAgo: 12, story: 'late' },
  { owner: 'p-service-03', name: '任晓东', company: '苏州工业园区创新科技有限公司', source: 'customer_added', tags: ['售后'], addedDaysAgo: 58, story: 'regular' },
  { owner: 'p-service-03', name: '段丽娟', company: '无锡太湖旅游发展有限公司', source: 'other', tags: [], addedDaysAgo: 20, story: 'late' },
  // 市场部
  { owner: 'p-marketing-03', name: '方志远', company: '上海蓝海广告有限公司', source: 'event', tags: ['媒体合作'], addedDaysAgo: 30, story: 'regular' },
  { owner: 'p-marketing-03', name: '白雪梅', company: '杭州之江会展服务有限公司', source: 'referral', tags: ['会展', '活动'], addedDaysAgo: 14, story: 'fresh' },
]

interface CustomerFile {
  customer: CustomerDoc
  contacts: ContactDoc[]
  followUps: FollowUpDoc[]
  feedback: FeedbackDoc[]
}

/** Distinct numbers per customer: an owner cannot file the same phone twice. */
function phoneFor(n: number): string {
  return `137${String(30_000_000 + n * 65_537).slice(-8)}`
}

/**
 * One customer with its history. Events of a customer happen in the order listed, a few
 * minutes apart on the same day, starting at a time that differs from customer to customer.
 */
function buildCustomer(row: CustomerRow, index: number, clock: Clock): CustomerFile {
  const n = index + 1
  const id = `demo-cust-${pad(n)}`
  const owner = person(row.owner)
  const added = -row.addedDaysAgo
  const firstMinute = 30 + ((index * 23) % 300)
  const when = (day: number, step: number) => {
    const minutes = firstMinute + Math.round(step * 20)
    return clock.at(day, `${pad(9 + Math.floor(minutes / 60))}:${pad(minutes % 60)}`)
  }
  const createdAt = when(added, 0)
  const contacts: ContactDoc[] = []
  const followUps: FollowUpDoc[] = []
  const feedbackDocs: FeedbackDoc[] = []
  const base = { customerId: id, ownerId: owner.id, departmentId: owner.departmentId }
  stories[row.story](added, index, row).forEach((event, k) => {
    const step = k + 1
    switch (event.kind) {
      case 'contact':
        contacts.push({
          _id: `demo-contact-${pad(n)}-${contacts.length + 1}`,
          ...base,
          byName: owner.name,
          on: clock.day(event.day),
          channel: event.channel,
          summary: event.summary,
          nextStep: event.nextStep,
          createdAt: when(event.day, step),
        })
        break
      case 'followUp': {
        const plannedAt = when(event.plannedDay, step)
        // Half a step: on a day with more to log, the follow-up is closed just before the next entry.
        const closedAt = event.close ? when(event.close.day, step + 0.5) : null
        const isDone = event.close?.outcome === 'done'
        followUps.push({
          _id: `demo-fu-${pad(n)}-${followUps.length + 1}`,
          ...base,
          dueOn: clock.day(event.dueDay),
          what: event.what,
          status: event.close ? event.close.outcome : 'planned',
          plannedById: owner.id,
          plannedByName: owner.name,
          plannedAt,
          doneAt: isDone ? closedAt : null,
          cancelledAt: event.close && !isDone ? closedAt : null,
          closedAt,
          closedByName: event.close ? owner.name : null,
          onTime: isDone && closedAt ? doneOnTime(clock.day(event.dueDay), closedAt) : null,
          note: event.close?.note ?? null,
          updatedAt: closedAt ?? plannedAt,
        })
        break
      }
      case 'feedback':
        feedbackDocs.push({
          _id: `demo-fb-${pad(n)}-${feedbackDocs.length + 1}`,
          ...base,
          byName: owner.name,
          on: clock.day(event.day),
          satisfaction: event.satisfaction,
          complaint: event.complaint,
          content: event.content,
          createdAt: when(event.day, step),
        })
        break
    }
  })
  const open = followUps.filter((f) => f.status === 'planned')
  const contactDays = contacts.map((c) => c.on).sort()
  const customer: CustomerDoc = {
    _id: id,
    name: row.name,
    company: row.company,
    phone: row.noPhone ? null : phoneFor(n),
    source: row.source,
    tags: row.tags,
    ownerId: owner.id,
    departmentId: owner.departmentId,
    addedById: owner.id,
    addedByName: owner.name,
    consentAt: createdAt,
    contactCount: contacts.length,
    lastContactOn: contactDays[contactDays.length - 1] ?? null,
    openFollowUps: open.length,
    nextFollowUpOn: earliestDue(open.map((f) => f.dueOn)),
    followUpsOnTime: followUps.filter((f) => f.status === 'done' && f.onTime).length,
    followUpsLate: followUps.filter((f) => f.status === 'done' && !f.onTime).length,
    feedbackCount: feedbackDocs.length,
    satisfactionSum: feedbackDocs.reduce((sum, f) => sum + f.satisfaction, 0),
    complaintCount: feedbackDocs.filter((f) => f.complaint).length,
    createdAt,
    updatedAt: later(createdAt, ...contacts.map((c) => c.createdAt), ...followUps.map((f) => f.updatedAt), ...feedbackDocs.map((f) => f.createdAt)),
  }
  return { customer, contacts, followUps, feedback: feedbackDocs }
}

// ---------------------------------------------------------------- tasks

type TaskStep =
  | { kind: 'progress'; day: number; by: string; progress: number; note: string }
  | { kind: 'due'; day: number; toDay: number }
  | { kind: 'complete'; day: number; by: string; note?: string }
  | { kind: 'cancel'; day: number; reason: string }

interface TaskRow {
  title: string
  details: string
  creator: string
  assignees: string[]
  /** One lead per department; required once the assignees span departments. */
  owners?: string[]
  createdDay: number
  dueDay: number
  steps?: TaskStep[]
}

/**
 * Due dates are never set in the past, as task.create and task.changeDue refuse that; only
 * 收集客户对新版报价单的意见 is still open after its due date.
 */
const taskTable: TaskRow[] = [
  {
    title: '整理第四季度华东重点客户名单',
    details: '按成交金额和合作年限整理名单，标出下季度需要重点拜访的客户。',
    creator: 'p-sales-east-01',
    assignees: ['p-sales-east-02', 'p-sales-east-03'],
    createdDay: -2,
    dueDay: 5,
  },
  {
    title: '更新朋友圈素材库目录',
    details: '把本月审核通过的素材按产品线归类，过期活动的素材移到历史目录。',
    creator: 'p-marketing-01',
    assignees: ['p-marketing-02'],
    createdDay: -1,
    dueDay: 1,
  },
  {
    title: '提交本周客户拜访计划',
    details: '写明拜访对象、时间和目的，周五下班前提交。',
    creator: 'p-sales-south-01',
    assignees: ['p-sales-south-02', 'p-sales-south-03'],
    createdDay: -3,
    dueDay: 0,
  },
  {
    title: '华南区经销商年度回访',
    details: '逐一回访华南区经销商，记录今年合作中的问题和明年的进货意向。',
    creator: 'p-sales-south-01',
    assignees: ['p-sales-south-04', 'p-sales-south-06'],
    createdDay: -12,
    dueDay: 8,
    steps: [
      { kind: 'progress', day: -8, by: 'p-sales-south-04', progress: 30, note: '已回访广州、佛山的6家经销商' },
      { kind: 'progress', day: -3, by: 'p-sales-south-06', progress: 60, note: '深圳、东莞片区回访完成，问题清单已汇总' },
    ],
  },
  {
    title: '客服话术手册修订',
    details: '结合近期投诉情况补充发货延误、退换货两类场景的标准回复。',
    creator: 'p-service-01',
    assignees: ['p-service-03', 'p-service-04'],
    createdDay: -20,
    dueDay: -2,
    steps: [
      { kind: 'progress', day: -10, by: 'p-service-03', progress: 40, note: '发货延误场景的回复已写好初稿' },
      { kind: 'due', day: -4, toDay: 6 },
      { kind: 'progress', day: -1, by: 'p-service-04', progress: 70, note: '退换货部分完成，等法务看一下措辞' },
    ],
  },
  {
    title: '收集客户对新版报价单的意见',
    details: '每人至少联系5位老客户，问清楚新版报价单哪里看不明白。',
    creator: 'p-sales-east-01',
    assignees: ['p-sales-east-04'],
    createdDay: -15,
    dueDay: -3,
    steps: [{ kind: 'progress', day: -9, by: 'p-sales-east-04', progress: 50, note: '已联系3位客户，主要意见是运费说明不清楚' }],
  },
  {
    title: '双十二联合促销活动筹备',
    details: '市场部出活动方案和物料，华东、华南销售部各自确认参与客户名单和库存。',
    creator: DEMO_ADMIN_ID,
    assignees: ['p-marketing-03', 'p-marketing-04', 'p-sales-east-06', 'p-sales-south-07'],
    owners: ['p-marketing-03', 'p-sales-east-06', 'p-sales-south-07'],
    createdDay: -10,
    dueDay: 10,
    steps: [
      { kind: 'progress', day: -7, by: 'p-marketing-03', progress: 20, note: '活动方案初稿已发群里讨论' },
      { kind: 'progress', day: -2, by: 'p-sales-east-06', progress: 45, note: '华东区参与客户名单已确认，共18家' },
    ],
  },
  {
    title: '客户投诉处理流程梳理',
    details: '客户服务部梳理投诉从登记到回访的各环节，行政部负责把流程写进制度附件。',
    creator: 'p-service-01',
    assignees: ['p-service-05', 'p-service-02', 'p-admin-03'],
    owners: ['p-service-05', 'p-admin-03'],
    createdDay: -4,
    dueDay: 12,
  },
  {
    title: '九月客户满意度回访',
    details: '回访九月下单的客户，每位记录满意度和意见。',
    creator: 'p-service-01',
    assignees: ['p-service-02', 'p-service-06'],
    createdDay: -45,
    dueDay: -35,
    steps: [
      { kind: 'progress', day: -40, by: 'p-service-06', progress: 50, note: '已回访一半客户' },
      { kind: 'complete', day: -36, by: 'p-service-02', note: '共回访42位客户，满意度汇总已发邮件' },
    ],
  },
  {
    title: '整理国庆活动客户名单',
    details: '把国庆活动中留了联系方式的客户整理成表，分给对应销售跟进。',
    creator: 'p-sales-east-01',
    assignees: ['p-sales-east-08'],
    createdDay: -60,
    dueDay: -52,
    steps: [{ kind: 'complete', day: -53, by: 'p-sales-east-08', note: '共整理客户63位，已按区域分配' }],
  },
  {
    title: '更新华南区客户联系人信息',
    details: '核对客户档案里的联系人和电话，离职或换岗的及时更新。',
    creator: 'p-sales-south-01',
    assignees: ['p-sales-south-05'],
    createdDay: -30,
    dueDay: -22,
    steps: [
      { kind: 'progress', day: -24, by: 'p-sales-south-05', progress: 60, note: '大部分已核对，还有几家联系不上' },
      { kind: 'complete', day: -19, by: 'p-sales-south-05', note: '剩下的客户补打了电话，全部更新完毕' },
    ],
  },
  {
    title: '制作新品介绍长图',
    details: '按新品资料做一张适合手机阅读的介绍长图，提交素材审核。',
    creator: 'p-marketing-01',
    assignees: ['p-marketing-05', 'p-marketing-06'],
    createdDay: -25,
    dueDay: -18,
    steps: [{ kind: 'complete', day: -16, by: 'p-marketing-05', note: '设计改了两稿，比计划晚两天完成' }],
  },
  {
    title: '业务微信头像昵称统一检查',
    details: '各部门检查本部门业务微信的头像、昵称和签名是否符合规范，不符合的当天改正。',
    creator: DEMO_ADMIN_ID,
    assignees: ['p-admin-01', 'p-sales-east-01', 'p-sales-south-01'],
    owners: ['p-admin-01', 'p-sales-east-01', 'p-sales-south-01'],
    createdDay: -50,
    dueDay: -40,
    steps: [
      { kind: 'progress', day: -45, by: 'p-sales-east-01', progress: 50, note: '华东销售部已全部检查，2人已改正' },
      { kind: 'complete', day: -41, by: 'p-admin-01', note: '各部门均已检查完毕' },
    ],
  },
  {
    title: '筹备线下客户沙龙',
    details: '预计邀请30位客户，需要确定场地、议程和伴手礼。',
    creator: 'p-marketing-01',
    assignees: ['p-marketing-04'],
    createdDay: -18,
    dueDay: -5,
    steps: [{ kind: 'cancel', day: -10, reason: '场地没有落实，活动改到明年一季度' }],
  },
  {
    title: '月度业务微信使用情况汇总',
    details: '汇总本月各部门账号数量、异常情况和安全自查完成率。',
    creator: 'p-admin-01',
    assignees: ['p-admin-03'],
    createdDay: -1,
    dueDay: 6,
  },
]

const STEP_TIMES = ['10:15', '11:40', '14:20', '15:50', '17:05']

/** A task as task.create leaves it, then each step applied as the progress actions apply it. */
function buildTask(row: TaskRow, index: number, clock: Clock): TaskDoc {
  const creator = person(row.creator)
  const assignees = row.assignees.map(person)
  const plan = planAssignment(
    row.assignees,
    assignees.map((p) => ({ ...p, status: 'active' as const })),
    (row.owners ?? []).map((id) => ({ personId: id, departmentId: person(id).departmentId })),
  )
  if (!plan.ok) throw new Error(`demo task ${row.title}: ${plan.refusal}`)
  const createdAt = clock.at(row.createdDay, '09:30')
  const dueOn = clock.day(row.dueDay)
  let doc: TaskDoc = {
    _id: `demo-task-${pad(index + 1)}`,
    title: row.title,
    details: row.details,
    creatorId: creator.id,
    creatorName: creator.name,
    creatorDepartmentId: creator.departmentId,
    assigneeIds: [...row.assignees],
    assignees: assignees.map((p) => ({ personId: p.id, name: p.name, departmentId: p.departmentId })),
    departmentIds: plan.departmentIds,
    owners: plan.owners,
    dueOn,
    status: 'open',
    progress: 0,
    doneAt: null,
    onTime: null,
    cancelledAt: null,
    cancelReason: null,
    history: [{ at: createdAt, actorId: creator.id, actorName: creator.name, kind: 'create', progress: null, note: null, fromDueOn: null, toDueOn: dueOn }],
    historyCount: 1,
    revision: 0,
    createdAt,
    updatedAt: createdAt,
  }
  ;(row.steps ?? []).forEach((step, k) => {
    const at = clock.at(step.day, pick(STEP_TIMES, index + k))
    const actor = person(step.kind === 'progress' || step.kind === 'complete' ? step.by : row.creator)
    const entry = (fields: Omit<StoredHistoryEntry, 'at' | 'actorId' | 'actorName'>): StoredHistoryEntry => ({ at, actorId: actor.id, actorName: actor.name, ...fields })
    const none = { progress: null, note: null, fromDueOn: null, toDueOn: null }
    let change: Partial<TaskDoc>
    let logged: StoredHistoryEntry
    switch (step.kind) {
      case 'progress':
        change = { status: 'in_progress', progress: step.progress }
        logged = entry({ ...none, kind: 'progress', progress: step.progress, note: step.note })
        break
      case 'due':
        change = { dueOn: clock.day(step.toDay) }
        logged = entry({ ...none, kind: 'due', fromDueOn: doc.dueOn, toDueOn: clock.day(step.toDay) })
        break
      case 'complete':
        change = { status: 'done', progress: 100, doneAt: at, onTime: completedOnTime(doc.dueOn, at) }
        logged = entry({ ...none, kind: 'complete', progress: 100, note: step.note ?? null })
        break
      case 'cancel':
        change = { status: 'cancelled', cancelledAt: at, cancelReason: step.reason }
        logged = entry({ ...none, kind: 'cancel', note: step.reason })
        break
    }
    doc = { ...doc, ...change, history: [...doc.history, logged], historyCount: doc.historyCount + 1, revision: doc.revision + 1, updatedAt: at }
  })
  return doc
}

// ---------------------------------------------------------------- archives

interface ArchiveRow {
  owner: string
  category: ArchiveCategory
  title: string
  description?: string
  location: ArchiveLocation
  locationNote: string
  backedUpDay: number
  /** Registered on or after the day of the backup. */
  createdDay: number
  customerName?: string
}

const archiveTable: ArchiveRow[] = [
  { owner: 'p-sales-east-02', category: 'contract', title: '恒润机械设备采购合同（扫描件）', location: 'cloud', locationNote: '公司网盘/华东销售部/合同/2026', backedUpDay: -30, createdDay: -30, customerName: '苏州恒润机械有限公司' },
  { owner: 'p-sales-east-02', category: 'communication', title: '启明贸易微信聊天记录导出', description: '包含报价和交货期的往来记录', location: 'local', locationNote: '办公电脑D盘/客户沟通/启明贸易', backedUpDay: -58, createdDay: -57, customerName: '上海启明贸易有限公司' },
  { owner: 'p-sales-east-02', category: 'other', title: '客户名片电子版汇总', location: 'local', locationNote: '移动硬盘（编号HD-03）/名片', backedUpDay: -6, createdDay: -5 },
  { owner: 'p-sales-east-03', category: 'contract', title: '金陵酒店年度供货协议', location: 'cloud', locationNote: '公司网盘/华东销售部/合同/酒店客户', backedUpDay: -20, createdDay: -20, customerName: '南京金陵酒店管理有限公司' },
  { owner: 'p-sales-east-03', category: 'communication', title: '瑞丰纺织需求沟通纪要', location: 'cloud', locationNote: '公司网盘/华东销售部/沟通纪要', backedUpDay: -48, createdDay: -48, customerName: '常州瑞丰纺织有限公司' },
  { owner: 'p-sales-east-04', category: 'project', title: '新版报价单客户意见收集表', location: 'cloud', locationNote: '公司网盘/华东销售部/报价单反馈', backedUpDay: -9, createdDay: -9 },
  { owner: 'p-sales-east-06', category: 'project', title: '双十二活动华东区客户名单', location: 'cloud', locationNote: '公司网盘/活动/双十二/华东', backedUpDay: -2, createdDay: -2 },
  { owner: 'p-sales-east-06', category: 'communication', title: '精工模具微信沟通截图', location: 'local', locationNote: '办公电脑E盘/客户资料/精工模具', backedUpDay: -62, createdDay: -60, customerName: '昆山精工模具有限公司' },
  { owner: 'p-sales-east-01', category: 'notice', title: '华东销售部十月工作安排通知', location: 'cloud', locationNote: '公司网盘/华东销售部/部门通知', backedUpDay: -55, createdDay: -55 },
  { owner: 'p-sales-south-02', category: 'contract', title: '穗丰食品框架合作协议', location: 'cloud', locationNote: '公司网盘/华南销售部/合同/2026', backedUpDay: -50, createdDay: -49, customerName: '广州穗丰食品有限公司' },
  { owner: 'p-sales-south-02', category: 'communication', title: '鹏程电子样品测试沟通记录', location: 'local', locationNote: '办公电脑D盘/客户沟通/鹏程电子', backedUpDay: -1, createdDay: -1, customerName: '深圳鹏程电子有限公司' },
  { owner: 'p-sales-south-03', category: 'project', title: '深圳展会客户登记表', description: '展会三天收集的客户信息，已按意向程度分级', location: 'cloud', locationNote: '公司网盘/华南销售部/展会/深圳', backedUpDay: -40, createdDay: -39 },
  { owner: 'p-sales-south-03', category: 'contract', title: '海洋科技设备维保合同', location: 'local', locationNote: '移动硬盘（编号HD-07）/合同', backedUpDay: -14, createdDay: -13, customerName: '珠海海洋科技有限公司' },
  { owner: 'p-sales-south-04', category: 'communication', title: '嘉禾茶业报价往来邮件', location: 'cloud', locationNote: '公司邮箱归档/华南/嘉禾茶业', backedUpDay: -44, createdDay: -44, customerName: '厦门嘉禾茶业有限公司' },
  { owner: 'p-sales-south-04', category: 'project', title: '华南经销商回访问题清单', location: 'cloud', locationNote: '公司网盘/华南销售部/经销商回访', backedUpDay: -3, createdDay: -3 },
  { owner: 'p-sales-south-06', category: 'other', title: '潮兴玩具样品照片', location: 'local', locationNote: '办公电脑D盘/样品照片', backedUpDay: -30, createdDay: -29, customerName: '汕头潮兴玩具有限公司' },
  { owner: 'p-sales-south-01', category: 'notice', title: '华南区价格调整说明', location: 'cloud', locationNote: '公司网盘/华南销售部/部门通知', backedUpDay: -75, createdDay: -75 },
  { owner: 'p-service-02', category: 'communication', title: '西子电梯配件投诉处理记录', description: '投诉内容、处理过程和补偿方案', location: 'cloud', locationNote: '公司网盘/客户服务部/投诉处理/2026', backedUpDay: -18, createdDay: -18, customerName: '杭州西子电梯配件有限公司' },
  { owner: 'p-service-02', category: 'project', title: '九月满意度回访汇总', location: 'cloud', locationNote: '公司网盘/客户服务部/满意度回访', backedUpDay: -36, createdDay: -35 },
  { owner: 'p-service-03', category: 'communication', title: '康宁医疗器械售后沟通记录', location: 'local', locationNote: '办公电脑D盘/售后记录', backedUpDay: -52, createdDay: -52, customerName: '上海康宁医疗器械有限公司' },
  { owner: 'p-service-03', category: 'other', title: '客服话术手册修订稿', location: 'cloud', locationNote: '公司网盘/客户服务部/话术手册', backedUpDay: -10, createdDay: -10 },
  { owner: 'p-service-01', category: 'notice', title: '客户服务部值班安排', location: 'cloud', locationNote: '公司网盘/客户服务部/值班表', backedUpDay: -80, createdDay: -80 },
  { owner: 'p-service-04', category: 'communication', title: '退换货咨询聊天记录导出', location: 'local', locationNote: '移动硬盘（编号HD-05）/聊天记录', backedUpDay: -25, createdDay: -24 },
  { owner: 'p-marketing-02', category: 'project', title: '冬季新品推广素材包', location: 'cloud', locationNote: '公司网盘/市场部/素材库/冬季新品', backedUpDay: -27, createdDay: -26 },
  { owner: 'p-marketing-02', category: 'other', title: '新品体验官群成员名单', location: 'local', locationNote: '办公电脑D盘/群管理', backedUpDay: -65, createdDay: -65 },
  { owner: 'p-marketing-04', category: 'project', title: '双十二联合促销活动方案', location: 'cloud', locationNote: '公司网盘/市场部/活动方案/双十二', backedUpDay: -7, createdDay: -7 },
  { owner: 'p-marketing-01', category: 'notice', title: '市场部素材审核要求说明', location: 'cloud', locationNote: '公司网盘/市场部/制度', backedUpDay: -70, createdDay: -70 },
  { owner: 'p-admin-03', category: 'notice', title: '业务微信头像昵称规范通知', location: 'cloud', locationNote: '公司网盘/行政部/通知公告', backedUpDay: -47, createdDay: -47 },
  { owner: 'p-admin-03', category: 'contract', title: '办公设备租赁合同', location: 'local', locationNote: '行政部文件柜电子版/合同', backedUpDay: -15, createdDay: -14 },
  { owner: 'p-admin-01', category: 'other', title: '业务微信账号登记表', location: 'cloud', locationNote: '公司网盘/行政部/账号管理', backedUpDay: -33, createdDay: -33 },
]

function buildArchiveRecord(row: ArchiveRow, index: number, clock: Clock): ArchiveRecordDoc {
  const owner = person(row.owner)
  const createdAt = clock.at(row.createdDay, pick(['10:05', '11:30', '15:10', '16:40', '17:20'], index))
  return {
    _id: `demo-archive-${pad(index + 1)}`,
    ownerId: owner.id,
    ownerName: owner.name,
    departmentId: owner.departmentId,
    category: row.category,
    title: row.title,
    description: row.description ?? null,
    location: row.location,
    locationNote: row.locationNote,
    backedUpOn: clock.day(row.backedUpDay),
    customerName: row.customerName ?? null,
    createdAt,
    createdMonth: shanghaiMonth(createdAt),
    updatedAt: createdAt,
    revision: 0,
  }
}

/** Last month: everyone but these confirmed. */
const missedLastMonth = new Set(['p-sales-east-09', 'p-sales-south-07', 'p-service-06', 'p-marketing-05'])

/** Duties left undone, each with the reason the confirmation then requires. */
const undone: Record<string, { classified?: false; cleaned?: false; backedUp?: false; note: string }> = {
  'p-sales-east-05': { cleaned: false, note: '聊天记录太多，过期群聊下周再清理' },
  'p-sales-south-05': { backedUp: false, note: '移动硬盘送修，修好后补备份' },
  'p-marketing-06': { classified: false, note: '新品素材还没定稿，暂不归类' },
}

/** This month so far: who has confirmed and on which day of the month. */
const confirmedThisMonth: Array<[personId: string, day: number]> = [
  ['p-admin-02', 2],
  ['p-admin-03', 3],
  ['p-sales-east-02', 5],
  ['p-sales-east-06', 8],
  ['p-sales-south-02', 10],
  ['p-service-01', 12],
  ['p-service-03', 15],
  ['p-marketing-01', 20],
]

const undoneThisMonth: typeof undone = {
  'p-service-03': { backedUp: false, note: '新电脑还没装网盘客户端，下周补备份' },
}

function buildConfirmation(personId: string, month: string, confirmedAt: Date, gaps: (typeof undone)[string] | undefined): ArchiveConfirmationDoc {
  const who = person(personId)
  const answers = { classified: gaps?.classified ?? true, cleaned: gaps?.cleaned ?? true, backedUp: gaps?.backedUp ?? true }
  return {
    _id: confirmationId(who.id, month),
    personId: who.id,
    departmentId: who.departmentId,
    month,
    ...answers,
    complete: monthlyComplete(answers),
    note: gaps?.note ?? null,
    confirmedAt,
    updatedAt: confirmedAt,
    onTime: shanghaiDate(confirmedAt) <= confirmationDueOn(month, defaultArchiveSettings.confirmDueDay),
  }
}

function buildConfirmations(clock: Clock): ArchiveConfirmationDoc[] {
  const thisMonth = shanghaiMonth(clock.now)
  const lastMonth = shiftMonth(thisMonth, -1)
  const dayOfMonth = Number(clock.today.slice(8, 10))
  const previous = demoPeople
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => !missedLastMonth.has(p.id))
    // Days 17 to 28 of the month: most before the 25th, a few after it (late).
    .map(({ p, i }) => buildConfirmation(p.id, lastMonth, clock.atDate(`${lastMonth}-${pad(17 + ((i * 5) % 12))}`, pick(['09:20', '14:45', '17:30'], i)), undone[p.id]))
  const current = confirmedThisMonth.map(([id, day]) =>
    buildConfirmation(id, thisMonth, clock.atDate(`${thisMonth}-${pad(Math.min(day, dayOfMonth))}`, '16:10'), undoneThisMonth[id]),
  )
  return [...previous, ...current]
}

// ---------------------------------------------------------------- business groups

/** A day offset, or whole months back for groups older than a quarter. */
type When = number | { monthsAgo: number }

interface GroupRow {
  name: string
  purpose: string | null
  owner: string
  /** Who registered it, when not the owner (a head for their employee). */
  createdBy?: string
  relatedTo: string | null
  memberCount: number
  created: When
  reviews?: Array<{ on: When; by: string; stillNeeded?: boolean; membersRelevant?: boolean; note?: string }>
  dissolved?: { day: number; by: string; note: string }
}

/**
 * Two groups need attention: one registered without a purpose, one last reviewed four months
 * ago. The rest are fine today, as a well-kept department's list would be.
 */
const groupTable: GroupRow[] = [
  {
    name: '华东重点客户交流群',
    purpose: '给华东区重点客户同步新品、交期和售后通知',
    owner: 'p-sales-east-02',
    relatedTo: '华东重点客户',
    memberCount: 36,
    created: -70,
    reviews: [{ on: -5, by: 'p-sales-east-01', note: '成员都是在合作客户' }],
  },
  {
    name: '恒润机械项目对接群',
    purpose: '设备改造项目的技术和商务对接',
    owner: 'p-sales-east-03',
    createdBy: 'p-sales-east-01',
    relatedTo: '苏州恒润机械有限公司',
    memberCount: 8,
    created: -40,
  },
  {
    name: '华南经销商通知群',
    purpose: '发布华南区价格调整、促销政策和发货安排',
    owner: 'p-sales-south-02',
    relatedTo: '华南区经销商',
    memberCount: 120,
    created: -150,
    reviews: [
      { on: -95, by: 'p-sales-south-01' },
      { on: -10, by: 'p-sales-south-01', note: '清理了3位已不合作的经销商' },
    ],
  },
  {
    name: '深圳展会意向客户群',
    purpose: '展会后跟进有采购意向的客户',
    owner: 'p-sales-south-03',
    relatedTo: '深圳展会',
    memberCount: 45,
    created: -25,
  },
  {
    name: '售后服务答疑群',
    purpose: '解答客户使用和报修问题，发布维保通知',
    owner: 'p-service-02',
    relatedTo: '售后客户',
    memberCount: 210,
    created: -200,
    reviews: [
      { on: -110, by: 'p-service-01' },
      { on: -20, by: 'p-service-01', note: '群仍然活跃，每周都有报修' },
    ],
  },
  {
    name: '新品体验官群',
    purpose: '邀请老客户试用新品并收集反馈',
    owner: 'p-marketing-02',
    relatedTo: '冬季新品试用',
    memberCount: 58,
    created: -60,
    reviews: [{ on: -8, by: 'p-marketing-01' }],
  },
  {
    name: '办公设备供应商对接群',
    purpose: '与办公设备租赁供应商沟通报修和对账',
    owner: 'p-admin-03',
    relatedTo: '办公设备租赁',
    memberCount: 6,
    created: -30,
  },
  {
    name: '华南客户临时群',
    purpose: null,
    owner: 'p-sales-south-06',
    relatedTo: null,
    memberCount: 23,
    created: -15,
  },
  {
    name: '老客户回访群',
    purpose: '定期回访三年以上的老客户',
    owner: 'p-service-03',
    relatedTo: '老客户',
    memberCount: 80,
    created: { monthsAgo: 10 },
    reviews: [
      { on: { monthsAgo: 7 }, by: 'p-service-01' },
      { on: { monthsAgo: 4 }, by: 'p-service-01', note: '成员正常，继续保留' },
    ],
  },
  {
    name: '国庆促销活动群',
    purpose: '国庆期间促销活动的报名和咨询',
    owner: 'p-sales-east-06',
    relatedTo: '国庆促销',
    memberCount: 95,
    created: -80,
    reviews: [{ on: -20, by: 'p-sales-east-01', stillNeeded: false, note: '活动已结束' }],
    dissolved: { day: -18, by: 'p-sales-east-06', note: '活动结束，已在群里告知后解散' },
  },
]

function buildGroup(row: GroupRow, index: number, clock: Clock): GroupDoc {
  const dateOf = (when: When) => (typeof when === 'number' ? clock.day(when) : addMonths(clock.today, -when.monthsAgo))
  const owner = person(row.owner)
  const creator = person(row.createdBy ?? row.owner)
  const createdOn = dateOf(row.created)
  const createdAt = clock.atDate(createdOn, '10:30')
  const reviews: StoredGroupReview[] = (row.reviews ?? []).map((r) => {
    const by = person(r.by)
    return { at: clock.atDate(dateOf(r.on), '15:00'), byId: by.id, byName: by.name, stillNeeded: r.stillNeeded ?? true, membersRelevant: r.membersRelevant ?? true, note: r.note ?? null }
  })
  const last = reviews[reviews.length - 1]
  const lastReviewedOn = last ? shanghaiDate(last.at) : null
  const dissolvedAt = row.dissolved ? clock.at(row.dissolved.day, '11:00') : null
  return {
    _id: `demo-group-${pad(index + 1)}`,
    name: row.name,
    purpose: row.purpose,
    ownerId: owner.id,
    ownerName: owner.name,
    departmentId: owner.departmentId,
    relatedTo: row.relatedTo,
    memberCount: row.memberCount,
    status: row.dissolved ? 'dissolved' : 'active',
    createdAt,
    createdOn,
    createdById: creator.id,
    createdByName: creator.name,
    lastReviewedAt: last?.at ?? null,
    lastReviewedOn,
    lastReviewedByName: last?.byName ?? null,
    lastReviewStillNeeded: last?.stillNeeded ?? null,
    lastReviewMembersRelevant: last?.membersRelevant ?? null,
    reviewDueOn: groupReviewDueOn(createdOn, lastReviewedOn),
    reviews,
    dissolvedAt,
    dissolvedByName: row.dissolved ? person(row.dissolved.by).name : null,
    dissolveNote: row.dissolved?.note ?? null,
    updatedAt: later(createdAt, ...reviews.map((r) => r.at), ...(dissolvedAt ? [dissolvedAt] : [])),
  }
}

// ---------------------------------------------------------------- marketing material

interface PushRow {
  by: string
  day: number
  customers?: string[]
  /** Names of groups from the table above, which the pusher runs. */
  groups?: string[]
  note?: string
}

interface MarketingRow {
  title: string
  text: string
  author: string
  submittedDay: number
  decision?: { day: number; by: string; outcome: 'approved' | 'rejected'; comment?: string }
  withdrawnDay?: number
  pushes?: PushRow[]
}

/** The library's material is worded cleanly; the waiting and the rejected items carry what the check flags. */
const marketingTable: MarketingRow[] = [
  {
    title: '冬季节能净水器新品介绍',
    text: '冬季新品节能净水器上市啦！采用双级滤芯，出水更稳定，待机功耗比上一代降低三成。支持上门安装和定期滤芯更换服务，欢迎预约体验。',
    author: 'p-marketing-02',
    submittedDay: -28,
    decision: { day: -25, by: 'p-marketing-01', outcome: 'approved' },
    pushes: [
      { by: 'p-marketing-02', day: -18, groups: ['新品体验官群'], note: '群里同步发了产品图' },
      { by: 'p-sales-east-02', day: -16, customers: ['孙丽华', '郑晓燕'], groups: ['华东重点客户交流群'] },
    ],
  },
  {
    title: '2027春季新品发布会邀请函',
    text: '诚邀您参加我司2027春季新品发布会。现场将展示新一代商用净水和空气净化设备，并安排技术人员讲解选型要点。席位有限，请提前回复报名。',
    author: 'p-marketing-04',
    submittedDay: -14,
    decision: { day: -12, by: 'p-marketing-01', outcome: 'approved', comment: '可以发，记得附上报名方式' },
    pushes: [
      { by: 'p-marketing-04', day: -9, customers: ['上海蓝海广告有限公司', '杭州之江会展服务有限公司'] },
      { by: 'p-sales-south-02', day: -7, customers: ['梁少芬'], groups: ['华南经销商通知群'] },
      { by: 'p-sales-east-01', day: -6, customers: ['谢国华', '宋立新'], note: '顺便邀请参加年终答谢会' },
    ],
  },
  {
    title: '华东区年终客户答谢会',
    text: '感谢您一年来的支持！华东区年终客户答谢会将于12月中旬在上海举行，届时会回顾全年合作情况并介绍明年的服务安排，期待与您见面。',
    author: 'p-sales-east-03',
    submittedDay: -16,
    decision: { day: -14, by: 'p-sales-east-01', outcome: 'approved' },
    pushes: [{ by: 'p-sales-east-03', day: -12, customers: ['王海涛', '刘淑芬', '黄佳怡'] }],
  },
  {
    title: '售后服务流程与报修方式',
    text: '设备使用中遇到问题，可以在工作时间拨打客服电话或在本群留言报修。客服登记后会安排工程师联系您，维修完成后我们会回访确认。',
    author: 'p-service-03',
    submittedDay: -22,
    decision: { day: -20, by: 'p-service-01', outcome: 'approved' },
    pushes: [{ by: 'p-service-02', day: -10, groups: ['售后服务答疑群'] }],
  },
  {
    title: '商用净水设备选购小知识',
    text: '选购商用净水设备时，先看每日用水量和水质检测报告，再比较滤芯更换周期和售后网点。本期整理了餐饮、办公和学校三类场景的选型建议。',
    author: 'p-marketing-01',
    submittedDay: -5,
    decision: { day: -3, by: DEMO_ADMIN_ID, outcome: 'approved' },
  },
  {
    title: '双十二限时特惠',
    text: '双十二特惠来了！商用净水器全网最低价，原价3980元，活动价2680元，下单即送一年滤芯，安装后保证水质达标，名额有限先到先得。',
    author: 'p-sales-south-04',
    submittedDay: -1,
  },
  {
    title: '年底冲量返利政策',
    text: '年底前订货满20台返利8%，经销商稳赚不赔，多订多得，错过再等一年！',
    author: 'p-sales-south-03',
    submittedDay: -9,
    decision: { day: -8, by: 'p-sales-south-01', outcome: 'rejected', comment: '返利比例没有经过公司审批，“稳赚不赔”属于收益承诺，请删掉后重新提交' },
  },
  {
    title: '元旦采购预告',
    text: '元旦前下单的客户可优先安排安装档期，具体安排请联系对接销售。',
    author: 'p-sales-east-08',
    submittedDay: -4,
    withdrawnDay: -4,
  },
]

function buildMarketing(rows: MarketingRow[], groups: GroupDoc[], clock: Clock): { items: MarketingItemDoc[]; pushes: MarketingPushDoc[] } {
  const items: MarketingItemDoc[] = []
  const pushes: MarketingPushDoc[] = []
  rows.forEach((row, index) => {
    const author = person(row.author)
    const id = `demo-mkt-${pad(index + 1)}`
    const submittedAt = clock.at(row.submittedDay, '10:40')
    const reviewer = row.decision ? person(row.decision.by) : null
    const reviewedAt = row.decision ? clock.at(row.decision.day, '16:20') : null
    const withdrawnAt = row.withdrawnDay !== undefined ? clock.at(row.withdrawnDay, '17:10') : null
    const itemPushes = (row.pushes ?? []).map((p, k): MarketingPushDoc => {
      const by = person(p.by)
      const customers = p.customers ?? []
      const pushedTo = (p.groups ?? []).map((name) => {
        const group = groups.find((g) => g.name === name && g.ownerId === by.id && g.status === 'active')
        if (!group) throw new Error(`demo push by ${by.id} names ${name}, not an active group of theirs`)
        return group
      })
      return {
        _id: `demo-push-${pad(index + 1)}-${k + 1}`,
        itemId: id,
        itemTitle: row.title,
        byId: by.id,
        byName: by.name,
        departmentId: by.departmentId,
        at: clock.at(p.day, pick(['09:50', '14:30', '16:05'], k)),
        customers,
        groups: pushedTo.map((g) => ({ id: g._id, name: g.name })),
        count: customers.length + pushedTo.reduce((n, g) => n + g.memberCount, 0),
        note: p.note ?? null,
      }
    })
    pushes.push(...itemPushes)
    items.push({
      _id: id,
      title: row.title,
      text: row.text,
      images: [],
      // No terms are stored in a fresh company, so the built-in lists are the ones in force.
      flags: checkMarketingText(row.text, defaultMarketingTerms),
      authorId: author.id,
      authorName: author.name,
      departmentId: author.departmentId,
      status: row.decision ? row.decision.outcome : withdrawnAt ? 'withdrawn' : 'pending',
      submittedAt,
      reviewedAt,
      reviewerId: reviewer?.id ?? null,
      reviewerName: reviewer?.name ?? null,
      reviewComment: row.decision?.comment ?? null,
      withdrawnAt,
      pushCount: itemPushes.length,
      lastPushedAt: itemPushes.length > 0 ? later(...itemPushes.map((p) => p.at)) : null,
      // A push moves the counters only, not updatedAt (as marketing.recordPush writes it).
      updatedAt: reviewedAt ?? withdrawnAt ?? submittedAt,
    })
  })
  return { items, pushes }
}

// ---------------------------------------------------------------- spot checks

interface ScoreRow {
  /** Day of last month it was scored on. */
  day: number
  firstReplyMinutes: number | null
  rubric: Rubric
  notes: string
}

/** In drawing order: whoever the round drew gets the next row. */
const lastMonthScores: ScoreRow[] = [
  { day: 12, firstReplyMinutes: 8, rubric: { clarity: 5, courtesy: 5, infoHandling: 4 }, notes: '报价说明条理清楚，客户追问交货期时也给了明确答复' },
  { day: 13, firstReplyMinutes: 42, rubric: { clarity: 4, courtesy: 4, infoHandling: 3 }, notes: '午休后才回复客户询价，之后的沟通完整；客户合同照片未及时归档' },
  { day: 15, firstReplyMinutes: null, rubric: { clarity: 4, courtesy: 5, infoHandling: 4 }, notes: '抽查时段内没有客户主动来消息，只看了主动回访的记录，语气得体' },
  { day: 19, firstReplyMinutes: 15, rubric: { clarity: 3, courtesy: 4, infoHandling: 4 }, notes: '维修进度讲得有些含糊，建议按“问题-处理-时间”三段写清楚' },
]

interface RoundRow {
  id: string
  by: string
  departmentIds: string[]
  size: number
  seed: string
  createdAt: Date
  /** People drawn in earlier demo rounds, by the month they were drawn in. */
  lastChecked: ReadonlyMap<string, string>
}

/**
 * A round as spotCheck.startRound writes it: the candidates as they stood, the seed, and the
 * sample drawn from them, so the round's reproducibility check holds. Nobody checks themself.
 */
function buildRound(row: RoundRow): RoundDoc {
  const creator = person(row.by)
  const month = shanghaiMonth(row.createdAt)
  const candidates: SampleCandidate[] = demoPeople
    .filter((p) => row.departmentIds.includes(p.departmentId) && p.id !== creator.id)
    .map((p) => ({ personId: p.id, departmentId: p.departmentId, lastCheckedMonth: row.lastChecked.get(p.id) ?? null }))
  const settings = { size: row.size, excludeWithinMonths: DEFAULT_EXCLUDE_MONTHS, force: false, seed: row.seed, month }
  const sample = sampleForSpotCheck(candidates, settings)
  return {
    _id: row.id,
    createdBy: creator.id,
    createdByName: creator.name,
    departmentIds: [...row.departmentIds].sort(),
    ...settings,
    personIds: sample.personIds,
    candidates,
    allocation: sample.allocation,
    eligibleCount: sample.eligibleCount,
    excludedCount: sample.excludedIds.length,
    createdAt: row.createdAt,
  }
}

function pendingCheck(round: RoundDoc, personId: string): SpotCheckDoc {
  const checked = person(personId)
  return pendingSpotCheck(round, { _id: checked.id, name: checked.name, departmentId: checked.departmentId }, { _id: round.createdBy, name: round.createdByName })
}

/** Scored by the checker, as spotCheck.score writes it: final, counted in the month of scoring. */
function scoredCheck(round: RoundDoc, personId: string, score: ScoreRow, clock: Clock): SpotCheckDoc {
  const scoredAt = clock.atDate(`${round.month}-${pad(score.day)}`, '15:30')
  return {
    ...pendingCheck(round, personId),
    status: 'scored',
    month: shanghaiMonth(scoredAt),
    scoredAt,
    scoredBy: round.createdBy,
    scoredByName: round.createdByName,
    firstReplyMinutes: score.firstReplyMinutes,
    rubric: { ...score.rubric },
    rubricPercent: rubricPercentOf(score.rubric),
    notes: score.notes,
    updatedAt: scoredAt,
  }
}

/**
 * Last month the admin checked 华东销售部 and 客户服务部 and scored everyone drawn; this month
 * 华南销售部's head drew one person, not yet scored.
 */
function buildSpotChecks(clock: Clock): { rounds: RoundDoc[]; checks: SpotCheckDoc[] } {
  const thisMonth = shanghaiMonth(clock.now)
  const lastMonth = shiftMonth(thisMonth, -1)
  const done = buildRound({
    id: 'demo-round-01',
    by: DEMO_ADMIN_ID,
    departmentIds: ['dept-sales-east', 'dept-service'],
    size: lastMonthScores.length,
    seed: 'demo-round-last-month',
    createdAt: clock.atDate(`${lastMonth}-08`, '10:15'),
    lastChecked: new Map(),
  })
  const firstOfMonth = `${thisMonth}-01`
  const drawnOn = clock.day(-2) > firstOfMonth ? clock.day(-2) : firstOfMonth
  const waiting = buildRound({
    id: 'demo-round-02',
    by: 'p-sales-south-01',
    departmentIds: ['dept-sales-south'],
    size: 1,
    seed: 'demo-round-this-month',
    createdAt: clock.atDate(drawnOn, '09:20'),
    lastChecked: new Map(done.personIds.map((id) => [id, done.month])),
  })
  const scores = done.personIds.map((id, i) => scoredCheck(done, id, lastMonthScores[i % lastMonthScores.length]!, clock))
  return { rounds: [done, waiting], checks: [...scores, ...waiting.personIds.map((id) => pendingCheck(waiting, id))] }
}

// ---------------------------------------------------------------- violations

interface ViolationRow {
  personId: string
  by: string
  /** Days of last month. */
  occurredDay: number
  recordedDay: number
  sectionKey: string
  category: ViolationCategory
  severity: ViolationSeverity
  penalty: string
  description: string
  appeal?: { day: number; reason: string }
}

const violationTable: ViolationRow[] = [
  {
    personId: 'p-sales-east-03',
    by: 'p-sales-east-01',
    occurredDay: 14,
    recordedDay: 15,
    sectionKey: 'communication-manners',
    category: 'communication',
    severity: 'minor',
    penalty: '口头警告',
    description: '在华东重点客户交流群里和经销商为发货顺序争了起来，连发几条语气生硬的消息，群里其他客户都看到了。',
  },
  {
    personId: 'p-service-03',
    by: 'p-service-01',
    occurredDay: 18,
    recordedDay: 19,
    sectionKey: 'accounts-use',
    category: 'account',
    severity: 'major',
    penalty: '书面警告',
    description: '下班前把业务微信登录在前台的公用电脑上没有退出，第二天早上才由同事发现并退出。',
    appeal: { day: 21, reason: '当天电脑已锁屏，前台区域晚上也会上锁，没有其他人接触到账号，请考虑从轻处理。' },
  },
]

/**
 * Last month's violations, as violation.record (and violation.appeal) write them, citing the
 * version in force. Recorded and appealed within the month, so the appeal is inside its window.
 */
function buildViolations(clock: Clock): ViolationDoc[] {
  const lastMonth = shiftMonth(shanghaiMonth(clock.now), -1)
  return violationTable.map((row, index) => {
    const who = person(row.personId)
    const recorder = person(row.by)
    const clause = citeSection(demoPolicy, DEMO_POLICY_VERSION, row.sectionKey)
    if (!clause) throw new Error(`demo violation cites ${row.sectionKey}, not a section of the demo policy`)
    const occurredOn = `${lastMonth}-${pad(row.occurredDay)}`
    const recordedAt = clock.atDate(`${lastMonth}-${pad(row.recordedDay)}`, '17:30')
    const appealedAt = row.appeal ? clock.atDate(`${lastMonth}-${pad(row.appeal.day)}`, '11:05') : null
    return {
      _id: `demo-violation-${pad(index + 1)}`,
      personId: who.id,
      personName: who.name,
      departmentId: who.departmentId,
      month: lastMonth,
      occurredOn,
      clause,
      category: row.category,
      severity: row.severity,
      points: pointsFor(row.severity, undefined),
      penalty: row.penalty,
      description: row.description,
      status: row.appeal ? 'appealed' : 'recorded',
      recordedAt,
      recordedById: recorder.id,
      recordedByName: recorder.name,
      appealReason: row.appeal?.reason ?? null,
      appealedAt,
      decidedAt: null,
      decidedById: null,
      decidedByName: null,
      decisionComment: null,
      updatedAt: appealedAt ?? recordedAt,
    }
  })
}

// ---------------------------------------------------------------- writing

export interface DemoWorkCounts {
  customers: number
  contacts: number
  followUps: number
  feedback: number
  tasks: number
  archiveRecords: number
  confirmations: number
  marketingItems: number
  pushes: number
  groups: number
  spotCheckRounds: number
  spotChecks: number
  violations: number
}

async function addAll(db: Database, collection: string, docs: object[]): Promise<void> {
  if (docs.length > 0) await db.collection(collection).add({ data: docs as DocData[] })
}

/**
 * Adds the demo company's work records: customers with their history, tasks, archive records
 * and monthly confirmations, marketing material with pushes, business groups, spot-check
 * rounds with their checks, violations, and the company's self-introduction. Expects the company seeded by resetDemoCompany and the work
 * collections empty.
 */
export async function seedDemoWorkRecords(db: Database, now: Date = new Date()): Promise<DemoWorkCounts> {
  const clock = clockAt(now)
  const files = customerTable.map((row, i) => buildCustomer(row, i, clock))
  const tasks = taskTable.map((row, i) => buildTask(row, i, clock))
  const archives = archiveTable.map((row, i) => buildArchiveRecord(row, i, clock))
  const confirmations = buildConfirmations(clock)
  const groups = groupTable.map((row, i) => buildGroup(row, i, clock))
  const { items, pushes } = buildMarketing(marketingTable, groups, clock)
  const { rounds, checks } = buildSpotChecks(clock)
  const violations = buildViolations(clock)
  const admin = person(DEMO_ADMIN_ID)

  await db.collection(SETTINGS).add({
    data: {
      _id: SELF_INTRODUCTION_ID,
      // Parsed so that wording the app would not accept fails here rather than silently falling back to the default.
      template: selfIntroductionTemplateSchema.parse(demoSelfIntroduction),
      updatedAt: clock.at(-90, '09:00'),
      updatedById: admin.id,
      updatedByName: admin.name,
    },
  })
  await addAll(db, CUSTOMERS, files.map((f) => f.customer))
  await addAll(db, CUSTOMER_CONTACTS, files.flatMap((f) => f.contacts))
  await addAll(db, FOLLOW_UPS, files.flatMap((f) => f.followUps))
  await addAll(db, CUSTOMER_FEEDBACK, files.flatMap((f) => f.feedback))
  await addAll(db, TASKS, tasks)
  await addAll(db, ARCHIVE_RECORDS, archives)
  await addAll(db, ARCHIVE_CONFIRMATIONS, confirmations)
  await addAll(db, BUSINESS_GROUPS, groups)
  await addAll(db, MARKETING_ITEMS, items)
  await addAll(db, MARKETING_PUSHES, pushes)
  await addAll(db, SPOT_CHECK_ROUNDS, rounds)
  await addAll(db, SPOT_CHECKS, checks)
  await addAll(db, VIOLATIONS, violations)

  return {
    customers: files.length,
    contacts: files.reduce((n, f) => n + f.contacts.length, 0),
    followUps: files.reduce((n, f) => n + f.followUps.length, 0),
    feedback: files.reduce((n, f) => n + f.feedback.length, 0),
    tasks: tasks.length,
    archiveRecords: archives.length,
    confirmations: confirmations.length,
    marketingItems: items.length,
    pushes: pushes.length,
    groups: groups.length,
    spotCheckRounds: rounds.length,
    spotChecks: checks.length,
    violations: violations.length,
  }
}
