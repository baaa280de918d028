import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FetchPort } from '../../../electron/main/platform/ports'
import type { ActivityList } from '../../../shared/activity'
import type { SessionState } from '../../../shared/ipc-contract'
import { moneyToDecimalString, parseMoney } from '../../../shared/money'
import type { WatchList, WatchStatus } from '../../../shared/watch'
import { signInTo, syncNow, valueOf } from '../../support/customers'
import { sandboxSuite } from '../../support/sandbox-suite'
import { makeTempDir } from '../../support/temp-dir'
import { partnerApi } from '../sandbox/helpers'

// Runway from the sandbox's ledger over real HTTP: read once after a customer sync (every call
// debit of 30 days, 100 a page), saved for offline, and the snoozes and overrides kept per profile.

const FROZEN = Date.parse('2026-11-20T10:00:00Z')
const DAY = 86_400_000
const suite = sandboxSuite({ customers: 30, seed: 7, now: () => FROZEN })

type Row = { account_id: string; amount: number; currency: string; created_at: string }

/** Real fetch, keeping the URL of every ledger read. */
function ledgerReads(): FetchPort & { urls: URL[] } {
  const urls: URL[] = []
  const wrapped = ((input: Parameters<FetchPort>[0], init?: Parameters<FetchPort>[1]) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    if (url.pathname.endsWith('/transactions')) urls.push(url)
    return fetch(input, init)
  }) as FetchPort & { urls: URL[] }
  wrapped.urls = urls
  return wrapped
}

async function allDebits(fromDate: string): Promise<Row[]> {
  const rows: Row[] = []
  for (let page = 1; ; page++) {
    const path = `/api/v1/partner/transactions?transaction_type=debit&per_page=100&page=${page}&from_date=${fromDate}`
    const body = (await partnerApi(suite.api).get(path)).body as { transactions: Row[] }
    rows.push(...body.transactions)
    if (body.transactions.length < 100) return rows
  }
}

function open(dir: string, clock: { now: () => number }, fetch: FetchPort = globalThis.fetch) {
  return suite.open(dir, { clock, fetch })
}

describe('watchlist runway, from the sandbox ledger', () => {
  it('reads every debit of 30 days once after a sync, 100 a page, and gives each its runway', async () => {
    const clock = { now: () => FROZEN + 3_600_000 }
    const fetch = ledgerReads()
    const app = open(makeTempDir(), clock, fetch)
    await signInTo(app, suite.api)
    await syncNow(app)
    // Joins the read the sync started.
    const status = await valueOf<WatchStatus>(app.invoke('watch:refresh', {}))
    expect(status).toMatchObject({ state: 'idle', error: null })

    const fromDate = new Date(clock.now() - 30 * DAY).toISOString().slice(0, 10)
    const debits = await allDebits(fromDate)
    expect(debits.length).toBeGreaterThan(300)
    const pages = Math.ceil(debits.length / 100)
    expect(fetch.urls.map((u) => u.searchParams.get('page'))).toEqual(
      Array.from({ length: pages }, (_, i) => String(i + 1)),
    )
    for (const url of fetch.urls) {
      expect(url.pathname).toBe('/api/v1/partner/transactions')
      expect(Object.fromEntries(url.searchParams)).toMatchObject({
        transaction_type: 'debit',
        per_page: '100',
        from_date: fromDate,
      })
    }

    // The customer of the very last debit: its spend needs the last page.
    const last = debits.at(-1)!.account_id
    const mine = debits.filter((d) => d.account_id === last)
    const units = (rows: Row[]) => rows.reduce((sum, d) => sum + parseMoney(d.amount)!.units, 0n)
    const week = units(mine.filter((d) => Date.parse(d.created_at) >= clock.now() - 7 * DAY))
    const month = units(mine)
    const days = week * 30n >= month * 7n ? 7n : 30n
    const sum = days === 7n ? week : month
    await valueOf(
      app.invoke('watch:setThreshold', {
        authId: last,
        threshold: { kind: 'amount', amount: '999999999' },
      }),
    )
    const list = await valueOf<WatchList>(app.invoke('watch:list', {}))
    const row = list.rows.find((r) => r.authId === last)!
    expect(row).toMatchObject({
      belowThreshold: true,
      spendDays: Number(days),
      spendPerDay: moneyToDecimalString({ units: (sum * 2n + days) / (2n * days) }),
      threshold: { kind: 'amount', amount: '999999999' },
    })
    const balance = parseMoney(row.balance)!.units
    expect(row.runwayDays).toBe(Number((balance * days * 100n) / sum) / 100)
    expect(list.rows.map((r) => r.runwayDays ?? Infinity)).toEqual(
      list.rows.map((r) => r.runwayDays ?? Infinity).sort((a, b) => a - b),
    )
  })

  it('reads again only after a sync 15 minutes on, and lists from the saved spend after a restart', async () => {
    let now = FROZEN + 3_600_000
    const clock = { now: () => now }
    const fetch = ledgerReads()
    const dir = makeTempDir()
    const app = open(dir, clock, fetch)
    await signInTo(app, suite.api)
    await syncNow(app)
    const first = await valueOf<WatchStatus>(app.invoke('watch:refresh', {}))
    const reads = fetch.urls.length
    now += 10 * 60_000
    await syncNow(app)
    expect(fetch.urls).toHaveLength(reads)
    now += 6 * 60_000
    await syncNow(app)
    await valueOf(app.invoke('watch:refresh', {}))
    expect(fetch.urls).toHaveLength(reads * 2)

    const before = await valueOf<WatchList>(app.invoke('watch:list', {}))
    const later = ledgerReads()
    const restarted = open(dir, clock, later)
    restarted.start()
    const after = await valueOf<WatchList>(restarted.invoke('watch:list', {}))
    expect(later.urls).toEqual([])
    expect(after.status.computedAt).toBe(new Date(now).toISOString())
    expect(after.status.computedAt).not.toBe(first.computedAt)
    expect(after.rows).toEqual(before.rows)
  })

  it('keeps snoozes and threshold overrides per profile, records them, and drops them at sign-out', async () => {
    let now = FROZEN + 3_600_000
    const clock = { now: () => now }
    const dir = makeTempDir()
    const app = open(dir, clock)
    const profileId = await signInTo(app, suite.api)
    await syncNow(app)
    await valueOf(app.invoke('watch:refresh', {}))
    await valueOf(app.invoke('settings:set', { runwayThresholdDays: 90, runwayHorizonDays: 90 }))
    const listed = await valueOf<WatchList>(app.invoke('watch:list', {}))
    const [a, b] = listed.rows
    expect(b).toBeDefined()

    const snoozed = await valueOf<{ snoozedUntil: string }>(
      app.invoke('watch:snooze', { authId: a!.authId, snooze: 'day' }),
    )
    expect(snoozed.snoozedUntil).toBe(new Date(now + DAY).toISOString())
    await valueOf(
      app.invoke('watch:setThreshold', { authId: b!.authId, threshold: { kind: 'days', days: 1 } }),
    )
    const refused = await app.invoke('watch:setThreshold', {
      authId: b!.authId,
      threshold: { kind: 'amount', amount: '-5' },
    })
    expect(refused).toMatchObject({ ok: false, error: { kind: 'validation' } })

    const restarted = open(dir, clock)
    restarted.start()
    const after = await valueOf<WatchList>(restarted.invoke('watch:list', {}))
    expect(after.snoozed.map((r) => [r.authId, r.snoozedUntil])).toEqual([
      [a!.authId, snoozed.snoozedUntil],
    ])
    expect(after.rows.find((r) => r.authId === b!.authId)?.threshold).toEqual({
      kind: 'days',
      days: 1,
    })
    now += DAY + 1
    const woken = await valueOf<WatchList>(restarted.invoke('watch:list', {}))
    expect(woken.snoozed).toEqual([])
    expect(woken.rows.map((r) => r.authId)).toContain(a!.authId)

    const log = await valueOf<ActivityList>(restarted.invoke('activity:list', {}))
    expect(log.entries.slice(0, 2).map((e) => [e.action, e.target, e.detail])).toEqual([
      ['watch-threshold', b!.authId, 'under 1 days of runway'],
      ['watch-snooze', a!.authId, 'for a day'],
    ])

    await valueOf<SessionState>(restarted.invoke('session:signOut', { profileId }))
    for (const name of ['spend.json', 'watchlist.json']) {
      expect(existsSync(join(dir, 'cache', profileId, name))).toBe(false)
    }
  })
})
