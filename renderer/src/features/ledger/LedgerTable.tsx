import type { LedgerEntry } from '../../../../shared/ledger'
import { absoluteTime, formatBalance } from '../../lib/format'
import { directionOf, signedAmount, typeLabel } from './ledger-format'

export type AccountNames = (authId: string | null) => string

/** A page of ledger entries. With `accounts`, the whose-ledger and counterparty columns show. */
export function LedgerTable({
  entries,
  accounts,
  caption,
}: {
  entries: readonly LedgerEntry[]
  accounts?: AccountNames
  caption: string
}) {
  return (
    // Focusable, so a keyboard can scroll a table wider than the drawer.
    <div className="ledger-table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="ledger-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Type</th>
            <th scope="col" className="is-end">
              Amount
            </th>
            <th scope="col" className="is-end">
              Balance after
            </th>
            {accounts && <th scope="col">Account</th>}
            {accounts && <th scope="col">Counterparty</th>}
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={`${entry.transactionId}/${entry.authId ?? ''}`} data-testid="ledger-row">
              <td className="ledger-date">
                {entry.createdAt ? absoluteTime(entry.createdAt) : '—'}
              </td>
              <td>
                <span className={`ledger-type is-${directionOf(entry.type)}`}>
                  {typeLabel(entry.type)}
                </span>
              </td>
              <td className={`is-end money ledger-amount is-${directionOf(entry.type)}`}>
                {signedAmount(entry)}
              </td>
              <td className="is-end money">{formatBalance(entry.balanceAfter, entry.currency)}</td>
              {accounts && <td>{accounts(entry.authId)}</td>}
              {accounts && <td>{entry.counterparty ? accounts(entry.counterparty) : '—'}</td>}
              <td className="ledger-description">{entry.description ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
