import { fireEvent, render, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages } from '@contract'
import AssessmentRulesPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, head } from '../../../../test/doubles/people'
import { defaultVersion, ruleVersion, versionPage } from '../../../../test/doubles/assessment-rules'
import { byId, control, errorText, renderPagesAsH5, shown, type } from '../../../../test/doubles/screen'

function backend(handlers: Record<string, Handler> = {}, viewer = admin) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'assessment.getRules': () => ok(defaultVersion()),
    'assessment.listRuleVersions': ({ page, pageSize }) => ok(versionPage([defaultVersion()], 1, page, pageSize)),
    'assessment.saveRules': ({ baseVersion, note, ...rules }) =>
      ok(ruleVersion({ version: baseVersion + 1, note: note ?? null, changes: ['回复及时率权重 30→40', '沟通质量权重 30→20'] }, rules)),
    ...handlers,
  })
}

async function opened() {
  render(<AssessmentRulesPage />)
  await waitFor(() => byId('rules-form'))
  await waitFor(() => byId('rules-version-0'))
}

renderPagesAsH5()

describe('assessment rules', () => {
  it('shows the rules in force with their version and the history below', async () => {
    const saved = ruleVersion(
      { version: 2, note: '本季度重点考核回复速度', changes: ['回复及时率权重 30→40', '沟通质量权重 30→20'] },
      { weights: { replyTimeliness: 40, communicationQuality: 20, informationManagement: 20, applicationEffect: 20 } },
    )
    backend({
      'assessment.getRules': () => ok(saved),
      'assessment.listRuleVersions': () => ok(versionPage([saved, ruleVersion({ version: 1, changes: ['最少证据数 2→3条'] }, { minimumEvidence: 3 }), defaultVersion()])),
    })
    await opened()
    expect(byId('rules-current-version').textContent).toBe('现行：版本2，王五 2026-11-27 10:00 保存')
    expect(control('rules-weight-replyTimeliness').value).toBe('40')
    expect(control('rules-weight-communicationQuality').value).toBe('20')
    expect(byId('rules-weight-sum').textContent).toBe('合计 100')
    expect(control('rules-grade-0-label').value).toBe('优秀')
    expect(control('rules-grade-0-min').value).toBe('90')
    expect(control('rules-grade-3-label').value).toBe('不合格')
    expect(control('rules-grade-3-min').value).toBe('0')
    expect(control('rules-threshold').value).toBe('30')
    expect(control('rules-complaint-penalty').value).toBe('10')
    expect(control('rules-minimum-evidence').value).toBe('2')
    expect(control('rules-neutral-score').value).toBe('80')

    const versions = byId('rules-versions')
    expect(within(versions).getByText('版本2')).toBeTruthy()
    expect(shown('rules-version-2-in-force')).toBe(true)
    expect(shown('rules-version-1-in-force')).toBe(false)
    expect(byId('rules-version-2-note').textContent).toBe('本季度重点考核回复速度')
    expect(byId('rules-version-2-changes').textContent).toBe('回复及时率权重 30→40沟通质量权重 30→20')
    expect(byId('rules-version-1-changes').textContent).toBe('最少证据数 2→3条')
    expect(byId('rules-version-0').textContent).toContain('版本0 · 默认规则')
    expect(byId('rules-version-0').textContent).toContain('系统内置')
    expect(byId('rules-version-0-summary').textContent).toBe(
      '回复及时率30·沟通质量30·信息管理规范20·业务应用效果20；优秀≥90、良好≥80、合格≥60、不合格≥0；及时标准30分钟，投诉扣10分，最少证据2条，中性分80',
    )
  })

  it('keeps the weight sum live and refuses to save until it is 100', async () => {
    const calls = backend()
    await opened()
    type('rules-weight-replyTimeliness', '40')
    expect(byId('rules-weight-sum').textContent).toBe('合计 110，须为100')
    expect(byId('rules-weight-sum').className).toContain('rules-page__sum--invalid')
    expect(byId('rules-weights-error').textContent).toBe('四项指标权重之和须为100')
    fireEvent.click(byId('rules-save'))
    expect(calls.callsTo('assessment.saveRules')).toHaveLength(0)
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先修正标红的内容' }))

    type('rules-weight-communicationQuality', '20')
    expect(byId('rules-weight-sum').textContent).toBe('合计 100')
    expect(shown('rules-weights-error')).toBe(false)
  })

  it('checks each field with the server’s schema as it is typed', async () => {
    backend()
    await opened()
    // NutUI keeps digits, a minus and (for decimals) a dot; the rest is the form's to judge.
    type('rules-weight-applicationEffect', '-5')
    expect(errorText('rules-weight-applicationEffect')).toBe('请输入整数')
    type('rules-weight-applicationEffect', '')
    expect(errorText('rules-weight-applicationEffect')).toBe('请填写')
    type('rules-weight-applicationEffect', '20')
    expect(errorText('rules-weight-applicationEffect')).toBeNull()
    type('rules-neutral-score', '7.555')
    expect(errorText('rules-neutral-score')).toBe('请输入数字，最多两位小数')
    type('rules-neutral-score', '77.5')
    expect(errorText('rules-neutral-score')).toBeNull()
    type('rules-grade-1-min', '-80')
    expect(errorText('rules-grade-1-min')).toBe('请输入数字，最多两位小数')
    type('rules-grade-1-min', '80')

    type('rules-threshold', '500')
    expect(errorText('rules-threshold')).toBe('不能大于480')
    type('rules-threshold', '0')
    expect(errorText('rules-threshold')).toBe('不能小于1')
    type('rules-threshold', '45')
    expect(errorText('rules-threshold')).toBeNull()
    type('rules-complaint-penalty', '60')
    expect(errorText('rules-complaint-penalty')).toBe('不能大于50')
    type('rules-minimum-evidence', '0')
    expect(errorText('rules-minimum-evidence')).toBe('不能小于1')
    type('rules-neutral-score', '101')
    expect(errorText('rules-neutral-score')).toBe('不能大于100')
  })

  it('checks the grades: order, the last from 0, names filled in and distinct', async () => {
    backend()
    await opened()
    type('rules-grade-1-min', '95')
    expect(byId('rules-grades-error').textContent).toBe('等级须按分数从高到低排列，最后一级从0分起')
    type('rules-grade-1-min', '80')
    expect(shown('rules-grades-error')).toBe(false)
    type('rules-grade-3-min', '10')
    expect(byId('rules-grades-error').textContent).toBe('等级须按分数从高到低排列，最后一级从0分起')
    type('rules-grade-3-min', '0')
    type('rules-grade-2-label', '')
    expect(errorText('rules-grade-2-label')).toBe('不能为空')
    type('rules-grade-2-label', '良好')
    expect(errorText('rules-grade-2-label')).toBe('等级名称不能重复')
    type('rules-grade-2-label', '合格')
    expect(errorText('rules-grade-2-label')).toBeNull()
  })

  it('adds a grade above the last and removes grades down to two', async () => {
    backend()
    await opened()
    fireEvent.click(byId('rules-grade-add'))
    // Between 合格 (60) and 不合格 (0): halfway, named by the admin.
    expect(control('rules-grade-3-label').value).toBe('')
    expect(control('rules-grade-3-min').value).toBe('30')
    expect(control('rules-grade-4-label').value).toBe('不合格')
    expect(errorText('rules-grade-3-label')).toBe('不能为空')
    type('rules-grade-3-label', '待改进')
    fireEvent.click(byId('rules-grade-add'))
    expect(shown('rules-grade-add')).toBe(false)
    fireEvent.click(byId('rules-grade-4-remove'))
    fireEvent.click(byId('rules-grade-1-remove'))
    fireEvent.click(byId('rules-grade-1-remove'))
    fireEvent.click(byId('rules-grade-1-remove'))
    expect([control('rules-grade-0-label').value, control('rules-grade-1-label').value]).toEqual(['优秀', '不合格'])
    expect(shown('rules-grade-1-remove')).toBe(false)
    expect(shown('rules-grade-2')).toBe(false)
  })

  it('saves the rules as the next version with a note and starts again from what was saved', async () => {
    let versions = [defaultVersion()]
    const calls = backend({
      'assessment.listRuleVersions': () => ok(versionPage(versions)),
      'assessment.saveRules': ({ baseVersion, note, ...rules }) => {
        const saved = ruleVersion({ version: baseVersion + 1, note: note ?? null, changes: ['回复及时率权重 30→40', '沟通质量权重 30→20', '每次投诉扣分 10→12.5'] }, rules)
        versions = [saved, ...versions]
        return ok(saved)
      },
    })
    await opened()
    type('rules-weight-replyTimeliness', '40')
    type('rules-weight-communicationQuality', '20')
    type('rules-complaint-penalty', '12.5')
    type('rules-note', '  本季度重点考核回复速度 ')
    fireEvent.click(byId('rules-save'))
    await waitFor(() => expect(calls.callsTo('assessment.saveRules')).toHaveLength(1))
    expect(calls.callsTo('assessment.saveRules')[0]?.payload).toEqual({
      weights: { replyTimeliness: 40, communicationQuality: 20, informationManagement: 20, applicationEffect: 20 },
      grades: [
        { label: '优秀', min: 90 },
        { label: '良好', min: 80 },
        { label: '合格', min: 60 },
        { label: '不合格', min: 0 },
      ],
      firstReplyThresholdMinutes: 30,
      complaintPenalty: 12.5,
      minimumEvidence: 2,
      neutralScore: 80,
      baseVersion: 0,
      note: '本季度重点考核回复速度',
    })
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存为版本1' })))
    await waitFor(() => byId('rules-version-1'))
    expect(byId('rules-current-version').textContent).toBe('现行：版本1，王五 2026-11-27 10:00 保存')
    expect(shown('rules-version-1-in-force')).toBe(true)
    expect(shown('rules-version-0-in-force')).toBe(false)
    expect(control('rules-note').value).toBe('')
    expect(control('rules-complaint-penalty').value).toBe('12.5')

    // The next save is based on version 1.
    type('rules-neutral-score', '75')
    fireEvent.click(byId('rules-save'))
    await waitFor(() => expect(calls.callsTo('assessment.saveRules')).toHaveLength(2))
    expect(calls.callsTo('assessment.saveRules')[1]?.payload).toMatchObject({ baseVersion: 1, neutralScore: 75 })
    expect(calls.callsTo('assessment.saveRules')[1]?.payload).not.toHaveProperty('note')
  })

  it('fills in the defaults on request', async () => {
    backend({ 'assessment.getRules': () => ok(ruleVersion({ version: 3 }, { neutralScore: 70, weights: { replyTimeliness: 25, communicationQuality: 25, informationManagement: 25, applicationEffect: 25 } })) })
    await opened()
    expect(control('rules-neutral-score').value).toBe('70')
    fireEvent.click(byId('rules-defaults'))
    expect(control('rules-neutral-score').value).toBe('80')
    expect(control('rules-weight-replyTimeliness').value).toBe('30')
  })

  it('says when someone else saved first and loads their rules on request', async () => {
    let current = defaultVersion()
    const calls = backend({
      'assessment.getRules': () => ok(current),
      'assessment.saveRules': () => fail('RULES_STALE', errorMessages.RULES_STALE),
    })
    await opened()
    type('rules-threshold', '20')
    fireEvent.click(byId('rules-save'))
    await waitFor(() => expect(byId('rules-error').textContent).toBe(errorMessages.RULES_STALE))
    // What the admin typed stays until they choose to load the newer rules.
    expect(control('rules-threshold').value).toBe('20')
    expect(shown('rules-defaults')).toBe(false)

    current = ruleVersion({ version: 1 }, { firstReplyThresholdMinutes: 45 })
    fireEvent.click(byId('rules-reload'))
    await waitFor(() => expect(byId('rules-current-version').textContent).toBe('现行：版本1，王五 2026-11-27 10:00 保存'))
    expect(control('rules-threshold').value).toBe('45')
    expect(shown('rules-error')).toBe(false)
    expect(calls.callsTo('assessment.getRules')).toHaveLength(2)
    expect(calls.callsTo('assessment.listRuleVersions')).toHaveLength(2)
  })

  it('puts the server’s words on the field they concern, and any other refusal above the buttons', async () => {
    let answer = fail('BAD_INPUT', '输入有误', { issues: [{ path: 'grades.1.label', message: '等级名称不能重复' }] })
    backend({ 'assessment.saveRules': () => answer })
    await opened()
    type('rules-threshold', '20')
    fireEvent.click(byId('rules-save'))
    await waitFor(() => expect(errorText('rules-grade-1-label')).toBe('等级名称不能重复'))

    answer = fail('RULES_UNCHANGED', errorMessages.RULES_UNCHANGED)
    fireEvent.click(byId('rules-save'))
    await waitFor(() => expect(byId('rules-error').textContent).toBe('考核规则没有改动，无需保存'))
    expect(shown('rules-reload')).toBe(false)
  })

  it('is for admins only', async () => {
    backend({}, head)
    render(<AssessmentRulesPage />)
    await waitFor(() => byId('forbidden-screen'))
    expect(shown('rules-form')).toBe(false)
  })
})
