import type { LedgerEntry } from '../../../shared/ledger'
import { csvDocument } from '../platform/csv'

const COLUMNS: [label: string, value: (e: LedgerEntry, name: NameOf) => string | null][] = [
  ['Date', (e) => e.createdAt],
  ['Transaction ID', (e) => e.transactionId],
  ['Type', (e) => e.type],
  ['Amount', (e) => e.amount],
  ['Currency', (e) => e.currency],
  ['Account', (e) => e.authId],
  ['Account name', (e, name) => (e.authId ? name(e.authId) : null)],
  ['Description', (e) => e.description],
  ['Reference', (e) => e.reference],
  ['Status', (e) => e.status],
]
type NameOf = (authId: string) => string | null

/** Ledger entries as CSV, in the order given (newest first, as Vobiz lists them). */
export function ledgerToCsv(entries: readonly LedgerEntry[], nameOf: NameOf): string {
  return csvDocument(
    COLUMNS.map(([label]) => label),
    entries.map((entry) => COLUMNS.map(([, value]) => value(entry, nameOf) ?? '')),
  )
}
