import { CloudError } from './cloud'
import { fieldIssues, formatShanghaiTime, isStale, shanghaiToday } from './accounts'

describe('account model helpers', () => {
  it('formats instants as a clock in Shanghai shows them', () => {
    expect(formatShanghaiTime('2026-03-02T02:30:00.000Z')).toBe('2026-03-02 10:30')
    expect(formatShanghaiTime('2026-12-31T16:00:00.000Z')).toBe('2027-01-01 00:00')
    expect(formatShanghaiTime('not a time')).toBe('')
  })

  it('takes today from the Shanghai calendar', () => {
    expect(shanghaiToday(new Date('2026-03-02T15:59:59.000Z'))).toBe('2026-03-02')
    expect(shanghaiToday(new Date('2026-03-02T16:00:00.000Z'))).toBe('2026-03-03')
  })

  it('reads field messages out of a BAD_INPUT refusal, first message per field', () => {
    const err = new CloudError('BAD_INPUT', '提交的内容不符合要求', {
      issues: [
        { path: 'email', message: '邮箱格式不正确' },
        { path: 'email', message: '邮箱过长' },
        { path: 'timeline.0.at', message: '时间格式不对' },
        { path: '', message: '整体有误' },
        'junk',
      ],
    })
    expect(fieldIssues(err)).toEqual({ email: '邮箱格式不正确', timeline: '时间格式不对' })
    expect(fieldIssues(new CloudError('CONFLICT', '已被处理'))).toEqual({})
    expect(fieldIssues(new Error('boom'))).toEqual({})
  })

  it('treats CONFLICT and INVALID_STATE as a record that moved on', () => {
    expect(isStale(new CloudError('CONFLICT', ''))).toBe(true)
    expect(isStale(new CloudError('INVALID_STATE', ''))).toBe(true)
    expect(isStale(new CloudError('FORBIDDEN', ''))).toBe(false)
  })
})
