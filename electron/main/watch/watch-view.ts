import type { CustomerRow } from '../../../shared/customers'
import type { TransferRecord } from '../../../shared/ledger'
import { compareMoney, moneyToDecimalString, parseMoney } from '../../../shared/money'
import type { WatchRow } from '../../../shared/watch'
import { runwayOf, type SpendByCustomer } from './runway'
import type { WatchPrefs } from './watch-files'

export type WatchInput = {
  customers: readonly CustomerRow[]
  spend: SpendByCustomer
  prefs: WatchPrefs
  /** The transfers made from this app, newest first. */
  transfers: readonly TransferRecord[]
  thresholdDays: number
  horizonDays: number
  nowMs: number
}

/** The latest applied top-up per customer. */
function lastTopUps(transfers: readonly TransferRecord[]) {
  const latest = new Map<string, WatchRow['lastTopUp']>()
  for (const t of transfers) {
    if (latest.has(t.authId) || (t.outcome !== 'applied' && t.outcome !== 'recovered')) continue
    latest.set(t.authId, { at: t.at, amount: t.amount, currency: t.currency })
  }
  return latest
}

const byRunway = (a: WatchRow, b: WatchRow) =>
  (a.runwayDays ?? Infinity) - (b.runwayDays ?? Infinity) || a.name.localeCompare(b.name)

/**
 * The customers needing attention: below their threshold (their own amount or days, else the
 * default days of runway) or running out within the horizon; lowest runway first, the snoozed
 * ones apart. The balance is the saved list's (a top-up from here updates it). A customer
 * without a balance has no runway to show and is left out.
 */
export function watchRows(input: WatchInput): { rows: WatchRow[]; snoozed: WatchRow[] } {
  const topUps = lastTopUps(input.transfers)
  const rows: WatchRow[] = []
  const snoozed: WatchRow[] = []
  for (const customer of input.customers) {
    const balance = parseMoney(customer.balance)
    if (!balance) continue
    const runway = runwayOf(balance, customer.currency, input.spend.get(customer.authId))
    const threshold = input.prefs.thresholds[customer.authId] ?? null
    const limit = threshold?.kind === 'amount' ? parseMoney(threshold.amount) : null
    const belowThreshold = limit
      ? compareMoney(balance, limit) < 0
      : runway.runwayDays !== null &&
        runway.runwayDays < (threshold?.kind === 'days' ? threshold.days : input.thresholdDays)
    const withinHorizon = runway.runwayDays !== null && runway.runwayDays <= input.horizonDays
    if (!belowThreshold && !withinHorizon) continue
    const until = input.prefs.snoozes[customer.authId]
    const snoozedUntil = until && Date.parse(until) > input.nowMs ? until : null
    const row: WatchRow = {
      authId: customer.authId,
      name: customer.name,
      balance: moneyToDecimalString(balance),
      currency: customer.currency,
      spendPerDay: runway.spendPerDay && moneyToDecimalString(runway.spendPerDay),
      spendDays: runway.spendDays,
      runwayDays: runway.runwayDays,
      threshold,
      belowThreshold,
      snoozedUntil,
      lastTopUp: topUps.get(customer.authId) ?? null,
    }
    ;(snoozedUntil ? snoozed : rows).push(row)
  }
  return { rows: rows.sort(byRunway), snoozed: snoozed.sort(byRunway) }
}
