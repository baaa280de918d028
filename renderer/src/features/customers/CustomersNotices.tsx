import { ErrorAlert } from '../../components/ErrorAlert'
import { Icon } from '../../components/Icon'
import { describeError } from '../../lib/error-messages'
import { absoluteTime, formatCount } from '../../lib/format'
import { useCustomersStore } from '../../stores/customers-store'

/** Offline with a synced list, a failed sync or list read, and notices about the cache itself. */
export function CustomersNotices({ offline }: { offline: boolean }) {
  const sync = useCustomersStore((s) => s.sync)
  const syncError = useCustomersStore((s) => s.syncError)
  const cacheNotice = useCustomersStore((s) => s.cacheNotice)
  const dismissCacheNotice = useCustomersStore((s) => s.dismissCacheNotice)
  const dismissSyncError = useCustomersStore((s) => s.dismissSyncError)
  const rows = useCustomersStore((s) => s.rows)
  const total = useCustomersStore((s) => s.total)
  const loadError = useCustomersStore((s) => s.loadError)
  const shownSyncError = syncError && !(offline && syncError.kind === 'offline') ? syncError : null
  return (
    <div className="customers-notices">
      {offline && sync?.syncedAt && (
        <div className="banner banner-warning" role="status">
          <Icon name="wifiOff" className="banner-icon" />
          <p className="banner-text">
            <span className="banner-title">
              Offline — showing customers synced at {absoluteTime(sync.syncedAt)}
            </span>
            <span className="banner-detail">
              {' '}
              Partner Desk refreshes them by itself when Vobiz can be reached again.
            </span>
          </p>
        </div>
      )}
      {shownSyncError && (
        <ErrorAlert
          text={{
            title: "Couldn't sync customers.",
            detail: describeError(shownSyncError).title,
          }}
          onDismiss={dismissSyncError}
        >
          {sync?.syncedAt && (
            <p className="banner-detail">
              Showing the customers synced at {absoluteTime(sync.syncedAt)}.
            </p>
          )}
        </ErrorAlert>
      )}
      {loadError && rows.length > 0 && (
        <ErrorAlert
          text={{
            title: `Couldn't load all the customers saved on this computer (${formatCount(rows.length)} of ${formatCount(total)} shown).`,
            detail: describeError(loadError).title,
          }}
        >
          <LoadRetry />
        </ErrorAlert>
      )}
      {cacheNotice && (
        <div className="banner banner-info" role="status">
          <Icon name="info" className="banner-icon" />
          <p className="banner-text">{cacheNotice}</p>
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={dismissCacheNotice}
          >
            Dismiss
            <span className="visually-hidden"> notice</span>
          </button>
        </div>
      )}
    </div>
  )
}

/** Reads the customers saved on this computer again, after a failed read. */
export function LoadRetry() {
  const load = useCustomersStore((s) => s.load)
  return (
    <button
      type="button"
      className="button button-secondary button-small load-retry"
      onClick={() => void load()}
    >
      Try again
    </button>
  )
}
