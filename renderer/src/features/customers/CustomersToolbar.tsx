import { memo, useId, type KeyboardEvent, type ReactNode, type RefObject } from 'react'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { describeError } from '../../lib/error-messages'
import { useCustomersStore } from '../../stores/customers-store'
import { kycLabel } from './cells'
import { NO_KYC, type Filters, type StatusFilter } from './customer-filters'

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)

type ToolbarProps = {
  query: string
  onQuery: (query: string) => void
  onSearchKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void
  searchRef: RefObject<HTMLInputElement | null>
  /** The "N of M" line, read with the search box. */
  countId: string
  filters: Filters
  onFilters: (update: (filters: Filters) => Filters) => void
  kyc: { values: string[]; hasNone: boolean }
  /** The low-balance thresholds, as text (set on the Settings screen); null: none applies. */
  threshold: string | null
  filtered: boolean
  onClear: () => void
  /** Before the first sync only the (remote) search makes sense: no filters, no export. */
  searchOnly: boolean
  /** What can be done with the customers a search or filter shows (a bulk top-up). */
  narrowedAction: ReactNode
}

/** Search (Ctrl/⌘F) and the filters. */
export const CustomersToolbar = memo(function CustomersToolbar({
  query,
  onQuery,
  onSearchKeyDown,
  searchRef,
  countId,
  filters,
  onFilters,
  kyc,
  threshold,
  filtered,
  onClear,
  searchOnly,
  narrowedAction,
}: ToolbarProps) {
  const searchId = useId()
  const kycId = useId()
  const statusId = useId()
  const lowId = useId()
  return (
    <div className="customers-toolbar">
      <div className="search-field" role="search" aria-label="Customers">
        <label htmlFor={searchId} className="visually-hidden">
          Search customers
        </label>
        <Icon name="search" className="search-icon" />
        <input
          ref={searchRef}
          id={searchId}
          type="search"
          className="input search-input"
          placeholder="Name, email, company, phone or ID"
          autoComplete="off"
          spellCheck={false}
          value={query}
          aria-describedby={countId}
          aria-keyshortcuts={IS_MAC ? 'Meta+F' : 'Control+F'}
          onChange={(event) => onQuery(event.target.value)}
          onKeyDown={onSearchKeyDown}
        />
        {query ? (
          <button
            type="button"
            className="search-clear"
            onClick={() => {
              onQuery('')
              searchRef.current?.focus()
            }}
          >
            <Icon name="cross" />
            <span className="visually-hidden">Clear search</span>
          </button>
        ) : (
          <kbd className="search-kbd" aria-hidden="true">
            {IS_MAC ? '⌘F' : 'Ctrl F'}
          </kbd>
        )}
      </div>

      {!searchOnly && (
        <div className="filters">
          <div className="filter">
            <label htmlFor={kycId} className="filter-label">
              KYC
            </label>
            <select
              id={kycId}
              className="select"
              value={filters.kyc}
              onChange={(event) => {
                const kycFilter = event.target.value
                onFilters((current) => ({ ...current, kyc: kycFilter }))
              }}
            >
              <option value="all">All</option>
              {kyc.values.map((value) => (
                <option key={value} value={value}>
                  {kycLabel(value)}
                </option>
              ))}
              {kyc.hasNone && <option value={NO_KYC}>Not set</option>}
            </select>
          </div>
          <div className="filter">
            <label htmlFor={statusId} className="filter-label">
              Status
            </label>
            <select
              id={statusId}
              className="select"
              value={filters.status}
              onChange={(event) => {
                const status = event.target.value as StatusFilter
                onFilters((current) => ({ ...current, status }))
              }}
            >
              <option value="all">All</option>
              <option value="enabled">Enabled</option>
              <option value="disabled">Disabled</option>
            </select>
          </div>
          <div className="filter filter-low">
            <input
              id={lowId}
              type="checkbox"
              checked={filters.lowBalance}
              disabled={threshold === null}
              onChange={(event) => {
                const lowBalance = event.target.checked
                onFilters((current) => ({ ...current, lowBalance }))
              }}
            />
            <label htmlFor={lowId} className="filter-label">
              Low balance
              {threshold !== null && <span className="filter-note"> (under {threshold})</span>}
            </label>
          </div>
          {filtered && (
            <button type="button" className="button button-ghost button-small" onClick={onClear}>
              Clear filters
            </button>
          )}
          {narrowedAction}
        </div>
      )}
    </div>
  )
})

/** Export CSV of the view as shown; main writes the file (the panel's footer says where). */
export function ExportButton({
  canExport,
  onExport,
}: {
  canExport: boolean
  onExport: () => void
}) {
  const saving = useCustomersStore((s) => s.exportState.state === 'saving')
  const disabled = !canExport || saving
  return (
    <button
      type="button"
      className="button button-secondary button-small export-button"
      aria-disabled={disabled || undefined}
      onClick={() => {
        if (!disabled) onExport()
      }}
    >
      {saving ? <Spinner /> : <Icon name="download" />}
      Export CSV
    </button>
  )
}

/** What became of the last export, in the panel's footer (a polite live region). */
export function ExportStatus() {
  const exportState = useCustomersStore((s) => s.exportState)
  return (
    <p className="export-status" role="status" data-testid="export-status">
      {exportState.state === 'saved' ? (
        <>
          <Icon name="check" />
          Saved {exportState.fileName}
        </>
      ) : exportState.state === 'cancelled' ? (
        'Export cancelled'
      ) : exportState.state === 'failed' ? (
        <span className="is-error">{describeError(exportState.error).title}</span>
      ) : null}
    </p>
  )
}
