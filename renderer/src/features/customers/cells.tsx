import type { ColumnLayout } from '../../../../shared/customers'
import type { CustomerStatus } from './customer-status'
import type { ColumnId } from './row-order'
import { codeLabel } from '../../lib/format'

export type ColumnSpec = {
  id: ColumnId
  label: string
  /** Numbers and dates read right-aligned. */
  align?: 'end'
  /** The column's width (px) unless dragged, and its share of the room left (0: fixed). */
  width: number
  grow: number
}

export const COLUMNS: readonly ColumnSpec[] = [
  { id: 'name', label: 'Name', width: 140, grow: 1.3 },
  { id: 'company', label: 'Company', width: 110, grow: 1 },
  { id: 'email', label: 'Email', width: 150, grow: 1.4 },
  { id: 'phone', label: 'Phone', width: 144, grow: 0 },
  { id: 'authId', label: 'Auth ID', width: 100, grow: 0 },
  { id: 'balance', label: 'Balance', align: 'end', width: 120, grow: 0 },
  { id: 'kycStatus', label: 'KYC', width: 100, grow: 0 },
  { id: 'status', label: 'Status', width: 84, grow: 0 },
  { id: 'createdAt', label: 'Created', align: 'end', width: 104, grow: 0 },
]

/**
 * The grid's column widths as custom properties (`--w-<column>`, `--g-<column>`), its minimum
 * width (the shown columns' widths), and the hidden columns (`data-hidden`, for the CSS). A
 * dragged column keeps its width; the others share the room left.
 */
export function columnStyle(layout: ColumnLayout): {
  style: Record<string, string>
  hidden: string
  shown: number
} {
  const style: Record<string, string> = {}
  let total = 0
  for (const column of COLUMNS) {
    const dragged = layout.widths[column.id]
    const width = dragged ?? column.width
    style[`--w-${column.id}`] = `${width}px`
    style[`--g-${column.id}`] = String(dragged === undefined ? column.grow : 0)
    if (!layout.hidden.includes(column.id)) total += width
  }
  style['--grid-min-width'] = `${total}px`
  return {
    style,
    hidden: layout.hidden.join(' '),
    shown: COLUMNS.length - layout.hidden.length,
  }
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

type CreatedText = { short: string; long: string }
const createdTexts = new Map<string, CreatedText | null>()

/** The creation date as the column shows it (and the full time for its tooltip), remembered. */
export function createdText(iso: string | null): CreatedText | null {
  if (!iso) return null
  let text = createdTexts.get(iso)
  if (text === undefined) {
    if (createdTexts.size > 20_000) createdTexts.clear()
    const time = Date.parse(iso)
    text = Number.isNaN(time)
      ? null
      : { short: dateFormat.format(time), long: timeFormat.format(time) }
    createdTexts.set(iso, text)
  }
  return text
}

export function kycLabel(status: string | null): string {
  return status === null ? 'Not set' : codeLabel(status)
}

const KYC_TONE: Record<string, string> = {
  verified: 'badge-success',
  approved: 'badge-success',
  pending: 'badge-warning',
  rejected: 'badge-danger',
}

export function KycBadge({ status }: { status: string | null }) {
  if (status === null) return <span className="cell-none">—</span>
  return (
    <span className={`badge ${KYC_TONE[status.toLowerCase()] ?? 'badge-neutral'}`}>
      {kycLabel(status)}
    </span>
  )
}

export const STATUS_LABEL: Record<CustomerStatus, string> = {
  active: 'Active',
  enabled: 'Enabled',
  inactive: 'Inactive',
  disabled: 'Disabled',
}

export function StatusText({ status }: { status: CustomerStatus | null }) {
  if (status === null) return <span className="cell-none">—</span>
  return (
    <span className={`account-status is-${status}`}>
      <span className="account-status-dot" aria-hidden="true" />
      {STATUS_LABEL[status]}
    </span>
  )
}
