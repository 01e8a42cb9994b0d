import { assembleEvidence, emptyRows } from './evidence'

describe('assembleEvidence', () => {
  it('gives someone without any record zeros, no imported statistics and the policy acknowledged when none was in force', () => {
    expect(assembleEvidence('p1', emptyRows())).toEqual({
      notices: { due: 0, onTime: 0 },
      followUps: { due: 0, onTime: 0, late: 0, overdue: 0 },
      spotChecks: { count: 0, repliesWithin: 0, repliesObserved: 0, rubricAverage: null },
      importedReply: null,
      feedback: { count: 0, satisfactionAverage: null, complaints: 0 },
      selfCheckDone: false,
      archiveConfirmed: false,
      policyAcknowledged: true,
      tasks: { due: 0, onTime: 0 },
      violations: { count: 0, points: 0, confidentiality: 0 },
    })
  })

  it('counts overdue items as due and not on time, and averages what was measured', () => {
    const rows = emptyRows()
    rows.noticesAnswered.set('p1', { n: 3, onTime: 2 })
    rows.noticesOverdue.set('p1', 1)
    rows.followUpsDone.set('p1', { n: 4, onTime: 3 })
    rows.followUpsOverdue.set('p1', 2)
    rows.feedback.set('p1', { n: 3, satisfactionSum: 13, complaints: 1 })
    rows.tasksDone.set('p1', { n: 2, onTime: 1 })
    rows.tasksOverdue.set('p1', 1)
    rows.spotChecks.set('p1', { n: 2, rubricSum: 86.7 + 73.3, rubricCount: 2, observed: 1, within: 1 })
    rows.violations.set('p1', { n: 2, points: 5 + 0.1 + 0.2, confidentiality: 1 })
    rows.selfChecks.add('p1')
    rows.archiveConfirmations.add('p2')
    rows.policyAcks = new Set(['p2'])
    rows.replyStats.set('p1', { averageFirstReplyMinutes: 12.5, replyRate: 0.93 })
    expect(assembleEvidence('p1', rows)).toEqual({
      notices: { due: 4, onTime: 2 },
      followUps: { due: 6, onTime: 3, late: 1, overdue: 2 },
      spotChecks: { count: 2, repliesWithin: 1, repliesObserved: 1, rubricAverage: 80 },
      importedReply: { averageFirstReplyMinutes: 12.5, replyRate: 0.93 },
      feedback: { count: 3, satisfactionAverage: 4.33, complaints: 1 },
      selfCheckDone: true,
      archiveConfirmed: false,
      policyAcknowledged: false,
      tasks: { due: 3, onTime: 1 },
      violations: { count: 2, points: 5.3, confidentiality: 1 },
    })
  })

  it('averages the rubric over the checks that have one', () => {
    const rows = emptyRows()
    rows.spotChecks.set('p1', { n: 3, rubricSum: 90, rubricCount: 1, observed: 0, within: 0 })
    expect(assembleEvidence('p1', rows).spotChecks).toEqual({ count: 3, repliesWithin: 0, repliesObserved: 0, rubricAverage: 90 })
  })
})
