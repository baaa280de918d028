import { cpSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ActivityList } from '../../../shared/activity'
import type { BulkBatch, DryRun } from '../../../shared/bulk-top-up'
import { signInTo, snapshot, syncNow, valueOf } from '../../support/customers'
import { sandboxSuite } from '../../support/sandbox-suite'
import { makeTempDir } from '../../support/temp-dir'

const NOW = Date.parse('2026-11-20T10:00:00Z')
const suite = sandboxSuite({ customers: 15, seed: 6, now: () => NOW })
const TRANSFER = 'POST /api/v1/partner/accounts/{auth_id}/transfer-balance'
type App = ReturnType<typeof suite.open>

/** Transfers the sandbox received (whatever became of their replies). */
const transfersReceived = () => suite.api.state().requests[TRANSFER] ?? 0

async function ready(dataDir = makeTempDir(), fetch?: typeof globalThis.fetch) {
  const app = suite.open(dataDir, { clock: { now: () => NOW }, ...(fetch ? { fetch } : {}) })
  const profileId = await signInTo(app, suite.api)
  await syncNow(app)
  const inr = (await snapshot(app)).rows.filter((r) => r.currency === 'INR').map((r) => r.authId)
  return { app, dataDir, profileId, customers: inr.slice(0, 3) }
}

async function confirmBatch(app: App, authIds: string[], amount = '10') {
  const rows = authIds.map((authId) => ({ authId, amount }))
  const dryRun = await valueOf<DryRun>(app.invoke('bulk:dryRun', { source: 'selection', rows }))
  expect(dryRun.blocked).toBeNull()
  return valueOf<{ batch: BulkBatch }>(app.invoke('bulk:start', { dryRunId: dryRun.id }))
}

async function ended(app: App): Promise<BulkBatch> {
  await app.bulk.settled()
  return (await valueOf<{ batch: BulkBatch }>(app.invoke('bulk:state', {}))).batch!
}

const ledgerRowsWith = async (authId: string, reference: string) => {
  const response = await fetch(
    `${suite.api.baseUrl}/api/v1/partner/accounts/${authId}/transactions?per_page=100`,
    {
      headers: {
        'X-Auth-ID': suite.api.credentials.authId,
        'X-Auth-Token': suite.api.credentials.authToken,
      },
    },
  )
  const body = (await response.json()) as { transactions: { description: string | null }[] }
  return body.transactions.filter((t) => t.description?.includes(`[${reference}]`))
}

/** Vobiz applies the next transfer to this customer, and its reply is lost. */
const replyLostFor = (authId: string) =>
  ({
    kind: 'drop',
    when: 'after',
    method: 'POST',
    path: `/${authId}/transfer-balance`,
    times: 1,
  }) as const

const states = (batch: BulkBatch) => batch.rows.map((r) => r.state)

describe('bulk top-up over the sandbox', () => {
  it('a reply dropped mid-batch is found in the ledger: every row sent exactly once', async () => {
    const { app, customers } = await ready()
    const [, second] = customers
    suite.api.setFaults([replyLostFor(second!)])
    const progress: string[][] = []
    app.on('bulk:progress', ({ batch }) => batch && progress.push(states(batch)))
    await confirmBatch(app, customers)
    const batch = await ended(app)
    expect(batch.status).toBe('done')
    expect(states(batch)).toEqual(['applied', 'recovered', 'applied'])
    expect(transfersReceived()).toBe(3)
    for (const row of batch.rows) {
      expect(row.reference).toMatch(/^PD-[0-9A-F]{12}$/)
      expect(await ledgerRowsWith(row.authId, row.reference!)).toHaveLength(1)
    }
    // Each row was shown as on its way before its outcome.
    expect(progress).toContainEqual(['applied', 'sending', 'pending'])
    // The run and each row are in the activity log.
    const log = await valueOf<ActivityList>(app.invoke('activity:list', {}))
    const rows = log.entries.filter((e) => e.action === 'top-up')
    expect(rows.map((e) => [e.target, e.outcome, e.detail])).toEqual(
      [...customers].reverse().map((id) => [id, 'ok', '10.00000 INR (bulk)']),
    )
    expect(log.entries.filter((e) => e.action === 'bulk-top-up').map((e) => e.outcome)).toEqual([
      'ok',
      'ok',
    ])
  })

  it('a lost reply the ledger cannot settle stops the batch; resuming looks it up, never re-sends', async () => {
    const { app, customers } = await ready()
    const [, second] = customers
    suite.api.setFaults([
      replyLostFor(second!),
      { kind: 'drop', method: 'GET', path: `/${second}/transactions` },
    ])
    await confirmBatch(app, customers)
    const stopped = await ended(app)
    expect(stopped.status).toBe('stopped')
    expect(states(stopped)).toEqual(['applied', 'unknown', 'pending'])
    expect(transfersReceived()).toBe(2)
    suite.api.setFaults([])
    const resumed = await valueOf<{ batch: BulkBatch }>(app.invoke('bulk:resume', { send: true }))
    expect(resumed.batch.rows[1]!.state).toBe('recovered')
    const batch = await ended(app)
    expect(states(batch)).toEqual(['applied', 'recovered', 'applied'])
    expect(transfersReceived()).toBe(3)
    expect(await ledgerRowsWith(second!, batch.rows[1]!.reference!)).toHaveLength(1)
  })

  it('cancel stops before the next row; the rest are skipped and never sent', async () => {
    const { app, customers } = await ready()
    suite.api.setFaults([{ kind: 'latency', ms: 150, method: 'POST' }])
    app.on('bulk:progress', ({ batch }) => {
      if (batch?.rows[0]?.state === 'sending') void app.invoke('bulk:cancel', {})
    })
    await confirmBatch(app, customers)
    const batch = await ended(app)
    expect(batch.status).toBe('cancelled')
    expect(states(batch)).toEqual(['applied', 'skipped', 'skipped'])
    expect(transfersReceived()).toBe(1)
  })

  it('the dry run of a file reports its bad rows; start sends only what it showed', async () => {
    const { app, customers } = await ready()
    const text = `auth_id,amount\r\n${customers[0]},5\r\nMA_GHOST,5\r\n${customers[1]},five\r\n`
    const dryRun = await valueOf<DryRun>(app.invoke('bulk:dryRun', { source: 'csv', text }))
    expect(dryRun.rows.map((r) => [r.line, r.problems.length])).toEqual([
      [2, 0],
      [3, 1],
      [4, 1],
    ])
    expect(dryRun).toMatchObject({ sendable: 1, total: '5.00000', blocked: null })
    await valueOf(app.invoke('bulk:start', { dryRunId: dryRun.id }))
    expect(states(await ended(app))).toEqual(['applied'])
    // One confirmation per dry run.
    expect(await app.invoke('bulk:start', { dryRunId: dryRun.id })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    })
    expect(transfersReceived()).toBe(1)
  })
})

describe('bulk top-up after a crash', () => {
  /**
   * A fetch that, at the second transfer, copies the data folder (the disk as a crash would
   * leave it) and lets the request reach Vobiz (`arrives`) or not; from then on this app is
   * dead: its requests never answer.
   */
  function crashingAt(target: () => string | undefined, dataDir: string, arrives: boolean) {
    const crashed = { dir: makeTempDir(), journal: null as BulkBatch | null, done: false }
    const dead = new Promise<Response>(() => undefined)
    const wrapped = async (...[input, init]: Parameters<typeof fetch>): Promise<Response> => {
      if (crashed.done) return dead
      const request = new Request(input, init)
      if (request.method !== 'POST' || !request.url.includes(`/${target()}/transfer-balance`)) {
        return fetch(request)
      }
      crashed.done = true
      cpSync(dataDir, crashed.dir, { recursive: true })
      const files = join(crashed.dir, 'cache')
      const [profile] = readdirSync(files)
      crashed.journal = JSON.parse(
        readFileSync(join(files, profile!, 'bulk-top-up.json'), 'utf8'),
      ) as BulkBatch
      if (arrives) await fetch(request)
      return dead
    }
    return { fetch: wrapped as typeof fetch, crashed }
  }

  it.each([
    ['it reached Vobiz: found by its reference, not sent again', true, 'recovered', 3],
    ['it never left: not in the ledger, so sent once, with a new reference', false, 'applied', 3],
  ])('a row whose send started before the crash: %s', async (_, arrives, second, received) => {
    const dataDir = makeTempDir()
    const target: { authId?: string } = {}
    const { fetch, crashed } = crashingAt(() => target.authId, dataDir, arrives)
    const first = await ready(dataDir, fetch)
    target.authId = first.customers[1]
    await confirmBatch(first.app, first.customers)
    await expect.poll(() => crashed.done).toBe(true)
    // Written before the request left: the row is on its way, with its reference.
    expect(crashed.journal?.rows[1]).toMatchObject({ state: 'sending', reference: /^PD-/ })
    const sentBefore = crashed.journal!.rows[1]!.reference!

    const app = suite.open(crashed.dir, { clock: { now: () => NOW } })
    await signInTo(app, suite.api)
    const interrupted = await valueOf<{ batch: BulkBatch }>(app.invoke('bulk:state', {}))
    expect(interrupted.batch).toMatchObject({ status: 'interrupted' })
    expect(states(interrupted.batch!)).toEqual(['applied', 'sending', 'pending'])
    await valueOf(app.invoke('bulk:resume', { send: true }))
    const batch = await ended(app)
    expect(states(batch)).toEqual(['applied', second, 'applied'])
    expect(transfersReceived()).toBe(received)
    const references = await ledgerRowsWith(first.customers[1]!, sentBefore)
    expect(references).toHaveLength(arrives ? 1 : 0)
    expect(batch.rows[1]!.reference === sentBefore).toBe(arrives)
  })
})
