import { shanghaiDate } from '../../../types/contract'
import { averageSatisfaction, daysOverdue, doneOnTime, dueDateAllowed, earliestDue, followUpState, followUpTodoTitle, type FollowUpFacts } from './follow-up'

const planned = (dueOn: string): FollowUpFacts => ({ dueOn, status: 'planned', doneAt: null })
const done = (dueOn: string, doneAt: string): FollowUpFacts => ({ dueOn, status: 'done', doneAt: new Date(doneAt) })

describe('followUpState of an open follow-up', () => {
  it('is planned before its day, due on it and overdue after', () => {
    expect(followUpState(planned('2026-11-30'), '2026-11-29')).toBe('planned')
    expect(followUpState(planned('2026-11-30'), '2026-11-30')).toBe('due_today')
    expect(followUpState(planned('2026-11-30'), '2026-12-01')).toBe('overdue')
    expect(followUpState(planned('2026-11-30'), '2027-01-15')).toBe('overdue')
  })

  it('turns overdue at midnight in Shanghai, which is 16:00 UTC the day before', () => {
    const lastMinute = shanghaiDate(new Date('2026-11-30T15:59:59.999Z'))
    const firstMinute = shanghaiDate(new Date('2026-11-30T16:00:00.000Z'))
    expect([lastMinute, firstMinute]).toEqual(['2026-11-30', '2026-12-01'])
    expect(followUpState(planned('2026-11-30'), lastMinute)).toBe('due_today')
    expect(followUpState(planned('2026-11-30'), firstMinute)).toBe('overdue')
    // Early morning in Shanghai is still the previous day in UTC: not yet due, whatever UTC says.
    expect(followUpState(planned('2026-12-01'), shanghaiDate(new Date('2026-11-30T16:30:00Z')))).toBe('due_today')
  })

  it('compares across months and years as dates, not as text of different lengths', () => {
    expect(followUpState(planned('2026-12-31'), '2027-01-01')).toBe('overdue')
    expect(followUpState(planned('2027-01-01'), '2026-12-31')).toBe('planned')
    expect(followUpState(planned('2026-02-28'), '2026-03-01')).toBe('overdue')
  })
})

describe('followUpState of a closed follow-up', () => {
  it('is done on time when done on or before the due date in Shanghai', () => {
    expect(followUpState(done('2026-11-30', '2026-11-28T02:00:00Z'), '2026-12-05')).toBe('done_on_time')
    expect(followUpState(done('2026-11-30', '2026-11-30T15:59:59Z'), '2026-12-05')).toBe('done_on_time')
  })

  it('is done late from midnight after the due date in Shanghai, though UTC still shows the due date', () => {
    expect(followUpState(done('2026-11-30', '2026-11-30T16:00:00Z'), '2026-12-05')).toBe('done_late')
    expect(followUpState(done('2026-11-30', '2026-12-03T01:00:00Z'), '2026-12-05')).toBe('done_late')
  })

  it('does not change with the day it is looked at', () => {
    const onTime = done('2026-11-30', '2026-11-29T08:00:00Z')
    expect(['2026-11-29', '2026-11-30', '2026-12-01', '2027-06-01'].map((today) => followUpState(onTime, today))).toEqual([
      'done_on_time',
      'done_on_time',
      'done_on_time',
      'done_on_time',
    ])
  })

  it('counts a done record without its time as late, and a cancelled one as cancelled whatever its dates', () => {
    expect(followUpState({ dueOn: '2026-11-30', status: 'done', doneAt: null }, '2026-11-29')).toBe('done_late')
    expect(followUpState({ dueOn: '2026-11-30', status: 'cancelled', doneAt: null }, '2026-12-10')).toBe('cancelled')
    expect(followUpState({ dueOn: '2026-11-30', status: 'cancelled', doneAt: null }, '2026-11-30')).toBe('cancelled')
  })
})

describe('doneOnTime', () => {
  it('judges by the Shanghai date of the moment it was done', () => {
    expect(doneOnTime('2026-11-30', new Date('2026-11-29T16:00:00Z'))).toBe(true)
    expect(doneOnTime('2026-11-30', new Date('2026-11-30T15:59:59Z'))).toBe(true)
    expect(doneOnTime('2026-11-30', new Date('2026-11-30T16:00:00Z'))).toBe(false)
  })
})

describe('daysOverdue', () => {
  it('counts whole Shanghai days past the due date for open follow-ups only', () => {
    expect(daysOverdue(planned('2026-11-30'), '2026-11-29')).toBe(0)
    expect(daysOverdue(planned('2026-11-30'), '2026-11-30')).toBe(0)
    expect(daysOverdue(planned('2026-11-30'), '2026-12-01')).toBe(1)
    expect(daysOverdue(planned('2026-11-25'), '2026-12-02')).toBe(7)
    expect(daysOverdue(done('2026-11-25', '2026-12-01T02:00:00Z'), '2026-12-02')).toBe(0)
  })
})

describe('dueDateAllowed', () => {
  it('takes today up to a year ahead', () => {
    expect(dueDateAllowed('2026-11-27', '2026-11-27')).toBe(true)
    expect(dueDateAllowed('2026-11-26', '2026-11-27')).toBe(false)
    expect(dueDateAllowed('2027-11-28', '2026-11-27')).toBe(true)
    expect(dueDateAllowed('2027-11-29', '2026-11-27')).toBe(false)
  })
})

describe('followUpTodoTitle', () => {
  it('says due today, or how many days overdue', () => {
    expect(followUpTodoTitle('张三', '2026-11-27', '2026-11-27')).toBe('跟进客户：张三（今天到期）')
    expect(followUpTodoTitle('张三', '2026-11-25', '2026-11-27')).toBe('跟进客户：张三（已逾期2天）')
    expect(followUpTodoTitle('王总', '2026-10-27', '2026-11-27')).toBe('跟进客户：王总（已逾期31天）')
  })
})

describe('earliestDue and averageSatisfaction', () => {
  it('finds the earliest open date', () => {
    expect(earliestDue([])).toBeNull()
    expect(earliestDue(['2026-12-01', '2026-11-30', '2027-01-01'])).toBe('2026-11-30')
  })

  it('averages to one decimal', () => {
    expect(averageSatisfaction(0, 0)).toBeNull()
    expect(averageSatisfaction(14, 3)).toBe(4.7)
    expect(averageSatisfaction(9, 2)).toBe(4.5)
    expect(averageSatisfaction(5, 1)).toBe(5)
  })
})
