import { useState } from 'react'
import type { WatchRow } from '../../../../shared/watch'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Spinner } from '../../components/Spinner'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'
import { absoluteTime, formatCount, readingAge } from '../../lib/format'
import { useNow } from '../../lib/use-now'
import { useCustomersStore } from '../../stores/customers-store'
import { BulkTopUpLauncher } from '../bulk-top-up/BulkTopUpLauncher'
import { TopUpDialog } from '../top-up/TopUpDialog'
import { topUpBlockedReason, usePartnerFunds } from '../top-up/use-partner-funds'
import { runwayText } from './RunwayDays'
import { useWatchlist } from './use-watchlist'
import { WatchTable } from './WatchTable'

/**
 * Customers whose wallets run dry soon: below their threshold or running out within the horizon,
 * lowest runway first, from the last sync and the ledger's debits. Top up in one click (the same
 * confirmed, never-twice transfer as the drawer), snooze for a day or a week.
 */
export function WatchlistScreen() {
  const { list, error, reload } = useWatchlist()
  const offline = useCustomersStore((s) => s.network?.online === false)
  const funds = usePartnerFunds()
  const now = useNow(30_000)
  const [toppingUp, setToppingUp] = useState<WatchRow | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  function select(authIds: readonly string[], on: boolean) {
    const next = new Set(selected)
    for (const authId of authIds)
      if (on) next.add(authId)
      else next.delete(authId)
    setSelected(next)
  }

  async function snooze(row: WatchRow, snooze: 'day' | 'week' | null) {
    const result = await ipc.invoke('watch:snooze', { authId: row.authId, snooze })
    setActionError(result.ok ? null : describeError(result.error).title)
    reload()
  }

  const status = list?.status
  return (
    <section className="card screen-card is-list" aria-labelledby="watch-heading">
      <div className="watch-heading-row">
        <h2 id="watch-heading" className="section-title">
          Watchlist
        </h2>
        <button
          type="button"
          className="button button-ghost button-small"
          disabled={offline || status?.state === 'reading'}
          onClick={() => void ipc.invoke('watch:refresh', {})}
        >
          Read spend again
        </button>
      </div>
      {list && (
        <p className="section-note">
          Below their threshold (by default under {list.thresholdDays} days of runway) or running
          out within {list.horizonDays} days, lowest runway first. Spend per day is the higher
          average of the ledger's debits over the last 7 and 30 days; balances are the last sync's.
          Both limits are set on the Settings screen.
        </p>
      )}
      <p className="section-note" role="status" data-testid="watch-status">
        {status?.state === 'reading' && 'Reading the ledger… '}
        {status?.computedAt
          ? `Spend read ${readingAge(status.computedAt, now)} (${absoluteTime(status.computedAt)}).`
          : status && 'Spend not read yet: it is read after the customer sync.'}
      </p>
      <BulkTopUpLauncher
        selected={(list?.rows ?? []).filter((row) => selected.has(row.authId))}
        blocked={topUpBlockedReason(funds, offline, null)}
        onClosed={reload}
      />
      {status?.error && <ErrorAlert text={describeError(status.error)} />}
      {error && <ErrorAlert text={describeError(error)} />}
      {actionError && <p className="is-warning">{actionError}</p>}
      {!list && !error && <Spinner />}
      {list &&
        (list.rows.length === 0 ? (
          <p className="section-note">No customer needs attention.</p>
        ) : (
          <>
            <p className="section-note" data-testid="watch-count">
              {formatCount(list.rows.length)} customers need attention
            </p>
            <WatchTable
              rows={list.rows}
              actions={{
                defaultDays: list.thresholdDays,
                now,
                topUpBlocked: (row) => topUpBlockedReason(funds, offline, row.currency),
                onTopUp: setToppingUp,
                onSnooze: (row, s) => void snooze(row, s),
                onChanged: reload,
                selected,
                onSelect: select,
              }}
            />
          </>
        ))}
      {list && list.snoozed.length > 0 && (
        <details className="section-disclosure" data-testid="watch-snoozed">
          <summary className="section-disclosure-summary">
            Snoozed ({formatCount(list.snoozed.length)})
          </summary>
          <ul className="watch-snoozed-list">
            {list.snoozed.map((row) => (
              <li key={row.authId}>
                <span>
                  {row.name} · {runwayText(row.runwayDays)} · until{' '}
                  {absoluteTime(row.snoozedUntil ?? '')}
                </span>
                <button
                  type="button"
                  className="button button-ghost button-small"
                  onClick={() => void snooze(row, null)}
                >
                  Show again<span className="visually-hidden">: {row.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {toppingUp && (
        <TopUpDialog
          customer={{
            authId: toppingUp.authId,
            name: toppingUp.name,
            balance: toppingUp.balance,
            balanceRead: false,
          }}
          onClose={() => {
            setToppingUp(null)
            reload()
          }}
        />
      )}
    </section>
  )
}
