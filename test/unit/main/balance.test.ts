import { describe, expect, it } from 'vitest'
import type { CustomerBalanceView, PartnerBalance } from '../../../shared/balance'
import { signInTo, valueOf } from '../../support/customers'
import { createManualScheduler } from '../../support/manual-scheduler'
import { sandboxSuite } from '../../support/sandbox-suite'
import { sandboxApi } from '../../support/sandbox-api'
import { makeTempDir } from '../../support/temp-dir'

const suite = sandboxSuite({ customers: 12, seed: 4 })
const meRequests = () => suite.api.state().requests['GET /api/v1/partner/me'] ?? 0
const balanceRequests = () =>
  suite.api.state().requests['GET /api/v1/partner/accounts/{auth_id}/balance'] ?? 0

async function watched() {
  const time = createManualScheduler()
  const app = suite.open(makeTempDir(), { scheduler: time.scheduler, clock: time.clock })
  await signInTo(app, suite.api)
  const balance = () => valueOf<PartnerBalance>(app.invoke('balance:get', {}))
  /** Delay of the balance's own next read from now, ms (null: none scheduled). */
  const nextIn = async () => {
    const { nextAt } = await balance()
    return nextAt === null ? null : Date.parse(nextAt) - time.clock.now()
  }
  return { time, app, balance, nextIn }
}

describe('partner balance', () => {
  it('reads every 30 s while visible, keeps the trend, pauses while hidden', async () => {
    const { time, app, balance, nextIn } = await watched()
    expect((await balance()).state).toBe('live')
    expect((await balance()).trend).toHaveLength(1)
    expect(await nextIn()).toBe(30_000)
    const before = meRequests()
    await time.advance(30_000)
    await expect.poll(meRequests).toBe(before + 1)
    await expect.poll(async () => (await balance()).trend.length).toBe(2)
    const { current, previous } = await balance()
    expect(previous?.at).not.toBe(current?.at)

    // Hidden: nothing is read, however long.
    await valueOf(app.invoke('app:visibility', { visible: false }))
    expect((await balance()).state).toBe('paused')
    expect(await nextIn()).toBeNull()
    await time.advance(10 * 60_000)
    expect(meRequests()).toBe(before + 1)
    // Shown again: read at once, then every 30 s.
    await valueOf(app.invoke('app:visibility', { visible: true }))
    await expect.poll(meRequests).toBe(before + 2)
    await expect.poll(nextIn).toBe(30_000)
  })

  it('follows the interval setting', async () => {
    const { app, nextIn, time } = await watched()
    await valueOf(app.invoke('settings:set', { balanceRefreshSeconds: 120 }))
    await time.advance(30_000)
    await expect.poll(nextIn).toBe(120_000)
  })

  it('backs off while reads fail (×2, at most 5 min) and returns to the interval', async () => {
    const { time, balance, nextIn } = await watched()
    suite.api.setFaults([{ kind: 'status', status: 503, path: '/partner/me' }])
    let wait = 30_000
    for (const next of [60_000, 120_000, 240_000, 300_000, 300_000]) {
      await time.advance(wait)
      await expect.poll(nextIn, { timeout: 5_000 }).toBe(next)
      expect((await balance()).state).toBe('backing-off')
      wait = next
    }
    expect((await balance()).error?.kind).toBe('server')
    suite.api.setFaults([])
    await time.advance(300_000)
    await expect.poll(async () => (await balance()).state).toBe('live')
    expect(await nextIn()).toBe(30_000)
  })

  it('offline: no schedule, the last reading kept (stale); back online, it resumes', async () => {
    const { app, balance, nextIn } = await watched()
    const last = (await balance()).current
    suite.api.setFaults([{ kind: 'drop' }])
    expect(await app.invoke('balance:refresh', {})).toMatchObject({ ok: true })
    await expect.poll(async () => (await balance()).state).toBe('offline')
    expect((await balance()).current).toEqual(last)
    expect(await nextIn()).toBeNull()
    suite.api.setFaults([])
    // Main's own probe notices the network (any request's answer would).
    await valueOf(app.invoke('partner:refresh', {}))
    await expect.poll(async () => (await balance()).state).toBe('live')
    await expect.poll(nextIn).toBe(30_000)
  })

  it('coalesces: one partner read in flight, whoever asks', async () => {
    const { app } = await watched()
    suite.api.setFaults([{ kind: 'latency', ms: 200, path: '/partner/me', times: 1 }])
    const before = meRequests()
    await Promise.all([
      app.invoke('balance:refresh', {}),
      app.invoke('balance:refresh', {}),
      app.invoke('partner:refresh', {}),
      app.invoke('partner:refresh', {}),
    ])
    expect(meRequests()).toBe(before + 1)
  })

  it('coalesces customer balances per customer, exactly', async () => {
    const { app } = await watched()
    const [first, second] = await sandboxApi(suite.api).authIds()
    suite.api.setFaults([{ kind: 'latency', ms: 200, path: '/balance' }])
    const before = balanceRequests()
    const reads = await Promise.all([
      valueOf<CustomerBalanceView>(app.invoke('balance:customer', { authId: first })),
      valueOf<CustomerBalanceView>(app.invoke('balance:customer', { authId: first })),
      valueOf<CustomerBalanceView>(app.invoke('balance:customer', { authId: first })),
      valueOf<CustomerBalanceView>(app.invoke('balance:customer', { authId: second })),
    ])
    expect(balanceRequests()).toBe(before + 2)
    expect(reads[0]).toEqual(reads[1])
    expect(reads[0]?.balance).toMatch(/^-?\d+\.\d{5}$/)
    expect(reads[3]?.authId).toBe(second)
  })
})
