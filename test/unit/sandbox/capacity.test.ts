import { describe, expect, it } from 'vitest'
import { PARTNER_POOL } from '../../../electron/sandbox/capacity-api'
import { sandboxSuite } from '../../support/sandbox-suite'
import { asObject, errorBody, failedFields, partnerApi } from './helpers'

type Allocation = Record<string, number | string>
type History = { transfers: Record<string, unknown>[]; total: number }

describe('sandbox capacity', () => {
  const suite = sandboxSuite({ customers: 3, seed: 5 })
  const api = () => partnerApi(suite.api)
  const customer = async () =>
    (
      (await api().get('/api/v1/partner/accounts?per_page=1')).body as {
        accounts: { auth_id: string }[]
      }
    ).accounts[0]!.auth_id
  const path = (authId: string, tail = '') =>
    `/api/v1/partner/accounts/${authId}/concurrency${tail}`
  const allocation = async (authId: string) => (await api().get(path(authId))).body as Allocation
  const history = async (query = '') =>
    (await api().get(`/api/v1/partner/concurrency/transfers${query}`)).body as History

  it('shows the allocation view with every documented field', async () => {
    const authId = await customer()
    const view = await allocation(authId)
    expect(view).toMatchObject({
      customer_auth_id: authId,
      partner_concurrent_calls_limit: PARTNER_POOL.concurrent_calls,
      net_concurrent_calls_allocated: 0,
      partner_cps_limit: PARTNER_POOL.cps,
      net_cps_allocated: 0,
    })
    expect(view.customer_concurrent_calls_limit).toEqual(expect.any(Number))
    expect(view.customer_cps_limit).toEqual(expect.any(Number))
    expect((await api().get(path('MA_NOPE'))).status).toBe(404)
  })

  it('a transfer adds to the customer limit from the pool; a reclaim gives back', async () => {
    const authId = await customer()
    const before = await allocation(authId)
    const sent = await api().post(path(authId, '/transfer'), { slots: 5, description: 'more' })
    expect(sent.status).toBe(200)
    expect(sent.body).toMatchObject({
      success: true,
      slots: 5,
      resource: 'concurrent_calls',
      to_account: authId,
      partner_remaining: PARTNER_POOL.concurrent_calls - 5,
      customer_effective: Number(before.customer_concurrent_calls_limit) + 5,
      transfer_reference: expect.any(String),
    })
    const back = await api().post(path(authId, '/reclaim'), {
      resource: 'concurrent_calls',
      slots: 2,
    })
    expect(back.body).toMatchObject({
      from_account: authId,
      partner_remaining: PARTNER_POOL.concurrent_calls - 3,
    })
    expect(await allocation(authId)).toMatchObject({
      net_concurrent_calls_allocated: 3,
      customer_concurrent_calls_limit: Number(before.customer_concurrent_calls_limit) + 3,
    })
    // CPS is its own resource.
    await api().post(path(authId, '/transfer'), { resource: 'cps', slots: 1 })
    expect(await allocation(authId)).toMatchObject({
      net_cps_allocated: 1,
      partner_cps_limit: PARTNER_POOL.cps - 1,
    })
  })

  it('refuses a reclaim beyond what this partner allocated, and a transfer beyond the pool', async () => {
    const authId = await customer()
    await api().post(path(authId, '/transfer'), { slots: 2 })
    const reclaim = await api().post(path(authId, '/reclaim'), { slots: 3 })
    expect(reclaim.status).toBe(400)
    expect(errorBody(reclaim).message).toMatch(/allocated 2/)
    const transfer = await api().post(path(authId, '/transfer'), {
      resource: 'cps',
      slots: PARTNER_POOL.cps + 1,
    })
    expect(transfer.status).toBe(400)
    expect(errorBody(transfer).message).toMatch(/partner pool/)
    expect((await history()).total).toBe(1)
  })

  it('validates the body: slots 1–10000, the resource, a description of at most 500', async () => {
    const authId = await customer()
    for (const [body, field] of [
      [{}, 'slots'],
      [{ slots: 0 }, 'slots'],
      [{ slots: 10_001 }, 'slots'],
      [{ slots: 1.5 }, 'slots'],
      [{ slots: 1, resource: 'minutes' }, 'resource'],
      [{ slots: 1, description: 'x'.repeat(501) }, 'description'],
    ] as const) {
      const reply = await api().post(path(authId, '/transfer'), body)
      expect(reply.status).toBe(422)
      expect(failedFields(reply)).toEqual([field])
    }
  })

  it('lists the history newest first, paged by limit and offset (1–200)', async () => {
    const authId = await customer()
    for (const slots of [1, 2, 3]) await api().post(path(authId, '/transfer'), { slots })
    await api().post(path(authId, '/reclaim'), { slots: 1, description: 'back [PD-1]' })
    const all = await history()
    expect(all.total).toBe(4)
    expect(all.transfers.map((t) => [t['type'], t['slots']])).toEqual([
      ['reclaim', 1],
      ['transfer', 3],
      ['transfer', 2],
      ['transfer', 1],
    ])
    expect(asObject(all.transfers[0])).toMatchObject({
      description: 'back [PD-1]',
      from_account: authId,
    })
    expect((await history('?limit=2&offset=1')).transfers.map((t) => t['slots'])).toEqual([3, 2])
    for (const query of ['?limit=0', '?limit=201', '?offset=-1']) {
      expect((await api().get(`/api/v1/partner/concurrency/transfers${query}`)).status).toBe(422)
    }
  })
})
