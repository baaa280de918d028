import { describe, expect, it, vi } from 'vitest'
import type { NotificationPort, TrayView } from '../../../electron/main/platform/ports'
import type { PartnerBalance } from '../../../shared/balance'
import { localMinute } from '../../../electron/main/notify/quiet-hours'
import type { NotificationCentre } from '../../../shared/notifications'
import type { WatchList } from '../../../shared/watch'
import { signInTo, snapshot, syncNow, valueOf } from '../../support/customers'
import { createManualScheduler } from '../../support/manual-scheduler'
import { sandboxSuite } from '../../support/sandbox-suite'
import { makeTempDir } from '../../support/temp-dir'
import { partnerApi } from '../sandbox/helpers'

// Alerts over the real services and the sandbox over HTTP: a customer's wallet is spent in the
// sandbox, the next sync notices the crossing once; the state is on disk in the profile folder.

const FROZEN = Date.parse('2026-11-20T10:00:00Z')
/** The watchlist's spend window: 30 days before main's clock (an hour after the sandbox's). */
const FROM_DATE = new Date(FROZEN - 29 * 86_400_000).toISOString().slice(0, 10)
const suite = sandboxSuite({ customers: 30, seed: 7, now: () => FROZEN })

type Shown = { title: string; body: string; onClick: () => void }
function recordingNotifications(): NotificationPort & { shown: Shown[] } {
  const shown: Shown[] = []
  return { shown, show: (notification) => void shown.push(notification) }
}

type Account = { auth_id: string; name: string; cash_credits: string }
type Harness = ReturnType<typeof suite.open>
type Debit = { account_id: string; currency: string }

/** Customers that spend in their wallet's currency, still have money and are not listed now. */
async function healthySpenders(app: Harness, list: WatchList): Promise<Account[]> {
  const debits: Debit[] = []
  for (let page = 1; ; page++) {
    const path = `/api/v1/partner/transactions?transaction_type=debit&per_page=100&page=${page}&from_date=${FROM_DATE}`
    const body = (await partnerApi(suite.api).get(path)).body as { transactions: Debit[] }
    debits.push(...body.transactions)
    if (body.transactions.length < 100) break
  }
  // A runway never mixes currencies: the spend must be in the wallet's own.
  const spenders = new Set(debits.map((d) => `${d.account_id} ${d.currency}`))
  const listed = new Set([...list.rows, ...list.snoozed].map((r) => r.authId))
  return (await snapshot(app)).rows
    .filter(
      (c) =>
        spenders.has(`${c.authId} ${c.currency}`) &&
        !listed.has(c.authId) &&
        Number(c.balance) > 100,
    )
    .map((c) => ({ auth_id: c.authId, name: c.name, cash_credits: c.balance! }))
}

const drain = (account: Account) => suite.api.spend(account.auth_id, account.cash_credits)
const centreOf = (app: ReturnType<typeof suite.open>) =>
  valueOf<NotificationCentre>(app.invoke('notifications:list', {}))

async function signedIn(dir: string, options: Parameters<typeof suite.open>[1] = {}) {
  const notifications = recordingNotifications()
  const app = suite.open(dir, {
    clock: { now: () => FROZEN + 3_600_000 },
    notifications,
    ...options,
  })
  await signInTo(app, suite.api)
  await syncNow(app)
  await valueOf(app.invoke('watch:refresh', {}))
  const list = await valueOf<WatchList>(app.invoke('watch:list', {}))
  return { app, notifications, list }
}

describe('alerts on crossing into the watchlist', () => {
  it('alerts once per crossing, not on the next poll, and again after a recovery', async () => {
    const { app, notifications, list } = await signedIn(makeTempDir())
    // What already needed attention at the first evaluation is the baseline: no alert.
    expect(list.rows.length).toBeGreaterThan(0)
    expect(await centreOf(app)).toEqual({ entries: [], unread: 0 })
    expect(notifications.shown).toEqual([])

    const [customer] = await healthySpenders(app, list)
    drain(customer!)
    await syncNow(app)
    const centre = await centreOf(app)
    expect(centre.unread).toBe(1)
    expect(centre.entries).toMatchObject([
      {
        authId: customer!.auth_id,
        name: customer!.name,
        title: `${customer!.name} needs attention`,
      },
    ])
    expect(notifications.shown.map((n) => n.title)).toEqual([`${customer!.name} needs attention`])

    await syncNow(app)
    expect((await centreOf(app)).entries).toHaveLength(1)
    expect(notifications.shown).toHaveLength(1)

    // Topped up well above its runway: off the list; spent again: a second alert.
    const topUp = await partnerApi(suite.api).post(
      `/api/v1/partner/accounts/${customer!.auth_id}/transfer-balance`,
      { amount: 100000, currency: 'INR', description: 'recovery' },
    )
    expect(topUp.status).toBe(200)
    await syncNow(app)
    expect((await centreOf(app)).entries).toHaveLength(1)
    suite.api.spend(customer!.auth_id, '100000')
    await syncNow(app)
    expect((await centreOf(app)).entries.map((e) => e.authId)).toEqual([
      customer!.auth_id,
      customer!.auth_id,
    ])
    expect(notifications.shown).toHaveLength(2)

    // A click on the notification opens the customer's drawer and reads the entry.
    notifications.shown[1]!.onClick()
    await expect.poll(async () => (await centreOf(app)).unread).toBe(1)
    expect(app.eventsOf('notifications:openCustomer')).toEqual([{ authId: customer!.auth_id }])
    // A window opened by the click (the old one was closed) takes the request once.
    expect(await valueOf(app.invoke('notifications:takeOpen', {}))).toEqual({
      authId: customer!.auth_id,
    })
    expect(await valueOf(app.invoke('notifications:takeOpen', {}))).toBeNull()
    await valueOf(app.invoke('notifications:markRead', { id: null }))
    expect((await centreOf(app)).unread).toBe(0)
  })

  it('does not alert again after a restart (the last evaluation is on disk)', async () => {
    const dir = makeTempDir()
    const first = await signedIn(dir)
    const [customer] = await healthySpenders(first.app, first.list)
    drain(customer!)
    await syncNow(first.app)
    expect((await centreOf(first.app)).entries).toHaveLength(1)
    expect(first.notifications.shown).toHaveLength(1)
    await first.app.close()

    const notifications = recordingNotifications()
    const restarted = suite.open(dir, { clock: { now: () => FROZEN + 3_600_000 }, notifications })
    restarted.start()
    await syncNow(restarted)
    await valueOf(restarted.invoke('watch:refresh', {}))
    const centre = await centreOf(restarted)
    expect(centre.entries.map((e) => e.authId)).toEqual([customer!.auth_id])
    expect(notifications.shown).toEqual([])
  })

  it('does not alert for a snoozed customer, nor with notifications off', async () => {
    const { app, notifications, list } = await signedIn(makeTempDir())
    const [snoozed, silenced] = await healthySpenders(app, list)
    await valueOf(app.invoke('watch:snooze', { authId: snoozed!.auth_id, snooze: 'week' }))
    drain(snoozed!)
    await syncNow(app)
    expect((await centreOf(app)).entries).toEqual([])

    await valueOf(app.invoke('settings:set', { notificationsEnabled: false }))
    drain(silenced!)
    await syncNow(app)
    expect((await centreOf(app)).entries).toEqual([])
    expect(notifications.shown).toEqual([])
  })

  it('holds notifications during quiet hours and shows one summary when they end', async () => {
    const manual = createManualScheduler(FROZEN + 3_600_000)
    const { app, notifications, list } = await signedIn(makeTempDir(), {
      clock: manual.clock,
      scheduler: manual.scheduler,
    })
    const minute = localMinute(manual.clock.now())
    const at = (m: number) => {
      const wrapped = (m + 1440) % 1440
      return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`
    }
    await valueOf(
      app.invoke('settings:set', {
        quietHours: { enabled: true, start: at(minute - 30), end: at(minute + 30) },
      }),
    )
    const [a, b] = await healthySpenders(app, list)
    drain(a!)
    drain(b!)
    await syncNow(app)
    // In the centre at once, as notifications not yet.
    expect((await centreOf(app)).entries).toHaveLength(2)
    expect(notifications.shown).toEqual([])

    await manual.advance(32 * 60_000)
    await expect.poll(() => notifications.shown.length).toBe(1)
    expect(notifications.shown[0]!.title).toBe('2 customers need attention')
    expect(notifications.shown[0]!.body).toContain('during quiet hours')
  })

  it('tray: the count needing attention; with close to tray the balance is read while hidden', async () => {
    const views: TrayView[] = []
    const { app, list } = await signedIn(makeTempDir(), { tray: { update: (v) => views.push(v) } })
    await centreOf(app)
    expect(views.at(-1)?.countLabel).toBe(`${list.rows.length} customers need attention`)
    expect(views.at(-1)?.tooltip).toMatch(/\nPartner balance ₹/)

    const hidden = () => valueOf<PartnerBalance>(app.invoke('app:visibility', { visible: false }))
    expect((await hidden()).state).toBe('paused')
    await valueOf(app.invoke('app:visibility', { visible: true }))
    await valueOf(app.invoke('settings:set', { closeToTray: true }))
    expect((await hidden()).state).toBe('live')
  })

  it('after a restart, counts for the tray only once the cached rows are shown', async () => {
    const dir = makeTempDir()
    const { app, list } = await signedIn(dir)
    await centreOf(app)
    await app.close()

    // Evaluating reads the whole saved list: at start-up it waits for the first rows on screen.
    const views: TrayView[] = []
    const time = createManualScheduler()
    const restarted = suite.open(dir, {
      clock: { now: () => FROZEN + 3_600_000 },
      scheduler: time.scheduler,
      tray: { update: (v) => views.push(v) },
    })
    restarted.start()
    await valueOf(restarted.invoke('customers:firstPage', { size: 20 }))
    await centreOf(restarted)
    expect(views.map((v) => v.countLabel)).not.toContain(
      `${list.rows.length} customers need attention`,
    )
    expect(views.at(-1)?.countLabel ?? 'Watchlist not read yet').toBe('Watchlist not read yet')
    await valueOf(restarted.invoke('customers:shown', {}))
    await vi.waitFor(() =>
      expect(views.at(-1)?.countLabel).toBe(`${list.rows.length} customers need attention`),
    )
  })

  it('refuses quiet hours that start when they end, naming the field', async () => {
    const { app } = await signedIn(makeTempDir())
    const result = await app.invoke('settings:set', {
      quietHours: { enabled: true, start: '22:00', end: '22:00' },
    })
    expect(result.ok).toBe(false)
  })
})
