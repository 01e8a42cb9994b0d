import { parseCsv } from './csv'
import { parseMinutes, parseRate, planReplyStatsImport } from './reply-stats'

const roster = new Map([
  ['13900000001', 'p-1'],
  ['13900000002', 'p-2'],
])

describe('reading WeCom statistics', () => {
  it('reads first-reply times written as minutes, minutes and seconds, or a clock', () => {
    expect(parseMinutes('12.5')).toBe(12.5)
    expect(parseMinutes('12分钟')).toBe(12)
    expect(parseMinutes('12分30秒')).toBe(12.5)
    expect(parseMinutes('1小时5分')).toBe(65)
    expect(parseMinutes('45秒')).toBe(0.75)
    expect(parseMinutes('00:12:30')).toBe(12.5)
    expect(parseMinutes('12:30')).toBe(12.5)
    expect(parseMinutes('')).toBeNull()
    expect(parseMinutes('--')).toBeNull()
    expect(parseMinutes('很快')).toBe('invalid')
    expect(parseMinutes('-3')).toBe('invalid')
  })

  it('reads reply rates as percentages or fractions', () => {
    expect(parseRate('85%')).toBe(0.85)
    expect(parseRate('85％')).toBe(0.85)
    expect(parseRate('85')).toBe(0.85)
    expect(parseRate('0.85')).toBe(0.85)
    expect(parseRate('1')).toBe(1)
    expect(parseRate('100%')).toBe(1)
    expect(parseRate('66.67%')).toBe(0.6667)
    expect(parseRate('')).toBeNull()
    expect(parseRate('120%')).toBe('invalid')
    expect(parseRate('很多')).toBe('invalid')
  })

  it('matches rows to the roster by mobile, whatever the column order and names', () => {
    const csv = '成员,已回复聊天占比,平均首次回复时长,手机号\n李娜,90%,8分30秒,139 0000 0001\n张伟,75%,--,13900000002\n'
    expect(planReplyStatsImport(parseCsv(csv), roster)).toEqual({
      rows: [
        { line: 2, personId: 'p-1', averageFirstReplyMinutes: 8.5, replyRate: 0.9 },
        { line: 3, personId: 'p-2', averageFirstReplyMinutes: null, replyRate: 0.75 },
      ],
      errors: [],
    })
  })

  it('reports every bad row and returns no rows at all when any is wrong', () => {
    const csv = 'mobile,first reply minutes,reply rate\n13900000001,5,80%\n13900000009,5,80%\n1390000000,5,80%\n13900000001,x,180%\n'
    expect(planReplyStatsImport(parseCsv(csv), roster)).toEqual({
      rows: [],
      errors: [
        { line: 3, field: '手机号', message: '该手机号不在花名册中' },
        { line: 4, field: '手机号', message: '手机号须为11位中国大陆手机号' },
        { line: 5, field: '手机号', message: '与第2行重复' },
        { line: 5, field: '平均首次回复时长', message: '无法识别的时长，如 12.5、12分30秒 或 00:12:30' },
        { line: 5, field: '回复率', message: '回复率须为0-100%之间' },
      ],
    })
  })

  it('needs a mobile column and at least one statistic', () => {
    expect(planReplyStatsImport(parseCsv('姓名,回复率\n李娜,80%\n'), roster).errors).toEqual([{ line: 1, field: '表头', message: '缺少“手机号”列' }])
    expect(planReplyStatsImport(parseCsv('手机号,姓名\n13900000001,李娜\n'), roster).errors).toEqual([{ line: 1, field: '表头', message: '缺少“平均首次回复时长”或“回复率”列' }])
    expect(planReplyStatsImport(parseCsv('手机号,回复率\n'), roster).errors).toEqual([{ line: 1, field: '表头', message: '统计表没有数据行' }])
  })
})
