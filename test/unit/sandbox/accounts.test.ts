import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox'
import { parseMoney } from '../../../shared/money'
import {
  customerAccountSchema,
  customerBalanceSchema,
  partnerProfileSchema,
  type CustomerAccount,
} from '../../../shared/vobiz'
import {
  FIVE_DECIMALS,
  allCustomers,
  asObject,
  errorBody,
  manualClock,
  partnerApi,
} from './helpers'

/** The Get Customer Account example's field set (smaller than a list item's). */
const GET_FIELDS = [
  'name',
  'email',
  'phone',
  'description',
  'gstin',
  'gst_status',
  'tds_enabled',
  'tds_percentage',
  'business_type',
  'id',
  'auth_id',
  'api_id',
  'account_type',
  'role',
  'postpaid',
  'address',
  'city',
  'state',
  'timezone',
  'country',
  'zip_code',
  'company',
  'billing_mode',
  'auto_recharge',
  'cash_credits',
  'cps_limit',
  'concurrent_calls_limit',
  'is_active',
  'is_verified',
  'is_trial_account',
  'enabled',
  'kyc_status',
  'created_at',
  'updated_at',
  'last_login',
  'pricing_tier_id',
  'pricing_tier',
  'partner_id',
  'auto_recharge_config',
  'resource_uri',
  'auth_token',
]
const GET_TIER_FIELDS = [
  'id',
  'name',
  'currency',
  'rate_per_minute',
  'is_active',
  'is_default',
  'partner_id',
]
const HOUR = 3_600_000

const START = Date.UTC(2026, 10, 23, 8)
const clock = manualClock(START)
let sandbox: RunningSandbox
let everyone: CustomerAccount[]
beforeAll(async () => {
  sandbox = await startSandbox({ customers: 300, seed: 77, now: clock.now })
  everyone = await allCustomers(sandbox)
})
afterAll(() => sandbox.close())
beforeEach(() => clock.set(START))

const api = () => partnerApi(sandbox)
const units = (value: unknown) => parseMoney(value as string)!.units
const balanceOf = async (authId: string) => {
  const reply = await api().get(`/api/v1/partner/accounts/${authId}/balance`)
  expect(reply.status).toBe(200)
  return customerBalanceSchema.parse(reply.body)
}

describe('GET /api/v1/partner/accounts/{auth_id}', () => {
  it('returns the documented profile with the pricing tier and the token', async () => {
    const page = asObject((await api().get('/api/v1/partner/accounts?per_page=100')).body)
    const listed = asObject((page.accounts as unknown[])[42])
    const reply = await api().get(`/api/v1/partner/accounts/${String(listed.auth_id)}`)
    expect(reply.status).toBe(200)
    const raw = asObject(reply.body)
    expect(Object.keys(raw)).toEqual(GET_FIELDS)
    expect(Object.keys(asObject(raw.pricing_tier))).toEqual(GET_TIER_FIELDS)
    // The same values as the list item, for the fields both have.
    for (const field of GET_FIELDS.filter((f) => f !== 'pricing_tier')) {
      expect(raw[field], field).toEqual(listed[field])
    }
    expect(asObject(raw.pricing_tier)).toMatchObject({ id: listed.pricing_tier_id })
    const account = customerAccountSchema.parse(raw)
    expect(account.auth_token).toMatch(/^[A-Za-z0-9]{32,}$/)
  })

  it('answers an unknown auth_id with 404', async () => {
    for (const authId of ['MA_NOPE0000', 'ma_' + everyone[0]!.auth_id.slice(3)]) {
      const reply = await api().get(`/api/v1/partner/accounts/${authId}`)
      expect(reply.status).toBe(404)
      // The Partner API's documented error body (more-endpoints.md, quirks).
      expect(errorBody(reply)).toEqual({
        error: 'HTTPError',
        message: `No customer account with auth_id ${authId} under this partner.`,
        status_code: 404,
      })
    }
    // A path that does not decode matches no route: the router's own 404.
    const garbled = await api().get('/api/v1/partner/accounts/%E0%A4%A')
    expect(garbled.status).toBe(404)
    expect(errorBody(garbled)).toEqual({
      error: 'not_found',
      message: 'No such endpoint: /api/v1/partner/accounts/%E0%A4%A',
    })
    const balance = await api().get('/api/v1/partner/accounts/MA_NOPE0000/balance')
    expect(balance.status).toBe(404)
    expect(errorBody(balance)).toEqual({
      error: 'HTTPError',
      message: 'No customer account with auth_id MA_NOPE0000 under this partner.',
      status_code: 404,
    })
  })
})

describe('GET /api/v1/partner/accounts/{auth_id}/balance', () => {
  it('returns auth_id, name, cash_credits, currency and updated_at only', async () => {
    const someone = everyone.find((a) => a.country === 'IN')!
    const reply = await api().get(`/api/v1/partner/accounts/${someone.auth_id}/balance`)
    expect(Object.keys(asObject(reply.body))).toEqual([
      'auth_id',
      'name',
      'cash_credits',
      'currency',
      'updated_at',
    ])
    const balance = customerBalanceSchema.parse(reply.body)
    expect(balance).toMatchObject({
      auth_id: someone.auth_id,
      name: someone.name,
      cash_credits: someone.cash_credits,
      currency: 'INR',
    })
  })

  it('agrees with the list and the profile at the same moment', async () => {
    clock.advance(5 * HOUR)
    const [fresh] = (await allCustomers(sandbox)).slice(10, 11)
    const profile = customerAccountSchema.parse(
      (await api().get(`/api/v1/partner/accounts/${fresh!.auth_id}`)).body,
    )
    expect((await balanceOf(fresh!.auth_id)).cash_credits).toBe(fresh!.cash_credits)
    expect(profile.cash_credits).toBe(fresh!.cash_credits)
  })
})

describe('balance drift', () => {
  it('moves most balances down over time with exact 5-decimal strings', async () => {
    const before = new Map(everyone.map((a) => [a.auth_id, units(a.cash_credits)]))
    clock.advance(HOUR)
    const after = await allCustomers(sandbox)
    let down = 0
    let same = 0
    for (const account of after) {
      expect(account.cash_credits).toMatch(FIVE_DECIMALS)
      const was = before.get(account.auth_id)!
      const now = units(account.cash_credits)
      expect(now).toBeLessThanOrEqual(was)
      if (now < was) down++
      else same++
    }
    expect(down).toBeGreaterThan(after.length / 2)
    expect(same).toBeGreaterThan(0)
  })

  it('is a pure function of the clock (back in time gives the same values)', async () => {
    clock.advance(2 * HOUR)
    const later = await allCustomers(sandbox)
    const index = later.findIndex((a, i) => a.cash_credits !== everyone[i]!.cash_credits)
    expect(index).toBeGreaterThanOrEqual(0)
    const authId = everyone[index]!.auth_id
    clock.set(START)
    expect((await balanceOf(authId)).cash_credits).toBe(everyone[index]!.cash_credits)
    clock.advance(2 * HOUR)
    expect((await balanceOf(authId)).cash_credits).toBe(later[index]!.cash_credits)
  })

  it('reports updated_at as now while a balance moves', async () => {
    const moving: string[] = []
    clock.advance(60_000)
    for (const account of everyone.slice(0, 40)) {
      const balance = await balanceOf(account.auth_id)
      if (balance.cash_credits !== account.cash_credits) {
        moving.push(account.auth_id)
        expect(balance.updated_at).toBe('2026-11-23T08:01:00.000000+00:00')
      }
    }
    expect(moving.length).toBeGreaterThan(5)
  })

  it('never goes below zero, even years later', async () => {
    clock.advance(10 * 365 * 24 * HOUR)
    const later = await allCustomers(sandbox)
    for (const account of later) {
      expect(account.cash_credits).toMatch(FIVE_DECIMALS)
      expect(units(account.cash_credits)).toBeGreaterThanOrEqual(0n)
    }
    const emptied = later.filter((a) => a.cash_credits === '0.00000').length
    expect(emptied).toBeGreaterThan(later.length / 2)
    const balance = await balanceOf(
      later.find(
        (a) =>
          a.cash_credits === '0.00000' &&
          units(everyone.find((b) => b.auth_id === a.auth_id)!.cash_credits) > 0n,
      )!.auth_id,
    )
    // Emptied long ago: updated_at is when it reached zero, not now.
    expect(Date.parse(balance.updated_at!)).toBeLessThan(clock.now() - 24 * HOUR)
  })

  it('seeds some empty and some low balances', () => {
    const zero = everyone.filter((a) => a.cash_credits === '0.00000')
    const low = everyone.filter(
      (a) => units(a.cash_credits) > 0n && units(a.cash_credits) < 5_000_000n,
    )
    expect(zero.length).toBeGreaterThan(3)
    expect(low.length).toBeGreaterThan(3)
  })

  it('moves the partner balance too', async () => {
    const read = async () =>
      partnerProfileSchema.parse((await api().get('/api/v1/partner/me')).body).balance as string
    const first = await read()
    clock.advance(HOUR)
    const second = await read()
    expect(first).toMatch(FIVE_DECIMALS)
    expect(second).toMatch(FIVE_DECIMALS)
    expect(units(second)).toBeLessThan(units(first))
  })
})
