import { moneyToDecimalString } from '../../shared/money'
import { balanceUnitsAt } from './drift'
import { accountTimestamp } from './model'
import { partnerProfileJson } from './shapes'
import type { Store } from './store'

const DAY_MS = 24 * 3600_000
const NEWEST_CUSTOMERS = 10

const noCalls = () => ({ total_calls: 0, answered_calls: 0, total_minutes: 0, total_cost: '0.00' })

/**
 * GET /api/v1/partner/dashboard (partner-usage-and-onboarding.md): the documented keys. The
 * sandbox has no call records yet, so the call figures are zero and the time series is empty.
 * Which customers `accounts.customers` lists is not documented: the newest ten here.
 */
export function dashboardJson(store: Store, nowMs: number) {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)
  let totalUnits = 0n
  let active = 0
  const all = store.list({ page: 1, size: Math.max(1, store.customerCount), search: '' }).items
  for (const customer of all) {
    totalUnits += balanceUnitsAt(customer.balance, nowMs)
    if (customer.enabled) active++
  }
  const newest = [...all].sort((a, b) => b.createdAtMs - a.createdAtMs).slice(0, NEWEST_CUSTOMERS)
  return {
    partner: { ...partnerProfileJson(store.partner, store.customerCount, nowMs), balance: null },
    period: { from: day(nowMs - 30 * DAY_MS), to: day(nowMs) },
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
    calls: noCalls(),
    traffic: { inbound: noCalls(), outbound: noCalls() },
    by_product: { sip_trunking: noCalls(), voice_api: noCalls() },
    time_series: [],
  }
}
