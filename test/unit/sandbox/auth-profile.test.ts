import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox'
import { partnerProfileSchema } from '../../../shared/vobiz'
import {
  FIVE_DECIMALS,
  asObject,
  control,
  errorBody,
  manualClock,
  newCustomer,
  partnerApi,
} from './helpers'

const PROFILE_FIELDS = [
  'id',
  'account_id',
  'name',
  'slug',
  'company',
  'auth_id',
  'email',
  'phone',
  'billing_model',
  'is_active',
  'is_verified',
  'max_accounts',
  'can_create_accounts',
  'can_create_pricing_tiers',
  'can_view_cdrs',
  'can_transfer_balance',
  'default_pricing_tier_id',
  'account_count',
  'balance',
  'created_at',
  'updated_at',
]

let sandbox: RunningSandbox
const clock = manualClock()
beforeAll(async () => {
  sandbox = await startSandbox({
    customers: 37,
    seed: 5,
    authToken: 'sandbox-token-1234',
    now: clock.now,
    controlEndpoints: true,
  })
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

describe('partner authentication', () => {
  const MISSING = 'Send the partner credentials in the X-Auth-ID and X-Auth-Token headers.'
  const routes = [
    '/api/v1/partner/me',
    '/api/v1/partner/accounts',
    '/api/v1/partner/accounts/MA_ANYTHING',
    '/api/v1/partner/accounts/MA_ANYTHING/balance',
  ]

  it.each(routes)('GET %s without credentials is 401', async (path) => {
    const reply = await partnerApi(sandbox, {}).get(path)
    expect(reply.status).toBe(401)
    // The Partner API's documented error body (more-endpoints.md, quirks).
    expect(errorBody(reply)).toEqual({
      error: 'HTTPError',
      message: MISSING,
      status_code: 401,
    })
  })

  it.each([
    ['only the auth id', { authId: 'PA_SANDBOX1' }, MISSING],
    ['only the token', { authToken: 'sandbox-token-1234' }, MISSING],
    [
      'a wrong token',
      { authId: 'PA_SANDBOX1', authToken: 'sandbox-token-9999' },
      'invalid credentials',
    ],
    [
      'a wrong auth id',
      { authId: 'PA_SOMEONE', authToken: 'sandbox-token-1234' },
      'invalid credentials',
    ],
    ['an empty token', { authId: 'PA_SANDBOX1', authToken: '' }, MISSING],
  ])('refuses %s with 401 and never echoes the token', async (_label, credentials, message) => {
    const reply = await partnerApi(sandbox, credentials).get('/api/v1/partner/me')
    expect(reply.status).toBe(401)
    const body = errorBody(reply)
    expect(body).toEqual({ error: 'HTTPError', message, status_code: 401 })
    expect(JSON.stringify(body)).not.toContain('sandbox-token')
  })

  it('refuses a create without credentials before touching the data', async () => {
    const reply = await partnerApi(sandbox, {}).post('/api/v1/partner/accounts', newCustomer())
    expect(reply.status).toBe(401)
    expect(sandbox.state()).toMatchObject({ customers: 37, created: 0 })
  })

  it('accepts the credentials it was started with', async () => {
    expect(sandbox.credentials).toEqual({ authId: 'PA_SANDBOX1', authToken: 'sandbox-token-1234' })
    expect((await partnerApi(sandbox).get('/api/v1/partner/me')).status).toBe(200)
  })

  it('makes up a fresh random token per start when none is given', async () => {
    const [a, b] = await Promise.all([
      startSandbox({ customers: 0 }),
      startSandbox({ customers: 0 }),
    ])
    try {
      expect(a.credentials.authToken).toMatch(/^[A-Za-z0-9_-]{32}$/)
      expect(a.credentials.authToken).not.toBe(b.credentials.authToken)
      const crossed = partnerApi(a, b.credentials)
      expect((await crossed.get('/api/v1/partner/me')).status).toBe(401)
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })
})

describe('GET /api/v1/partner/me', () => {
  it('returns exactly the documented profile fields, parsing with the app schema', async () => {
    const reply = await partnerApi(sandbox).get('/api/v1/partner/me')
    expect(reply.status).toBe(200)
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/)
    const raw = asObject(reply.body)
    expect(Object.keys(raw).sort()).toEqual([...PROFILE_FIELDS].sort())
    const profile = partnerProfileSchema.parse(raw)
    // No `currency`, as in the page's response example: the dashboard carries it.
    expect(profile.currency).toBeUndefined()
    expect(profile).toMatchObject({
      auth_id: 'PA_SANDBOX1',
      account_id: 500000,
      billing_model: 'direct',
      account_count: 37,
      can_create_accounts: true,
      is_active: true,
    })
    expect(profile.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    expect(profile.balance).toMatch(FIVE_DECIMALS)
    expect(profile.max_accounts).toBeGreaterThanOrEqual(1000)
    expect(profile.phone).toMatch(/^\+[1-9]\d{6,14}$/)
    expect(Date.parse(profile.created_at!)).toBeLessThan(Date.parse(profile.updated_at!))
  })

  it('counts customers in account_count as they are created', async () => {
    const api = partnerApi(sandbox)
    for (const expected of [38, 39]) {
      expect((await api.post('/api/v1/partner/accounts', newCustomer())).status).toBe(201)
      const profile = partnerProfileSchema.parse((await api.get('/api/v1/partner/me')).body)
      expect(profile.account_count).toBe(expected)
    }
  })

  it('shows fields merged in by PATCH /__sandbox/partner, and reset undoes them', async () => {
    const patched = await control(sandbox, 'PATCH', '/partner', {
      can_transfer_balance: false,
      max_accounts: 40,
      balance: '123.45',
      balance_drift_per_second: 0,
    })
    expect(patched.status).toBe(200)
    const api = partnerApi(sandbox)
    clock.advance(60_000)
    const profile = partnerProfileSchema.parse((await api.get('/api/v1/partner/me')).body)
    expect(profile).toMatchObject({
      can_transfer_balance: false,
      max_accounts: 40,
      balance: '123.45000',
    })
    sandbox.reset()
    const again = partnerProfileSchema.parse((await api.get('/api/v1/partner/me')).body)
    expect(again.can_transfer_balance).toBe(true)
    expect(again.balance).not.toBe('123.45000')
  })

  it('takes partner overrides at start', async () => {
    const other = await startSandbox({
      customers: 3,
      partner: { can_create_accounts: false, name: 'Ravi Telecom', max_accounts: 3 },
    })
    try {
      const profile = partnerProfileSchema.parse(
        (await partnerApi(other).get('/api/v1/partner/me')).body,
      )
      expect(profile).toMatchObject({
        can_create_accounts: false,
        name: 'Ravi Telecom',
        max_accounts: 3,
      })
    } finally {
      await other.close()
    }
  })

  it('rejects bad options at start', async () => {
    await expect(startSandbox({ customers: 100_001 })).rejects.toThrow(/customers/)
    await expect(startSandbox({ customers: -1 })).rejects.toThrow(/customers/)
    await expect(startSandbox({ authToken: 'has spaces in it' })).rejects.toThrow(/authToken/)
    await expect(startSandbox({ partner: { max_accounts: -5 } })).rejects.toThrow(/partner/)
    await expect(startSandbox({ faults: [{ kind: 'explode' as 'drop' }] })).rejects.toThrow(/fault/)
  })
})

describe('routing', () => {
  it('answers an unknown route with 404 and a wrong method with 405', async () => {
    const api = partnerApi(sandbox)
    const unknown = await api.get('/api/v1/partner/nothing-here')
    expect(unknown.status).toBe(404)
    expect(errorBody(unknown).error).toBe('not_found')
    expect((await api.get('/partner/v1/me')).status).toBe(404)
    const wrong = await api.send('DELETE', '/api/v1/partner/me')
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('allow')).toBe('GET')
    const put = await api.send('PUT', '/api/v1/partner/accounts', {})
    expect(put.status).toBe(405)
    expect(put.headers.get('allow')).toBe('GET, POST')
  })

  it('treats a trailing slash like none', async () => {
    expect((await partnerApi(sandbox).get('/api/v1/partner/me/')).status).toBe(200)
  })
})
