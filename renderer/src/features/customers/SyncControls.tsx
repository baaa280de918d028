import { memo, useId } from 'react'
import type { SyncStatus } from '../../../../shared/customers'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { absoluteTime, formatCount, readingAge } from '../../lib/format'
import { useNow } from '../../lib/use-now'

/** "Synced 3 minutes ago" and Refresh (`customers:sync`), disabled with its reason when it can't run. */
export const SyncControls = memo(function SyncControls({
  sync,
  busy,
  offline,
  onRefresh,
}: {
  sync: SyncStatus | null
  /** A refresh asked for here is running. */
  busy: boolean
  offline: boolean
  onRefresh: () => void
}) {
  const now = useNow()
  const reasonId = useId()
  const syncing = busy || sync?.state === 'syncing'
  const syncedAt = sync?.syncedAt ?? null
  const relative = syncedAt ? readingAge(syncedAt, now) : ''
  const reason = offline ? 'Refresh needs a connection to Vobiz.' : null
  const disabled = syncing || offline
  return (
    <div className="sync-controls">
      <div className="sync-text">
        <p className="sync-when" data-testid="customers-synced">
          {syncedAt && relative ? (
            <>
              Synced{' '}
              <time dateTime={syncedAt} title={absoluteTime(syncedAt)}>
                {relative}
              </time>
            </>
          ) : syncing ? (
            'Syncing for the first time'
          ) : (
            'Not synced yet'
          )}
        </p>
        {/* Offline is said once, by the banner below; here it describes the button. */}
        {reason && (
          <p id={reasonId} className="visually-hidden">
            {reason}
          </p>
        )}
      </div>
      <button
        type="button"
        className={`button button-secondary button-small${offline ? ' is-unavailable' : ''}`}
        aria-disabled={disabled || undefined}
        aria-describedby={reason ? reasonId : undefined}
        title={reason ?? undefined}
        onClick={() => {
          if (!disabled) onRefresh()
        }}
      >
        {syncing ? <Spinner /> : <Icon name="refresh" />}
        {syncing ? 'Syncing…' : 'Refresh'}
        <span className="visually-hidden"> customers</span>
      </button>
    </div>
  )
})

/** Pages fetched of pages expected while a sync runs; indeterminate until the total is known. */
export function SyncProgress({ sync }: { sync: SyncStatus }) {
  const total = sync.pagesTotal !== null && sync.pagesTotal > 0 ? sync.pagesTotal : null
  const done = total === null ? sync.pagesDone : Math.min(sync.pagesDone, total)
  const text =
    total !== null
      ? `${formatCount(done)} of ${formatCount(total)} pages`
      : done === 0
        ? 'Starting…'
        : `${formatCount(done)} ${done === 1 ? 'page' : 'pages'} fetched`
  return (
    <div className="sync-progress">
      <div
        className={`progress${total === null ? ' is-indeterminate' : ''}`}
        role="progressbar"
        aria-label="Syncing customers"
        aria-valuemin={0}
        aria-valuemax={total ?? undefined}
        aria-valuenow={total === null ? undefined : done}
        aria-valuetext={text}
      >
        <span
          className="progress-fill"
          style={total === null ? undefined : { width: `${((done / total) * 100).toFixed(1)}%` }}
        />
      </div>
      <span className="progress-text" aria-hidden="true">
        {text}
      </span>
    </div>
  )
}
