import { memo } from 'react'
import type { CustomerRow } from '../../../../shared/customers'
import { formatPhone } from '../../../../shared/phone-format'
import { formatBalance } from '../../lib/format'
import { KycBadge, StatusText, createdText } from './cells'
import { statusOf } from './customer-status'

/** One customer's row of the grid (see CustomersGrid.tsx), placed at `top` in the body. */
export const GridRow = memo(function GridRow({
  id,
  row,
  rowIndex,
  ariaRowIndex,
  top,
  selected,
  low,
}: {
  id: string
  row: CustomerRow
  rowIndex: number
  ariaRowIndex: number
  top: number
  selected: boolean
  low: boolean
}) {
  const created = createdText(row.createdAt)
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={ariaRowIndex}
      aria-selected={selected}
      data-row={rowIndex}
      data-auth-id={row.authId}
      className={`grid-row grid-body-row${selected ? ' is-selected' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
    >
      <SearchedCell className="col-name cell-name" text={row.name} title />
      <SearchedCell className="col-company cell-muted" text={row.company} title />
      <SearchedCell className="col-email" text={row.email} title />
      <SearchedCell className="col-phone mono" text={row.phone} shown={formatPhone} />
      <SearchedCell className="col-authId mono" text={row.authId} />
      <div
        role="gridcell"
        className={`grid-cell col-balance is-end money-cell${low ? ' is-low' : ''}`}
        title={formatBalance(row.balance, row.currency)}
      >
        {formatBalance(row.balance, row.currency, 'table')}
        {low && <span className="visually-hidden"> (low balance)</span>}
      </div>
      <div role="gridcell" className="grid-cell col-kycStatus">
        <KycBadge status={row.kycStatus} />
      </div>
      <div role="gridcell" className="grid-cell col-status">
        <StatusText status={statusOf(row)} />
      </div>
      <div role="gridcell" className="grid-cell col-createdAt is-end cell-muted">
        {created ? (
          <time dateTime={row.createdAt ?? undefined} title={created.long}>
            {created.short}
          </time>
        ) : (
          <None />
        )}
      </div>
    </div>
  )
})

/**
 * A cell of a searched field: the text is the cell's only child, where the search highlight
 * marks it (see search-highlight.ts). `title` shows a long value cut short by the column.
 */
function SearchedCell({
  className,
  text,
  title = false,
  shown,
}: {
  className: string
  text: string | null
  title?: boolean
  /** How the value is shown when not as stored (only separators added: see phone-format.ts). */
  shown?: (text: string) => string
}) {
  if (!text) {
    return (
      <div role="gridcell" className={`grid-cell ${className}`}>
        <None />
      </div>
    )
  }
  return (
    <div
      role="gridcell"
      className={`grid-cell ${className}`}
      title={title ? text : undefined}
      data-searched={shown ? text : ''}
    >
      {shown ? shown(text) : text}
    </div>
  )
}

function None() {
  return (
    <span className="cell-none">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">none</span>
    </span>
  )
}
