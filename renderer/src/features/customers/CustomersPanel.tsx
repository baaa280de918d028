import {
  lazy,
  Suspense,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react'
import { DEFAULT_SETTINGS } from '../../../../shared/customers'
import { parseMoney } from '../../../../shared/money'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { afterNextPaint } from '../../lib/after-paint'
import { describeError } from '../../lib/error-messages'
import { absoluteTime, formatCount } from '../../lib/format'
import { useCustomersStore } from '../../stores/customers-store'
import {
  NO_FILTERS,
  createCustomerIndex,
  hasFilters,
  type ColumnId,
  type Filters,
  type SortState,
} from './customer-index'
import { useClipboardStore } from '../../stores/clipboard-store'
import { ClipboardToast } from '../../components/ClipboardToast'
import { CustomerDrawer } from '../customer-drawer/CustomerDrawer'
import { useNewCustomerStore } from '../../stores/new-customer-store'
import { CreatedCredentialsDialog } from '../new-customer/CreatedCredentialsDialog'
import { KycOffer } from '../new-customer/KycOffer'
import { NewCustomerButton } from '../new-customer/NewCustomerButton'
import { CustomersGrid, type ScrollRequest } from './CustomersGrid'
import { CustomersToolbar, ExportButton, ExportStatus } from './CustomersToolbar'
import { EmptyState } from './EmptyState'
import { searchTerms } from './normalise'
import { SyncControls, SyncProgress } from './SyncControls'
import { remoteRows, useRemoteSearch } from './use-remote-search'

// The form and its phone and time-zone data load when it is first opened, not at start-up.
const NewCustomerDialog = lazy(() =>
  import('../new-customer/NewCustomerDialog').then((m) => ({ default: m.NewCustomerDialog })),
)

const DEFER_SEARCH_ABOVE = 150_000
const DEFAULT_SORT: SortState = { column: 'name', direction: 'ascending' }
/** Columns that read best largest or newest first on the first click. */
const DESCENDING_FIRST = new Set<ColumnId>(['balance', 'createdAt'])

type Selection = { authId: string; row: number }
type Move = 'next' | 'previous' | 'first' | 'last' | 'pageDown' | 'pageUp'

const MOVES: Record<string, Move> = {
  ArrowDown: 'next',
  ArrowUp: 'previous',
  Home: 'first',
  End: 'last',
  PageDown: 'pageDown',
  PageUp: 'pageUp',
}

/** Runs `work` in tasks after the next paint until it returns true. */
const idle = (work: () => boolean): (() => void) => {
  let handle = 0
  const step = () => {
    if (!work()) handle = window.setTimeout(step, 0)
  }
  const cancelStart = afterNextPaint(step)
  return () => {
    cancelStart()
    window.clearTimeout(handle)
  }
}

/**
 * The customer list of the active profile: shown from the cache at once, kept fresh by main's
 * sync, searched, filtered and sorted in the renderer over precomputed keys (see
 * customer-index.ts). `onOpen` is told which customer Enter (or a double click) opened.
 */
export function CustomersPanel({ onOpen }: { onOpen?: (authId: string) => void }) {
  const rows = useCustomersStore((s) => s.rows)
  const total = useCustomersStore((s) => s.total)
  const loading = useCustomersStore((s) => s.loading)
  const loaded = useCustomersStore((s) => s.loaded)
  const loadError = useCustomersStore((s) => s.loadError)
  const sync = useCustomersStore((s) => s.sync)
  const syncError = useCustomersStore((s) => s.syncError)
  const refreshing = useCustomersStore((s) => s.refreshing)
  const cacheNotice = useCustomersStore((s) => s.cacheNotice)
  const network = useCustomersStore((s) => s.network)
  const settings = useCustomersStore((s) => s.settings)
  const start = useCustomersStore((s) => s.start)
  const load = useCustomersStore((s) => s.load)
  const shown = useCustomersStore((s) => s.shown)
  const refresh = useCustomersStore((s) => s.refresh)
  const saveSettings = useCustomersStore((s) => s.saveSettings)
  const exportCsv = useCustomersStore((s) => s.exportCsv)
  const dismissCacheNotice = useCustomersStore((s) => s.dismissCacheNotice)
  const dismissSyncError = useCustomersStore((s) => s.dismissSyncError)

  useEffect(() => start(), [start])
  // After the frame that paints a whole list (main holds its start-up sync back until then).
  const whole = loaded && !loading
  useEffect(() => (whole ? afterNextPaint(shown) : undefined), [whole, rows, shown])

  const [query, setQuery] = useState('')
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT)
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const [selection, setSelection] = useState<Selection | null>(null)
  const [drawerOpen, setDrawerOpen] = useState(false)
  const sectionRef = useRef<HTMLElement>(null)
  const startClipboard = useClipboardStore((s) => s.start)
  const newOpen = useNewCustomerStore((s) => s.open)
  const newStatus = useNewCustomerStore((s) => s.status)
  const showNew = useNewCustomerStore((s) => s.show)
  const hideNew = useNewCustomerStore((s) => s.hide)
  const finishNew = useNewCustomerStore((s) => s.finish)
  useEffect(() => startClipboard(), [startClipboard])
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest | null>(null)
  const [pageSize, setPageSize] = useState(10)
  const searchRef = useRef<HTMLInputElement>(null)
  const countId = useId()

  const offline = network?.online === false
  const neverSynced = loaded && rows.length === 0 && !sync?.syncedAt
  const remoteMode = neverSynced && !offline && query.trim() !== ''
  const remote = useRemoteSearch(query, remoteMode)
  // While the list is read, its first page shows the default view; any other view (a search, a
  // filter, another sort) is made from the rows read so far, and the count says so.
  const defaultView = query === '' && !hasFilters(filters) && sort === DEFAULT_SORT
  const partial = loading && !defaultView && loading.rows.length > rows.length ? loading.rows : null
  const sourceRows = remoteMode ? remoteRows(remote) : (partial ?? rows)

  const index = useMemo(() => createCustomerIndex(sourceRows), [sourceRows])
  // Search keys are built in small slices after the first paint, not before it.
  useEffect(() => idle(() => index.prepareSearch()), [index])

  // Filtering is a few milliseconds: the rows follow each keystroke in the same frame. Only for
  // very large lists is the search deferred (typing stays smooth, the rows follow a frame later).
  // (Below that size the deferred value stays '', so no second render follows each keystroke.)
  const deferSearch = index.size > DEFER_SEARCH_ABOVE
  const deferredQuery = useDeferredValue(deferSearch ? query : '')
  const shownQuery = deferSearch ? deferredQuery : query
  const terms = useMemo(() => searchTerms(shownQuery), [shownQuery])
  const threshold = useMemo(
    () => parseMoney(settings?.lowBalanceThreshold ?? DEFAULT_SETTINGS.lowBalanceThreshold),
    [settings],
  )
  const view = useMemo(
    // Vobiz already searched the remote rows (its way); they are only filtered and sorted here.
    () => index.view({ terms: remoteMode ? [] : terms, sort, filters, threshold }),
    [index, remoteMode, terms, sort, filters, threshold],
  )
  const kyc = useMemo(() => index.kycStatuses(), [index])

  // The selection follows its customer across snapshots (the row index may change).
  const selectedRow = useMemo(() => {
    if (!selection) return null
    if (index.rows[selection.row]?.authId === selection.authId) return selection.row
    const found = index.rows.findIndex((row) => row.authId === selection.authId)
    return found === -1 ? null : found
  }, [index, selection])

  const select = useCallback(
    (row: number) => {
      const customer = index.rows[row]
      if (customer) setSelection({ authId: customer.authId, row })
    },
    [index],
  )

  const open = useCallback(
    (row: number) => {
      const customer = index.rows[row]
      if (!customer) return
      setSelection({ authId: customer.authId, row })
      setDrawerOpen(true)
      onOpen?.(customer.authId)
    },
    [index, onOpen],
  )

  const move = useCallback(
    (how: Move) => {
      if (view.length === 0) return
      const current = selectedRow === null ? -1 : view.indexOf(selectedRow)
      const last = view.length - 1
      let position: number
      switch (how) {
        case 'next':
          position = current === -1 ? 0 : Math.min(last, current + 1)
          break
        case 'previous':
          position = current === -1 ? 0 : Math.max(0, current - 1)
          break
        case 'first':
          position = 0
          break
        case 'last':
          position = last
          break
        case 'pageDown':
          position = Math.min(last, Math.max(0, current) + pageSize)
          break
        case 'pageUp':
          position = Math.max(0, current - pageSize)
          break
      }
      const row = view[position]
      if (row === undefined) return
      select(row)
      setScrollRequest((previous) => ({ position, token: (previous?.token ?? 0) + 1 }))
    },
    [view, selectedRow, pageSize, select],
  )

  const clearSearch = useCallback(() => setQuery(''), [])

  const onGridKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.target !== event.currentTarget) return // the header's sort buttons
      const how = MOVES[event.key]
      if (how) {
        event.preventDefault()
        move(how)
      } else if (event.key === 'Enter' && selectedRow !== null) {
        event.preventDefault()
        open(selectedRow)
      } else if (event.key === 'Escape') {
        event.preventDefault()
        clearSearch()
      }
    },
    [move, open, selectedRow, clearSearch],
  )

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      move(event.key === 'ArrowDown' ? 'next' : 'previous')
    } else if (event.key === 'Enter') {
      event.preventDefault()
      const first = view[0]
      if (selectedRow !== null && view.includes(selectedRow)) open(selectedRow)
      else if (first !== undefined) open(first)
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault()
      clearSearch()
    }
  }

  // Ctrl+K (⌘K on macOS) focuses the search box from anywhere in the window.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault()
        searchRef.current?.focus()
        searchRef.current?.select()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const onSort = useCallback((column: ColumnId) => {
    setSort((current) =>
      current.column === column
        ? {
            column,
            direction: current.direction === 'ascending' ? 'descending' : 'ascending',
          }
        : { column, direction: DESCENDING_FIRST.has(column) ? 'descending' : 'ascending' },
    )
  }, [])

  const clearAll = useCallback(() => {
    setQuery('')
    setFilters(NO_FILTERS)
    searchRef.current?.focus()
  }, [])

  const exportView = useCallback(() => {
    void exportCsv(Array.from(view, (row) => index.rows[row]?.authId ?? ''))
  }, [exportCsv, view, index])

  // The drawer shows the selected customer; previous and next move the selection.
  const drawerRow = drawerOpen && selectedRow !== null ? (index.rows[selectedRow] ?? null) : null
  const drawerPosition = useMemo(
    () => (drawerRow && selectedRow !== null ? Math.max(0, view.indexOf(selectedRow)) : 0),
    [drawerRow, selectedRow, view],
  )
  const closeDrawer = useCallback(() => {
    setDrawerOpen(false)
    // Focus goes back to the table, on the customer's row (the grid's active descendant).
    window.requestAnimationFrame(() =>
      sectionRef.current?.querySelector<HTMLElement>('[role="grid"]')?.focus(),
    )
  }, [])

  const resetKey = `${shownQuery}|${filters.kyc}|${filters.status}|${filters.lowBalance}|${sort.column}:${sort.direction}`
  const syncing = sync?.state === 'syncing'
  const shownSyncError = syncError && !(offline && syncError.kind === 'offline') ? syncError : null

  const countText =
    !loaded || (neverSynced && !remoteMode)
      ? ''
      : remoteMode
        ? remote.status === 'done'
          ? `${formatCount(view.length)} of ${formatCount(remote.total)} ${remote.total === 1 ? 'match' : 'matches'} on Vobiz`
          : remote.status === 'searching'
            ? 'Searching Vobiz…'
            : ''
        : loading
          ? partial
            ? `${formatCount(view.length)} of the first ${formatCount(partial.length)} of ${formatCount(total)} customers (loading…)`
            : `Loading ${formatCount(loading.rows.length)} of ${formatCount(total)} customers…`
          : `${formatCount(view.length)} of ${formatCount(total)} ${total === 1 ? 'customer' : 'customers'}`

  return (
    <section
      ref={sectionRef}
      className="card customers"
      aria-labelledby="customers-heading"
      data-testid="customers"
      data-sync-state={sync?.state ?? 'unknown'}
    >
      <div className="customers-header">
        <div className="customers-title">
          <h2 id="customers-heading" className="customers-heading">
            Customers
          </h2>
          <p
            id={countId}
            className="customers-count"
            aria-live="polite"
            data-testid="customers-count"
          >
            {countText}
          </p>
        </div>
        <div className="customers-actions">
          <NewCustomerButton offline={offline} onOpen={showNew} />
          <SyncControls
            sync={sync}
            busy={refreshing}
            offline={offline}
            onRefresh={() => void refresh()}
          />
          {loaded && !neverSynced && (
            <ExportButton canExport={view.length > 0} onExport={exportView} />
          )}
        </div>
      </div>

      {syncing && sync && <SyncProgress sync={sync} />}

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
            <button
              type="button"
              className="button button-secondary button-small load-retry"
              onClick={() => void load()}
            >
              Try again
            </button>
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

      {loaded && !(neverSynced && offline) && !(loadError && rows.length === 0) && (
        <CustomersToolbar
          query={query}
          onQuery={setQuery}
          onSearchKeyDown={onSearchKeyDown}
          searchRef={searchRef}
          countId={countId}
          filters={filters}
          onFilters={setFilters}
          kyc={kyc}
          threshold={settings?.lowBalanceThreshold ?? DEFAULT_SETTINGS.lowBalanceThreshold}
          onSaveSettings={saveSettings}
          filtered={hasFilters(filters)}
          onClear={clearAll}
          searchOnly={neverSynced}
        />
      )}

      {remoteMode && (
        <p className="remote-note">
          <Icon name="info" />
          Searching Vobiz directly (names and emails) until the first sync completes.
        </p>
      )}

      <div className="customers-body">
        {!loaded ? (
          <p className="customers-loading" role="status">
            <Spinner />
            Loading customers…
          </p>
        ) : loadError && rows.length === 0 ? (
          <ErrorAlert
            text={{
              title: "Couldn't load the customers saved on this computer.",
              detail: describeError(loadError).title,
            }}
          >
            <button
              type="button"
              className="button button-secondary button-small load-retry"
              onClick={() => void load()}
            >
              Try again
            </button>
          </ErrorAlert>
        ) : neverSynced && !remoteMode ? (
          offline ? (
            <EmptyState
              icon="wifiOff"
              title="Offline — nothing synced yet for this profile"
              text="Customers appear here after the first sync. Partner Desk syncs by itself when Vobiz can be reached."
            />
          ) : syncing ? (
            <EmptyState
              icon="refresh"
              title="Fetching your customers…"
              text="The first sync is running. You can already search: Vobiz answers until it completes."
            />
          ) : (
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
        ) : remoteMode && remote.status === 'failed' ? (
          <ErrorAlert text={describeError(remote.error)} />
        ) : (
          <>
            <CustomersGrid
              rows={index.rows}
              view={view}
              terms={terms}
              renderedQuery={shownQuery}
              sort={sort}
              onSort={onSort}
              selectedRow={selectedRow}
              scrollRequest={scrollRequest}
              resetKey={resetKey}
              threshold={threshold}
              onOpen={open}
              onKeyDown={onGridKeyDown}
              onPageSize={setPageSize}
              describedBy={countId}
            />
            {view.length === 0 &&
              (rows.length === 0 && !remoteMode ? (
                <EmptyState
                  icon="users"
                  title="No customers yet"
                  text="Customers you create under this partner account appear here."
                />
              ) : remoteMode && remote.status === 'searching' ? null : (
                <EmptyState
                  icon="search"
                  title="No customers match"
                  text={
                    remoteMode
                      ? 'Vobiz found no customer with that name or email.'
                      : 'Nothing matches the search and filters. Check the spelling or clear them.'
                  }
                >
                  <button type="button" className="button button-secondary" onClick={clearAll}>
                    Clear search and filters
                  </button>
                </EmptyState>
              ))}
          </>
        )}
      </div>

      <div className="customers-footer">
        <ExportStatus />
        <KycOffer offline={offline} />
      </div>

      {drawerRow && (
        <CustomerDrawer
          row={drawerRow}
          position={drawerPosition}
          count={view.length}
          offline={offline}
          onPrevious={() => move('previous')}
          onNext={() => move('next')}
          onClose={closeDrawer}
        />
      )}
      {newOpen &&
        (newStatus.state === 'created' ? (
          <CreatedCredentialsDialog
            created={newStatus.created}
            offline={offline}
            onDone={finishNew}
          />
        ) : (
          <Suspense fallback={null}>
            <NewCustomerDialog offline={offline} onClose={hideNew} />
          </Suspense>
        ))}
      {/* Inside a modal dialog the toast is the dialog's own (the page behind is inert). */}
      {!drawerRow && !newOpen && <ClipboardToast />}
    </section>
  )
}
