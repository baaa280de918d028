import type { BulkBatch, BulkRowState } from '../../../../shared/bulk-top-up'
import { formatBalance, formatCount } from '../../lib/format'

export const ROW_STATE_TEXT: Record<BulkRowState, string> = {
  pending: 'Waiting',
  sending: 'Sending…',
  applied: 'Sent',
  recovered: 'Sent (reply lost, found in the ledger)',
  failed: 'Not sent',
  unknown: 'Unknown — check',
  skipped: 'Skipped',
}

const BADGE: Record<BulkRowState, string> = {
  pending: 'badge-neutral',
  sending: 'badge-neutral',
  applied: 'badge-success',
  recovered: 'badge-success',
  failed: 'badge-danger',
  unknown: 'badge-warning',
  skipped: 'badge-neutral',
}

const isSettled = (state: BulkRowState) => state !== 'pending' && state !== 'sending'

/** The batch's progress bar and each row's status, reference and outcome. */
export function BatchView({ batch }: { batch: BulkBatch }) {
  const done = batch.rows.filter((row) => isSettled(row.state)).length
  const total = batch.rows.length
  const text = `${formatCount(done)} of ${formatCount(total)} rows`
  return (
    <>
      <div className="sync-progress batch-progress">
        <div
          className="progress"
          role="progressbar"
          aria-label="Bulk top-up"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={done}
          aria-valuetext={text}
        >
          <span
            className="progress-fill"
            style={{ width: `${((done / Math.max(total, 1)) * 100).toFixed(1)}%` }}
          />
        </div>
        <span className="progress-text" aria-hidden="true">
          {text}
        </span>
      </div>
      <div className="scroll-table-frame" role="region" aria-label="Rows of the batch" tabIndex={0}>
        <table className="bulk-table" data-testid="bulk-rows">
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col">Status</th>
              <th scope="col">Reference</th>
              <th scope="col" className="num">
                Balance after
              </th>
            </tr>
          </thead>
          <tbody>
            {batch.rows.map((row) => (
              <tr key={row.authId} data-testid="bulk-row" data-state={row.state}>
                <CustomerCell name={row.name} authId={row.authId} />
                <td className="num money">{formatBalance(row.amount, batch.currency)}</td>
                <td title={row.message ?? undefined}>
                  <div className="bulk-status-cell">
                    <span className={`badge ${BADGE[row.state]}`}>{ROW_STATE_TEXT[row.state]}</span>
                    {row.message && <span className="bulk-message">{row.message}</span>}
                  </div>
                </td>
                <td className="mono">{row.reference ?? '—'}</td>
                <td className="num money">
                  {formatBalance(row.customerBalanceAfter, batch.currency)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}

/** A customer's name over its auth id. */
export function CustomerCell({ name, authId }: { name: string | null; authId: string }) {
  return (
    <td className="bulk-customer-cell">
      <span>{name ?? '—'}</span>
      <span className="mono bulk-auth-id">{authId || '—'}</span>
    </td>
  )
}

/** "3 sent, 1 not sent, 2 skipped". */
export function batchCounts(batch: BulkBatch): string {
  const sent = batch.rows.filter((r) => r.state === 'applied' || r.state === 'recovered').length
  const parts = [`${formatCount(sent)} sent`]
  for (const state of ['failed', 'unknown', 'skipped', 'pending'] as const) {
    const count = batch.rows.filter((r) => r.state === state).length
    if (count > 0) parts.push(`${formatCount(count)} ${ROW_STATE_TEXT[state].toLowerCase()}`)
  }
  return parts.join(', ')
}
