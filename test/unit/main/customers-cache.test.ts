import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { startSandbox } from '../../../electron/sandbox'
import {
  createCustomerCache,
  DISCARDED_NOTICE,
} from '../../../electron/main/customers/customer-cache'
import { createFileLogger } from '../../../electron/main/platform/logger'
import type { Connectivity, CustomerRow } from '../../../shared/customers'
import type { SessionState } from '../../../shared/ipc-contract'
import { authIdsOf, signInTo, snapshot, syncNow, valueOf } from '../../support/customers'
import { heldReplies } from '../../support/held-replies'
import { createManualScheduler } from '../../support/manual-scheduler'
import { sandboxApi } from '../../support/sandbox-api'
import { sandboxSuite } from '../../support/sandbox-suite'
import { makeTempDir } from '../../support/temp-dir'

const suite = sandboxSuite({ customers: 130, seed: 8 })
const open = suite.open

async function syncedProfile() {
  const dir = makeTempDir()
  const app = open(dir)
  const profileId = await signInTo(app, suite.api)
  await syncNow(app)
  const rows = authIdsOf(await snapshot(app))
  expect(rows).toHaveLength(130)
  await app.close()
  return { dir, profileId, rows, file: join(dir, 'cache', profileId, 'customers.json') }
}

describe('customer cache on disk', () => {
  it('serves the cached rows at start-up even when the API cannot be reached', async () => {
    const own = await startSandbox({ port: 0, customers: 75, seed: 2 })
    const dir = makeTempDir()
    const first = open(dir)
    await signInTo(first, own)
    const synced = await syncNow(first)
    const rows = (await snapshot(first)).rows
    await first.close()
    await own.close() // the API is gone: connections are refused

    const app = open(dir)
    app.start()
    const cached = await snapshot(app)
    expect(cached.rows).toEqual(rows)
    expect(cached.sync.syncedAt).toBe(synced.syncedAt)
    expect(cached.cacheNotice).toBeNull()
    // The start-up refresh fails, the list stays, and the app knows it is offline.
    const status = await syncNow(app)
    expect(status).toMatchObject({ state: 'failed', error: { kind: 'offline' } })
    expect((await snapshot(app)).rows).toEqual(rows)
    expect((await valueOf<Connectivity>(app.invoke('network:get', {}))).online).toBe(false)
  })

  it('starts the start-up sync only after the renderer has shown the cached rows (or after 3 s)', async () => {
    const { dir, rows } = await syncedProfile()
    const listRequests = () => suite.api.state().requests['GET /api/v1/partner/accounts'] ?? 0
    /** A sync has begun: it says so (its first progress event) before it asks for a page. */
    const syncStarted = (app: ReturnType<typeof open>) =>
      app.eventsOf('customers:syncProgress').some((status) => status.state === 'syncing')

    // The renderer gets the list, paints it, and says so: the sync follows that word, not the reply.
    suite.api.reset()
    const time = createManualScheduler()
    const first = open(dir, { scheduler: time.scheduler, clock: time.clock })
    first.start()
    expect(authIdsOf(await snapshot(first))).toEqual(rows)
    // Loaded, and waiting: only that word or the 3 s timer (fake time, never run here) start it.
    expect(time.pending()).toContain(3_000)
    expect(syncStarted(first)).toBe(false)
    await valueOf(first.invoke('customers:shown', {}))
    await vi.waitFor(() => expect(listRequests()).toBeGreaterThan(0))
    expect(time.pending()).not.toContain(3_000)
    // That sync ends before the counters are reset: none of its pages may count for the next app.
    await syncNow(first)
    await first.close()

    // Nobody asks: the sync starts after 3 s anyway.
    suite.api.reset()
    const later = createManualScheduler()
    const second = open(dir, { scheduler: later.scheduler, clock: later.clock })
    second.start()
    expect(authIdsOf(await snapshot(second))).toEqual(rows)
    // Each advance runs the timers due and lets what they start settle.
    await later.advance(2_999)
    expect(syncStarted(second)).toBe(false)
    await later.advance(1)
    expect(syncStarted(second)).toBe(true)
    await vi.waitFor(() => expect(listRequests()).toBeGreaterThan(0))
  })

  it.each([
    ['garbage bytes', Buffer.from([0xff, 0xfe, 0x00, 0x9c, 0x42, 0x13])],
    ['a file cut short', null],
    ['valid JSON of another shape', Buffer.from('{"rows": [{"authId": 1}]}')],
    ['a row with a wrong field', 'wrong-row'],
  ] as const)(
    'discards %s with a notice, keeps the sign-in, and syncs again',
    async (_, damage) => {
      const { dir, file, rows } = await syncedProfile()
      const original = readFileSync(file)
      if (damage === null) writeFileSync(file, original.subarray(0, original.length / 2))
      else if (damage === 'wrong-row') {
        writeFileSync(file, original.toString('utf8').replace(/"MA_[A-Z0-9]{8}"/, '42'))
      } else writeFileSync(file, damage)

      const app = open(dir)
      const snap = await snapshot(app)
      expect(snap.rows).toEqual([])
      expect(snap.cacheNotice).toBe(DISCARDED_NOTICE)
      expect(snap.sync.syncedAt).toBeNull()
      const session = await valueOf<SessionState>(app.invoke('session:get', {}))
      expect(session.activeProfileId).not.toBeNull()
      expect(session.profiles[0]?.tokenStorage).toBe('encrypted')

      expect(await syncNow(app)).toMatchObject({ state: 'idle', error: null })
      const healed = await snapshot(app)
      expect(authIdsOf(healed)).toEqual(rows)
      expect(healed.cacheNotice).toBeNull()
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1 })
    },
  )

  it('fails the sync with a file error when the cache cannot be written', async () => {
    const { dir, file } = await syncedProfile()
    // A folder where the file should be: it can be neither read nor replaced.
    rmSync(file)
    mkdirSync(join(file, 'in-the-way'), { recursive: true })

    const app = open(dir)
    const status = await syncNow(app)
    expect(status).toMatchObject({ state: 'failed', error: { kind: 'file' } })
    expect((await snapshot(app)).cacheNotice).toBe(DISCARDED_NOTICE)
    // No temporary file is left behind.
    expect(readdirSync(join(file, '..')).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('signs out: the profile cache is deleted, even while a sync is running', async () => {
    const { dir, profileId } = await syncedProfile()
    // The first page's reply is held: the sync is surely running when the user signs out.
    const late = heldReplies((_, path) => path === '/api/v1/partner/accounts')
    const app = open(dir, { fetch: late.fetch, scheduler: createManualScheduler().scheduler })
    expect((await snapshot(app)).rows).toHaveLength(130)
    const running = syncNow(app)
    await late.requested
    await valueOf(app.invoke('session:signOut', { profileId }))
    // Sign-out stopped the sync and waited for it: nothing of it is left to write the cache again.
    expect((await running).error?.kind).toBe('conflict') // cancelled
    expect(existsSync(join(dir, 'cache', profileId))).toBe(false)
    expect(await snapshot(app)).toMatchObject({ rows: [], cacheNotice: null })
    expect(app.eventsOf('customers:changed').at(-1)).toEqual({ syncedAt: null, count: 0 })
    expect((await valueOf<Connectivity>(app.invoke('network:get', {}))).online).toBeNull()
  })

  it('switching profiles switches caches', async () => {
    const dir = makeTempDir()
    const app = open(dir, { sandboxCustomers: 40 })
    const partner = await signInTo(app, suite.api)
    await syncNow(app)
    const sandbox = await valueOf<SessionState>(app.invoke('session:signInSandbox', {}))
    expect(sandbox.activeProfileId).not.toBe(partner)
    expect(await syncNow(app)).toMatchObject({ state: 'idle' })
    expect((await snapshot(app)).rows).toHaveLength(40)

    const partnerIds = await sandboxApi(suite.api).authIds()
    suite.api.setFaults([{ kind: 'hang', path: '/partner/accounts' }])
    await valueOf(app.invoke('session:switchProfile', { profileId: partner }))
    // At once from the cache, while its refresh hangs.
    expect(authIdsOf(await snapshot(app))).toEqual(partnerIds)
    await valueOf(app.invoke('session:switchProfile', { profileId: sandbox.activeProfileId! }))
    expect((await snapshot(app)).rows).toHaveLength(40)
    expect(readdirSync(join(dir, 'cache')).toSorted()).toEqual(
      [partner, sandbox.activeProfileId!].toSorted(),
    )
  })
})

describe('customer cache file', () => {
  const rows: CustomerRow[] = [
    {
      authId: 'MA_AAAA0001',
      name: 'Zoë Wiśniewski',
      company: null,
      email: 'zoe@example.com',
      phone: null,
      balance: '0.00000',
      currency: 'EUR',
      kycStatus: 'pending',
      enabled: false,
      active: null,
      createdAt: '2025-01-02T03:04:05.000000+00:00',
    },
    {
      authId: 'MA_AAAA0002',
      name: 'Priya Sharma',
      company: 'Lotus, "Call" Solutions',
      email: null,
      phone: '+919812345678',
      balance: null,
      currency: null,
      kycStatus: null,
      enabled: true,
      active: true,
      createdAt: null,
    },
  ]
  const setup = () => {
    const dir = makeTempDir()
    const cache = createCustomerCache({
      dataDir: dir,
      logger: createFileLogger({ file: join(dir, 'logs', 'main.log') }),
    })
    return { dir, cache }
  }

  it('gives back exactly what it saved, and nothing for a profile never saved', async () => {
    const { cache } = setup()
    expect(await cache.load('aaaa')).toEqual({ kind: 'missing' })
    await cache.save('aaaa', { syncedAt: '2026-05-06T07:12:40.437Z', revision: 'r1', rows })
    expect(await cache.load('aaaa')).toEqual({
      kind: 'loaded',
      syncedAt: '2026-05-06T07:12:40.437Z',
      revision: 'r1',
      rows,
    })
    await cache.save('aaaa', { syncedAt: '2026-05-06T08:00:00.000Z', revision: 'r2', rows: [] })
    expect(await cache.load('aaaa')).toMatchObject({ kind: 'loaded', rows: [] })
  })

  it('discards a file written for another profile or with other fields', async () => {
    const { cache } = setup()
    await cache.save('aaaa', { syncedAt: '2026-05-06T07:12:40.437Z', revision: 'r1', rows })
    const text = readFileSync(cache.fileOf('aaaa'), 'utf8')
    mkdirSync(join(cache.fileOf('bbbb'), '..'), { recursive: true })
    writeFileSync(cache.fileOf('bbbb'), text)
    expect(await cache.load('bbbb')).toEqual({ kind: 'discarded', notice: DISCARDED_NOTICE })
    expect(existsSync(cache.fileOf('bbbb'))).toBe(false)
    writeFileSync(cache.fileOf('aaaa'), text.replace('"name","company"', '"company","name"'))
    expect((await cache.load('aaaa')).kind).toBe('discarded')
  })

  it('removes temporary files a crash left behind, and refuses odd profile ids', async () => {
    const { cache } = setup()
    await cache.save('aaaa', { syncedAt: '2026-05-06T07:12:40.437Z', revision: 'r1', rows })
    const folder = join(cache.fileOf('aaaa'), '..')
    writeFileSync(join(folder, '.customers.json.0123456789ab.tmp'), '{"half": ')
    expect((await cache.load('aaaa')).kind).toBe('loaded')
    expect(readdirSync(folder).sort()).toEqual(['customers-head.json', 'customers.json'])
    await expect(cache.load('../../etc')).rejects.toThrow()
    await expect(cache.remove('..')).rejects.toThrow()
  })
})
