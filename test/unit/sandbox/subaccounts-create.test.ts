import { describe, expect, it } from 'vitest'
import { asObject, errorBody, failedFields, partnerApi } from './helpers'
import {
  useSubAccountsSandbox,
  SUB_ACCOUNT_FIELDS,
  type SubAccount,
  type Created,
  PARTNER,
  BASES,
  subs,
  sandbox,
  api,
  create,
  created,
  retrieve,
  put,
  listOf,
} from './subaccounts-fixture'

useSubAccountsSandbox()

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
