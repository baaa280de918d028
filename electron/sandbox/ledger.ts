import { moneyToDecimalString } from '../../shared/money'
import { accountTimestamp } from './model'
import type { Prng } from './prng'

/**
 * The sandbox's transactions: every balance transfer as two legs (the partner's debit and the
 * customer's recharge, sharing one transaction id), plus seeded history so a ledger is not empty.
 * The docs list the query but not the item's fields; the sandbox's choices are in README.md.
 */

export const TRANSACTION_TYPES = ['recharge', 'debit', 'adjustment', 'refund'] as const
export type TransactionType = (typeof TRANSACTION_TYPES)[number]

export type LedgerEntry = {
  transactionId: string
  /** Whose ledger this leg is in: the partner (PA_…) or a customer (MA_…). */
  authId: string
  /** The other side of a transfer, null for usage and adjustments. */
  counterparty: string | null
  type: TransactionType
  /** Positive: the leg's type says which way the money went. */
  amountUnits: bigint
  balanceAfterUnits: bigint
  currency: string
  description: string | null
  createdAtMs: number
}

export type LedgerQuery = {
  authId?: string
  type?: TransactionType
  /** Inclusive day bounds, as ms since the epoch (UTC). */
  fromMs?: number
  toMs?: number
  page: number
  size: number
}

export type Ledger = ReturnType<typeof createLedger>

export function createLedger() {
  let entries: LedgerEntry[] = []

  return {
    add(...legs: LedgerEntry[]): void {
      entries.push(...legs)
    },
    /** Newest first; `total` counts every match. */
    query(query: LedgerQuery): { items: LedgerEntry[]; total: number } {
      const matches = entries.filter(
        (e) =>
          (query.authId === undefined || e.authId === query.authId) &&
          (query.type === undefined || e.type === query.type) &&
          (query.fromMs === undefined || e.createdAtMs >= query.fromMs) &&
          (query.toMs === undefined || e.createdAtMs <= query.toMs),
      )
      matches.sort(
        (a, b) => b.createdAtMs - a.createdAtMs || (a.transactionId < b.transactionId ? 1 : -1),
      )
      const offset = (query.page - 1) * query.size
      return { items: matches.slice(offset, offset + query.size), total: matches.length }
    },
    reset(seeded: LedgerEntry[]): void {
      entries = [...seeded]
    },
  }
}

export const transactionId = (prng: Prng): string =>
  `txn_${prng.chars('0123456789abcdefghijklmnopqrstuvwxyz', 20)}`

/** A leg as the API shows it. */
export function transactionJson(entry: LedgerEntry) {
  return {
    transaction_id: entry.transactionId,
    auth_id: entry.authId,
    counterparty: entry.counterparty,
    transaction_type: entry.type,
    amount: moneyToDecimalString({ units: entry.amountUnits }),
    currency: entry.currency,
    balance_after: moneyToDecimalString({ units: entry.balanceAfterUnits }),
    description: entry.description,
    created_at: accountTimestamp(entry.createdAtMs),
  }
}

/**
 * Seeded history for the first customers: past top-ups from the partner (both legs) and call
 * usage debits, deterministic for a seed. Balances after each leg are illustrative (the seeded
 * balances drift on their own), as a real ledger's would be of a moment long gone.
 */
export function seedLedger(options: {
  prng: Prng
  partner: { authId: string; currency: string }
  customers: { authId: string; currency: string }[]
  originMs: number
}): LedgerEntry[] {
  const { prng, partner, originMs } = options
  const day = 24 * 3600_000
  const out: LedgerEntry[] = []
  let partnerUnits = 900_000_00000n
  for (const customer of options.customers.slice(0, 40)) {
    let customerUnits = 0n
    const events = prng.int(2, 6)
    for (let i = 0; i < events; i++) {
      const at = originMs - prng.int(1, 120) * day - prng.int(0, day - 1)
      if (customer.currency === partner.currency && (i === 0 || prng.chance(0.5))) {
        const amountUnits = BigInt(prng.int(5, 200)) * 100_00000n
        const id = transactionId(prng)
        partnerUnits -= amountUnits
        customerUnits += amountUnits
        const description = 'Top-up (seeded)'
        out.push(
          {
            transactionId: id,
            authId: partner.authId,
            counterparty: customer.authId,
            type: 'debit',
            amountUnits,
            balanceAfterUnits: partnerUnits,
            currency: partner.currency,
            description,
            createdAtMs: at,
          },
          {
            transactionId: id,
            authId: customer.authId,
            counterparty: partner.authId,
            type: 'recharge',
            amountUnits,
            balanceAfterUnits: customerUnits,
            currency: customer.currency,
            description,
            createdAtMs: at,
          },
        )
      } else {
        const amountUnits = BigInt(prng.int(1, 5000)) * 1000n
        customerUnits -= amountUnits
        out.push({
          transactionId: transactionId(prng),
          authId: customer.authId,
          counterparty: null,
          type: 'debit',
          amountUnits,
          balanceAfterUnits: customerUnits,
          currency: customer.currency,
          description: 'Call usage',
          createdAtMs: at,
        })
      }
    }
  }
  return out
}
