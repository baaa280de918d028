import type { LedgerEntry } from '../../../../shared/ledger'
import { absoluteTime } from '../../lib/format'
import { directionOf, signedAmount, typeLabel } from './ledger-format'

export type AccountNames = (authId: string | null) => string

/** A page of ledger entries. With `accounts`, the whose-ledger column shows. */
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
            {accounts && <th scope="col">Account</th>}
            <th scope="col">Description</th>
            <th scope="col">Reference</th>
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
              <td
                className={`is-end money-cell ledger-amount is-${directionOf(entry.type)}`}
                title={signedAmount(entry)}
              >
                {signedAmount(entry, 'table')}
              </td>
              {accounts && <td>{accounts(entry.authId)}</td>}
              <td className="ledger-description">{entry.description ?? '—'}</td>
              <td className="ledger-reference">{entry.reference ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
