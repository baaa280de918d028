import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox'
import type { VobizClientOptions } from '../../../electron/main/vobiz/vobiz-client'
import { failure, sandboxClient } from '../../support/sandbox-client'

let sandbox: RunningSandbox
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, customers: 120, seed: 11 })
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.setFaults([]))

const client = (overrides: Partial<VobizClientOptions> = {}) => sandboxClient(sandbox, overrides)

const newCustomer = (email: string) => ({
  name: 'Test Customer',
  email,
  password: 'Str0ng!pass',
  country: 'IN',
  phone: '+919876543210',
})

describe('Vobiz client against the sandbox', () => {
  it('reads the partner with the X-Auth headers', async () => {
    const partner = await client().client.getPartner()
    expect(partner.auth_id).toBe(sandbox.credentials.authId)
    expect(typeof partner.balance).toBe('string')
  })

  it('lists accounts with per_page echoed as size, and searches', async () => {
    const { client: api } = client()
    const page = await api.listAccounts({ page: 2, perPage: 50 })
    expect(page).toMatchObject({ page: 2, size: 50, total: 120 })
    expect(page.accounts).toHaveLength(50)
    const first = page.accounts[0]!
    const found = await api.listAccounts({ search: first.email! })
    expect(found.accounts.map((a) => a.auth_id)).toContain(first.auth_id)
  })

  it('maps a wrong token to unauthorized without echoing the token', async () => {
    const error = await failure(client({ authToken: 'wrong-token-xyz' }).client.getPartner())
    expect(error.kind).toBe('unauthorized')
    expect(JSON.stringify(error)).not.toContain('wrong-token-xyz')
  })

  it('maps an unknown customer to not_found', async () => {
    expect((await failure(client().client.getAccount('MA_NOPE0000'))).kind).toBe('not_found')
  })

  it('retries a GET after 429, honouring Retry-After', async () => {
    sandbox.setFaults([{ kind: 'rate_limit', retryAfterSeconds: 1, times: 1, path: '/partner/me' }])
    const { client: api, calls } = client()
    const started = Date.now()
    await api.getPartner()
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(calls).toEqual(['GET /api/v1/partner/me', 'GET /api/v1/partner/me'])
  })

  it('reports a long Retry-After instead of waiting it out', async () => {
    sandbox.setFaults([{ kind: 'rate_limit', retryAfterSeconds: 120, path: '/partner/me' }])
    const { client: api, calls } = client()
    const error = await failure(api.getPartner())
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 120 })
    expect(calls).toHaveLength(1)
  })

  it('retries GETs on 5xx and dropped connections with backoff, then succeeds', async () => {
    sandbox.setFaults([
      { kind: 'status', status: 503, times: 1, path: '/partner/me' },
      { kind: 'drop', times: 1, path: '/partner/me' },
    ])
    const { client: api, calls } = client()
    await api.getPartner()
    expect(calls).toHaveLength(3)
  })

  it('gives up after the retry limit with a server error', async () => {
    sandbox.setFaults([{ kind: 'status', status: 500, path: '/partner/me' }])
    const { client: api, calls } = client({ retryLimit: 2 })
    expect(await failure(api.getPartner())).toMatchObject({ kind: 'server', status: 500 })
    expect(calls).toHaveLength(3)
  })

  it('never retries a POST', async () => {
    sandbox.setFaults([{ kind: 'status', status: 503, times: 1, method: 'POST' }])
    const { client: api, calls } = client()
    expect((await failure(api.createAccount(newCustomer('once@example.com')))).kind).toBe('server')
    expect(calls).toEqual(['POST /api/v1/partner/accounts'])
  })

  it('reports a create whose reply was lost as unknown_outcome (and it did happen)', async () => {
    sandbox.setFaults([{ kind: 'drop', when: 'after', times: 1, method: 'POST' }])
    const { client: api, calls } = client()
    const email = 'lost.reply@example.com'
    expect((await failure(api.createAccount(newCustomer(email)))).kind).toBe('unknown_outcome')
    expect(calls).toHaveLength(1)
    expect((await api.listAccounts({ search: email })).total).toBe(1)
  })

  it('maps create validation errors to fields', async () => {
    const { client: api } = client()
    const error = await failure(
      api.createAccount({ ...newCustomer('weak@example.com'), password: 'short' }),
    )
    expect(error.kind).toBe('validation')
    if (error.kind === 'validation') expect(Object.keys(error.fields)).toContain('password')
  })

  it('returns the one-time token on create', async () => {
    const created = await client().client.createAccount(newCustomer('fresh@example.com'))
    expect(created.auth_id).toMatch(/^MA_/)
    expect(created.auth_token.length).toBeGreaterThan(10)
  })

  it('treats an unreadable reply as a server error', async () => {
    sandbox.setFaults([{ kind: 'malformed', times: 5, path: '/partner/me' }])
    expect(await failure(client().client.getPartner())).toMatchObject({ kind: 'server' })
  })

  it('times out a hung request', async () => {
    sandbox.setFaults([{ kind: 'hang', path: '/partner/me' }])
    const { client: api } = client({ timeoutMs: 300, totalTimeoutMs: 2_000 })
    expect((await failure(api.getPartner())).kind).toBe('timeout')
  })

  it('reports an unreachable host as offline', async () => {
    const { client: api } = client({ baseUrl: 'http://127.0.0.1:9', retryLimit: 1 })
    const error = await failure(api.getPartner())
    expect(error.kind).toBe('offline')
    expect(error.message).toContain('127.0.0.1:9')
  })
})
