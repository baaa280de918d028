import type { Statement } from '../../../../shared/statement'
import { formatBalance } from '../../lib/format'
import { minutesText } from '../usage/usage-format'
import { monthLabel } from './months'

/** A statement as a document: on screen, and what the browser prints. */
export function StatementSheet({ statement: s }: { statement: Statement }) {
  const money = (amount: string) => formatBalance(amount, s.currency)
  return (
    <article className="statement-sheet" data-testid="statement-sheet">
      <header>
        <h3 className="statement-title">
          {s.name} · {monthLabel(s.month)}
        </h3>
        <p className="statement-meta">
          <span className="mono">{s.authId}</span> · {s.from} to {s.to}
          {s.currency ? ` · ${s.currency}` : ''}
        </p>
      </header>
      <table className="usage-table" aria-label="Calls">
        <tbody>
          <tr>
            <th scope="row">Calls</th>
            <td className="num">{s.calls.total}</td>
          </tr>
          <tr>
            <th scope="row">Answered</th>
            <td className="num">{s.calls.answered}</td>
          </tr>
          <tr>
            <th scope="row">Billed minutes</th>
            <td className="num">{minutesText(s.calls.minutes)}</td>
          </tr>
          <tr>
            <th scope="row">Call cost</th>
            <td className="num money">{money(s.calls.cost)}</td>
          </tr>
        </tbody>
      </table>
      <table className="usage-table" aria-label="Top-ups received">
        <thead>
          <tr>
            <th scope="col">Top-ups received</th>
            <th scope="col">Reference</th>
            <th scope="col" className="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {s.topUps.map((t, i) => (
            <tr key={`${t.reference ?? ''}-${i}`}>
              <td>
                {t.date ?? '—'} {t.description ? `· ${t.description}` : ''}
              </td>
              <td className="mono">{t.reference ?? '—'}</td>
              <td className="num money">{money(t.amount)}</td>
            </tr>
          ))}
          <tr className="statement-total">
            <th scope="row" colSpan={2}>
              {s.topUps.length === 0 ? 'No top-ups this month' : 'Total'}
            </th>
            <td className="num money">{money(s.topUpTotal)}</td>
          </tr>
        </tbody>
      </table>
      <table className="usage-table" aria-label="Number fees">
        <thead>
          <tr>
            <th scope="col">Number fees</th>
            <th scope="col" className="num">
              Monthly fee
            </th>
          </tr>
        </thead>
        <tbody>
          {s.numbers.map((n) => (
            <tr key={n.e164}>
              <td className="mono">{n.e164}</td>
              <td className="num money">{money(n.monthlyFee)}</td>
            </tr>
          ))}
          <tr className="statement-total">
            <th scope="row">{s.numbers.length === 0 ? 'No numbers' : 'Total'}</th>
            <td className="num money">{money(s.numberFees)}</td>
          </tr>
        </tbody>
      </table>
      <p className="statement-charges" data-testid="statement-charges">
        Charges (calls and number fees): <strong className="money">{money(s.charges)}</strong>
      </p>
    </article>
  )
}
