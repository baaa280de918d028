import type { LedgerEntry, LedgerType } from '../../../../shared/ledger'
import type { MoneyPrecision } from '../../../../shared/money-format'
import { formatBalance } from '../../lib/format'

/** The filter's words (`transaction_type`). */
export const TYPE_LABELS: Record<LedgerType, string> = {
  recharge: 'Recharge',
  debit: 'Debit',
  refund: 'Refund',
  transfer: 'Transfer',
}

/** A row's `type`: the documented `credit`/`debit`, or an older server's category. */
const ROW_LABELS: Record<string, string> = {
  credit: 'Credit',
  debit: 'Debit',
  recharge: 'Recharge',
  refund: 'Refund',
  adjustment: 'Adjustment',
  transfer: 'Transfer',
}

const INCOMING = new Set(['credit', 'recharge', 'refund'])
const OUTGOING = new Set(['debit'])

/**
 * The amount with the direction its type gives: + into this ledger's wallet, − (U+2212) out of
 * it; an amount Vobiz already gives as negative keeps its own sign.
 */
export function signedAmount(entry: LedgerEntry, precision: MoneyPrecision = 'exact'): string {
  const text = formatBalance(entry.amount, entry.currency, precision)
  if (!entry.type || text === '—' || text.startsWith('−')) return text
  if (INCOMING.has(entry.type)) return `+${text}`
  if (OUTGOING.has(entry.type)) return `−${text}`
  return text
}

export const typeLabel = (type: string | null): string => (type ? (ROW_LABELS[type] ?? type) : '—')

export const directionOf = (type: string | null): 'in' | 'out' | 'other' =>
  type && INCOMING.has(type) ? 'in' : type && OUTGOING.has(type) ? 'out' : 'other'
