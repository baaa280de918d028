import { parseMoney, type Money } from '../../../shared/money'
import type { TransactionRow } from '../../../shared/vobiz'

const DAY_MS = 86_400_000

/** One customer's debits in one currency over the last 7 and 30 days, in money units. */
export type Spend = { currency: string; last7: bigint; last30: bigint }
/** Each customer's spend, one entry per currency its debits were in. */
export type SpendByCustomer = Map<string, Spend[]>

/** A ledger row that is money spent: a debit (refunds, recharges and transfers are credits). */
function isSpend(row: TransactionRow): boolean {
  const direction = row.type ?? row.transaction_type
  return direction === 'debit' && (row.transaction_type ?? 'debit') === 'debit'
}

/**
 * Per-customer sums of the ledger's debits over the last 30 days, added to page by page (the
 * ledger's newest-first pages): only the sums are held, never the rows. A row repeated at the top
 * of the next page (the pages moved down by a new entry) counts once.
 */
export function createSpendTally(nowMs: number) {
  const spend: SpendByCustomer = new Map()
  let previousPage = new Set<string>()

  function add(row: TransactionRow): void {
    const authId = row.account_id ?? row.auth_id
    const amount = parseMoney(row.amount)
    const at = Date.parse(row.created_at ?? row.processed_at ?? '')
    if (!authId || !row.currency || !amount || amount.units <= 0n || !isSpend(row)) return
    const age = nowMs - at
    if (!(age <= 30 * DAY_MS)) return
    const entries = spend.get(authId) ?? []
    let entry = entries.find((e) => e.currency === row.currency)
    if (!entry) {
      entry = { currency: row.currency, last7: 0n, last30: 0n }
      entries.push(entry)
      spend.set(authId, entries)
    }
    entry.last30 += amount.units
    if (age <= 7 * DAY_MS) entry.last7 += amount.units
  }

  return {
    addPage(rows: readonly TransactionRow[]): void {
      const ids = new Set<string>()
      for (const row of rows) {
        const id = String(row.id ?? row.transaction_id)
        ids.add(id)
        if (!previousPage.has(id)) add(row)
      }
      previousPage = ids
    },
    spend: (): SpendByCustomer => spend,
  }
}

export type Runway = {
  /** Units per day, rounded; null when nothing was spent in either window. */
  spendPerDay: Money | null
  spendDays: 7 | 30 | null
  /** Days (2 decimals) until the balance is spent; null when there is no spend (no limit). */
  runwayDays: number | null
}

const NO_SPEND: Runway = { spendPerDay: null, spendDays: null, runwayDays: null }

/**
 * A balance's runway at the customer's spend in the balance's own currency (spend in another
 * currency is never mixed in). The daily spend is the higher average of the last 7 and 30 days,
 * so neither a fresh surge nor a quiet week hides what the wallet is likely to pay.
 */
export function runwayOf(
  balance: Money,
  currency: string | null,
  spend: readonly Spend[] | undefined,
): Runway {
  const own = spend?.find((s) => s.currency === currency)
  if (!own || own.last30 <= 0n) return NO_SPEND
  const days = own.last7 * 30n >= own.last30 * 7n ? 7 : 30
  const sum = days === 7 ? own.last7 : own.last30
  const spendPerDay = { units: (sum * 2n + BigInt(days)) / (2n * BigInt(days)) }
  const hundredths = balance.units <= 0n ? 0n : (balance.units * BigInt(days) * 100n) / sum
  return { spendPerDay, spendDays: days, runwayDays: Number(hundredths) / 100 }
}
