import type { CustomerRow } from './customers'
import { isBelowThreshold, type LowBalanceRule } from './low-balance'
import { parseMoney, type Money } from './money'

/** What a balance total covers: the customers of one currency (null: no currency given). */
export type CurrencyTotal = { currency: string | null; total: Money; customers: number }

/** The customer base at a glance, from the synced list (the Overview's "Your customers"). */
export type CustomerSummary = {
  customers: number
  disabled: number
  /** Under their own currency's low-balance threshold (the Low balance filter's rule). */
  low: number
  /** By KYC status exactly as Vobiz writes it (the KYC filter's values); none: left out. */
  kyc: ReadonlyMap<string, number>
  /** Balances summed per currency, never across currencies; most customers first. */
  balances: CurrencyTotal[]
}

export function summariseCustomers(
  rows: readonly CustomerRow[],
  rule: LowBalanceRule | null,
): CustomerSummary {
  let disabled = 0
  let low = 0
  const kyc = new Map<string, number>()
  const byCurrency = new Map<string | null, CurrencyTotal>()
  for (const row of rows) {
    if (row.enabled === false) disabled++
    const status = row.kycStatus
    if (status) kyc.set(status, (kyc.get(status) ?? 0) + 1)
    const balance = parseMoney(row.balance)
    if (!balance) continue
    if (isBelowThreshold(balance, row.currency, rule)) low++
    const currency = row.currency?.trim().toUpperCase() || null
    const entry = byCurrency.get(currency)
    if (entry) {
      entry.total = { units: entry.total.units + balance.units }
      entry.customers++
    } else byCurrency.set(currency, { currency, total: balance, customers: 1 })
  }
  const balances = [...byCurrency.values()].sort(
    (a, b) => b.customers - a.customers || String(a.currency).localeCompare(String(b.currency)),
  )
  return { customers: rows.length, disabled, low, kyc, balances }
}
