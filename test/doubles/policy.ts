import type {
  AckProgress,
  AckStatusRow,
  CurrentPolicy,
  PolicyComparison,
  PolicyDocument,
  PolicyQuiz,
  PolicyVersionDetail,
  PolicyVersionSummary,
} from '@contract'

/** 09:00 in Shanghai on the day version 2 took effect. */
export const PUBLISHED_AT = '2026-03-01T01:00:00.000Z'

export function policyDocument(overrides: Partial<PolicyDocument> = {}): PolicyDocument {
  return {
    title: '业务微信管理制度',
    chapters: [
      {
        key: 'general',
        title: '总则',
        sections: [
          { key: 'purpose', heading: '目的', clauses: ['规范公司业务微信的使用。', '保护客户信息安全。'] },
          { key: 'scope', heading: '适用范围', clauses: ['全体在职员工。'] },
        ],
      },
      {
        key: 'use',
        title: '日常使用',
        sections: [
          { key: 'add-customer', heading: '添加客户', clauses: ['只添加业务往来客户。', '不得向客户索要验证码。'] },
          { key: 'password', heading: '账号密码', clauses: ['每90天修改一次登录密码。'] },
        ],
      },
    ],
    ...overrides,
  }
}

export function policyQuiz(overrides: Partial<PolicyQuiz> = {}): PolicyQuiz {
  return {
    askCount: 3,
    questions: [
      { key: 'q-verify', prompt: '客户要验证码时应当？', options: ['直接发送', '拒绝并报告'], answer: 1, sectionKey: 'add-customer' },
      { key: 'q-password', prompt: '登录密码多久修改一次？', options: ['30天', '90天', '一年'], answer: 1, sectionKey: 'password' },
      { key: 'q-scope', prompt: '本制度适用于？', options: ['全体在职员工', '仅管理员'], answer: 0, sectionKey: 'scope' },
    ],
    ...overrides,
  }
}

export function policyVersion(overrides: Partial<PolicyVersionSummary> = {}): PolicyVersionSummary {
  return {
    id: 'policy-v2',
    status: 'published',
    number: 2,
    title: '业务微信管理制度',
    changeSummary: '新增添加客户的要求',
    effectiveFrom: '2026-03-01',
    ackWithinDays: 7,
    publishedAt: PUBLISHED_AT,
    publishedByName: '王五',
    inForce: true,
    upcoming: false,
    revision: 3,
    updatedAt: PUBLISHED_AT,
    sectionCount: 4,
    ...overrides,
  }
}

export function draftVersion(overrides: Partial<PolicyVersionSummary> = {}): PolicyVersionSummary {
  return policyVersion({
    id: 'policy-v3',
    status: 'draft',
    number: null,
    changeSummary: '',
    effectiveFrom: null,
    publishedAt: null,
    publishedByName: null,
    inForce: false,
    revision: 0,
    ...overrides,
  })
}

type InForce = NonNullable<CurrentPolicy['inForce']>

/** The version in force as a reader who has not acknowledged it yet gets it. */
export function currentPolicy(overrides: Partial<InForce> = {}, upcoming: PolicyVersionSummary | null = null): CurrentPolicy {
  const quiz = policyQuiz()
  return {
    inForce: {
      version: policyVersion(),
      document: policyDocument(),
      questions: quiz.questions.map(({ key, prompt, options }) => ({ key, prompt, options })),
      dueOn: '2026-03-08',
      overdue: false,
      acknowledgement: null,
      ...overrides,
    },
    upcoming,
  }
}

export function versionDetail(overrides: Partial<PolicyVersionDetail> = {}): PolicyVersionDetail {
  return { version: policyVersion(), document: policyDocument(), quiz: null, comparison: null, previousNumber: 1, ...overrides }
}

export function draftDetail(overrides: Partial<PolicyVersionDetail> = {}): PolicyVersionDetail {
  return { version: draftVersion(), document: policyDocument(), quiz: policyQuiz(), comparison: null, previousNumber: 2, ...overrides }
}

/** Version 2 against version 1: a chapter added, one section edited and renamed, one removed. */
export function policyComparison(): PolicyComparison {
  return {
    chapters: [
      {
        key: 'general',
        title: '总则',
        previousTitle: null,
        change: 'unchanged',
        sections: [
          { key: 'purpose', heading: '目的', previousHeading: null, change: 'unchanged', clauses: [{ text: '规范公司业务微信的使用。', change: 'unchanged' }] },
        ],
      },
      {
        key: 'use',
        title: '日常使用',
        previousTitle: '使用规范',
        change: 'changed',
        sections: [
          {
            key: 'add-customer',
            heading: '添加客户',
            previousHeading: '加好友',
            change: 'changed',
            clauses: [
              { text: '只添加业务往来客户。', change: 'unchanged' },
              { text: '可以添加任何人。', change: 'removed' },
              { text: '不得向客户索要验证码。', change: 'added' },
            ],
          },
          { key: 'groups', heading: '群聊', previousHeading: null, change: 'removed', clauses: [{ text: '不得拉客户进私人群。', change: 'removed' }] },
        ],
      },
      {
        key: 'security',
        title: '账号安全',
        previousTitle: null,
        change: 'added',
        sections: [{ key: 'password', heading: '账号密码', previousHeading: null, change: 'added', clauses: [{ text: '每90天修改一次登录密码。', change: 'added' }] }],
      },
    ],
    counts: { added: 1, removed: 1, changed: 1 },
  }
}

export function ackProgress(overrides: Partial<AckProgress> = {}): AckProgress {
  return {
    version: policyVersion(),
    dueOn: '2026-03-08',
    departments: [
      { departmentId: 'd-sales', departmentName: '销售部', staffCount: 10, acknowledgedCount: 6, overdueCount: 1, rate: 60 },
      { departmentId: 'd-admin', departmentName: '行政部', staffCount: 4, acknowledgedCount: 4, overdueCount: 0, rate: 100 },
    ],
    staffCount: 14,
    acknowledgedCount: 10,
    overdueCount: 1,
    rate: 71.4,
    ...overrides,
  }
}

export function ackStatusRow(overrides: Partial<AckStatusRow> = {}): AckStatusRow {
  return {
    personId: 'p-zhang',
    personName: '张三',
    departmentName: '销售部',
    acknowledgedAt: null,
    quizFailedAttempts: null,
    overdue: false,
    lastRemindedAt: null,
    ...overrides,
  }
}
