import type { LedgerEntry, LedgerType } from '../../../../shared/ledger'
import { formatBalance } from '../../lib/format'

export const TYPE_LABELS: Record<LedgerType, string> = {
  recharge: 'Recharge',
  debit: 'Debit',
  adjustment: 'Adjustment',
  refund: 'Refund',
}

const INCOMING = new Set(['recharge', 'refund'])
const OUTGOING = new Set(['debit'])

/** The amount with the direction its type gives: + into this ledger's wallet, − out of it. */
export function signedAmount(entry: LedgerEntry): string {
  const text = formatBalance(entry.amount, entry.currency)
  if (!entry.type || text === '—') return text
  if (INCOMING.has(entry.type)) return `+${text}`
  if (OUTGOING.has(entry.type)) return `−${text}`
  return text
}

export const typeLabel = (type: string | null): string =>
  type ? (TYPE_LABELS[type as LedgerType] ?? type) : '—'

export const directionOf = (type: string | null): 'in' | 'out' | 'other' =>
  type && INCOMING.has(type) ? 'in' : type && OUTGOING.has(type) ? 'out' : 'other'
