import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox'
import { asObject, errorBody, manualClock, partnerApi } from './helpers'

/** The Account object's fields, in account-object.txt's example order. */
const ACCOUNT_FIELDS = [
  'id',
  'api_id',
  'name',
  'email',
  'phone',
  'type',
  'auth_id',
  'auth_secret',
  'auth_token_expire_time',
  'description',
  'company',
  'address',
  'city',
  'state',
  'zip_code',
  'country',
  'timezone',
  'account_type',
  'postpaid',
  'auto_recharge',
  'enabled',
  'is_active',
  'is_verified',
  'is_trial_account',
  'role',
  'carrier_type',
  'customer_type',
  'credit_limit',
  'cps_limit',
  'concurrent_calls_limit',
  'base_cps_limit',
  'base_concurrent_calls_limit',
  'purchased_cps',
  'purchased_concurrent_calls',
  'risk_rating',
  'risk_status',
  'ip_auth_enabled',
  'ip_whitelist_rules',
  'allow_aws_ips',
  'features',
  'pricing_tier_id',
  'pricing_tier',
  'created_at',
  'updated_at',
  'last_login',
]
const PRICING_TIER_FIELDS = [
  'id',
  'name',
  'description',
  'currency',
  'rate_per_minute',
  'billing_increment_seconds',
  'minimum_duration_seconds',
  'is_active',
  'is_default',
]

type Credentials = { authId: string; authToken: string }
type Created = {
  sub_account: { auth_id: string; parent_auth_id: string; parent_account_id: string }
  auth_credentials: { auth_id: string; auth_token: string }
}

const PARTNER = 'PA_SANDBOX1'
const subs = (authId: string) => `/api/v1/accounts/${authId}/sub-accounts`
const accountPath = (authId: string) => `/api/v1/Account/${authId}/`

const clock = manualClock(Date.UTC(2026, 10, 21, 15, 30))
let sandbox: RunningSandbox
let partner: ReturnType<typeof partnerApi>
let customer: Credentials & { id: string; name: string }
let otherCustomer: Credentials
let disabledCustomer: Credentials

beforeAll(async () => {
  sandbox = await startSandbox({ customers: 80, seed: 6, now: clock.now })
  partner = partnerApi(sandbox)
})
afterAll(() => sandbox.close())
beforeEach(async () => {
  clock.set(Date.UTC(2026, 10, 21, 15, 30))
  sandbox.reset()
  sandbox.setFaults([])
  const { accounts } = (await partner.get('/api/v1/partner/accounts?per_page=80')).body as {
    accounts: { id: string; name: string; auth_id: string; auth_token: string; enabled: boolean }[]
  }
  const enabled = accounts.filter((a) => a.enabled)
  const [first, second] = enabled
  const off = accounts.find((a) => !a.enabled)
  if (!first || !second || !off)
    throw new Error('seed 6 should have enabled and disabled customers')
  customer = { id: first.id, name: first.name, authId: first.auth_id, authToken: first.auth_token }
  otherCustomer = { authId: second.auth_id, authToken: second.auth_token }
  disabledCustomer = { authId: off.auth_id, authToken: off.auth_token }
})

const as = (credentials: Credentials) => partnerApi(sandbox, credentials)
async function createUnder(owner: Credentials, body: Record<string, unknown> = {}) {
  const reply = await as(owner).post(`${subs(owner.authId)}/`, { name: 'Sub', ...body })
  expect(reply.status, JSON.stringify(reply.body)).toBe(201)
  const made = reply.body as Created
  return {
    authId: made.auth_credentials.auth_id,
    authToken: made.auth_credentials.auth_token,
    made,
  }
}

describe('parents and their credentials', () => {
  it('creates under a customer with the customer’s own credentials', async () => {
    const { made } = await createUnder(customer)
    expect(made.sub_account).toMatchObject({
      parent_auth_id: customer.authId,
      parent_account_id: customer.id,
    })
    const list = (await as(customer).get(`${subs(customer.authId)}/`)).body as {
      sub_accounts: { auth_id: string }[]
    }
    expect(list.sub_accounts.map((s) => s.auth_id)).toContain(made.auth_credentials.auth_id)
    // Not in the partner's own list: each account has its own sub-accounts.
    const partnerList = (await partner.get(`${subs(PARTNER)}/?size=100`)).body as {
      sub_accounts: { auth_id: string }[]
    }
    expect(partnerList.sub_accounts.map((s) => s.auth_id)).not.toContain(
      made.auth_credentials.auth_id,
    )
  })

  it('creates under the partner’s main account with the partner credentials', async () => {
    const { made } = await createUnder(sandbox.credentials)
    expect(made.sub_account).toMatchObject({ parent_auth_id: PARTNER, parent_account_id: '500000' })
  })

  it.each([
    ['the partner credentials on a customer’s path', () => sandbox.credentials, () => customer],
    ['a customer’s credentials on the partner’s path', () => customer, () => sandbox.credentials],
    ['a customer’s credentials on another customer’s path', () => customer, () => otherCustomer],
  ])('refuses %s with 403', async (_label, who, whose) => {
    const path = subs(whose().authId)
    const client = as(who())
    for (const reply of [
      await client.get(`${path}/`),
      await client.post(`${path}/`, { name: 'Nope' }),
      await client.get(accountPath(whose().authId)),
    ]) {
      expect(reply.status).toBe(403)
      expect(errorBody(reply).error).toBe('forbidden')
    }
  })

  it('answers 403 for an auth_id in the path that does not exist', async () => {
    const reply = await partner.get(`${subs('MA_NOBODY00')}/`)
    expect(reply.status).toBe(403)
  })

  it.each([
    ['no credentials', {}],
    ['only the auth id', { authId: PARTNER }],
    ['a wrong token', { authId: PARTNER, authToken: 'wrong-token-123' }],
    ['an unknown customer', { authId: 'MA_NOBODY00', authToken: 'whatever-123' }],
    ['an unknown sub-account', { authId: 'SA_NOBODY00', authToken: 'whatever-123' }],
    ['an unknown kind of id', { authId: 'XX_1', authToken: 'whatever-123' }],
  ])('answers 401 for %s', async (_label, credentials) => {
    const reply = await partnerApi(sandbox, credentials).get(`${subs(PARTNER)}/`)
    expect(reply.status).toBe(401)
    expect(errorBody(reply).error).toBe('unauthorized')
  })

  it('refuses a customer’s token with another customer’s auth id', async () => {
    const crossed = { authId: otherCustomer.authId, authToken: customer.authToken }
    expect((await as(crossed).get(`${subs(otherCustomer.authId)}/`)).status).toBe(401)
  })

  it('refuses a disabled customer’s own credentials with 403', async () => {
    const reply = await as(disabledCustomer).get(`${subs(disabledCustomer.authId)}/`)
    expect(reply.status).toBe(403)
  })

  it('keeps customer credentials off the partner API', async () => {
    expect((await as(customer).get('/api/v1/partner/me')).status).toBe(401)
  })

  it('authenticates before it validates', async () => {
    const reply = await partnerApi(sandbox, {}).post(`${subs(PARTNER)}/`, {})
    expect(reply.status).toBe(401)
  })

  it('answers 405 with Allow for a wrong method, before authentication', async () => {
    const reply = await partnerApi(sandbox, {}).send('PATCH', `${subs(PARTNER)}/SA_ANY00000`, {})
    expect(reply.status).toBe(405)
    expect(reply.headers.get('allow')).toBe('GET, PUT, POST, DELETE')
    const collection = await partner.send('DELETE', `${subs(PARTNER)}/`)
    expect(collection.headers.get('allow')).toBe('GET, POST')
  })
})

describe('a sub-account’s own credentials', () => {
  it('work on its own account path, and mark it used', async () => {
    const sub = await createUnder(customer, { email: 'own@example.com' })
    clock.advance(90_000)
    const reply = await as(sub).get(accountPath(sub.authId))
    expect(reply.status).toBe(200)
    const account = asObject(reply.body)
    expect(Object.keys(account)).toEqual(ACCOUNT_FIELDS)
    expect(account).toMatchObject({
      auth_id: sub.authId,
      type: 'SUB_ACCOUNT',
      name: 'Sub',
      email: 'own@example.com',
      enabled: true,
      is_active: true,
      auth_secret: '<redacted>',
      last_login: '2026-11-21T15:31:30.000000Z',
    })
    expect(JSON.stringify(account)).not.toContain(sub.authToken)
    const read = asObject((await as(customer).get(`${subs(customer.authId)}/${sub.authId}`)).body)
    expect(read.last_used).toBe('2026-11-21T15:31:30.000000Z')
  })

  it('do not reach the parent’s account or sub-accounts', async () => {
    const sub = await createUnder(customer)
    expect((await as(sub).get(accountPath(customer.authId))).status).toBe(403)
    expect((await as(sub).get(`${subs(customer.authId)}/`)).status).toBe(403)
    expect((await as(sub).get(`${subs(sub.authId)}/`)).status).toBe(403)
    expect((await as(sub).post(`${subs(sub.authId)}/`, { name: 'Grandchild' })).status).toBe(403)
  })

  it('are refused with 403 once the sub-account is disabled, and work again when enabled', async () => {
    const sub = await createUnder(customer)
    const path = `${subs(customer.authId)}/${sub.authId}`
    expect((await as(customer).send('PUT', path, { enabled: false })).status).toBe(200)
    const refused = await as(sub).get(accountPath(sub.authId))
    expect(refused.status).toBe(403)
    expect(errorBody(refused).error).toBe('forbidden')
    expect((await as(customer).send('POST', path, { enabled: true })).status).toBe(200)
    expect((await as(sub).get(accountPath(sub.authId))).status).toBe(200)
  })

  it('are refused for a sub-account created disabled', async () => {
    const sub = await createUnder(sandbox.credentials, { enabled: false })
    expect((await as(sub).get(accountPath(sub.authId))).status).toBe(403)
  })

  it('are refused with 401 once the sub-account is deleted', async () => {
    const sub = await createUnder(customer)
    expect((await as(sub).get(accountPath(sub.authId))).status).toBe(200)
    const deleted = await as(customer).send('DELETE', `${subs(customer.authId)}/${sub.authId}`)
    expect(deleted.status).toBe(200)
    const refused = await as(sub).get(accountPath(sub.authId))
    expect(refused.status).toBe(401)
    expect(errorBody(refused).error).toBe('unauthorized')
  })

  it('are refused with the wrong token', async () => {
    const sub = await createUnder(customer)
    const other = await createUnder(customer)
    const crossed = { authId: sub.authId, authToken: other.authToken }
    expect((await as(crossed).get(accountPath(sub.authId))).status).toBe(401)
  })
})

describe('GET /api/v1/Account/{auth_id}/', () => {
  it('is the partner’s main account with the partner credentials', async () => {
    const reply = await partner.get(accountPath(PARTNER))
    expect(reply.status).toBe(200)
    const account = asObject(reply.body)
    expect(Object.keys(account)).toEqual(ACCOUNT_FIELDS)
    expect(Object.keys(asObject(account.pricing_tier))).toEqual(PRICING_TIER_FIELDS)
    expect(account).toMatchObject({
      id: '500000',
      auth_id: PARTNER,
      type: 'MASTER',
      role: 'ADMIN',
      auth_secret: '<redacted>',
      ip_whitelist_rules: [],
      features: { call_queue: true, transcription_enabled: true },
      pricing_tier: { rate_per_minute: '0.4500', currency: 'INR' },
    })
    expect(JSON.stringify(account)).not.toContain(sandbox.credentials.authToken)
    // Without the trailing slash too.
    expect((await partner.get(`/api/v1/Account/${PARTNER}`)).body).toEqual(account)
  })

  it('is a customer’s own account with its own credentials', async () => {
    const reply = await as(customer).get(accountPath(customer.authId))
    expect(reply.status).toBe(200)
    const account = asObject(reply.body)
    expect(Object.keys(account)).toEqual(ACCOUNT_FIELDS)
    const detail = asObject((await partner.get(`/api/v1/partner/accounts/${customer.authId}`)).body)
    expect(account).toMatchObject({
      id: customer.id,
      auth_id: customer.authId,
      name: customer.name,
      email: detail.email,
      phone: detail.phone,
      country: detail.country,
      type: 'MASTER',
      role: 'USER',
      enabled: true,
      pricing_tier_id: detail.pricing_tier_id,
      is_verified: detail.kyc_status === 'verified',
    })
    expect(JSON.stringify(account)).not.toContain(customer.authToken)
  })

  it('answers 401 without credentials', async () => {
    expect((await partnerApi(sandbox, {}).get(accountPath(PARTNER))).status).toBe(401)
  })
})

describe('faults', () => {
  it('apply to the sub-account routes like to the rest', async () => {
    sandbox.setFaults([{ kind: 'status', status: 503, times: 1, path: '/sub-accounts' }])
    const faulted = await partner.get(`${subs(PARTNER)}/`)
    expect(faulted.status).toBe(503)
    expect(errorBody(faulted).error).toBe('server_error')
    expect((await partner.get(`${subs(PARTNER)}/`)).status).toBe(200)
    expect(sandbox.state().requests[`GET /api/v1/accounts/{auth_id}/sub-accounts`]).toBe(2)
  })

  it('come before authentication', async () => {
    sandbox.setFaults([{ kind: 'rate_limit', retryAfterSeconds: 4, times: 1, path: '/Subaccount' }])
    const reply = await partnerApi(sandbox, {}).get(`/api/v1/Account/${PARTNER}/Subaccount/`)
    expect(reply.status).toBe(429)
    expect(reply.headers.get('retry-after')).toBe('4')
  })

  it('drop a DELETE after applying it: the sub-account is deleted, the reply lost', async () => {
    const sub = await createUnder(sandbox.credentials)
    const path = `${subs(PARTNER)}/${sub.authId}`
    expect((await partner.get(path)).status).toBe(200)
    sandbox.setFaults([{ kind: 'drop', when: 'after', times: 1, path: sub.authId }])
    await expect(partner.send('DELETE', path)).rejects.toThrow(TypeError)
    expect((await partner.get(path)).status).toBe(404)
  })

  it('drop a create before applying it: nothing is created', async () => {
    const count = async () =>
      ((await partner.get(`${subs(PARTNER)}/`)).body as { total: number }).total
    const before = await count()
    sandbox.setFaults([{ kind: 'drop', times: 1, method: 'POST', path: '/sub-accounts' }])
    await expect(partner.post(`${subs(PARTNER)}/`, { name: 'Lost' })).rejects.toThrow(TypeError)
    expect(await count()).toBe(before)
  })

  it('hit an update (PUT or POST) on a matching path, and nothing else', async () => {
    const sub = await createUnder(sandbox.credentials)
    const other = await createUnder(sandbox.credentials)
    sandbox.setFaults([{ kind: 'status', status: 502, path: `/Subaccount/${sub.authId}` }])
    const overview = `/api/v1/Account/${PARTNER}/Subaccount`
    expect((await partner.post(`${overview}/${sub.authId}/`, { name: 'X' })).status).toBe(502)
    expect((await partner.send('PUT', `${overview}/${sub.authId}`, { name: 'X' })).status).toBe(502)
    expect((await partner.post(`${overview}/${other.authId}/`, { name: 'Y' })).status).toBe(200)
    expect(
      (await partner.send('PUT', `${subs(PARTNER)}/${sub.authId}`, { name: 'Z' })).status,
    ).toBe(200)
  })
})
