import type { KeyboardEvent } from 'react'
import type { ColumnLayout } from '../../../../shared/customers'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Spinner } from '../../components/Spinner'
import { describeError } from '../../lib/error-messages'
import { useCustomersStore } from '../../stores/customers-store'
import { CustomersGrid } from './CustomersGrid'
import { LoadRetry } from './CustomersNotices'
import { EmptyState } from './EmptyState'
import type { CustomersView } from './use-customers-view'

/** What fills the screen below the toolbar: loading, a load error, an empty state, or the grid. */
export function CustomersBody({
  view: v,
  layout,
  onResize,
  onGridKeyDown,
  countId,
}: {
  view: CustomersView
  layout: ColumnLayout
  onResize: (column: string, width: number) => void
  onGridKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void
  countId: string
}) {
  const loaded = useCustomersStore((s) => s.loaded)
  const loadError = useCustomersStore((s) => s.loadError)
  const sync = useCustomersStore((s) => s.sync)

  if (!loaded) {
    return (
      <p className="customers-loading" role="status">
        <Spinner />
        Loading customers…
      </p>
    )
  }
  if (loadError && v.rows.length === 0) {
    return (
      <ErrorAlert
        text={{
          title: "Couldn't load the customers saved on this computer.",
          detail: describeError(loadError).title,
        }}
      >
        <LoadRetry />
      </ErrorAlert>
    )
  }
  if (v.neverSynced && !v.remoteMode) {
    if (v.offline) {
      return (
        <EmptyState
          icon="wifiOff"
          title="Offline — nothing synced yet for this profile"
          text="Customers appear here after the first sync. Partner Desk syncs by itself when Vobiz can be reached."
        />
      )
    }
    if (sync?.state === 'syncing') {
      return (
        <EmptyState
          icon="refresh"
          title="Fetching your customers…"
          text="The first sync is running. You can already search: Vobiz answers until it completes."
        />
      )
    }
    return (
      <EmptyState
        icon="users"
        title="Nothing synced yet for this profile"
        text={
          sync?.state === 'failed'
            ? 'The first sync did not complete. Refresh to try again; Partner Desk also tries again by itself.'
            : 'Customers appear here after the first sync.'
        }
      />
    )
  }
  if (v.remoteMode && v.remote.status === 'failed') {
    return <ErrorAlert text={describeError(v.remote.error)} />
  }
  return (
    <>
      <CustomersGrid
        rows={v.index.rows}
        view={v.view}
        terms={v.terms}
        renderedQuery={v.shownQuery}
        sort={v.sort}
        onSort={v.onSort}
        selectedRow={v.selectedRow}
        scrollRequest={v.scrollRequest}
        resetKey={v.resetKey}
        threshold={v.threshold}
        layout={layout}
        onResize={onResize}
        onOpen={v.open}
        onKeyDown={onGridKeyDown}
        onPageSize={v.setPageSize}
        describedBy={countId}
      />
      {v.view.length === 0 &&
        (v.rows.length === 0 && !v.remoteMode ? (
          <EmptyState
            icon="users"
            title="No customers yet"
            text="Customers you create under this partner account appear here."
          />
        ) : v.remoteMode && v.remote.status === 'searching' ? null : (
          <EmptyState
            icon="search"
            title="No customers match"
            text={
              v.remoteMode
                ? 'Vobiz found no customer with that name or email.'
                : 'Nothing matches the search and filters. Check the spelling or clear them.'
            }
          >
            <button type="button" className="button button-secondary" onClick={v.clearAll}>
              Clear search and filters
            </button>
          </EmptyState>
        ))}
    </>
  )
}
