import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox'
import {
  asObject,
  errorBody,
  failedFields,
  manualClock,
  partnerApi,
  type JsonReply,
} from './helpers'

/** The sub-account object's fields, in the endpoint pages' order (plus the two KYC fields). */
const SUB_ACCOUNT_FIELDS = [
  'name',
  'email',
  'phone',
  'description',
  'permissions',
  'rate_limit',
  'id',
  'parent_account_id',
  'parent_auth_id',
  'auth_id',
  'auth_token',
  'api_id',
  'email_verified',
  'enabled',
  'created',
  'modified',
  'is_active',
  'created_at',
  'updated_at',
  'last_used',
  'account',
  'resource_uri',
  'kyc_mode',
  'kyc_calls_blocked',
]

type SubAccount = {
  name: string
  email: string | null
  phone: string | null
  description: string | null
  permissions: Record<string, boolean> | null
  rate_limit: number
  id: string
  parent_account_id: string
  parent_auth_id: string
  auth_id: string
  auth_token: string
  enabled: boolean
  is_active: boolean
  created: string
  modified: string
  created_at: string
  updated_at: string
  last_used: string | null
  account: string
  resource_uri: string
  kyc_mode: 'personal_use' | 'customer_use'
  kyc_calls_blocked: boolean
}
type Created = {
  message: string
  sub_account: SubAccount
  auth_credentials: { auth_id: string; auth_token: string }
  tokens: { access_token: string; refresh_token: string; token_type: string; expires_in: number }
}
type SubAccountList = { sub_accounts: SubAccount[]; total: number; page: number; size: number }

const PARTNER = 'PA_SANDBOX1'
/** The two documented bases of the sub-account routes. */
const BASES = {
  'endpoint pages': (authId: string) => `/api/v1/accounts/${authId}/sub-accounts`,
  overview: (authId: string) => `/api/v1/Account/${authId}/Subaccount`,
}
const subs = BASES['endpoint pages']

const clock = manualClock(Date.UTC(2026, 10, 20, 9, 0))
let sandbox: RunningSandbox
let api: ReturnType<typeof partnerApi>
beforeAll(async () => {
  sandbox = await startSandbox({ customers: 12, seed: 4, now: clock.now })
  api = partnerApi(sandbox)
})
afterAll(() => sandbox.close())
beforeEach(() => {
  clock.set(Date.UTC(2026, 10, 20, 9, 0))
  sandbox.reset()
  sandbox.setFaults([])
})

const create = (body: unknown, base = subs(PARTNER)) => api.post(`${base}/`, body)
const created = async (body: Record<string, unknown>): Promise<Created> => {
  const reply = await create(body)
  expect(reply.status, JSON.stringify(reply.body)).toBe(201)
  return reply.body as Created
}
const retrieve = (authId: string) => api.get(`${subs(PARTNER)}/${authId}`)
const put = (authId: string, body: unknown) => api.send('PUT', `${subs(PARTNER)}/${authId}`, body)
const listOf = (reply: JsonReply): SubAccountList => {
  expect(reply.status, JSON.stringify(reply.body)).toBe(200)
  return reply.body as SubAccountList
}

describe('create', () => {
  it.each(Object.entries(BASES))(
    'answers 201 with message, sub_account, auth_credentials and tokens (%s path)',
    async (_label, base) => {
      const reply = await create(
        {
          name: '  Support Team ',
          email: 'support@example.com',
          phone: '+14155552671',
          description: 'Support-facing voice workload',
          rate_limit: 500,
          permissions: { calls: true, cdr: false },
          password: 'S0pport123!',
          enabled: true,
        },
        base(PARTNER),
      )
      expect(reply.status).toBe(201)
      const body = reply.body as Created
      expect(Object.keys(asObject(body))).toEqual([
        'message',
        'sub_account',
        'auth_credentials',
        'tokens',
      ])
      expect(body.message).toBe('Sub-account created successfully')
      const sub = body.sub_account
      expect(Object.keys(sub)).toEqual(SUB_ACCOUNT_FIELDS)
      expect(sub).toMatchObject({
        name: 'Support Team',
        email: 'support@example.com',
        phone: '+14155552671',
        description: 'Support-facing voice workload',
        rate_limit: 500,
        permissions: { calls: true, cdr: false },
        parent_account_id: '500000',
        parent_auth_id: PARTNER,
        enabled: true,
        is_active: true,
        email_verified: false,
        kyc_mode: 'personal_use',
        kyc_calls_blocked: false,
        created: '2026-11-20',
        modified: '2026-11-20',
        created_at: '2026-11-20T09:00:00.000000Z',
        updated_at: '2026-11-20T09:00:00.000000Z',
        last_used: null,
      })
      expect(sub.id).toMatch(/^\d+$/)
      expect(sub.auth_id).toMatch(/^SA_[A-Z0-9]{8}$/)
      expect(sub.auth_token).toMatch(/^[A-Za-z0-9]{40}$/)
      expect(sub.account).toBe(`/v1/Account/${PARTNER}/`)
      expect(sub.resource_uri).toBe(`/v1/Account/${PARTNER}/Subaccount/${sub.auth_id}/`)
      expect(body.auth_credentials).toEqual({ auth_id: sub.auth_id, auth_token: sub.auth_token })
      expect(body.tokens).toEqual({
        access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        refresh_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        token_type: 'bearer',
        expires_in: 3600,
      })
      expect(JSON.stringify(body)).not.toContain('S0pport123!')
      // Created under either base, it is the same resource under the other.
      for (const other of Object.values(BASES)) {
        const again = await api.get(`${other(PARTNER)}/${sub.auth_id}/`)
        expect(again.status).toBe(200)
        expect(asObject(again.body).name).toBe('Support Team')
      }
    },
  )

  it('needs only a name; the rest take their defaults', async () => {
    const { sub_account: sub } = await created({ name: 'Minimal' })
    expect(sub).toMatchObject({
      name: 'Minimal',
      email: null,
      phone: null,
      description: null,
      permissions: null,
      rate_limit: 1000,
      enabled: true,
      kyc_mode: 'personal_use',
      kyc_calls_blocked: false,
    })
  })

  it('creates a customer_use sub-account call-blocked until its own KYC is done', async () => {
    const { sub_account: sub } = await created({
      name: 'Customer Co',
      email: 'customer@example.com',
      kyc_mode: 'customer_use',
    })
    expect(sub).toMatchObject({ kyc_mode: 'customer_use', kyc_calls_blocked: true })
    const read = (await retrieve(sub.auth_id)).body as SubAccount
    expect(read).toMatchObject({ kyc_mode: 'customer_use', kyc_calls_blocked: true })
  })

  it('can be created disabled', async () => {
    const { sub_account: sub } = await created({ name: 'Off', enabled: false })
    expect(sub).toMatchObject({ enabled: false, is_active: false })
  })

  it.each([
    ['no name', {}, ['name']],
    ['a blank name', { name: '   ' }, ['name']],
    ['a name that is not text', { name: 42 }, ['name']],
    ['a name of 101 characters', { name: 'x'.repeat(101) }, ['name']],
    ['customer_use without an email', { name: 'C', kyc_mode: 'customer_use' }, ['email']],
    [
      'customer_use with a blank email',
      { name: 'C', kyc_mode: 'customer_use', email: ' ' },
      ['email'],
    ],
    ['a bad email', { name: 'C', email: 'not-an-email' }, ['email']],
    ['a phone that is not E.164', { name: 'C', phone: '98765 43210' }, ['phone']],
    ['a rate_limit that is a string', { name: 'C', rate_limit: '500' }, ['rate_limit']],
    ['a fractional rate_limit', { name: 'C', rate_limit: 2.5 }, ['rate_limit']],
    ['a zero rate_limit', { name: 'C', rate_limit: 0 }, ['rate_limit']],
    ['permissions as a list', { name: 'C', permissions: ['calls'] }, ['permissions']],
    [
      'a permission that is not a boolean',
      { name: 'C', permissions: { calls: 'yes' } },
      ['permissions'],
    ],
    ['a short password', { name: 'C', password: 'short' }, ['password']],
    ['enabled as a string', { name: 'C', enabled: 'true' }, ['enabled']],
    ['an unknown kyc_mode', { name: 'C', kyc_mode: 'business' }, ['kyc_mode']],
    [
      'several at once',
      { rate_limit: -1, kyc_mode: 'customer_use' },
      ['name', 'rate_limit', 'email'],
    ],
  ])('refuses %s with 422 naming the fields', async (_label, body, fields) => {
    const before = listOf(await api.get(`${subs(PARTNER)}/`)).total
    const reply = await create(body)
    expect(reply.status).toBe(422)
    // The documented 422 (more-endpoints.md, quirks): pydantic style, `loc` naming the field.
    expect(errorBody(reply)).toEqual({
      error: 'ValidationError',
      message: 'Request validation failed',
      details: fields.map((field) => ({
        type: 'value_error',
        loc: ['body', field],
        msg: expect.any(String),
      })),
      status_code: 422,
    })
    expect(failedFields(reply)).toEqual(fields)
    expect(listOf(await api.get(`${subs(PARTNER)}/`)).total).toBe(before)
  })

  it('answers 400 for a body that is not JSON, and 422 for one that is not an object', async () => {
    const bad = await api.send('POST', `${subs(PARTNER)}/`, '{"name": ')
    expect(bad.status).toBe(400)
    expect(errorBody(bad).error).toBe('bad_request')
    const list = await create([{ name: 'x' }])
    expect(list.status).toBe(422)
    expect(failedFields(list)).toEqual(['body'])
  })

  it('ignores unknown fields', async () => {
    const { sub_account: sub } = await created({ name: 'Extra', business_type: 'llp', foo: 1 })
    expect(Object.keys(sub)).toEqual(SUB_ACCOUNT_FIELDS)
  })
})

describe('retrieve', () => {
  it('returns the object with the token masked as "<redacted>"', async () => {
    const { sub_account: made } = await created({ name: 'Masked' })
    const reply = await retrieve(made.auth_id)
    expect(reply.status).toBe(200)
    const sub = reply.body as SubAccount
    expect(Object.keys(sub)).toEqual(SUB_ACCOUNT_FIELDS)
    expect(sub.auth_token).toBe('<redacted>')
    expect(JSON.stringify(reply.body)).not.toContain(made.auth_token)
    expect({ ...sub, auth_token: made.auth_token }).toEqual(made)
  })

  it.each([
    ['an unknown auth id', 'SA_NOPE0000'],
    ['the numeric id', '900001'],
  ])('answers 404 for %s', async (_label, id) => {
    const reply = await retrieve(id)
    expect(reply.status).toBe(404)
    expect(errorBody(reply)).toEqual({ error: 'not_found', message: expect.stringContaining(id) })
  })

  it('answers 404 for another account’s sub-account', async () => {
    const customer = (await api.get('/api/v1/partner/accounts?per_page=1')).body as {
      accounts: { auth_id: string; auth_token: string }[]
    }
    const owner = customer.accounts[0]!
    const theirs = partnerApi(sandbox, { authId: owner.auth_id, authToken: owner.auth_token })
    const list = listOf(await theirs.get(`${subs(owner.auth_id)}/`))
    const foreign = list.sub_accounts[0]!.auth_id
    expect((await retrieve(foreign)).status).toBe(404)
    expect((await put(foreign, { name: 'Mine now' })).status).toBe(404)
    expect((await api.send('DELETE', `${subs(PARTNER)}/${foreign}`)).status).toBe(404)
    expect((await theirs.get(`${subs(owner.auth_id)}/${foreign}`)).status).toBe(200)
  })
})

describe('update', () => {
  it.each([
    ['PUT on the endpoint pages’ path', 'PUT', BASES['endpoint pages']],
    ['POST on the overview’s path', 'POST', BASES.overview],
    ['PUT on the overview’s path', 'PUT', BASES.overview],
    ['POST on the endpoint pages’ path', 'POST', BASES['endpoint pages']],
  ])('changes only the fields sent (%s)', async (_label, method, base) => {
    const { sub_account: before } = await created({
      name: 'Ops',
      email: 'ops@example.com',
      description: 'Night shift',
      rate_limit: 300,
      permissions: { calls: true, cdr: true },
    })
    clock.advance(3 * 86_400_000)
    const reply = await api.send(method, `${base(PARTNER)}/${before.auth_id}/`, {
      description: 'Updated permissions',
      rate_limit: 750,
      permissions: { calls: false, cdr: true },
    })
    expect(reply.status).toBe(200)
    const after = reply.body as SubAccount
    expect(Object.keys(after)).toEqual(SUB_ACCOUNT_FIELDS)
    expect(after).toEqual({
      ...before,
      auth_token: '<redacted>',
      description: 'Updated permissions',
      rate_limit: 750,
      permissions: { calls: false, cdr: true },
      modified: '2026-11-23',
      updated_at: '2026-11-23T09:00:00.000000Z',
    })
    expect((await retrieve(before.auth_id)).body).toEqual(after)
  })

  it('clears email, phone, description and permissions with null', async () => {
    const { sub_account: sub } = await created({
      name: 'Full',
      email: 'full@example.com',
      phone: '+919876543210',
      description: 'x',
      permissions: { calls: true },
    })
    const reply = await put(sub.auth_id, {
      email: null,
      phone: null,
      description: '',
      permissions: null,
    })
    expect(reply.body).toMatchObject({
      email: null,
      phone: null,
      description: null,
      permissions: null,
    })
  })

  it('disables and enables', async () => {
    const { sub_account: sub } = await created({ name: 'Toggle' })
    expect((await put(sub.auth_id, { enabled: false })).body).toMatchObject({
      enabled: false,
      is_active: false,
    })
    expect((await put(sub.auth_id, { enabled: true })).body).toMatchObject({ enabled: true })
  })

  it('refuses a promotion to customer_use without an email with 400, changing nothing', async () => {
    const { sub_account: sub } = await created({ name: 'No mail' })
    const reply = await put(sub.auth_id, { kyc_mode: 'customer_use', name: 'Renamed' })
    expect(reply.status).toBe(400)
    expect(errorBody(reply)).toMatchObject({
      error: 'bad_request',
      errors: [{ field: 'email', message: expect.any(String) }],
    })
    expect((await retrieve(sub.auth_id)).body).toMatchObject({
      name: 'No mail',
      kyc_mode: 'personal_use',
      kyc_calls_blocked: false,
    })
  })

  it('refuses to clear the email of a customer_use sub-account with 400', async () => {
    const { sub_account: sub } = await created({
      name: 'C',
      email: 'c@example.com',
      kyc_mode: 'customer_use',
    })
    expect((await put(sub.auth_id, { email: null })).status).toBe(400)
    // Demoting in the same request is fine.
    const demoted = await put(sub.auth_id, { email: null, kyc_mode: 'personal_use' })
    expect(demoted.status).toBe(200)
    expect(demoted.body).toMatchObject({ email: null, kyc_mode: 'personal_use' })
  })

  it('re-derives kyc_calls_blocked on every kyc_mode change', async () => {
    const { sub_account: sub } = await created({ name: 'Moves', email: 'moves@example.com' })
    const promoted = await put(sub.auth_id, { kyc_mode: 'customer_use' })
    expect(promoted.status).toBe(200)
    expect(promoted.body).toMatchObject({ kyc_mode: 'customer_use', kyc_calls_blocked: true })
    const demoted = await put(sub.auth_id, { kyc_mode: 'personal_use' })
    expect(demoted.body).toMatchObject({ kyc_mode: 'personal_use', kyc_calls_blocked: false })
  })

  it('promotes with the email given in the same request', async () => {
    const { sub_account: sub } = await created({ name: 'Both at once' })
    const reply = await put(sub.auth_id, { kyc_mode: 'customer_use', email: 'both@example.com' })
    expect(reply.status).toBe(200)
    expect(reply.body).toMatchObject({
      email: 'both@example.com',
      kyc_mode: 'customer_use',
      kyc_calls_blocked: true,
    })
  })

  it('keeps a seeded customer_use sub-account that passed KYC unblocked', async () => {
    const all: SubAccount[] = []
    for (const owner of await seededOwners()) {
      all.push(...listOf(await owner.api.get(`${subs(owner.authId)}/`)).sub_accounts)
    }
    const verified = all.find((s) => s.kyc_mode === 'customer_use' && !s.kyc_calls_blocked)
    expect(verified).toBeDefined()
  })

  it.each([
    ['a blank name', { name: '' }, 'name'],
    ['a null name', { name: null }, 'name'],
    ['a null rate_limit', { rate_limit: null }, 'rate_limit'],
    ['enabled as null', { enabled: null }, 'enabled'],
    ['an unknown kyc_mode', { kyc_mode: 'personal' }, 'kyc_mode'],
    ['a bad email', { email: 'nope' }, 'email'],
  ])('refuses %s with 422', async (_label, body, field) => {
    const { sub_account: sub } = await created({ name: 'Stays' })
    const reply = await put(sub.auth_id, body)
    expect(reply.status).toBe(422)
    expect(failedFields(reply)).toEqual([field])
    expect((await retrieve(sub.auth_id)).body).toMatchObject({ name: 'Stays' })
  })

  it('answers 404 for an unknown sub-account, before reading the body', async () => {
    const reply = await api.send('PUT', `${subs(PARTNER)}/SA_NOPE0000`, 'not json')
    expect(reply.status).toBe(404)
    expect(errorBody(reply).error).toBe('not_found')
  })
})

describe('delete', () => {
  it.each(Object.entries(BASES))(
    'answers 200 with a message, then the sub-account is gone (%s path)',
    async (_label, base) => {
      const { sub_account: sub } = await created({ name: 'Short-lived' })
      const reply = await api.send('DELETE', `${base(PARTNER)}/${sub.auth_id}/`)
      expect(reply.status).toBe(200)
      expect(reply.body).toEqual({ message: 'Sub-account deleted successfully' })
      expect((await retrieve(sub.auth_id)).status).toBe(404)
      expect((await put(sub.auth_id, { name: 'Back' })).status).toBe(404)
      const again = await api.send('DELETE', `${base(PARTNER)}/${sub.auth_id}`)
      expect(again.status).toBe(404)
      const list = listOf(await api.get(`${subs(PARTNER)}/?size=100`))
      expect(list.sub_accounts.map((s) => s.auth_id)).not.toContain(sub.auth_id)
    },
  )
})

/** A customer with no seeded sub-accounts, and a client with its own credentials. */
async function freshCustomer() {
  const page = (await api.get('/api/v1/partner/accounts?per_page=12')).body as {
    accounts: { auth_id: string; enabled: boolean }[]
  }
  const owner = page.accounts.slice(3).find((a) => a.enabled)!
  const detail = asObject((await api.get(`/api/v1/partner/accounts/${owner.auth_id}`)).body)
  const credentials = { authId: owner.auth_id, authToken: String(detail.auth_token) }
  return { authId: owner.auth_id, api: partnerApi(sandbox, credentials) }
}

/** The partner and the seeded customers that own sub-accounts. */
async function seededOwners() {
  const page = (await api.get('/api/v1/partner/accounts?per_page=3')).body as {
    accounts: { auth_id: string; auth_token: string }[]
  }
  return [
    { authId: PARTNER, api },
    ...page.accounts.map((a) => ({
      authId: a.auth_id,
      api: partnerApi(sandbox, { authId: a.auth_id, authToken: a.auth_token }),
    })),
  ]
}

describe('list', () => {
  it('pages 25 at a time by default, oldest first, with total, page and size', async () => {
    const owner = await freshCustomer()
    const names: string[] = []
    for (let i = 0; i < 27; i++) {
      clock.advance(60_000)
      const name = `Sub ${String(i).padStart(2, '0')}`
      names.push(name)
      const reply = await owner.api.post(`${subs(owner.authId)}/`, { name, enabled: i % 3 !== 0 })
      expect(reply.status).toBe(201)
    }
    const first = listOf(await owner.api.get(`${subs(owner.authId)}/`))
    expect(first).toMatchObject({ total: 27, page: 1, size: 25 })
    expect(first.sub_accounts.map((s) => s.name)).toEqual(names.slice(0, 25))
    for (const s of first.sub_accounts) {
      expect(Object.keys(s)).toEqual(SUB_ACCOUNT_FIELDS)
      expect(s.auth_token).toBe('<redacted>')
    }
    const times = first.sub_accounts.map((s) => Date.parse(s.created_at))
    expect(times).toEqual([...times].sort((a, b) => a - b))

    const second = listOf(await owner.api.get(`${subs(owner.authId)}/?page=2`))
    expect(second).toMatchObject({ total: 27, page: 2, size: 25 })
    expect(second.sub_accounts.map((s) => s.name)).toEqual(names.slice(25))

    const small = listOf(await owner.api.get(`${subs(owner.authId)}/?page=3&size=10`))
    expect(small).toMatchObject({ total: 27, page: 3, size: 10 })
    expect(small.sub_accounts.map((s) => s.name)).toEqual(names.slice(20, 27))

    expect(listOf(await owner.api.get(`${subs(owner.authId)}/?page=9`)).sub_accounts).toEqual([])
    expect(listOf(await owner.api.get(`${subs(owner.authId)}/?size=500`)).size).toBe(100)
  })

  it('active_only leaves out disabled sub-accounts', async () => {
    const owner = await freshCustomer()
    for (const [name, enabled] of [
      ['On 1', true],
      ['Off', false],
      ['On 2', true],
    ] as const) {
      clock.advance(1000)
      await owner.api.post(`${subs(owner.authId)}/`, { name, enabled })
    }
    const active = listOf(await owner.api.get(`${subs(owner.authId)}/?active_only=true`))
    expect(active.total).toBe(2)
    expect(active.sub_accounts.map((s) => s.name)).toEqual(['On 1', 'On 2'])
    const all = listOf(await owner.api.get(`${subs(owner.authId)}/?active_only=false`))
    expect(all.sub_accounts.map((s) => s.name)).toEqual(['On 1', 'Off', 'On 2'])
  })

  it('sorts by creation date, not by when it was last changed', async () => {
    const owner = await freshCustomer()
    const ids: string[] = []
    for (const name of ['A', 'B', 'C']) {
      clock.advance(1000)
      const reply = await owner.api.post(`${subs(owner.authId)}/`, { name })
      ids.push((reply.body as Created).sub_account.auth_id)
    }
    clock.advance(1000)
    await owner.api.send('PUT', `${subs(owner.authId)}/${ids[0]!}`, { name: 'A2' })
    const list = listOf(await owner.api.get(`${subs(owner.authId)}/`))
    expect(list.sub_accounts.map((s) => s.name)).toEqual(['A2', 'B', 'C'])
  })

  it.each([
    ['page=0', 'page'],
    ['page=x', 'page'],
    ['size=0', 'size'],
    ['size=2.5', 'size'],
    ['active_only=maybe', 'active_only'],
  ])('refuses %s with 422 naming the parameter', async (query, field) => {
    const reply = await api.get(`${subs(PARTNER)}/?${query}`)
    expect(reply.status).toBe(422)
    expect(failedFields(reply)).toEqual([field])
  })

  it('is the same under both paths', async () => {
    const a = await api.get(`${BASES['endpoint pages'](PARTNER)}/`)
    const b = await api.get(`${BASES.overview(PARTNER)}/`)
    expect(a.body).toEqual(b.body)
  })
})

describe('seeded sub-accounts', () => {
  it('exist under the partner and the first customers, including a blocked and a disabled one', async () => {
    const owners = await seededOwners()
    const all: SubAccount[] = []
    for (const owner of owners) {
      const list = listOf(await owner.api.get(`${subs(owner.authId)}/`))
      expect(list.total).toBeGreaterThanOrEqual(2)
      for (const s of list.sub_accounts) {
        expect(Object.keys(s)).toEqual(SUB_ACCOUNT_FIELDS)
        expect(s.parent_auth_id).toBe(owner.authId)
        expect(s.auth_token).toBe('<redacted>')
        expect(s.auth_id).toMatch(/^SA_[A-Z0-9]{8}$/)
        expect(Date.parse(s.created_at)).toBeLessThan(clock.now())
        if (s.kyc_mode === 'customer_use') expect(s.email).not.toBeNull()
      }
      all.push(...list.sub_accounts)
    }
    expect(all.some((s) => s.kyc_mode === 'customer_use' && s.kyc_calls_blocked)).toBe(true)
    expect(all.some((s) => !s.enabled)).toBe(true)
    expect(new Set(all.map((s) => s.auth_id)).size).toBe(all.length)
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length)
  })

  it('are the same after a reset, and a deleted one comes back', async () => {
    const before = listOf(await api.get(`${subs(PARTNER)}/`))
    const victim = before.sub_accounts[0]!
    await api.send('DELETE', `${subs(PARTNER)}/${victim.auth_id}`)
    await create({ name: 'Extra' })
    sandbox.reset()
    expect((await api.get(`${subs(PARTNER)}/`)).body).toEqual(before)
  })

  it('are only seeded for a handful of customers', async () => {
    const page = (await api.get('/api/v1/partner/accounts?per_page=12')).body as {
      accounts: { auth_id: string; auth_token: string; enabled: boolean }[]
    }
    const counts: number[] = []
    for (const a of page.accounts) {
      const theirs = partnerApi(sandbox, { authId: a.auth_id, authToken: a.auth_token })
      const reply = await theirs.get(`${subs(a.auth_id)}/`)
      if (a.enabled) counts.push(listOf(reply).total)
      else expect(reply.status).toBe(403)
    }
    expect(counts.slice(3).every((n) => n === 0)).toBe(true)
  })
})
