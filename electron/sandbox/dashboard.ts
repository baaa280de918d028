import { moneyToDecimalString } from '../../shared/money'
import type { Cdr } from './cdrs'
import { balanceUnitsAt } from './drift'
import { accountTimestamp } from './model'
import { partnerProfileJson } from './shapes'
import type { Store } from './store'

const DAY_MS = 24 * 3600_000
const NEWEST_CUSTOMERS = 10
/** The docs do not say whether call-less days are listed: ours lists every day of the period. */
const MAX_SERIES_DAYS = 400

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** The documented four figures of a set of calls; `total_cost` a 2-decimal string. */
function figures(calls: readonly Cdr[]) {
  const cost = calls.reduce((sum, c) => sum + c.costUnits, 0n)
  return {
    total_calls: calls.length,
    answered_calls: calls.filter((c) => c.status === 'answered').length,
    total_minutes: Math.round(calls.reduce((sum, c) => sum + c.billsec, 0) / 6) / 10,
    total_cost: moneyToDecimalString({ units: cost }).replace(/(\.\d{2})\d*$/, '$1'),
  }
}

const withoutCost = (calls: readonly Cdr[]) => {
  const { total_cost: _cost, ...rest } = figures(calls)
  return rest
}

/** Every day from `from` to `to` (at most MAX_SERIES_DAYS, the newest kept). */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = []
  for (let ms = Date.parse(`${to}T00:00:00Z`); days.length < MAX_SERIES_DAYS; ms -= DAY_MS) {
    const day = dayOf(ms)
    if (day < from) break
    days.unshift(day)
  }
  return days
}

/**
 * GET /api/v1/partner/dashboard and /analytics (partner-usage-and-onboarding.md): the documented
 * keys, call figures from the sandbox's CDRs in the period (default: 30 days to today). Ours,
 * where the docs give the field only: `accounts.customers` lists the newest ten; `by_product`
 * counts outbound calls as Voice API and inbound ones as SIP trunking.
 */
export function dashboardJson(
  store: Store,
  nowMs: number,
  cdrs: readonly Cdr[],
  period: { from?: string; to?: string } = {},
) {
  const from = period.from ?? dayOf(nowMs - 30 * DAY_MS)
  const to = period.to ?? dayOf(nowMs)
  let totalUnits = 0n
  let active = 0
  const all = store.list({ page: 1, size: Math.max(1, store.customerCount), search: '' }).items
  for (const customer of all) {
    totalUnits += balanceUnitsAt(customer.balance, nowMs)
    if (customer.enabled) active++
  }
  const newest = [...all].sort((a, b) => b.createdAtMs - a.createdAtMs).slice(0, NEWEST_CUSTOMERS)
  const calls = cdrs.filter((c) => c.day >= from && c.day <= to)
  const byDay = new Map<string, Cdr[]>()
  for (const call of calls) {
    const list = byDay.get(call.day)
    if (list) list.push(call)
    else byDay.set(call.day, [call])
  }
  const inbound = calls.filter((c) => c.direction === 'inbound')
  const outbound = calls.filter((c) => c.direction === 'outbound')
  const days = daysBetween(from, to)
  return {
    partner: { ...partnerProfileJson(store.partner, store.customerCount, nowMs), balance: null },
    period: { from, to },
    accounts: {
      total: store.customerCount,
      active,
      customers: newest.map((c) => ({
        auth_id: c.authId,
        name: c.name,
        email: c.email,
        phone: c.phone,
        is_active: c.enabled,
        created_at: accountTimestamp(c.createdAtMs),
      })),
    },
    total_balance: moneyToDecimalString({ units: totalUnits }),
    currency: store.partner.currency,
    calls: figures(calls),
    traffic: { inbound: figures(inbound), outbound: figures(outbound) },
    by_product: { sip_trunking: figures(inbound), voice_api: figures(outbound) },
    time_series: days.map((date) => {
      const ofDay = byDay.get(date) ?? []
      return {
        date,
        ...figures(ofDay),
        inbound: withoutCost(ofDay.filter((c) => c.direction === 'inbound')),
        outbound: withoutCost(ofDay.filter((c) => c.direction === 'outbound')),
      }
    }),
  }
}
