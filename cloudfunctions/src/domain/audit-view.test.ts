import { auditChanges, maskContacts } from './audit-view'

describe('the audit search’s view of an entry', () => {
  it('masks contacts by field name and by their look, however deep', () => {
    expect(maskContacts({ mobile: '13912345678', boundPhone: '13800001111', contact: { email: 'li.na@corp.cn' }, note: '13712345678', rows: ['a@b.cn', 'text'] })).toEqual({
      mobile: '139****5678',
      boundPhone: '138****1111',
      contact: { email: 'l***@corp.cn' },
      note: '137****5678',
      rows: ['a***@b.cn', 'text'],
    })
  })

  it('lists the fields that changed or appear on one side only', () => {
    expect(auditChanges({ status: 'appealed', points: 2 }, { status: 'upheld', points: 2, comment: '维持' })).toEqual({
      changes: [
        { field: 'status', before: 'appealed', after: 'upheld' },
        { field: 'comment', before: null, after: '维持' },
      ],
      truncated: false,
    })
  })

  it('shows values that are not records as one line, and cuts long ones', () => {
    expect(auditChanges(null, [1, 2]).changes).toEqual([{ field: '值', before: null, after: '[1,2]' }])
    const { changes, truncated } = auditChanges(null, { text: 'x'.repeat(500) })
    expect(changes[0].after).toHaveLength(301)
    expect(truncated).toBe(true)
  })
})
