import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox'
import {
  accountListSchema,
  createdAccountSchema,
  customerAccountSchema,
  customerBalanceSchema,
} from '../../../shared/vobiz'
import {
  asObject,
  control,
  errorBody,
  failedFields,
  manualClock,
  newCustomer,
  partnerApi,
} from './helpers'

const ACCOUNTS = '/api/v1/partner/accounts'
const CREATED_FIELDS = [
  'auth_id',
  'auth_token',
  'name',
  'email',
  'status',
  'balance',
  'currency',
  'country',
  'created_at',
]

let sandbox: RunningSandbox
const clock = manualClock(Date.UTC(2026, 10, 22, 9, 30))
beforeAll(async () => {
  sandbox = await startSandbox({ customers: 60, seed: 9, now: clock.now, controlEndpoints: true })
})
afterAll(() => sandbox.close())
beforeEach(() => {
  sandbox.reset()
  sandbox.setFaults([])
})

const create = (body: unknown) => partnerApi(sandbox).post(ACCOUNTS, body)

/** Per field: values that must pass and values that must fail (undefined = field left out). */
const RULES: [field: string, good: unknown[], bad: unknown[]][] = [
  [
    'name',
    ['A', 'José Müller', '  Priya Sharma  ', 'x'.repeat(100)],
    [undefined, null, '', '   ', 42, 'x'.repeat(101)],
  ],
  [
    'email',
    ['a@b.co', 'First.Last+tag@example.co.in'],
    [
      undefined,
      '',
      'plain',
      'no-at.example.com',
      'two@@example.com',
      'a@b',
      'sp ace@example.com',
      7,
    ],
  ],
  [
    'password',
    ['Str0ng!pass', 'abcdefg1#', '12345678!', 'pässwörd1€'],
    [
      undefined,
      '',
      '        ',
      'Sh0rt!',
      'abcdefg1',
      'Password!',
      'abcdefgh',
      '12345678',
      12345678,
    ],
  ],
  [
    'phone',
    [undefined, null, '', '+919876543210', '+14155552671', '+1234567', '+123456789012345'],
    [
      '919876543210',
      '+0919876543210',
      '+91 98765 43210',
      '+91-9876543210',
      '+123456',
      '+1234567890123456',
      '+91abc',
      919876543210,
    ],
  ],
  [
    'country',
    ['IN', 'US', 'GB', 'DE', 'BR', 'AX'],
    [undefined, '', 'in', 'India', 'IND', 'UK', 'EU', 'XK', 'ZZ', 91],
  ],
  [
    'gstin',
    [undefined, null, '', '29AAPFU0939F1ZV', '07ABCDE1234F2Z5'],
    [
      '29AAPFU0939F1Z',
      '29aapfu0939f1zv',
      '29AAPFU0939F0ZV',
      '29AAPFU0939F1YV',
      'AAAPFU0939F1ZV9',
      '29AAPF00939F1ZV',
      29,
    ],
  ],
  ['gst_status', [undefined, null, 'active', 'inactive'], ['Active', 'enabled', 'yes', true]],
  ['timezone', [undefined, 'Asia/Kolkata', 'Europe/London', 'UTC'], ['Mars/Olympus', 'Kolkata', 5]],
  ['account_type', [undefined, 'standard', 'enterprise'], ['Standard', 'gold plan', 3]],
  ['description', [undefined, null, 'Outbound collections calling team'], ['x'.repeat(501), {}]],
  ['company', [undefined, 'Acme Corp', 'Müller & Söhne GmbH'], ['x'.repeat(201), ['Acme']]],
  ['address', [undefined, '1 MG Road'], ['x'.repeat(201), false]],
  ['city', [undefined, 'Bengaluru'], ['x'.repeat(101), 1]],
  ['state', [undefined, 'KA'], ['x'.repeat(101), 1]],
  ['zip_code', [undefined, '560001', 'NW1 6XE'], ['x'.repeat(21), 560001]],
]

const withField = (field: string, value: unknown) =>
  Object.fromEntries(
    Object.entries({ ...newCustomer(), [field]: value }).filter(([, v]) => v !== undefined),
  )

describe('POST /api/v1/partner/accounts validation', () => {
  describe.each(RULES)('%s', (field, good, bad) => {
    it.each(good.map((value) => [JSON.stringify(value) ?? 'left out', value]))(
      'accepts %s',
      async (_label, value) => {
        const reply = await create(withField(field, value))
        expect(reply.body).toMatchObject({ status: 'active' })
        expect(reply.status).toBe(201)
      },
    )
    it.each(bad.map((value) => [JSON.stringify(value) ?? 'left out', value]))(
      'refuses %s with 422 naming the field',
      async (_label, value) => {
        const reply = await create(withField(field, value))
        expect(reply.status).toBe(422)
        const body = errorBody(reply)
        expect(body).toEqual({
          error: 'ValidationError',
          message: 'Request validation failed',
          details: [{ type: 'value_error', loc: ['body', field], msg: expect.any(String) }],
          status_code: 422,
        })
        expect(sandbox.state().created).toBe(0)
      },
    )
  })

  it('lists one error per failing field', async () => {
    const reply = await create({
      name: '',
      email: 'nope',
      password: 'short',
      country: 'India',
      phone: '123',
      gst_status: 'on',
    })
    expect(reply.status).toBe(422)
    expect(failedFields(reply).sort()).toEqual([
      'country',
      'email',
      'gst_status',
      'name',
      'password',
      'phone',
    ])
  })

  it('never echoes the password', async () => {
    const reply = await create(withField('password', 'secretpassword'))
    expect(reply.status).toBe(422)
    expect(JSON.stringify(reply.body)).not.toContain('secretpassword')
  })

  it('refuses an email already in use, whatever its case', async () => {
    const first = await create(newCustomer({ email: 'Dup.Licate@Example.com' }))
    expect(first.status).toBe(201)
    const again = await create(newCustomer({ email: 'dup.licate@example.COM' }))
    expect(again.status).toBe(422)
    expect(errorBody(again).details).toEqual([
      { type: 'value_error', loc: ['body', 'email'], msg: 'This email is already in use.' },
    ])
    const seeded = accountListSchema.parse((await partnerApi(sandbox).get(ACCOUNTS)).body)
      .accounts[4]!
    const taken = await create(newCustomer({ email: seeded.email!.toUpperCase() }))
    expect(failedFields(taken)).toEqual(['email'])
    expect(sandbox.state()).toMatchObject({ customers: 61, created: 1 })
  })

  it('answers malformed JSON with 400, and a non-object with 422', async () => {
    const broken = await create('{"name": "x",')
    expect(broken.status).toBe(400)
    expect(errorBody(broken).error).toBe('bad_request')
    for (const body of ['[1,2]', '"text"', 'null', '42']) {
      const reply = await create(body)
      expect(reply.status).toBe(422)
      expect(failedFields(reply)).toEqual(['body'])
    }
  })

  it('refuses a body over 64 KiB with 413', async () => {
    const reply = await create(newCustomer({ description: 'x'.repeat(70_000) }))
    expect(reply.status).toBe(413)
    expect(sandbox.state().created).toBe(0)
  })

  it('ignores unknown fields', async () => {
    const reply = await create(newCustomer({ favourite_colour: 'teal' }))
    expect(reply.status).toBe(201)
    expect(asObject(reply.body)).not.toHaveProperty('favourite_colour')
  })
})

describe('POST /api/v1/partner/accounts permissions', () => {
  it('refuses with 403 when can_create_accounts is false', async () => {
    expect(
      (await control(sandbox, 'PATCH', '/partner', { can_create_accounts: false })).status,
    ).toBe(200)
    const reply = await create(newCustomer())
    expect(reply.status).toBe(403)
    expect(errorBody(reply)).toEqual({
      error: 'HTTPError',
      message: expect.stringContaining('can_create_accounts'),
      status_code: 403,
    })
    expect(sandbox.state()).toMatchObject({ customers: 60, created: 0 })
  })

  it('refuses with 403 once account_count reaches max_accounts', async () => {
    await control(sandbox, 'PATCH', '/partner', { max_accounts: 61 })
    expect((await create(newCustomer())).status).toBe(201)
    const reply = await create(newCustomer())
    expect(reply.status).toBe(403)
    expect(errorBody(reply).message).toContain('max_accounts')
    expect(sandbox.state().customers).toBe(61)
    await control(sandbox, 'PATCH', '/partner', { max_accounts: 62 })
    expect((await create(newCustomer())).status).toBe(201)
  })

  it('refuses when max_accounts is already below the count', async () => {
    await control(sandbox, 'PATCH', '/partner', { max_accounts: 10 })
    expect((await create(newCustomer())).status).toBe(403)
  })
})

describe('a created customer', () => {
  it('gets the documented 201 reply', async () => {
    const reply = await create(
      newCustomer({ name: 'Asha Verma', email: 'asha.verma@example.com', country: 'IN' }),
    )
    expect(reply.status).toBe(201)
    const raw = asObject(reply.body)
    expect(Object.keys(raw)).toEqual(CREATED_FIELDS)
    const created = createdAccountSchema.parse(raw)
    expect(created).toMatchObject({
      name: 'Asha Verma',
      email: 'asha.verma@example.com',
      status: 'active',
      balance: 0,
      currency: 'INR',
      country: 'IN',
      created_at: '2026-11-22T09:30:00.000000+00:00',
    })
    expect(created.auth_id).toMatch(/^MA_[A-Z0-9]{8}$/)
    expect(created.auth_token).toMatch(/^[A-Za-z0-9]{32,}$/)
  })

  it.each([
    ['IN', 'INR'],
    ['US', 'USD'],
    ['GB', 'GBP'],
    ['DE', 'EUR'],
    ['AE', 'AED'],
    ['BR', 'USD'],
  ])('in %s has wallet currency %s', async (country, currency) => {
    const created = createdAccountSchema.parse((await create(newCustomer({ country }))).body)
    expect(created.currency).toBe(currency)
    const balance = customerBalanceSchema.parse(
      (await partnerApi(sandbox).get(`${ACCOUNTS}/${created.auth_id}/balance`)).body,
    )
    expect(balance.currency).toBe(currency)
  })

  it('shows up in get, list, search and balance, pending KYC with an empty wallet', async () => {
    const api = partnerApi(sandbox)
    const created = createdAccountSchema.parse(
      (
        await create(
          newCustomer({
            name: '  Zoë Kapoor ',
            email: 'Zoe.Kapoor@Example.com',
            company: 'Kapoor Foods',
            gstin: '27AAPFU0939F1ZV',
            gst_status: 'active',
            timezone: 'Asia/Kolkata',
          }),
        )
      ).body,
    )
    expect(created.name).toBe('Zoë Kapoor')

    const fetched = await api.get(`${ACCOUNTS}/${created.auth_id}`)
    expect(fetched.status).toBe(200)
    const account = customerAccountSchema.parse(fetched.body)
    expect(account).toMatchObject({
      auth_id: created.auth_id,
      auth_token: created.auth_token,
      name: 'Zoë Kapoor',
      email: 'Zoe.Kapoor@Example.com',
      company: 'Kapoor Foods',
      gstin: '27AAPFU0939F1ZV',
      gst_status: 'active',
      phone: '+919876543210',
      kyc_status: 'pending',
      cash_credits: '0.00000',
      enabled: true,
      account_type: 'standard',
      id: '500061',
      description: null,
      last_login: null,
    })

    const listed = accountListSchema.parse((await api.get(`${ACCOUNTS}?page=4&per_page=20`)).body)
    expect(listed.total).toBe(61)
    expect(listed.accounts.map((a) => a.auth_id)).toEqual([created.auth_id])
    const searched = accountListSchema.parse((await api.get(`${ACCOUNTS}?search=zoe.kapoor`)).body)
    expect(searched.accounts.map((a) => a.auth_id)).toEqual([created.auth_id])

    clock.advance(3_600_000)
    const balance = customerBalanceSchema.parse(
      (await api.get(`${ACCOUNTS}/${created.auth_id}/balance`)).body,
    )
    expect(balance).toEqual({
      auth_id: created.auth_id,
      name: 'Zoë Kapoor',
      cash_credits: '0.00000',
      currency: 'INR',
      updated_at: '2026-11-22T09:30:00.000000+00:00',
    })
    clock.advance(-3_600_000)
    expect(sandbox.state()).toMatchObject({ customers: 61, created: 1 })
  })

  it('is gone after a reset, and the same create gives the same ids again', async () => {
    const first = createdAccountSchema.parse(
      (await create(newCustomer({ email: 'again@example.com' }))).body,
    )
    sandbox.reset()
    expect((await partnerApi(sandbox).get(`${ACCOUNTS}/${first.auth_id}`)).status).toBe(404)
    const second = createdAccountSchema.parse(
      (await create(newCustomer({ email: 'again@example.com' }))).body,
    )
    expect(second.auth_id).toBe(first.auth_id)
  })
})
