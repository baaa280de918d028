import { checkAmount } from '../../../shared/transfer-amount'

/** One CSV line as read: the auth id and amount cells, or why the line could not be read. */
export type CsvLine = { line: number; authId: string; amountText: string; problem: string | null }

/** RFC 4180 records (quoted cells may hold commas, quotes and line breaks), with line numbers. */
function records(text: string, delimiter: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let start = 1
  const endRecord = () => {
    cells.push(cell)
    if (cells.some((c) => c.trim() !== '')) out.push({ line: start, cells })
    cells = []
    cell = ''
  }
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (char === '"') quoted = false
      else {
        if (char === '\n') line++
        cell += char
      }
    } else if (char === '"' && cell.trim() === '') {
      quoted = true
      cell = ''
    } else if (char === delimiter) {
      cells.push(cell)
      cell = ''
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++
      endRecord()
      line++
      start = line
    } else cell += char
  }
  endRecord()
  return out
}

const normal = (cell: string) =>
  cell
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '')
const AUTH_HEADERS = new Set(['authid', 'customer', 'customerauthid', 'account', 'accountid'])
const AMOUNT_HEADERS = new Set(['amount', 'topup', 'topupamount', 'credit'])

/**
 * A CSV of auth id and amount: a header row is optional (when there is one, it may name the
 * columns in any order), quotes, a byte-order mark, CRLF and `;` as the separator are fine. Each
 * line that cannot be read says why.
 */
export function parseBulkCsv(text: string): CsvLine[] {
  const body = text.replace(/^\uFEFF/, '')
  const firstLine = body.split(/\r?\n/, 1)[0] ?? ''
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ','
  const rows = records(body, delimiter)
  let authColumn = 0
  let amountColumn = 1
  const head = rows[0]
  if (head && !checkAmount(head.cells[1] ?? '').ok && /[a-z]/i.test(head.cells.join(''))) {
    const names = head.cells.map(normal)
    const auth = names.findIndex((name) => AUTH_HEADERS.has(name))
    const amount = names.findIndex((name) => AMOUNT_HEADERS.has(name))
    if (auth >= 0) authColumn = auth
    if (amount >= 0) amountColumn = amount
    if (auth >= 0 || amount >= 0 || normal(head.cells[0] ?? '').includes('auth')) rows.shift()
  }
  return rows.map(({ line, cells }) => {
    const authId = (cells[authColumn] ?? '').trim()
    const amountText = (cells[amountColumn] ?? '').trim()
    const problem =
      cells.length <= Math.max(authColumn, amountColumn)
        ? 'Expected an auth id and an amount on this line.'
        : null
    return { line, authId, amountText, problem }
  })
}
