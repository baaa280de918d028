import { stableUuid, type LedgerEntry } from './ledger'
import { accountTimestamp } from './model'
import { createPrng, subSeed, type Prng } from './prng'

/**
 * The sandbox's call detail records (partner-usage-and-onboarding.md, Call detail records):
 * deterministic for a seed, for the first customers, over the 30 days before the origin.
 * Fields marked "ours" are documented by name only; their values are the sandbox's reading.
 */

export type CdrCustomer = { authId: string; currency: string; ratePerMinute: number }

export type Cdr = {
  id: number
  uuid: string
  authId: string
  direction: 'inbound' | 'outbound'
  status: CallStatus
  callerName: string
  from: string
  to: string
  startMs: number
  /** The UTC day of `startMs` (YYYY-MM-DD), kept for the date filters. */
  day: string
  ringSeconds: number
  /** Whole seconds from answer to end (0 when not answered). */
  billsec: number
  hangupCause: string
  /** In 1/100,000 of the currency, as balances are. */
  costUnits: bigint
  currency: string
  mos: number
}

export const CALL_STATUSES = ['answered', 'failed', 'busy', 'no_answer'] as const
export type CallStatus = (typeof CALL_STATUSES)[number]

/** Q.850 causes per status (ours: the docs name `hangup_cause`, e.g. NORMAL_CLEARING). */
const CAUSES: Record<CallStatus, { cause: string; code: number; name: string }> = {
  answered: { cause: 'NORMAL_CLEARING', code: 16, name: 'Normal call clearing' },
  busy: { cause: 'USER_BUSY', code: 17, name: 'User busy' },
  no_answer: { cause: 'NO_ANSWER', code: 19, name: 'No answer from user' },
  failed: { cause: 'CALL_REJECTED', code: 21, name: 'Call rejected' },
}

const DAY_MS = 24 * 3600_000
/** Customers with call records by default: enough for the lists, bounded in start-up cost. */
export const CUSTOMERS_WITH_CALLS = 2000

export function generateCdrs(options: {
  seed: number
  originMs: number
  customers: readonly CdrCustomer[]
}): Cdr[] {
  const out: Cdr[] = []
  let id = 1
  options.customers.forEach((customer, index) => {
    const prng = createPrng(subSeed(options.seed ^ 0x0cd7_5eed, index))
    const calls = prng.int(0, 60)
    for (let i = 0; i < calls; i++) out.push(oneCall(prng, customer, id++, options.originMs))
  })
  return out.sort((a, b) => b.startMs - a.startMs || b.id - a.id)
}

function oneCall(prng: Prng, customer: CdrCustomer, id: number, originMs: number): Cdr {
  const roll = prng.next()
  const startMs = originMs - prng.int(0, 30 * DAY_MS - 1)
  const status: CallStatus =
    roll < 0.72 ? 'answered' : roll < 0.84 ? 'no_answer' : roll < 0.94 ? 'busy' : 'failed'
  const billsec = status === 'answered' ? prng.int(3, 900) : 0
  const minutes = Math.ceil(billsec / 60)
  const costUnits = BigInt(Math.round(minutes * customer.ratePerMinute * 100_000))
  const number = () => `+91${prng.int(70000, 99999)}${String(prng.int(0, 99999)).padStart(5, '0')}`
  return {
    id,
    uuid: prng.uuid(),
    authId: customer.authId,
    direction: prng.chance(0.35) ? 'inbound' : 'outbound',
    status,
    callerName: prng.pick(['Support', 'Sales', 'Dispatch', 'Reception']),
    from: number(),
    to: number(),
    startMs,
    day: new Date(startMs).toISOString().slice(0, 10),
    ringSeconds: prng.int(1, status === 'no_answer' ? 45 : 12),
    billsec,
    hangupCause: CAUSES[status].cause,
    costUnits,
    currency: customer.currency,
    mos: status === 'answered' ? Math.round((3.6 + prng.next() * 0.8) * 100) / 100 : 0,
  }
}

const iso = (ms: number) => accountTimestamp(ms)
const money = (units: bigint) => Number(units) / 100_000

/** One CDR as the API shows it: the documented fields (the optional ones as null). */
export function cdrJson(cdr: Cdr) {
  const cause = CAUSES[cdr.status]
  const answerMs = cdr.startMs + cdr.ringSeconds * 1000
  const endMs = answerMs + cdr.billsec * 1000
  const cost = money(cdr.costUnits)
  return {
    id: cdr.id,
    uuid: cdr.uuid,
    // The docs name `account_id` only: the customer's auth id here (ours).
    account_id: cdr.authId,
    call_direction: cdr.direction,
    caller_id_name: cdr.callerName,
    caller_id_number: cdr.from,
    destination_number: cdr.to,
    start_time: iso(cdr.startMs),
    answer_time: cdr.billsec > 0 ? iso(answerMs) : null,
    end_time: iso(cdr.billsec > 0 ? endMs : answerMs),
    duration: cdr.ringSeconds + cdr.billsec,
    billsec: cdr.billsec,
    ring_time: cdr.ringSeconds,
    hangup_cause: cause.cause,
    hangup_cause_code: cause.code,
    hangup_cause_name: cause.name,
    hangup_disposition: cdr.direction === 'outbound' ? 'recv_bye' : 'send_bye',
    hangup_source: cdr.status === 'answered' ? 'callee' : 'carrier',
    cost,
    total_cost: cost,
    streaming_cost: 0,
    currency: cdr.currency,
    region: 'IN',
    origination_region: 'IN',
    codec: 'PCMU',
    mos: cdr.mos,
    jitter: cdr.billsec > 0 ? 4 : 0,
    packet_loss: 0,
    sip_call_id: `${cdr.uuid}@sip.sandbox.vobiz.local`,
    sip_user_agent: 'Vobiz-Sandbox/1.0',
    trunk_id: null,
    campaign_id: null,
    failure_code: cdr.status === 'failed' ? String(cause.code) : null,
    failure_reason: cdr.status === 'failed' ? cause.name : null,
    created_at: iso(endMs),
    updated_at: iso(endMs),
  }
}

/** The documented `summary` (its keys mix cases, as the docs show). */
export function cdrSummary(cdrs: readonly Cdr[]) {
  const answered = cdrs.filter((c) => c.status === 'answered')
  const billable = answered.reduce((sum, c) => sum + c.billsec, 0)
  const duration = cdrs.reduce((sum, c) => sum + c.ringSeconds + c.billsec, 0)
  const cost = cdrs.reduce((sum, c) => sum + c.costUnits, 0n)
  const newest = cdrs.reduce<Cdr | null>((a, c) => (a && a.startMs >= c.startMs ? a : c), null)
  return {
    totalCalls: cdrs.length,
    answeredCalls: answered.length,
    answerRate: cdrs.length ? Math.round((answered.length / cdrs.length) * 1000) / 10 : 0,
    avgCallDuration: `${answered.length ? Math.round(billable / answered.length) : 0}s`,
    last_call_at: newest ? iso(newest.startMs) : null,
    total_billable_seconds: billable,
    total_cost: money(cost),
    total_duration_seconds: duration,
  }
}

/**
 * A customer's call costs as ledger debits: one row per customer and day with billed calls,
 * dated at the day's last call. The docs do not say how usage reaches the ledger; ours.
 */
export function callDebits(cdrs: readonly Cdr[]): LedgerEntry[] {
  const days = new Map<string, { cdr: Cdr; units: bigint; calls: number; seconds: number }>()
  for (const cdr of cdrs) {
    if (cdr.costUnits === 0n) continue
    const key = `${cdr.authId} ${cdr.day}`
    const day = days.get(key) ?? { cdr, units: 0n, calls: 0, seconds: 0 }
    if (cdr.startMs > day.cdr.startMs) day.cdr = cdr
    day.units += cdr.costUnits
    day.calls++
    day.seconds += cdr.billsec
    days.set(key, day)
  }
  return [...days].map(([key, day]) => ({
    id: stableUuid(`calls:${key}`),
    authId: day.cdr.authId,
    category: 'debit',
    amountUnits: day.units,
    currency: day.cdr.currency,
    description: `Calls on ${key.slice(-10)}: ${day.calls} billed, ${Math.ceil(day.seconds / 60)} min`,
    reference: null,
    createdAtMs: Math.min(
      day.cdr.startMs + (day.cdr.ringSeconds + day.cdr.billsec) * 1000,
      Date.parse(`${key.slice(-10)}T23:59:59.999Z`),
    ),
  }))
}
