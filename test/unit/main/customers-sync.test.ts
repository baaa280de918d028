import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FaultRule } from '../../../electron/sandbox'
import type { Clock, FetchPort } from '../../../electron/main/platform/ports'
import type { Connectivity, SyncStatus } from '../../../shared/customers'
import { authIdsOf, signInTo, snapshot, syncNow, valueOf } from '../../support/customers'
import { sandboxApi } from '../../support/sandbox-api'
import { sandboxSuite } from '../../support/sandbox-suite'
import { filesContaining, makeTempDir } from '../../support/temp-dir'

const CUSTOMERS = 1_150
const PAGES = 12
const suite = sandboxSuite({ customers: CUSTOMERS, seed: 21 })
/** The sandbox's own answers, independent of the app. */
const truth = {
  authIds: () => sandboxApi(suite.api).authIds(),
  create: () => sandboxApi(suite.api).create(),
  token: (authId: string) => sandboxApi(suite.api).token(authId),
}
type HarnessOptions = Parameters<typeof suite.open>[1]

function harness(options: HarnessOptions = {}) {
  const dir = makeTempDir()
  return { dir, app: suite.open(dir, options) }
}

/** Signed in, first sync done: the "old" cache that failed syncs must leave alone. */
async function syncedOnce(options: HarnessOptions = {}) {
  const { dir, app } = harness(options)
  const profileId = await signInTo(app, suite.api)
  const first = await syncNow(app)
  expect(first).toMatchObject({ state: 'idle', error: null })
  const cacheFile = join(dir, 'cache', profileId, 'customers.json')
  return { dir, app, profileId, cacheFile, before: await snapshot(app) }
}

/** Sets `faults` once the sync has read `pages` pages: a failure in the middle of it. */
function faultAfterPages(app: ReturnType<typeof suite.open>, pages: number, faults: FaultRule[]) {
  const off = app.on('customers:syncProgress', (status) => {
    if (status.state === 'syncing' && status.pagesDone >= pages) {
      suite.api.setFaults(faults)
      off()
    }
  })
}

async function expectOldCacheKept(
  setup: Awaited<ReturnType<typeof syncedOnce>>,
  status: SyncStatus,
  bytes: Buffer,
) {
  expect(status.state).toBe('failed')
  expect(status.syncedAt).toBe(setup.before.sync.syncedAt)
  expect(readFileSync(setup.cacheFile)).toEqual(bytes)
  const after = await snapshot(setup.app)
  expect(authIdsOf(after)).toEqual(authIdsOf(setup.before))
  expect(after.sync).toMatchObject({ state: 'failed', syncedAt: setup.before.sync.syncedAt })
}

describe('customer sync against the sandbox', () => {
  it('downloads every customer once into the profile cache, with progress, 3 requests at a time', async () => {
    let inFlight = 0
    let maxInFlight = 0
    const watching: FetchPort = async (input, init) => {
      const list = String(input instanceof Request ? input.url : input).includes('/accounts')
      if (list) maxInFlight = Math.max(maxInFlight, ++inFlight)
      try {
        return await fetch(input, init)
      } finally {
        if (list) inFlight--
      }
    }
    const { dir, app } = harness({ fetch: watching })
    const profileId = await signInTo(app, suite.api)
    const status = await syncNow(app)
    expect(status).toMatchObject({
      state: 'idle',
      error: null,
      pagesDone: PAGES,
      pagesTotal: PAGES,
    })
    expect(Date.parse(status.syncedAt!)).toBeGreaterThan(Date.now() - 60_000)

    const snap = await snapshot(app)
    expect(authIdsOf(snap)).toEqual(await truth.authIds())
    expect(snap.rows[0]).toEqual({
      authId: expect.stringMatching(/^MA_/),
      name: expect.any(String),
      company: expect.toBeOneOf([expect.any(String), null]),
      email: expect.any(String),
      phone: expect.toBeOneOf([expect.any(String), null]),
      balance: expect.stringMatching(/^\d+\.\d{5}$/),
      currency: expect.any(String),
      kycStatus: expect.any(String),
      enabled: expect.any(Boolean),
      active: expect.any(Boolean),
      createdAt: expect.any(String),
    })
    expect(maxInFlight).toBe(3)

    const progress = app.eventsOf('customers:syncProgress')
    expect(progress[0]).toMatchObject({ state: 'syncing', pagesDone: 0 })
    const done = progress.map((p) => p.pagesDone)
    expect(done).toEqual(done.toSorted((a, b) => a - b))
    expect(progress.at(-1)).toEqual(status)
    expect(app.eventsOf('customers:changed').at(-1)).toEqual({
      syncedAt: status.syncedAt,
      count: CUSTOMERS,
    })

    const file = join(dir, 'cache', profileId, 'customers.json')
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600)
      expect(statSync(join(dir, 'cache', profileId)).mode & 0o777).toBe(0o700)
    }
  })

  it('shows the pages between the first and the last at most every 50 ms, by the clock port', async () => {
    /** The pages a sync showed besides its first and last, on this clock. */
    const middlePagesShown = async (clock: Clock) => {
      const { app } = harness({ clock })
      await signInTo(app, suite.api)
      await syncNow(app)
      const done = app.eventsOf('customers:syncProgress').map((p) => p.pagesDone)
      return [...new Set(done)].filter((pages) => pages > 1 && pages < PAGES)
    }
    const start = Date.now()
    expect(await middlePagesShown({ now: () => start })).toEqual([])
    // Each harness its own clock: the first one's background reads (balance, the API client's
    // timing) must not move the second one's time.
    let forward = start
    expect(await middlePagesShown({ now: () => (forward += 60) })).toHaveLength(PAGES - 2)
    // A clock set back does not hold the progress back until it catches up.
    let back = start
    expect(await middlePagesShown({ now: () => (back -= 60) })).toHaveLength(PAGES - 2)
  })

  it('joins a sync already running instead of starting another', async () => {
    const { app } = harness()
    await signInTo(app, suite.api) // starts a sync in the background
    const [a, b] = await Promise.all([syncNow(app), syncNow(app)])
    expect(a).toEqual(b)
    // One sync's worth of list requests (the counters were zeroed before the test).
    expect(suite.api.state().requests['GET /api/v1/partner/accounts']).toBe(PAGES + 1)
  })

  it('waits out a 429 and completes', async () => {
    const setup = await syncedOnce()
    const added = [await truth.create(), await truth.create()]
    suite.api.setFaults([
      { kind: 'rate_limit', retryAfterSeconds: 1, times: 1, path: '/partner/accounts' },
    ])
    const status = await syncNow(setup.app)
    expect(status).toMatchObject({ state: 'idle', error: null })
    const after = authIdsOf(await snapshot(setup.app))
    expect(after).toEqual(await truth.authIds())
    expect(after).toEqual(expect.arrayContaining(added))
  })

  it('keeps the old cache when the API fails with 500 half-way, and says so', async () => {
    const setup = await syncedOnce()
    const bytes = readFileSync(setup.cacheFile)
    await truth.create()
    faultAfterPages(setup.app, 4, [{ kind: 'status', status: 500, path: '/partner/accounts' }])
    const status = await syncNow(setup.app)
    expect(status.error).toMatchObject({ kind: 'server', status: 500 })
    await expectOldCacheKept(setup, status, bytes)

    suite.api.setFaults([])
    expect(await syncNow(setup.app)).toMatchObject({ state: 'idle', error: null })
    expect(authIdsOf(await snapshot(setup.app))).toEqual(await truth.authIds())
  })

  it('reads a garbled page again once; keeps the old cache when pages stay garbled', async () => {
    const setup = await syncedOnce()
    const bytes = readFileSync(setup.cacheFile)
    await truth.create()
    faultAfterPages(setup.app, 3, [{ kind: 'malformed', times: 1, path: '/partner/accounts' }])
    expect(await syncNow(setup.app)).toMatchObject({ state: 'idle', error: null })
    expect(authIdsOf(await snapshot(setup.app))).toEqual(await truth.authIds())

    const current = await snapshot(setup.app)
    const kept = readFileSync(setup.cacheFile)
    await truth.create()
    faultAfterPages(setup.app, 3, [{ kind: 'malformed', path: '/partner/accounts' }])
    const status = await syncNow(setup.app)
    expect(status.error).toMatchObject({ kind: 'server' })
    await expectOldCacheKept({ ...setup, before: current }, status, kept)
    expect(bytes).not.toEqual(kept)
  })

  it('keeps the old cache when the connection drops half-way, and goes offline', async () => {
    const setup = await syncedOnce()
    const bytes = readFileSync(setup.cacheFile)
    expect((await valueOf<Connectivity>(setup.app.invoke('network:get', {}))).online).toBe(true)
    await truth.create()
    faultAfterPages(setup.app, 5, [{ kind: 'drop', path: '/partner/accounts' }])
    const status = await syncNow(setup.app)
    expect(status.error).toMatchObject({ kind: 'offline' })
    await expectOldCacheKept(setup, status, bytes)
    expect((await valueOf<Connectivity>(setup.app.invoke('network:get', {}))).online).toBe(false)
    expect(setup.app.eventsOf('network:changed').at(-1)?.online).toBe(false)
  })

  it('ends with the complete new list when customers are created during the sync', async () => {
    const setup = await syncedOnce()
    const created: Promise<string>[] = []
    const off = setup.app.on('customers:syncProgress', (status) => {
      if (status.state !== 'syncing' || status.pagesDone < 2) return
      off()
      // The rest of the list comes slowly, so the new customers exist before it is read.
      suite.api.setFaults([{ kind: 'latency', ms: 60, method: 'GET', path: '/partner/accounts' }])
      for (let i = 0; i < 5; i++) created.push(truth.create())
    })
    const status = await syncNow(setup.app)
    suite.api.setFaults([])
    expect(status).toMatchObject({ state: 'idle', error: null })
    const ids = await Promise.all(created)
    const after = authIdsOf(await snapshot(setup.app))
    expect(after).toEqual(await truth.authIds())
    expect(after).toHaveLength(CUSTOMERS + 5)
    expect(after).toEqual(expect.arrayContaining(ids))
  })

  it('runs a verifying pass when customers appear after the last page was read', async () => {
    const setup = await syncedOnce()
    const created: Promise<string>[] = []
    const done: number[] = []
    const off = setup.app.on('customers:syncProgress', (status) => {
      if (status.state !== 'syncing') return
      done.push(status.pagesDone)
      if (status.pagesDone < PAGES || created.length > 0) return
      // Every page is in; page 1 is read again after these customers exist.
      suite.api.setFaults([{ kind: 'latency', ms: 100, method: 'GET', path: '/partner/accounts' }])
      created.push(truth.create(), truth.create())
    })
    const status = await syncNow(setup.app)
    off()
    suite.api.setFaults([])
    expect(status).toMatchObject({ state: 'idle', error: null })
    // The progress started over for the second pass.
    expect(done.indexOf(PAGES)).toBeLessThan(done.lastIndexOf(1))
    const after = authIdsOf(await snapshot(setup.app))
    expect(after).toEqual(await truth.authIds())
    expect(after).toEqual(expect.arrayContaining(await Promise.all(created)))
  })

  it('writes no customer auth_token anywhere in the data folder', async () => {
    const setup = await syncedOnce()
    await valueOf(setup.app.invoke('customers:exportCsv', { authIds: authIdsOf(setup.before) }))
    const ids = authIdsOf(setup.before)
    const sample = [ids[0]!, ids[1]!, ids[500]!, ids[ids.length - 1]!]
    for (const authId of sample) {
      const token = await truth.token(authId)
      expect(token).toMatch(/^[A-Za-z0-9]{40}$/)
      expect(filesContaining(setup.dir, token)).toEqual([])
    }
    // The scan works: the auth ids, which are not secret, are in the cache (and the export).
    expect(filesContaining(setup.dir, sample[2]!)).toContain(setup.cacheFile)
  })
})
