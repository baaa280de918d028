import type { LedgerEntry } from '../../../../shared/ledger'
import { absoluteTime, calendarDate } from '../../lib/format'
import { directionOf, signedAmount, typeLabel } from './ledger-format'

export type AccountNames = (authId: string | null) => string

/** A cell's text cut with "…" where it does not fit (one line, two when clamped); the whole in its tooltip. */
function Truncated({ text, className = '' }: { text: string | null; className?: string }) {
  return (
    <span className={`ledger-truncated ${className}`} title={text ?? undefined}>
      {text ?? '—'}
    </span>
  )
}

/** The type and the amount at table precision (the exact amount in its tooltip), in both layouts. */
function TypeAndAmountCells({ entry }: { entry: LedgerEntry }) {
  const direction = directionOf(entry.type)
  return (
    <>
      <td>
        <span className={`ledger-type is-${direction}`}>{typeLabel(entry.type)}</span>
      </td>
      <td className={`is-end money-cell ledger-amount is-${direction}`} title={signedAmount(entry)}>
        {signedAmount(entry, 'table')}
      </td>
    </>
  )
}

/**
 * A page of ledger entries. With `accounts`, the whose-ledger column shows. `compact` (the
 * drawer) fits its width: description and reference share one column, each cut with a tooltip.
 */
export function LedgerTable({
  entries,
  accounts,
  caption,
  compact = false,
}: {
  entries: readonly LedgerEntry[]
  accounts?: AccountNames
  caption: string
  compact?: boolean
}) {
  if (compact) return <CompactLedgerTable entries={entries} caption={caption} />
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
              <TypeAndAmountCells entry={entry} />
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

function CompactLedgerTable({
  entries,
  caption,
}: {
  entries: readonly LedgerEntry[]
  caption: string
}) {
  return (
    <div className="ledger-table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="ledger-table is-compact">
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          <col className="ledger-col-date" />
          <col className="ledger-col-type" />
          <col className="ledger-col-amount" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Type</th>
            <th scope="col" className="is-end">
              Amount
            </th>
            <th scope="col">
              Description<span className="visually-hidden"> and reference</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={`${entry.transactionId}/${entry.authId ?? ''}`} data-testid="ledger-row">
              <td
                className="ledger-date"
                title={entry.createdAt ? absoluteTime(entry.createdAt) : undefined}
              >
                {entry.createdAt ? calendarDate(entry.createdAt) : '—'}
              </td>
              <TypeAndAmountCells entry={entry} />
              <td>
                <Truncated text={entry.description} className="is-clamped" />
                {entry.reference && (
                  <Truncated text={entry.reference} className="ledger-reference-line" />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
