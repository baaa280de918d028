import { createHash } from 'node:crypto'
import { moneyToDecimalString } from '../../shared/money'
import { accountTimestamp } from './model'
import type { Prng } from './prng'

/**
 * The sandbox's customer ledgers (more-endpoints.md, Transactions): every balance transfer as a
 * credit in the customer's ledger, plus seeded history (top-ups, call usage, refunds) so a ledger
 * is not empty. The partner's own wallet has no ledger endpoint, so its side is not listed.
 */

/**
 * Categories the `transaction_type` filter names (the newest page's words). An older page says
 * `adjustment` instead of `transfer`: accepted as the same.
 */
export const TRANSACTION_TYPES = ['recharge', 'debit', 'refund', 'transfer'] as const
export type TransactionType = (typeof TRANSACTION_TYPES)[number]
export const TRANSACTION_TYPE_ALIASES: Record<string, TransactionType> = { adjustment: 'transfer' }

/** The documented row's `type`: the ledger direction, not the filter's category. */
const DIRECTION: Record<TransactionType, 'credit' | 'debit'> = {
  recharge: 'credit',
  refund: 'credit',
  transfer: 'credit',
  debit: 'debit',
}

/**
 * `summary.by_reference_type[].reference_type`: the docs give `"unknown"` for transfers only; the
 * other words are the sandbox's reading.
 */
const REFERENCE_TYPE: Record<TransactionType, string> = {
  transfer: 'unknown',
  recharge: 'recharge',
  refund: 'refund',
  debit: 'cdr',
}

export type LedgerEntry = {
  id: string
  /** Whose ledger this row is in: a customer (MA_…). */
  authId: string
  category: TransactionType
  /** Positive: the category says which way the money went. */
  amountUnits: bigint
  currency: string
  description: string | null
  /** The docs give the field, not its content: the transfer's `transaction_id` here. */
  reference: string | null
  createdAtMs: number
}

export type LedgerQuery = {
  authId?: string
  type?: TransactionType
  /** Inclusive day bounds, as ms since the epoch (UTC). */
  fromMs?: number
  toMs?: number
  /** Part of the description, reference or account id, or a predicate on the account (name). */
  search?: { text: string; account: (authId: string) => boolean }
  page: number
  size: number
}

export type Ledger = ReturnType<typeof createLedger>

export function createLedger() {
  let entries: LedgerEntry[] = []
  /**
   * The last query's sorted matches and summary, until the ledger changes: paging through a
   * long filtered ledger (the watchlist reads every debit of 30 days) then slices, not re-sorts.
   */
  let last: { key: string; found: LedgerEntry[]; summary: ReturnType<typeof summarise> } | null =
    null

  const matches = (query: Omit<LedgerQuery, 'page' | 'size'>) =>
    entries.filter(
      (e) =>
        (query.authId === undefined || e.authId === query.authId) &&
        (query.type === undefined || e.category === query.type) &&
        (query.fromMs === undefined || e.createdAtMs >= query.fromMs) &&
        (query.toMs === undefined || e.createdAtMs <= query.toMs) &&
        (query.search === undefined || searched(e, query.search)),
    )

  return {
    add(...rows: LedgerEntry[]): void {
      entries.push(...rows)
      last = null
    },
    /** Newest first; `total` and the summary cover every match. */
    query(query: LedgerQuery) {
      const { page, size, search, ...filters } = query
      const key = JSON.stringify({ ...filters, search: search?.text })
      if (last?.key !== key) {
        const found = matches(query)
        found.sort((a, b) => b.createdAtMs - a.createdAtMs || (a.id < b.id ? 1 : -1))
        last = { key, found, summary: summarise(found) }
      }
      const { found, summary } = last
      const offset = (page - 1) * size
      return { items: found.slice(offset, offset + size), total: found.length, summary }
    },
    reset(seeded: LedgerEntry[]): void {
      entries = [...seeded]
      last = null
    },
  }
}

function searched(entry: LedgerEntry, search: NonNullable<LedgerQuery['search']>): boolean {
  const text = search.text.toLowerCase()
  return (
    [entry.description, entry.reference, entry.authId].some((field) =>
      field?.toLowerCase().includes(text),
    ) || search.account(entry.authId)
  )
}

const units = (value: bigint): number => Number(moneyToDecimalString({ units: value }))

/** The documented `summary`: totals as numbers over the whole filtered set. */
function summarise(rows: readonly LedgerEntry[]) {
  const groups = new Map<string, { debit: bigint; credit: bigint; count: number }>()
  let debit = 0n
  let credit = 0n
  for (const row of rows) {
    const isDebit = DIRECTION[row.category] === 'debit'
    if (isDebit) debit += row.amountUnits
    else credit += row.amountUnits
    const key = REFERENCE_TYPE[row.category]
    const group = groups.get(key) ?? { debit: 0n, credit: 0n, count: 0 }
    if (isDebit) group.debit += row.amountUnits
    else group.credit += row.amountUnits
    group.count++
    groups.set(key, group)
  }
  return {
    total_transactions: rows.length,
    total_debit: units(debit),
    total_credit: units(credit),
    net_amount: units(credit - debit),
    by_reference_type: [...groups].map(([reference_type, g]) => ({
      reference_type,
      total_debit: units(g.debit),
      total_credit: units(g.credit),
      count: g.count,
    })),
  }
}

export const transactionId = (prng: Prng): string =>
  `txn_${prng.chars('0123456789abcdefghijklmnopqrstuvwxyz', 20)}`

/** A UUID that is the same for the same text. */
export function stableUuid(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** A row as the API shows it: exactly the documented fields. */
export function transactionJson(entry: LedgerEntry) {
  const at = accountTimestamp(entry.createdAtMs)
  return {
    id: entry.id,
    account_id: entry.authId,
    // The docs give `balance_id` only: a stable UUID per account here.
    balance_id: stableUuid(`balance:${entry.authId}`),
    type: DIRECTION[entry.category],
    amount: units(entry.amountUnits),
    currency: entry.currency,
    description: entry.description,
    reference: entry.reference,
    status: 'completed',
    processed_at: at,
    created_at: at,
    updated_at: at,
  }
}

/**
 * Seeded history for the first customers: past transfers from the partner, the customer's own
 * recharges, call usage and the odd refund; deterministic for a seed.
 */
export function seedLedger(options: {
  prng: Prng
  partner: { currency: string }
  customers: { authId: string; currency: string }[]
  originMs: number
}): LedgerEntry[] {
  const { prng, partner, originMs } = options
  const day = 24 * 3600_000
  const out: LedgerEntry[] = []
  for (const customer of options.customers.slice(0, 40)) {
    const events = prng.int(2, 6)
    for (let i = 0; i < events; i++) {
      const createdAtMs = originMs - prng.int(1, 120) * day - prng.int(0, day - 1)
      // The last 30 days' call costs come from the call records (cdrs.ts, callDebits).
      const olderThanCalls = Math.min(createdAtMs, originMs - 31 * day)
      const row = { id: prng.uuid(), authId: customer.authId, currency: customer.currency }
      if (customer.currency === partner.currency && (i === 0 || prng.chance(0.5))) {
        const transfer = transactionId(prng)
        out.push({
          ...row,
          category: prng.chance(0.8) ? 'transfer' : 'recharge',
          amountUnits: BigInt(prng.int(5, 200)) * 100_00000n,
          description: 'Top-up (seeded)',
          reference: transfer,
          createdAtMs,
        })
      } else {
        const refund = prng.chance(0.1)
        out.push({
          ...row,
          category: refund ? 'refund' : 'debit',
          amountUnits: BigInt(prng.int(1, 5000)) * 1000n,
          description: refund ? 'Refund of a failed call' : 'Call usage',
          reference: null,
          createdAtMs: olderThanCalls,
        })
      }
    }
  }
  return out
}
