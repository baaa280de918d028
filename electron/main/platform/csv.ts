import { CSV_COLUMNS, type CustomerRow } from '../../../shared/customers'

/**
 * A cell that a spreadsheet would run as a formula starts with one of these (after any spaces),
 * or with a tab, carriage return or line feed (OWASP "CSV injection").
 */
const FORMULA_START = /^(?:[\t\r\n]|\s*[=+\-@])/
/** A negative amount such as "-12.50000" is a number, not a formula, and stays as it is. */
const NEGATIVE_NUMBER = /^-\d+(?:\.\d+)?$/

/** One CSV cell: formula-looking text is defused with a leading `'`, then RFC 4180 quoting. */
export function csvCell(value: string): string {
  const text = FORMULA_START.test(value) && !NEGATIVE_NUMBER.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) || text.trim() !== text ? `"${text.replaceAll('"', '""')}"` : text
}

const display = (value: CustomerRow[keyof CustomerRow]): string =>
  value === null ? '' : typeof value === 'boolean' ? (value ? 'yes' : 'no') : value

/**
 * The rows as CSV (CSV_COLUMNS, display fields only), in the order given: UTF-8 with a byte-order
 * mark so spreadsheet apps read accents right, CRLF line ends.
 */
export function customersToCsv(rows: readonly CustomerRow[]): string {
  return csvDocument(
    CSV_COLUMNS.map(([, label]) => label),
    rows.map((row) => CSV_COLUMNS.map(([field]) => display(row[field]))),
  )
}

/** A header and rows of cells as one CSV document (BOM, CRLF, every cell defused and quoted). */
export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const lines = [header, ...rows].map((cells) => cells.map(csvCell).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/** e.g. `customers-2026-05-06-071240.csv`, in local time. */
export function exportFileName(at: Date, prefix = 'customers'): string {
  const two = (n: number) => String(n).padStart(2, '0')
  const date = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`
  return `${prefix}-${date}-${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}.csv`
}
