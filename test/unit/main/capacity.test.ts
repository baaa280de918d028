import { describe, expect, it } from 'vitest'
import type { CapacityRecord, CapacityView } from '../../../shared/capacity'
import type { Result } from '../../../shared/result'
import { signInTo, valueOf } from '../../support/customers'
import { sandboxSuite } from '../../support/sandbox-suite'
import { makeTempDir } from '../../support/temp-dir'
import { partnerApi } from '../sandbox/helpers'

// Capacity through the app's IPC table, against the sandbox over real HTTP.

const suite = sandboxSuite({ customers: 4, seed: 8 })

type SandboxHistory = { transfers: { transfer_reference: string; description: string | null }[] }
const sandboxHistory = async () =>
  (
    (await partnerApi(suite.api).get('/api/v1/partner/concurrency/transfers?limit=200'))
      .body as SandboxHistory
  ).transfers
/** How many transfers and reclaims reached the sandbox. */
const movesSent = () =>
  Object.entries(suite.api.state().requests)
    .filter(([route]) => /^POST .*\/concurrency\/(transfer|reclaim)$/.test(route))
    .reduce((sum, [, count]) => sum + count, 0)

async function signedIn() {
  const app = suite.open(makeTempDir())
  await signInTo(app, suite.api)
  const { accounts } = (await partnerApi(suite.api).get('/api/v1/partner/accounts?per_page=1'))
    .body as { accounts: { auth_id: string }[] }
  const authId = accounts[0]!.auth_id
  const view = () => valueOf<CapacityView>(app.invoke('capacity:get', { authId }))
  const move = (request: Record<string, unknown>) =>
    app.invoke('capacity:move', { authId, resource: 'concurrent_calls', ...request })
  const history = async () =>
    (await valueOf<{ records: CapacityRecord[] }>(app.invoke('capacity:history', {}))).records
  const failure = async (pending: Promise<Result<unknown>>) => {
    const result = await pending
    if (result.ok) throw new Error('expected a failure')
    return result.error
  }
  return { app, authId, view, move, history, failure }
}

describe('capacity in main', () => {
  it('allocates and reclaims, keeping each transfer_reference in the profile history', async () => {
    const { app, authId, view, move, history } = await signedIn()
    const before = await view()
    expect(before.concurrent_calls.allocated).toBe(0)
    const allocated = await valueOf<CapacityRecord>(move({ move: 'transfer', slots: 4 }))
    expect(allocated).toMatchObject({
      authId,
      move: 'transfer',
      slots: 4,
      recovered: false,
      partnerRemaining: before.concurrent_calls.partnerRemaining - 4,
      customerEffective: before.concurrent_calls.customerLimit + 4,
    })
    expect(allocated.reference).toMatch(/^PD-[0-9A-F]{12}$/)
    const reclaimed = await valueOf<CapacityRecord>(move({ move: 'reclaim', slots: 1 }))
    expect((await view()).concurrent_calls).toEqual({
      customerLimit: before.concurrent_calls.customerLimit + 3,
      allocated: 3,
      partnerRemaining: before.concurrent_calls.partnerRemaining - 3,
    })
    const wire = await sandboxHistory()
    expect((await history()).map((r) => [r.transferReference, r.move])).toEqual([
      [wire[0]!.transfer_reference, 'reclaim'],
      [wire[1]!.transfer_reference, 'transfer'],
    ])
    expect(wire[0]!.description).toContain(reclaimed.reference)
    // Both are in the activity log, with both references.
    const log = await valueOf<{ entries: { action: string; detail: string; reference: string }[] }>(
      app.invoke('activity:list', {}),
    )
    expect(log.entries.filter((e) => e.action === 'capacity-move').map((e) => e.detail)).toEqual([
      'reclaim 1 concurrent calls',
      'transfer 4 concurrent calls',
    ])
    expect(log.entries[0]!.reference).toBe(
      `${reclaimed.reference} · ${wire[0]!.transfer_reference}`,
    )
  })

  it('refuses a reclaim beyond what this partner allocated, at the field, before any POST', async () => {
    const { move, failure } = await signedIn()
    await valueOf(move({ move: 'transfer', slots: 2 }))
    const sent = movesSent()
    expect(await failure(move({ move: 'reclaim', slots: 3 }))).toMatchObject({
      kind: 'validation',
      fields: { slots: 'At most 2: this partner allocated 2.' },
    })
    expect(await failure(move({ move: 'transfer', slots: 10_001 }))).toMatchObject({
      kind: 'validation',
    })
    expect(movesSent()).toBe(sent)
  })

  it('a reply lost after Vobiz applied it: found in the history, slots moved once', async () => {
    const { view, move, history } = await signedIn()
    const before = await view()
    suite.api.setFaults([{ kind: 'drop', when: 'after', method: 'POST', times: 1 }])
    const done = await valueOf<CapacityRecord>(move({ move: 'transfer', slots: 5 }))
    expect(done.recovered).toBe(true)
    const wire = await sandboxHistory()
    expect(wire).toHaveLength(1)
    expect(done.transferReference).toBe(wire[0]!.transfer_reference)
    expect(movesSent()).toBe(1)
    expect((await view()).concurrent_calls.allocated).toBe(before.concurrent_calls.allocated + 5)
    expect((await history()).map((r) => [r.reference, r.recovered])).toEqual([
      [done.reference, true],
    ])
  })

  it('a reply lost before Vobiz applied it: said plainly, and it can be sent again', async () => {
    const { move, view, failure } = await signedIn()
    suite.api.setFaults([{ kind: 'drop', when: 'before', method: 'POST', times: 1 }])
    expect(await failure(move({ move: 'transfer', slots: 2 }))).toMatchObject({
      kind: 'offline',
      message: expect.stringMatching(/not applied/),
    })
    expect(await sandboxHistory()).toHaveLength(0)
    await valueOf(move({ move: 'transfer', slots: 2 }))
    expect((await view()).concurrent_calls.allocated).toBe(2)
  })

  it('when the history cannot be read, no new change for that customer until it is checked', async () => {
    const { app, authId, move, failure } = await signedIn()
    suite.api.setFaults([
      { kind: 'drop', when: 'after', method: 'POST', times: 1 },
      { kind: 'drop', method: 'GET', path: '/concurrency/transfers' },
    ])
    expect(await failure(move({ move: 'transfer', slots: 3 }))).toMatchObject({
      kind: 'unknown_outcome',
    })
    suite.api.setFaults([])
    expect(await failure(move({ move: 'transfer', slots: 3 }))).toMatchObject({
      kind: 'unknown_outcome',
    })
    const checked = await valueOf<{ applied: CapacityRecord | null; known: boolean }>(
      app.invoke('capacity:check', { authId }),
    )
    expect(checked).toMatchObject({ known: true, applied: { slots: 3, recovered: true } })
    expect(await sandboxHistory()).toHaveLength(1)
  })
})
