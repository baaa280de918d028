import { describe, expect, it } from 'vitest'
import { startSandbox } from '../../../electron/sandbox'
import { sandboxSuite } from '../../support/sandbox-suite'
import {
  asObject,
  control,
  failedFields,
  manualClock,
  partnerApi,
  type JsonObject,
} from './helpers'

// Usage and numbers (partner-usage-and-onboarding.md): CDRs with every documented filter and
// the documented envelope, one CDR, numbers with search, analytics for a period, 403 without
// can_view_cdrs. Every expectation is computed from the rows the sandbox lists, not from its code.

type Cdr = JsonObject & {
  uuid: string
  account_id: string
  call_direction: string
  hangup_cause: string
  start_time: string
  duration: number
  billsec: number
  cost: number
}
type CdrPage = {
  success: boolean
  account_auth_id: string | null
  count: number
  data: Cdr[]
  pagination: {
    page: number
    per_page: number
    total: number
    pages: number
    has_next: boolean
    has_prev: boolean
  }
  summary: JsonObject & {
    totalCalls: number
    answeredCalls: number
    total_billable_seconds: number
  }
}

const clock = manualClock(Date.UTC(2026, 11, 1, 12))

describe('the sandbox’s call records and numbers', () => {
  const suite = sandboxSuite({ customers: 40, seed: 11, now: clock.now, controlEndpoints: true })
  const api = () => partnerApi(suite.api)
  const page = async (path: string) => {
    const reply = await api().get(path)
    expect(reply.status, path).toBe(200)
    return reply.body as CdrPage
  }
  /** Every CDR a path lists, paged 100 at a time. */
  const everyCdr = async (path: string) => {
    const sep = path.includes('?') ? '&' : '?'
    const rows: Cdr[] = []
    for (let n = 1; ; n++) {
      const body = await page(`${path}${sep}per_page=100&page=${n}`)
      rows.push(...body.data)
      if (!body.pagination.has_next) return rows
    }
  }

  it('pages the global list with the documented envelope and a summary of all that matched', async () => {
    const all = await everyCdr('/api/v1/partner/cdrs')
    expect(all.length).toBeGreaterThan(100)
    expect(new Set(all.map((c) => c.uuid)).size).toBe(all.length)
    const first = await page('/api/v1/partner/cdrs')
    expect(first).toMatchObject({ success: true, account_auth_id: null, count: 20 })
    expect(first.pagination).toEqual({
      page: 1,
      per_page: 20,
      total: all.length,
      pages: Math.ceil(all.length / 20),
      has_next: true,
      has_prev: false,
    })
    const answered = all.filter((c) => c.billsec > 0)
    expect(first.summary.totalCalls).toBe(all.length)
    expect(first.summary.answeredCalls).toBe(answered.length)
    expect(first.summary.total_billable_seconds).toBe(answered.reduce((s, c) => s + c.billsec, 0))
    const starts = all.map((c) => Date.parse(c.start_time))
    expect(starts).toEqual([...starts].sort((a, b) => b - a))
    expect((await page('/api/v1/partner/cdrs?per_page=500')).pagination.per_page).toBe(100)
  })

  it('applies each documented filter, and a customer’s list holds only its calls', async () => {
    const all = await everyCdr('/api/v1/partner/cdrs')
    const customer = all[0]!.account_id
    const mine = await everyCdr(`/api/v1/partner/accounts/${customer}/cdrs`)
    expect(mine.map((c) => c.uuid)).toEqual(
      all.filter((c) => c.account_id === customer).map((c) => c.uuid),
    )
    const day = all[Math.floor(all.length / 2)]!.start_time.slice(0, 10)
    const cases: [string, (c: Cdr) => boolean][] = [
      ['call_direction=inbound', (c) => c.call_direction === 'inbound'],
      ['status=busy', (c) => c.hangup_cause === 'USER_BUSY'],
      ['hangup_cause=NORMAL_CLEARING', (c) => c.hangup_cause === 'NORMAL_CLEARING'],
      ['min_duration=300', (c) => c.duration >= 300],
      [`start_date=${day}`, (c) => c.start_time.slice(0, 10) >= day],
      [`end_date=${day}`, (c) => c.start_time.slice(0, 10) <= day],
      [`start_date=${day}&end_date=${day}`, (c) => c.start_time.slice(0, 10) === day],
    ]
    for (const [query, keep] of cases) {
      const expected = all.filter(keep).map((c) => c.uuid)
      expect(expected.length, query).toBeGreaterThan(0)
      expect(
        (await everyCdr(`/api/v1/partner/cdrs?${query}`)).map((c) => c.uuid),
        query,
      ).toEqual(expected)
    }
    // The docs' quirk: from_date is not a CDR filter, so it changes nothing.
    expect((await page(`/api/v1/partner/cdrs?from_date=${day}`)).pagination.total).toBe(all.length)
    const empty = await page('/api/v1/partner/cdrs?start_date=2001-01-01&end_date=2001-01-02')
    expect(empty).toMatchObject({ count: 0, data: [], pagination: { total: 0, has_next: false } })
  })

  it('refuses bad filters field by field, and unknown customers and calls with 404', async () => {
    const bad = await api().get(
      '/api/v1/partner/cdrs?start_date=June&end_date=2026-02-31&call_direction=sideways&status=ok&min_duration=-1&page=0',
    )
    expect(bad.status).toBe(422)
    expect(failedFields(bad).sort()).toEqual(
      ['call_direction', 'end_date', 'min_duration', 'page', 'start_date', 'status'].sort(),
    )
    expect((await api().get('/api/v1/partner/accounts/MA_NOBODY/cdrs')).status).toBe(404)
    const all = await page('/api/v1/partner/cdrs?per_page=1')
    const one = all.data[0]!
    const got = await api().get(`/api/v1/partner/accounts/${one.account_id}/cdrs/${one.uuid}`)
    expect(got.status).toBe(200)
    expect(got.body).toEqual(one)
    expect(
      (await api().get(`/api/v1/partner/accounts/${one.account_id}/cdrs/not-a-call`)).status,
    ).toBe(404)
  })

  it('answers 403 for every CDR path when the partner may not view call records', async () => {
    const one = (await page('/api/v1/partner/cdrs?per_page=1')).data[0]!
    await control(suite.api, 'PATCH', '/partner', { can_view_cdrs: false })
    for (const path of [
      '/api/v1/partner/cdrs',
      `/api/v1/partner/accounts/${one.account_id}/cdrs`,
      `/api/v1/partner/accounts/${one.account_id}/cdrs/${one.uuid}`,
    ]) {
      const refused = await api().get(path)
      expect(refused.status, path).toBe(403)
      expect(asObject(refused.body)).toMatchObject({ error: 'HTTPError', status_code: 403 })
    }
    // Numbers and analytics do not depend on it.
    expect((await api().get('/api/v1/partner/numbers')).status).toBe(200)
  })

  it('lists numbers per customer and across all, and searches by part of the number', async () => {
    type NumberPage = { items: { e164: string; account_id: string }[]; total: number }
    const all = (await api().get('/api/v1/partner/numbers?per_page=100')).body as NumberPage
    expect(all.items.length).toBeGreaterThan(0)
    const owner = all.items[0]!.account_id
    const mine = (await api().get(`/api/v1/partner/accounts/${owner}/numbers?per_page=100`))
      .body as NumberPage & { account_auth_id: string }
    expect(mine.account_auth_id).toBe(owner)
    expect(mine.items.map((n) => n.e164)).toEqual(
      all.items.filter((n) => n.account_id === owner).map((n) => n.e164),
    )
    const part = all.items[0]!.e164.slice(4, 9)
    const found = (await api().get(`/api/v1/partner/numbers?search=${part}`)).body as NumberPage
    expect(found.items.length).toBeGreaterThan(0)
    expect(found.items.every((n) => n.e164.includes(part))).toBe(true)
    expect(found.total).toBe(all.items.filter((n) => n.e164.includes(part)).length)
  })

  it('gives analytics for a period from the calls in it, one series point per day', async () => {
    const all = await everyCdr('/api/v1/partner/cdrs')
    const to = all[0]!.start_time.slice(0, 10)
    const from = all[all.length - 1]!.start_time.slice(0, 10)
    const reply = await api().get(`/api/v1/partner/analytics?from_date=${from}&to_date=${to}`)
    expect(reply.status).toBe(200)
    const body = reply.body as {
      period: { from: string; to: string }
      calls: { total_calls: number; answered_calls: number; total_cost: string }
      time_series: { date: string; total_calls: number }[]
    }
    expect(body.period).toEqual({ from, to })
    expect(body.calls.total_calls).toBe(all.length)
    expect(body.calls.answered_calls).toBe(all.filter((c) => c.billsec > 0).length)
    expect(body.calls.total_cost).toMatch(/^\d+\.\d{2}$/)
    const dates = body.time_series.map((p) => p.date)
    expect(dates[0]).toBe(from)
    expect(dates.at(-1)).toBe(to)
    expect(new Set(dates).size).toBe(dates.length)
    expect(body.time_series.reduce((s, p) => s + p.total_calls, 0)).toBe(all.length)
    const backwards = await api().get(`/api/v1/partner/analytics?from_date=${to}&to_date=${from}`)
    expect(from < to && backwards.status === 422).toBe(true)
  })

  it('puts each day’s call costs into the customer’s ledger as one debit', async () => {
    const all = await everyCdr('/api/v1/partner/cdrs')
    const customer = all.find((c) => c.cost > 0)!.account_id
    const costByDay = new Map<string, number>()
    for (const c of all.filter((c) => c.account_id === customer && c.cost > 0)) {
      const day = c.start_time.slice(0, 10)
      costByDay.set(day, (costByDay.get(day) ?? 0) + Math.round(c.cost * 100_000))
    }
    const ledger = await api().get(
      `/api/v1/partner/accounts/${customer}/transactions?transaction_type=debit&per_page=100`,
    )
    type Row = { type: string; amount: number; description: string; created_at: string }
    const rows = (ledger.body as { transactions: Row[] }).transactions.filter((r) =>
      r.description.startsWith('Calls on '),
    )
    expect(rows.every((r) => r.type === 'debit')).toBe(true)
    expect(
      new Map(rows.map((r) => [r.created_at.slice(0, 10), Math.round(r.amount * 100_000)])),
    ).toEqual(costByDay)
  })

  it('is the same data for the same seed', async () => {
    const other = await startSandbox({ port: 0, customers: 40, seed: 11, now: clock.now })
    try {
      const ours = await page('/api/v1/partner/cdrs?per_page=50')
      const theirs = (await partnerApi(other).get('/api/v1/partner/cdrs?per_page=50')).body
      expect(theirs).toEqual(ours)
    } finally {
      await other.close()
    }
  })
})
