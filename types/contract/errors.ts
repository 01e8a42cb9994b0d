/**
 * Every refusal the backend can give, with the Chinese text users see.
 * The client shows `message` as sent, so wording lives here and nowhere else.
 */
export const errorMessages = {
  BAD_ACTION: '不支持的操作',
  BAD_INPUT: '提交的内容不符合要求',
  NOT_SIGNED_IN: '请先登录',
  NOT_BOUND: '你的微信尚未绑定员工身份',
  FORBIDDEN: '你没有权限进行此操作',
  OUT_OF_SCOPE: '只能处理本部门的事项',
  NOT_FOUND: '记录不存在或已被删除',
  CONFLICT: '记录已被他人处理，请刷新后重试',
  ALREADY_BOUND: '该员工已绑定其他微信',
  PHONE_NOT_IN_ROSTER: '该手机号不在公司花名册中，请联系行政部门',
  PHONE_UNAVAILABLE: '未能获取手机号，请重试',
  ROSTER_INVALID: '花名册有错误，未导入任何数据',
  DEPARTMENT_EXISTS: '部门已存在',
  PERSON_LEFT: '该员工已离职',
  INVALID_STATE: '当前状态不允许此操作，请刷新后查看',
  SELF_APPROVAL: '不能审批自己的申请',
  APPLICATION_OPEN: '你已有一份进行中的账号申请',
  ACCOUNT_ALREADY_HELD: '你已持有业务微信账号，无需重复申请',
  CONTACT_REASON_REQUIRED: '手机号或邮箱与花名册不一致，请填写修改原因',
  WECHAT_ID_TAKEN: '该微信号已登记在其他账号下',
  NOT_ACCOUNT_HOLDER: '只能为自己持有的账号操作',
  OCCURRED_IN_FUTURE: '发生时间不能晚于现在',
  ACCOUNT_NOT_SUSPENDABLE: '该账号当前状态无法停用',
  ACCOUNT_NOT_USABLE: '该账号已停用、注销或正在交接，不能委托代操作',
  DELEGATION_OVERLAP: '该账号在这段时间已有代操作安排',
  DELEGATE_INVALID: '代操作人须为在职的其他同事',
  PERIOD_INVALID: '代操作期间须从今天或以后开始，且不超过90天',
  HANDOVER_OPEN: '该账号已有进行中的交接',
  RECEIVER_INVALID: '接收人须为在职的其他同事',
  CHECKLIST_INCOMPLETE: '交接清单尚未全部完成',
  NOT_RESPONSIBLE: '此项应由其负责人勾选',
  DATE_IN_FUTURE: '日期不能晚于今天',
  POLICY_NOT_IN_FORCE: '该版本制度不是现行版本，请刷新后确认最新版本',
  QUIZ_INCOMPLETE: '请回答全部测验题后再提交',
  DRAFT_STALE: '草稿已被他人修改，请刷新后再编辑',
  QUIZ_SECTION_MISSING: '测验题关联的小节已不存在，请修改题目',
  EFFECTIVE_DATE_PAST: '生效日期不能早于今天',
  EFFECTIVE_BEFORE_PREVIOUS: '生效日期不能早于上一版本的生效日期',
  NO_RECIPIENTS: '没有符合条件的在职接收人',
  NOT_RECIPIENT: '你不是这条通知的接收人',
  ASSIGNEE_INVALID: '执行人须为在职员工',
  TASK_OWNERS_INVALID: '跨部门任务须为每个部门指定一名本部门的执行人牵头',
  DUE_DATE_PAST: '截止日期不能早于今天',
  CUSTOMER_DUPLICATE: '你的客户档案中已有该手机号的客户',
  FOLLOW_UP_DATE_INVALID: '跟进日期须在今天至一年以内',
  TOO_MANY_CUSTOMERS: '名下客户过多，无法随交接一次转交（上限400位客户、1000项待跟进），请联系技术支持分批处理',
  MARKETING_NOT_APPROVED: '只能推送审核通过的素材',
  GROUP_OWNER_INVALID: '群负责人须为本部门在职员工',
  PUSH_GROUP_INVALID: '所选的群不存在、已解散或不归你管理',
  VIOLATION_CLAUSE_INVALID: '所选条款不在现行制度中，请刷新后重新选择',
  ALREADY_APPEALED: '该违规记录已申诉过，每条记录只能申诉一次',
  APPEAL_WINDOW_CLOSED: '已超过申诉期限（记录后15天内）',
  RULES_STALE: '考核规则已被他人修改，请载入最新规则后再编辑',
  RULES_UNCHANGED: '考核规则没有改动，无需保存',
  NO_SPOT_CHECK_CANDIDATES: '没有可抽查的人员（近期已被抽查的人员会被跳过）',
  MONTH_PUBLISHED: '该月考核结果已发布，不能重新计算',
  MONTH_NOT_ASSESSABLE: '只能计算已结束的月份，或预览本月',
  ASSESSMENT_NOT_READY: '该月尚无月末后完成的计算，暂不能发布',
  RESULT_ALREADY_APPEALED: '该月考核结果已申诉过，每月只能申诉一次',
  INTERNAL: '系统繁忙，请稍后重试',
} as const

export type ErrorCode = keyof typeof errorMessages

export const errorCodes = Object.keys(errorMessages) as ErrorCode[]

export interface ActionError {
  code: ErrorCode
  message: string
  /** Field-level or row-level detail, e.g. zod issues or roster row errors. */
  details?: unknown
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ActionError }

export function failure(code: ErrorCode, details?: unknown, message?: string): { ok: false; error: ActionError } {
  return { ok: false, error: { code, message: message ?? errorMessages[code], ...(details === undefined ? {} : { details }) } }
}
