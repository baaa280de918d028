import { compareMoney, parseMoney, type Money } from './money'

/** The low-balance settings: one amount per currency, and the older single amount. */
export type LowBalanceSettings = {
  lowBalanceThreshold: string
  lowBalanceThresholds?: Readonly<Record<string, string>> | undefined
}

/** Low-balance thresholds resolved per currency, with a key that changes when any does. */
export type LowBalanceRule = {
  readonly key: string
  /** The currencies with a threshold, by code. */
  readonly currencies: readonly string[]
  thresholdFor(currency: string | null): Money | null
}

/**
 * The thresholds per currency. A currency's own entry wins; the single older setting
 * (`lowBalanceThreshold`, kept readable) is the wallet currency's threshold when it has none.
 * A balance is only ever compared with a threshold of its own currency: a customer in another
 * currency without an entry, or without a currency, is never "low".
 */
export function lowBalanceRule(
  settings: LowBalanceSettings,
  walletCurrency: string | null,
): LowBalanceRule {
  const byCurrency = new Map<string, Money>()
  const wallet = walletCurrency?.trim().toUpperCase()
  const fallback = parseMoney(settings.lowBalanceThreshold)
  if (wallet && fallback) byCurrency.set(wallet, fallback)
  for (const [currency, amount] of Object.entries(settings.lowBalanceThresholds ?? {})) {
    const money = parseMoney(amount)
    if (money) byCurrency.set(currency.toUpperCase(), money)
  }
  const sorted = [...byCurrency].sort(([a], [b]) => (a < b ? -1 : 1))
  return {
    key: sorted.map(([currency, money]) => `${currency}<${money.units}`).join(','),
    currencies: sorted.map(([currency]) => currency),
    thresholdFor: (currency) =>
      currency ? (byCurrency.get(currency.toUpperCase()) ?? null) : null,
  }
}

/** Below its own currency's threshold (see lowBalanceRule). */
export function isBelowThreshold(
  balance: Money | string | null | undefined,
  currency: string | null,
  rule: LowBalanceRule | null,
): boolean {
  const threshold = rule?.thresholdFor(currency)
  if (!threshold) return false
  const money = typeof balance === 'object' && balance !== null ? balance : parseMoney(balance)
  return money !== null && compareMoney(money, threshold) < 0
}
