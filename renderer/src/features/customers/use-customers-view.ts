import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import { thresholdSummary, useLowBalanceRule } from '../balance/use-low-balance-rule'
import { afterNextPaint } from '../../lib/after-paint'
import { formatCount } from '../../lib/format'
import { useCustomersStore } from '../../stores/customers-store'
import { NO_FILTERS, hasFilters, type Filters } from './customer-filters'
import type { ColumnId, SortState } from './row-order'
import { customerIndexFor } from './customer-index-cache'
import type { ScrollRequest } from './CustomersGrid'
import { searchTerms } from './normalise'
import { remoteRows, useRemoteSearch } from './use-remote-search'

const DEFER_SEARCH_ABOVE = 150_000
const DEFAULT_SORT: SortState = { column: 'name', direction: 'ascending' }
/** Columns that read best largest or newest first on the first click. */
const DESCENDING_FIRST = new Set<ColumnId>(['balance', 'createdAt'])

type Selection = { authId: string; row: number }
export type Move = 'next' | 'previous' | 'first' | 'last' | 'pageDown' | 'pageUp'

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
 * The customers screen's state over the store's rows: search, sort, filters, the view they give
 * (customer-index.ts), the selection and the drawer, and the moves between rows.
 */
export function useCustomersView() {
  const rows = useCustomersStore((s) => s.rows)
  const total = useCustomersStore((s) => s.total)
  const loading = useCustomersStore((s) => s.loading)
  const loaded = useCustomersStore((s) => s.loaded)
  const sync = useCustomersStore((s) => s.sync)
  const network = useCustomersStore((s) => s.network)
  const shown = useCustomersStore((s) => s.shown)

  // After the frame that paints a whole list (main holds its start-up sync back until then).
  const whole = loaded && !loading
  useEffect(() => (whole ? afterNextPaint(shown) : undefined), [whole, rows, shown])

  const [query, setQuery] = useState('')
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT)
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const [selection, setSelection] = useState<Selection | null>(null)
  const [drawerOpen, setDrawerOpen] = useState(false)
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest | null>(null)
  const [pageSize, setPageSize] = useState(10)
  const searchRef = useRef<HTMLInputElement>(null)

  const offline = network?.online === false
  const neverSynced = loaded && rows.length === 0 && !sync?.syncedAt
  const remoteMode = neverSynced && !offline && query.trim() !== ''
  const remote = useRemoteSearch(query, remoteMode)
  // While the list is read, its first page shows the default view; any other view (a search, a
  // filter, another sort) is made from the rows read so far, and the count says so.
  const defaultView = query === '' && !hasFilters(filters) && sort === DEFAULT_SORT
  const partial = loading && !defaultView && loading.rows.length > rows.length ? loading.rows : null
  const sourceRows = remoteMode ? remoteRows(remote) : (partial ?? rows)

  const index = useMemo(() => customerIndexFor(sourceRows), [sourceRows])
  // Search keys are built in small slices after the first paint, not before it.
  useEffect(() => idle(() => index.prepareSearch()), [index])

  // Filtering is a few milliseconds: the rows follow each keystroke in the same frame. Only for
  // very large lists is the search deferred (typing stays smooth, the rows follow a frame later).
  // (Below that size the deferred value stays '', so no second render follows each keystroke.)
  const deferSearch = index.size > DEFER_SEARCH_ABOVE
  const deferredQuery = useDeferredValue(deferSearch ? query : '')
  const shownQuery = deferSearch ? deferredQuery : query
  const terms = useMemo(() => searchTerms(shownQuery), [shownQuery])
  const threshold = useLowBalanceRule()
  const thresholdText = useMemo(() => thresholdSummary(threshold), [threshold])
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
    },
    [index],
  )

  const move = useCallback(
    (how: Move) => {
      if (view.length === 0) return
      const current = selectedRow === null ? -1 : view.indexOf(selectedRow)
      const last = view.length - 1
      const positions: Record<Move, number> = {
        next: current === -1 ? 0 : Math.min(last, current + 1),
        previous: current === -1 ? 0 : Math.max(0, current - 1),
        first: 0,
        last,
        pageDown: Math.min(last, Math.max(0, current) + pageSize),
        pageUp: Math.max(0, current - pageSize),
      }
      const position = positions[how]
      const row = view[position]
      if (row === undefined) return
      select(row)
      setScrollRequest((previous) => ({ position, token: (previous?.token ?? 0) + 1 }))
    },
    [view, selectedRow, pageSize, select],
  )

  /** Selects a customer and scrolls to it when the view shows it. */
  const reveal = useCallback(
    (authId: string): 'shown' | 'hidden' | 'missing' => {
      const row = index.rows.findIndex((customer) => customer.authId === authId)
      if (row === -1) return 'missing'
      const position = view.indexOf(row)
      if (position === -1) return 'hidden'
      select(row)
      setScrollRequest((previous) => ({ position, token: (previous?.token ?? 0) + 1 }))
      return 'shown'
    },
    [index, view, select],
  )

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

  const focusSearch = useCallback(() => {
    searchRef.current?.focus()
    searchRef.current?.select()
  }, [])

  const clearAll = useCallback(() => {
    setQuery('')
    setFilters(NO_FILTERS)
    searchRef.current?.focus()
  }, [])

  // The drawer shows the selected customer; previous and next move the selection.
  const drawerRow = drawerOpen && selectedRow !== null ? (index.rows[selectedRow] ?? null) : null
  const drawerPosition = useMemo(
    () => (drawerRow && selectedRow !== null ? Math.max(0, view.indexOf(selectedRow)) : 0),
    [drawerRow, selectedRow, view],
  )

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

  return {
    rows,
    index,
    view,
    terms,
    shownQuery,
    query,
    setQuery,
    sort,
    onSort,
    filters,
    setFilters,
    kyc,
    threshold,
    thresholdText,
    offline,
    neverSynced,
    remoteMode,
    remote,
    selectedRow,
    select,
    open,
    move,
    reveal,
    scrollRequest,
    setPageSize,
    searchRef,
    focusSearch,
    clearAll,
    drawerRow,
    drawerPosition,
    setDrawerOpen,
    countText,
    resetKey: `${shownQuery}|${filters.kyc}|${filters.status}|${filters.lowBalance}|${sort.column}:${sort.direction}`,
  }
}

export type CustomersView = ReturnType<typeof useCustomersView>
