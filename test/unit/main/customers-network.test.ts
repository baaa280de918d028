import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { createConnectivity } from '../../../electron/main/session/connectivity'
import { createFileLogger } from '../../../electron/main/platform/logger'
import { AppFailure, appError } from '../../../shared/app-error'
import type { Connectivity } from '../../../shared/customers'
import { sandboxSuite } from '../../support/sandbox-suite'
import { signInTo, snapshot, syncNow, valueOf } from '../../support/customers'
import { createManualScheduler } from '../../support/manual-scheduler'
import { makeTempDir } from '../../support/temp-dir'

const logger = createFileLogger({ file: join(makeTempDir(), 'main.log') })
const failure = (kind: 'offline' | 'timeout') => new AppFailure(appError[kind]('no network'))

describe('connectivity', () => {
  function setup(probeResults: ('ok' | 'offline')[] = []) {
    const time = createManualScheduler()
    const changes: Connectivity[] = []
    let recovered = 0
    const connectivity = createConnectivity({
      clock: time.clock,
      scheduler: time.scheduler,
      logger,
      probe: async () => {
        const result = probeResults.shift() ?? 'offline'
        if (result === 'ok') connectivity.succeeded()
        else connectivity.failed(failure('offline'))
      },
    })
    connectivity.onChange((state) => changes.push(state))
    connectivity.onOnline(() => recovered++)
    return { time, connectivity, changes, recovered: () => recovered }
  }

  it('is unknown until a request finishes, then follows the requests', () => {
    const { connectivity, changes, time } = setup()
    expect(connectivity.state().online).toBeNull()
    connectivity.succeeded()
    connectivity.succeeded()
    expect(changes.map((c) => c.online)).toEqual([true])
    connectivity.failed(failure('timeout'))
    expect(connectivity.state()).toEqual({
      online: false,
      since: new Date(time.clock.now()).toISOString(),
    })
    // An error answer proves the API is reachable; a bug is not about the network.
    connectivity.failed(new AppFailure(appError.server('HTTP 503', 503)))
    connectivity.failed(new AppFailure(appError.unauthorized('401')))
    connectivity.failed(new Error('a bug'))
    expect(changes.map((c) => c.online)).toEqual([true, false, true])
  })

  it('probes with back-off while offline and recovers on its own', async () => {
    const { connectivity, time, recovered, changes } = setup([
      'offline',
      'offline',
      'offline',
      'offline',
      'offline',
      'ok',
    ])
    connectivity.failed(failure('offline'))
    const delays: number[] = []
    while (connectivity.state().online === false) {
      const [next] = time.pending()
      delays.push(next!)
      await time.advance(next!)
    }
    expect(delays).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000])
    expect(recovered()).toBe(1)
    expect(changes.map((c) => c.online)).toEqual([false, true])
    expect(time.pending()).toEqual([])
  })

  it('keeps slowing down when the probe gets through but the requests after it fail', async () => {
    const { connectivity, time } = setup(['ok', 'ok', 'ok'])
    connectivity.failed(failure('offline'))
    const delays: number[] = []
    for (let i = 0; i < 3; i++) {
      const [next] = time.pending()
      delays.push(next!)
      await time.advance(next!) // the probe answers…
      connectivity.failed(failure('offline')) // …the sync after it does not
    }
    expect(delays).toEqual([2_000, 4_000, 8_000])
    // A real request getting through resets the back-off.
    await time.advance(time.pending()[0]!)
    connectivity.succeeded()
    connectivity.failed(failure('offline'))
    expect(time.pending()).toEqual([2_000])
  })

  it('forgets everything on reset (signed out)', () => {
    const { connectivity, time } = setup()
    connectivity.failed(failure('offline'))
    connectivity.reset()
    expect(connectivity.state().online).toBeNull()
    expect(time.pending()).toEqual([])
  })
})

describe('offline and periodic refresh, end to end', () => {
  const suite = sandboxSuite({ customers: 220, seed: 13 })

  async function online() {
    const time = createManualScheduler()
    const app = suite.open(makeTempDir(), { scheduler: time.scheduler })
    await signInTo(app, suite.api)
    expect(await syncNow(app)).toMatchObject({ state: 'idle' })
    return { app, time, network: () => valueOf<Connectivity>(app.invoke('network:get', {})) }
  }
  const lists = () => suite.api.state().requests['GET /api/v1/partner/accounts'] ?? 0
  /** Syncs begun so far: each says so (state syncing, no page yet) before it asks for a page. */
  const syncsBegun = (app: Awaited<ReturnType<typeof online>>['app']) =>
    app
      .eventsOf('customers:syncProgress')
      .filter((status) => status.state === 'syncing' && status.pagesDone === 0).length

  it('goes offline when the API drops, probes, comes back online and syncs', async () => {
    const { app, time, network } = await online()
    expect((await network()).online).toBe(true)
    suite.api.setFaults([{ kind: 'drop' }])
    expect(await syncNow(app)).toMatchObject({ state: 'failed', error: { kind: 'offline' } })
    expect((await network()).online).toBe(false)
    expect(app.eventsOf('network:changed').map((c) => c.online)).toEqual([true, false])
    expect(time.pending()).toContain(2_000)

    // Still down at the first probe.
    await time.advance(2_000)
    await vi.waitFor(() => expect(time.pending()).toContain(4_000))
    expect((await network()).online).toBe(false)

    suite.api.setFaults([])
    const changed = app.eventsOf('customers:changed').length
    await time.advance(4_000)
    await vi.waitFor(() => expect(app.eventsOf('customers:changed').length).toBe(changed + 1))
    expect((await network()).online).toBe(true)
    expect((await snapshot(app)).sync).toMatchObject({ state: 'idle', error: null })
    expect(app.eventsOf('network:changed').map((c) => c.online)).toEqual([true, false, true])
  })

  it('notices the network is gone from a failed partner refresh too', async () => {
    const { app, network } = await online()
    suite.api.setFaults([{ kind: 'drop', path: '/partner/me' }])
    expect(await app.invoke('partner:refresh', {})).toMatchObject({
      ok: false,
      error: { kind: 'offline' },
    })
    expect((await network()).online).toBe(false)
  })

  it('refreshes every 5 minutes while online, and not while offline', async () => {
    const { app, time } = await online()
    expect(time.pending()).toContain(5 * 60_000)
    const before = lists()
    const begun = syncsBegun(app)
    // Each advance runs the timers due and lets what they start settle: a sync has begun by then.
    await time.advance(5 * 60_000)
    expect(syncsBegun(app)).toBe(begun + 1)
    const status = await syncNow(app) // joins the sync the timer started
    expect(status).toMatchObject({ state: 'idle', error: null })
    expect(lists() - before).toBe(3 + 1)
    expect(syncsBegun(app)).toBe(begun + 1)
    expect(time.pending()).toContain(5 * 60_000)

    // Offline: the timer does nothing; the probe's recovery will sync instead.
    suite.api.setFaults([{ kind: 'drop' }])
    expect(await syncNow(app)).toMatchObject({ error: { kind: 'offline' } })
    const offline = syncsBegun(app)
    await time.advance(5 * 60_000)
    expect(syncsBegun(app)).toBe(offline)
  })
})
