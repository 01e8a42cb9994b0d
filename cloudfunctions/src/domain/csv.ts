/**
 * Roster and statistics text comes from a CSV file or from cells pasted out of a spreadsheet app, which
 * arrive tab-separated. The delimiter is taken from the header line. Quoted fields may
 * contain delimiters, doubled quotes and line breaks (RFC 4180).
 */
export interface CsvRecord {
  /** 1-based line number where the record starts, for error reports. */
  line: number
  cells: string[]
}

export function detectDelimiter(headerLine: string): string {
  if (headerLine.includes('\t')) return '\t'
  if (!headerLine.includes(',') && headerLine.includes('，')) return '，'
  return ','
}

export function parseCsv(text: string): CsvRecord[] {
  const source = text.replace(/^\uFEFF/, '')
  const firstLineEnd = source.search(/\r?\n/)
  const delimiter = detectDelimiter(firstLineEnd === -1 ? source : source.slice(0, firstLineEnd))
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let recordLine = 1
  let cellStarted = false

  const endRecord = () => {
    cells.push(cell)
    if (cells.some((c) => c.trim() !== '')) records.push({ line: recordLine, cells: cells.map((c) => c.trim()) })
    cells = []
    cell = ''
    cellStarted = false
  }

  for (let i = 0; i < source.length; i++) {
    const ch = source[i]
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          cell += '"'
          i++
        } else {
          quoted = false
        }
      } else {
        if (ch === '\n') line++
        cell += ch
      }
      continue
    }
    if (ch === '"' && !cellStarted) {
      quoted = true
      cellStarted = true
    } else if (ch === delimiter) {
      cells.push(cell)
      cell = ''
      cellStarted = false
    } else if (ch === '\r' && source[i + 1] === '\n') {
      // handled by the \n branch
    } else if (ch === '\n' || ch === '\r') {
      endRecord()
      line++
      recordLine = line
    } else {
      if (ch !== ' ' || cellStarted) cellStarted = true
      cell += ch
    }
  }
  if (cell !== '' || cells.length > 0) endRecord()
  return records
}
