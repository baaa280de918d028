import { lazy, Suspense, useCallback, useEffect, useId, useRef } from 'react'
import { ClipboardToast } from '../../components/ClipboardToast'
import { Icon } from '../../components/Icon'
import { useCustomersStore } from '../../stores/customers-store'
import { useNavigationStore } from '../../stores/navigation-store'
import { useNewCustomerStore } from '../../stores/new-customer-store'
import { CustomerDrawer } from '../customer-drawer/CustomerDrawer'
import { CreatedCredentialsDialog } from '../new-customer/CreatedCredentialsDialog'
import { KycOffer } from '../new-customer/KycOffer'
import { NewCustomerButton } from '../new-customer/NewCustomerButton'
import { ColumnsMenu } from './ColumnsMenu'
import { hasFilters } from './customer-filters'
import { CustomersBody } from './CustomersBody'
import { CustomersNotices } from './CustomersNotices'
import { CustomersToolbar, ExportButton, ExportStatus } from './CustomersToolbar'
import { SyncControls, SyncProgress } from './SyncControls'
import { useColumnLayout } from './use-column-layout'
import { useCustomersKeyboard } from './use-customers-keyboard'
import { useCustomersView } from './use-customers-view'
import { TopUpShown } from './TopUpShown'
import { useRevealCreated } from './use-reveal-created'
import { usePaletteRequests } from './use-palette-requests'

// The form and its phone and time-zone data load when it is first opened, not at start-up.
const NewCustomerDialog = lazy(() =>
  import('../new-customer/NewCustomerDialog').then((m) => ({ default: m.NewCustomerDialog })),
)

/**
 * The customer list of the active profile: shown from the cache at once, kept fresh by main's
 * sync, searched, filtered and sorted in the renderer over precomputed keys (see
 * customer-index.ts), filling the workspace with the grid as its one scroll container.
 */
export function CustomersPanel() {
  const loaded = useCustomersStore((s) => s.loaded)
  const loadError = useCustomersStore((s) => s.loadError)
  const sync = useCustomersStore((s) => s.sync)
  const refreshing = useCustomersStore((s) => s.refreshing)
  const refresh = useCustomersStore((s) => s.refresh)
  const exportCsv = useCustomersStore((s) => s.exportCsv)
  const active = useNavigationStore((s) => s.section === 'customers')
  const newOpen = useNewCustomerStore((s) => s.open)
  const newStatus = useNewCustomerStore((s) => s.status)
  const showNew = useNewCustomerStore((s) => s.show)
  const hideNew = useNewCustomerStore((s) => s.hide)
  const finishNew = useNewCustomerStore((s) => s.finish)
  const sectionRef = useRef<HTMLElement>(null)
  const countId = useId()

  const v = useCustomersView()
  const { onGridKeyDown, onSearchKeyDown } = useCustomersKeyboard(v, active)
  const columns = useColumnLayout()
  const { view, index, offline, neverSynced, setDrawerOpen } = v

  const exportView = useCallback(() => {
    void exportCsv(Array.from(view, (row) => index.rows[row]?.authId ?? ''))
  }, [exportCsv, view, index])
  const shownCustomers = useCallback(
    () =>
      Array.from(view, (row) => index.rows[row])
        .filter((row) => row !== undefined)
        .map(({ authId, name }) => ({ authId, name })),
    [view, index],
  )
  usePaletteRequests(v, exportView)
  useRevealCreated(v)

  const closeDrawer = useCallback(() => {
    setDrawerOpen(false)
    // Focus goes back to the table, on the customer's row (the grid's active descendant).
    window.requestAnimationFrame(() =>
      sectionRef.current?.querySelector<HTMLElement>('[role="grid"]')?.focus(),
    )
  }, [setDrawerOpen])

  // Another screen shown (from the palette, over the drawer): the drawer closes with it.
  useEffect(() => {
    if (!active) setDrawerOpen(false)
  }, [active, setDrawerOpen])

  const showTable = loaded && !neverSynced
  return (
    <section
      ref={sectionRef}
      className="customers"
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
            {v.countText}
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
          {showTable && (
            <ColumnsMenu
              layout={columns.layout}
              onHidden={columns.setHidden}
              onReset={columns.reset}
            />
          )}
          {showTable && <ExportButton canExport={view.length > 0} onExport={exportView} />}
        </div>
      </div>

      {sync?.state === 'syncing' && <SyncProgress sync={sync} />}
      <CustomersNotices offline={offline} />

      {loaded && !(neverSynced && offline) && !(loadError && v.rows.length === 0) && (
        <CustomersToolbar
          query={v.query}
          onQuery={v.setQuery}
          onSearchKeyDown={onSearchKeyDown}
          searchRef={v.searchRef}
          countId={countId}
          filters={v.filters}
          onFilters={v.setFilters}
          kyc={v.kyc}
          threshold={v.thresholdText}
          filtered={hasFilters(v.filters)}
          onClear={v.clearAll}
          searchOnly={neverSynced}
          narrowedAction={
            !neverSynced && (v.query.trim() !== '' || hasFilters(v.filters)) ? (
              <TopUpShown count={view.length} offline={offline} customers={shownCustomers} />
            ) : null
          }
        />
      )}

      {v.remoteMode && (
        <p className="remote-note">
          <Icon name="info" />
          Searching Vobiz directly (names and emails) until the first sync completes.
        </p>
      )}

      <div className="customers-body">
        <CustomersBody
          view={v}
          layout={columns.layout}
          onResize={columns.setWidth}
          onGridKeyDown={onGridKeyDown}
          countId={countId}
        />
      </div>

      <div className="customers-footer">
        <ExportStatus />
        <KycOffer offline={offline} />
      </div>

      {v.drawerRow && (
        <CustomerDrawer
          row={v.drawerRow}
          position={v.drawerPosition}
          count={view.length}
          offline={offline}
          onPrevious={() => v.move('previous')}
          onNext={() => v.move('next')}
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
      {!v.drawerRow && !newOpen && <ClipboardToast />}
    </section>
  )
}
