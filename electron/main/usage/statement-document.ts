import { parseMoney } from '../../../shared/money'
import { formatMoney } from '../../../shared/money-format'
import type { Statement } from '../../../shared/statement'
import { csvDocument } from '../platform/csv'

/**
 * A statement as a file: CSV (one section per part, formula-safe) and self-contained HTML for
 * the PDF (no script, no external resource; every value escaped).
 */

export function statementCsv(s: Statement): string {
  const currency = s.currency ?? ''
  const rows: string[][] = [
    ['Statement', s.name, s.authId, s.month],
    ['Period', s.from, s.to],
    ['Currency', currency],
    [],
    ['Calls', String(s.calls.total)],
    ['Answered calls', String(s.calls.answered)],
    ['Billed minutes', String(s.calls.minutes)],
    ['Call cost', s.calls.cost],
    [],
    ['Top-ups received', 'Date', 'Amount', 'Description', 'Reference'],
    ...s.topUps.map((t) => ['', t.date ?? '', t.amount, t.description ?? '', t.reference ?? '']),
    ['Top-ups total', '', s.topUpTotal],
    [],
    ['Number fees', 'Number', 'Monthly fee'],
    ...s.numbers.map((n) => ['', n.e164, n.monthlyFee]),
    ['Number fees total', '', s.numberFees],
    [],
    ['Charges (calls and number fees)', '', s.charges],
    ['Created', s.createdAt],
  ]
  return csvDocument(['Partner Desk statement'], rows)
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)

function money(amount: string, currency: string | null): string {
  const parsed = parseMoney(amount)
  if (!parsed) return '—'
  return currency ? formatMoney(parsed, currency) : amount
}

const STYLE = `
  body { font: 11pt system-ui, sans-serif; color: #181b20; margin: 0; }
  h1 { font-size: 16pt; margin: 0 0 4pt; }
  h2 { font-size: 12pt; margin: 18pt 0 6pt; }
  p { margin: 0 0 4pt; color: #565e6b; }
  table { width: 100%; border-collapse: collapse; }
  th, td { text-align: left; padding: 4pt 6pt; border-bottom: 1px solid #e3e6eb; }
  th { color: #565e6b; font-weight: 600; font-size: 9pt; }
  .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .total td { font-weight: 600; border-bottom: none; }
`

/** The statement as one HTML page, for printToPDF. */
export function statementHtml(s: Statement): string {
  const e = escapeHtml
  const m = (amount: string) => e(money(amount, s.currency))
  const rows = (cells: string[][]) =>
    cells.map((c) => `<tr>${c.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('')
  const topUps = s.topUps.length
    ? `<table><thead><tr><th>Date</th><th>Description</th><th>Reference</th><th class="num">Amount</th></tr></thead><tbody>${s.topUps
        .map(
          (t) =>
            `<tr><td>${e(t.date ?? '—')}</td><td>${e(t.description ?? '—')}</td><td>${e(t.reference ?? '—')}</td><td class="num">${m(t.amount)}</td></tr>`,
        )
        .join(
          '',
        )}<tr class="total"><td colspan="3">Total</td><td class="num">${m(s.topUpTotal)}</td></tr></tbody></table>`
    : '<p>No top-ups this month.</p>'
  const numbers = s.numbers.length
    ? `<table><thead><tr><th>Number</th><th class="num">Monthly fee</th></tr></thead><tbody>${s.numbers
        .map((n) => `<tr><td>${e(n.e164)}</td><td class="num">${m(n.monthlyFee)}</td></tr>`)
        .join(
          '',
        )}<tr class="total"><td>Total</td><td class="num">${m(s.numberFees)}</td></tr></tbody></table>`
    : '<p>No numbers.</p>'
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Statement ${e(s.month)} — ${e(s.name)}</title><style>${STYLE}</style></head><body>
<h1>Statement for ${e(s.name)}</h1>
<p>${e(s.authId)} · ${e(s.from)} to ${e(s.to)}${s.currency ? ` · ${e(s.currency)}` : ''}</p>
<h2>Calls</h2>
<table><tbody>${rows([
    ['Calls', `<span class="num">${s.calls.total}</span>`],
    ['Answered', String(s.calls.answered)],
    ['Billed minutes', String(s.calls.minutes)],
    ['Call cost', m(s.calls.cost)],
  ])}</tbody></table>
<h2>Top-ups received</h2>${topUps}
<h2>Number fees</h2>${numbers}
<h2>Charges</h2>
<table><tbody><tr class="total"><td>Calls and number fees</td><td class="num">${m(s.charges)}</td></tr></tbody></table>
<p>Put together by Partner Desk on ${e(s.createdAt)} from Vobiz's call records, ledger and numbers.</p>
</body></html>`
}
