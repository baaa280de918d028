import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox'
import { accountListSchema, type CustomerAccount } from '../../../shared/vobiz'
import {
  FIVE_DECIMALS,
  allCustomers,
  asObject,
  errorBody,
  failedFields,
  manualClock,
  partnerApi,
} from './helpers'

/** The list example's field set (partner-customer-accounts.md, List Customer Accounts). */
const LIST_ITEM_FIELDS = [
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
  'base_cps_limit',
  'base_concurrent_calls_limit',
  'purchased_cps',
  'purchased_concurrent_calls',
  'is_active',
  'is_verified',
  'is_trial_account',
  'enabled',
  'kyc_status',
  'google_id',
  'referral_code',
  'referral_disabled',
  'custom_referrer_reward_amount',
  'custom_referee_reward_amount',
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
const LIST_TIER_FIELDS = [
  'id',
  'name',
  'currency',
  'rate_per_minute',
  'streaming_rate_per_minute',
  'recording_rate_per_minute',
  'whatsapp_voice_rate',
  'transcription_rate_per_minute',
  'pii_redaction_rate_per_minute',
  'charge_non_connected_calls',
  'non_connected_call_fee',
  'did_release_fee',
  'is_active',
  'is_default',
  'partner_id',
]

const TOTAL = 500
let sandbox: RunningSandbox
let everyone: CustomerAccount[]
const clock = manualClock()

beforeAll(async () => {
  sandbox = await startSandbox({ customers: TOTAL, seed: 42, now: clock.now })
  everyone = await allCustomers(sandbox)
})
afterAll(() => sandbox.close())

const list = async (query: string) => {
  const reply = await partnerApi(sandbox).get(`/api/v1/partner/accounts${query}`)
  expect(reply.status).toBe(200)
  return { raw: reply.body, ...accountListSchema.parse(reply.body) }
}

const ids = (accounts: CustomerAccount[]) => accounts.map((a) => a.auth_id)

describe('GET /api/v1/partner/accounts paging', () => {
  it('defaults to page 1 of 20, echoing per_page as size, with the total', async () => {
    const page = await list('')
    expect(page).toMatchObject({ page: 1, size: 20, total: TOTAL })
    expect(ids(page.accounts)).toEqual(ids(everyone.slice(0, 20)))
  })

  it('lists every customer once, in creation order', () => {
    expect(everyone).toHaveLength(TOTAL)
    expect(new Set(ids(everyone)).size).toBe(TOTAL)
    const created = everyone.map((a) => Date.parse(a.created_at!))
    expect(created).toEqual([...created].sort((a, b) => a - b))
    expect(everyone.map((a) => Number(a.id))).toEqual(everyone.map((_, i) => 500001 + i))
  })

  it('pages with page and per_page', async () => {
    const page = await list('?page=3&per_page=50')
    expect(page).toMatchObject({ page: 3, size: 50, total: TOTAL })
    expect(ids(page.accounts)).toEqual(ids(everyone.slice(100, 150)))
  })

  it('gives a short last page and an empty page past the end', async () => {
    const last = await list('?page=5&per_page=120')
    expect(last).toMatchObject({ page: 5, size: 100, total: TOTAL })
    expect(ids(last.accounts)).toEqual(ids(everyone.slice(400, 500)))
    const partial = await list('?page=7&per_page=75')
    expect(ids(partial.accounts)).toEqual(ids(everyone.slice(450, 500)))
    const past = await list('?page=99&per_page=10')
    expect(past).toMatchObject({ accounts: [], page: 99, size: 10, total: TOTAL })
  })

  it.each([
    ['101', 100],
    ['100', 100],
    ['5000', 100],
    ['1', 1],
  ])('clamps per_page=%s to %i', async (perPage, size) => {
    const page = await list(`?per_page=${perPage}`)
    expect(page.size).toBe(size)
    expect(page.accounts).toHaveLength(size)
  })

  it.each([
    ['page=0', 'page'],
    ['page=-1', 'page'],
    ['page=1.5', 'page'],
    ['page=abc', 'page'],
    ['page=', 'page'],
    ['page=1e2', 'page'],
    ['per_page=0', 'per_page'],
    ['per_page=-20', 'per_page'],
    ['per_page=2.5', 'per_page'],
    ['per_page=ten', 'per_page'],
  ])('refuses %s with 422 naming %s', async (query, field) => {
    const reply = await partnerApi(sandbox).get(`/api/v1/partner/accounts?${query}`)
    expect(reply.status).toBe(422)
    // The documented 422; query parameters too are named as `['body', name]` (the sandbox's
    // shared validation reply).
    expect(errorBody(reply)).toEqual({
      error: 'ValidationError',
      message: 'Request validation failed',
      details: [{ type: 'value_error', loc: ['body', field], msg: expect.any(String) }],
      status_code: 422,
    })
    expect(failedFields(reply)).toEqual([field])
  })

  it('names both fields when both are bad', async () => {
    const reply = await partnerApi(sandbox).get('/api/v1/partner/accounts?page=0&per_page=x')
    expect(failedFields(reply)).toEqual(['page', 'per_page'])
  })
})

describe('list items', () => {
  it('carry exactly the documented fields, pricing tier included', async () => {
    const { raw } = await list('?per_page=100')
    const accounts = asObject(raw).accounts as unknown[]
    for (const item of accounts) {
      const account = asObject(item)
      expect(Object.keys(account)).toEqual(LIST_ITEM_FIELDS)
      expect(Object.keys(asObject(account.pricing_tier))).toEqual(LIST_TIER_FIELDS)
      expect(account.resource_uri).toBe(`/v1/Account/${String(account.auth_id)}/`)
      expect(account.cash_credits).toMatch(FIVE_DECIMALS)
      expect(String(account.auth_token).length).toBeGreaterThanOrEqual(32)
      expect(account.id).toMatch(/^\d+$/)
    }
  })

  it('show the partner id as partner_id', async () => {
    const me = asObject((await partnerApi(sandbox).get('/api/v1/partner/me')).body)
    expect(new Set(everyone.map((a) => a.partner_id))).toEqual(new Set([me.id]))
  })
})

describe('search', () => {
  /** What the sandbox should find: a plain, case-insensitive substring of name or email. */
  const expected = (needle: string) =>
    everyone.filter(
      (a) =>
        a.name.toLowerCase().includes(needle.toLowerCase()) ||
        a.email!.toLowerCase().includes(needle.toLowerCase()),
    )

  it('finds by part of the name, case-insensitively, in creation order', async () => {
    const someone = everyone[123]!
    const part = someone.name.split(' ')[0]!.toUpperCase()
    const found = await list(`?search=${encodeURIComponent(part)}&per_page=100`)
    expect(found.total).toBe(expected(part).length)
    expect(ids(found.accounts)).toEqual(ids(expected(part).slice(0, 100)))
    expect(ids(found.accounts)).toContain(someone.auth_id)
    expect(found.total).toBeLessThan(TOTAL)
  })

  it('finds by email, whatever the case', async () => {
    const someone = everyone[321]!
    const found = await list(`?search=${encodeURIComponent(someone.email!.toUpperCase())}`)
    expect(ids(found.accounts)).toEqual([someone.auth_id])
    expect(found.total).toBe(1)
  })

  it('matches accented names as they are written (no accent folding)', async () => {
    const accented = await list(`?search=${encodeURIComponent('MÜLLER')}&per_page=100`)
    expect(accented.total).toBeGreaterThan(0)
    expect(accented.total).toBe(expected('müller').length)
    for (const account of accented.accounts) expect(account.name).toContain('Müller')
    // "muller" does not match the name "Müller"; it only finds the ASCII e-mail addresses.
    const plain = await list('?search=muller&per_page=100')
    expect(plain.total).toBe(expected('muller').length)
    for (const account of plain.accounts) {
      expect(account.name.toLowerCase()).not.toContain('muller')
      expect(account.email).toContain('muller')
    }
  })

  it('pages within the results and reports their total', async () => {
    const needle = 'sharma'
    const matches = expected(needle)
    expect(matches.length).toBeGreaterThan(10)
    const second = await list(`?search=${needle}&per_page=5&page=2`)
    expect(second).toMatchObject({ page: 2, size: 5, total: matches.length })
    expect(ids(second.accounts)).toEqual(ids(matches.slice(5, 10)))
  })

  it('finds nothing for a stranger, and ignores a blank search', async () => {
    expect(await list('?search=zzqqxx')).toMatchObject({ accounts: [], total: 0 })
    expect((await list('?search=%20%20')).total).toBe(TOTAL)
  })
})
