import type { ColumnId, CustomerStatus } from './customer-index'

export type ColumnSpec = {
  id: ColumnId
  label: string
  /** Numbers and dates read right-aligned. */
  align?: 'end'
}

export const COLUMNS: readonly ColumnSpec[] = [
  { id: 'name', label: 'Name' },
  { id: 'company', label: 'Company' },
  { id: 'email', label: 'Email' },
  { id: 'phone', label: 'Phone' },
  { id: 'authId', label: 'Auth ID' },
  { id: 'balance', label: 'Balance', align: 'end' },
  { id: 'kycStatus', label: 'KYC' },
  { id: 'status', label: 'Status' },
  { id: 'createdAt', label: 'Created', align: 'end' },
]

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
  if (status === null) return 'Not set'
  return status.charAt(0).toUpperCase() + status.slice(1).replace(/_/g, ' ')
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
