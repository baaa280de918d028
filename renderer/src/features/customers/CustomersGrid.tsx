import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useId, useMemo, useRef, type KeyboardEvent } from 'react'
import type { ColumnLayout, CustomerRow } from '../../../../shared/customers'
import { isBelowThreshold, type LowBalanceRule } from '../../../../shared/low-balance'
import { Icon } from '../../components/Icon'
import { COLUMNS, columnStyle } from './cells'
import { ColumnResizer } from './ColumnResizer'
import { GridRow } from './GridRow'
import type { ColumnId, SortState } from './row-order'
import { useSearchHighlight } from './search-highlight'

export const ROW_HEIGHT = 40
export const HEADER_HEIGHT = 38
const estimateSize = () => ROW_HEIGHT

export type ScrollRequest = { readonly position: number; readonly token: number }

type GridProps = {
  rows: readonly CustomerRow[]
  /** Row indices in display order. */
  view: Int32Array
  terms: readonly string[]
  /** The query the rows on screen were filtered with (for tests and the benchmark). */
  renderedQuery: string
  sort: SortState
  onSort: (column: ColumnId) => void
  /** Index in `rows` of the selected customer. */
  selectedRow: number | null
  /** Scroll this position into view whenever the token changes. */
  scrollRequest: ScrollRequest | null
  /** Changes when the search, filters or sort change: back to the top. */
  resetKey: string
  threshold: LowBalanceRule | null
  /** Hidden columns and dragged widths (per profile). */
  layout: ColumnLayout
  onResize: (column: string, width: number) => void
  onOpen: (row: number) => void
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void
  /** How many rows a Page Up / Page Down moves, reported as the viewport changes. */
  onPageSize: (rows: number) => void
  describedBy?: string
}

/**
 * The customer table as an ARIA grid with virtual rows: only the rows in view (plus a few) are in
 * the DOM, so aria-rowcount and aria-rowindex tell assistive technology where they are. The grid
 * is one tab stop (the header's sort buttons are the others); the selected row is its active
 * descendant, moved with ↑/↓, Home/End and Page Up/Down by the panel.
 */
export const CustomersGrid = memo(function CustomersGrid({
  rows,
  view,
  terms,
  renderedQuery,
  sort,
  onSort,
  selectedRow,
  scrollRequest,
  resetKey,
  threshold,
  layout,
  onResize,
  onOpen,
  onKeyDown,
  onPageSize,
  describedBy,
}: GridProps) {
  const scrollRef = useRef<HTMLDivElement | null>(null)
  const idPrefix = useId()
  useSearchHighlight(scrollRef, terms)
  const virtualizer = useVirtualizer({
    count: view.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: 1,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    initialRect: { width: 1100, height: 560 },
  })

  useEffect(() => {
    if (scrollRequest) virtualizer.scrollToIndex(scrollRequest.position, { align: 'auto' })
  }, [scrollRequest, virtualizer])

  useEffect(() => {
    // The virtualizer's own record of the offset: reading the element's would force a layout.
    if ((virtualizer.scrollOffset ?? 0) > 0) virtualizer.scrollToOffset(0)
  }, [resetKey, virtualizer])

  const viewportHeight = virtualizer.scrollRect?.height ?? 0
  useEffect(() => {
    if (viewportHeight > 0) {
      onPageSize(Math.max(1, Math.floor((viewportHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1))
    }
  }, [viewportHeight, onPageSize])

  const columns = useMemo(() => columnStyle(layout), [layout])
  const items = virtualizer.getVirtualItems()
  let activeId: string | undefined
  for (const item of items) {
    if (view[item.index] === selectedRow) activeId = `${idPrefix}-r${selectedRow}`
  }

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label="Customers"
      aria-describedby={describedBy}
      aria-rowcount={view.length + 1}
      aria-colcount={columns.shown}
      aria-activedescendant={activeId}
      tabIndex={0}
      className={`customer-grid${view.length === 0 ? ' is-empty' : ''}`}
      // Fewer rows than fit: the grid shrinks to them. (A max-height, not an inherited custom
      // property: changing it does not restyle every cell.)
      style={{ ...columns.style, maxHeight: HEADER_HEIGHT + view.length * ROW_HEIGHT + 2 }}
      data-hidden={columns.hidden || undefined}
      data-testid="customers-grid"
      data-rendered-query={renderedQuery}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="grid-head">
        <div role="row" aria-rowindex={1} className="grid-row grid-head-row">
          {COLUMNS.map((column) => {
            const sorted = sort.column === column.id
            return (
              <div
                key={column.id}
                role="columnheader"
                aria-label={column.label}
                aria-sort={sorted ? sort.direction : undefined}
                className={`grid-cell grid-head-cell col-${column.id}${column.align === 'end' ? ' is-end' : ''}`}
              >
                <button
                  type="button"
                  className={`sort-button${sorted ? ' is-sorted' : ''}`}
                  onClick={() => onSort(column.id)}
                >
                  <span>{column.label}</span>
                  <Icon
                    name={
                      sorted
                        ? sort.direction === 'ascending'
                          ? 'arrowUp'
                          : 'arrowDown'
                        : 'sortable'
                    }
                    className="sort-icon"
                  />
                </button>
                <ColumnResizer
                  column={column.id}
                  label={column.label}
                  width={layout.widths[column.id] ?? column.width}
                  onResize={onResize}
                />
              </div>
            )
          })}
        </div>
      </div>
      {/* One click handler for every row; the keyboard moves and opens rows from the grid. */}
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions */}
      <div
        role="rowgroup"
        className="grid-body"
        style={{ height: view.length * ROW_HEIGHT }}
        onClick={(event) => {
          const row = rowOfEvent(event.target)
          if (row !== null) onOpen(row)
        }}
      >
        {items.map((item) => {
          const rowIndex = view[item.index] ?? -1
          const row = rows[rowIndex]
          if (!row) return null
          return (
            <GridRow
              key={item.index}
              id={`${idPrefix}-r${rowIndex}`}
              row={row}
              rowIndex={rowIndex}
              ariaRowIndex={item.index + 2}
              top={item.start - HEADER_HEIGHT}
              selected={rowIndex === selectedRow}
              low={isBelowThreshold(row.balance, row.currency, threshold)}
            />
          )
        })}
      </div>
    </div>
  )
})

function rowOfEvent(target: EventTarget): number | null {
  const element = (target as Element).closest?.('[data-row]')
  const value = element?.getAttribute('data-row')
  return value ? Number(value) : null
}
