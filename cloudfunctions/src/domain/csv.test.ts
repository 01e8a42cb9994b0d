import { parseCsv } from './csv'

describe('parseCsv', () => {
  it('reads comma-separated records with their line numbers and trims cells', () => {
    expect(parseCsv('姓名,手机\n 王磊 , 13900000001 \n李娜,13900000002')).toEqual([
      { line: 1, cells: ['姓名', '手机'] },
      { line: 2, cells: ['王磊', '13900000001'] },
      { line: 3, cells: ['李娜', '13900000002'] },
    ])
  })

  it('reads cells pasted from a spreadsheet (tab-separated, CRLF)', () => {
    expect(parseCsv('姓名\t部门\r\n王磊\t华东销售部\r\n')).toEqual([
      { line: 1, cells: ['姓名', '部门'] },
      { line: 2, cells: ['王磊', '华东销售部'] },
    ])
  })

  it('accepts full-width commas when the header uses them', () => {
    expect(parseCsv('姓名，部门\n王磊，市场部')[1].cells).toEqual(['王磊', '市场部'])
  })

  it('handles quotes, escaped quotes, delimiters and line breaks inside quotes', () => {
    const records = parseCsv('a,b\n"x, ""y""","line1\nline2"\nz,w')
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, "y"', 'line1\nline2'] },
      { line: 4, cells: ['z', 'w'] },
    ])
  })

  it('strips a byte-order mark and skips blank lines but keeps numbering', () => {
    expect(parseCsv('\uFEFFa,b\n\n ,\nc,d')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 4, cells: ['c', 'd'] },
    ])
  })

  it('keeps empty cells', () => {
    expect(parseCsv('a,b,c\n1,,3')[1].cells).toEqual(['1', '', '3'])
  })
})
