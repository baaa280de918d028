import { request } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox'
import { partnerProfileSchema } from '../../../shared/vobiz'
import { asObject, control, errorBody, failedFields, newCustomer, partnerApi } from './helpers'

let sandbox: RunningSandbox
beforeAll(async () => {
  sandbox = await startSandbox({ customers: 12, seed: 21, controlEndpoints: true })
})
afterAll(() => sandbox.close())
beforeEach(async () => {
  await control(sandbox, 'POST', '/reset')
  sandbox.setFaults([])
})

const ENDPOINTS: [string, string, unknown?][] = [
  ['GET', '/state'],
  ['POST', '/reset'],
  ['GET', '/faults'],
  ['POST', '/faults', { faults: [{ kind: 'status' }] }],
  ['DELETE', '/faults'],
  ['PATCH', '/partner', { can_create_accounts: false }],
]

describe('control endpoints', () => {
  it.each(ENDPOINTS)(
    '%s %s is refused (403) without X-Sandbox-Control: 1',
    async (method, path, body) => {
      for (const headers of [
        {},
        { 'X-Sandbox-Control': 'true' },
        { 'X-Sandbox-Control': '0' },
      ] as Record<string, string>[]) {
        const reply = await control(sandbox, method, path, body, headers)
        expect(reply.status).toBe(403)
        expect(errorBody(reply).message).toContain('X-Sandbox-Control')
        expect(reply.headers.get('access-control-allow-origin')).toBeNull()
      }
      // Nothing happened.
      expect(sandbox.state().faults).toEqual([])
      const profile = partnerProfileSchema.parse(
        (await partnerApi(sandbox).get('/api/v1/partner/me')).body,
      )
      expect(profile.can_create_accounts).toBe(true)
    },
  )

  it('fails a browser preflight (no CORS headers on OPTIONS)', async () => {
    const reply = await fetch(`${sandbox.baseUrl}/__sandbox/faults`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    })
    expect(reply.status).toBe(403)
    expect(reply.headers.get('access-control-allow-origin')).toBeNull()
    expect(reply.headers.get('access-control-allow-headers')).toBeNull()
  })

  it('refuses a Host that is not this machine (DNS rebinding)', async () => {
    const { port } = new URL(sandbox.baseUrl)
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/__sandbox/state',
            headers: { Host: host, 'X-Sandbox-Control': '1' },
          },
          (res) => {
            res.resume()
            resolve(res.statusCode ?? 0)
          },
        )
        req.on('error', reject)
        req.end()
      })
    expect(await status('evil.example')).toBe(403)
    expect(await status(`evil.example:${port}`)).toBe(403)
    expect(await status(`localhost:${port}`)).toBe(200)
    expect(await status(`127.0.0.1:${port}`)).toBe(200)
  })

  it('does not need (or check) the partner credentials', async () => {
    const reply = await control(sandbox, 'GET', '/state', undefined, {
      'X-Sandbox-Control': '1',
      'X-Auth-ID': 'PA_WRONG',
      'X-Auth-Token': 'wrong-token',
    })
    expect(reply.status).toBe(200)
  })

  it('answers unknown control paths with 404 and wrong methods with 405', async () => {
    expect((await control(sandbox, 'GET', '/nothing')).status).toBe(404)
    expect((await control(sandbox, 'GET', '/reset')).status).toBe(405)
    expect((await control(sandbox, 'PUT', '/partner', {})).status).toBe(405)
  })
})

describe('GET /__sandbox/state', () => {
  it('counts customers, creates and requests per route, not its own requests', async () => {
    const api = partnerApi(sandbox)
    await api.get('/api/v1/partner/me')
    await api.get('/api/v1/partner/me')
    await api.get('/api/v1/partner/accounts?page=2')
    expect((await api.post('/api/v1/partner/accounts', newCustomer())).status).toBe(201)
    expect(
      (await api.post('/api/v1/partner/accounts', newCustomer({ password: 'weak' }))).status,
    ).toBe(422)
    await partnerApi(sandbox, {}).get('/api/v1/partner/me')
    const state = await control(sandbox, 'GET', '/state')
    expect(state.status).toBe(200)
    expect(state.body).toEqual({
      customers: 13,
      created: 1,
      totalRequests: 6,
      requests: {
        'GET /api/v1/partner/me': 3,
        'GET /api/v1/partner/accounts': 1,
        'POST /api/v1/partner/accounts': 2,
      },
      faults: [],
    })
    expect(sandbox.state()).toEqual(state.body)
  })
})

describe('POST /__sandbox/faults', () => {
  it('refuses rules that do not parse, naming each field by its path', async () => {
    const reply = await control(sandbox, 'POST', '/faults', {
      faults: [{ kind: 'status', status: 'soon' }],
      extra: 1,
    })
    expect(reply.status).toBe(422)
    expect(failedFields(reply)).toEqual(['faults.0.status', 'body'])
    expect(sandbox.state().faults).toEqual([])
  })
})

describe('POST /__sandbox/reset', () => {
  it('goes back to the seeded data, partner and counters, keeping the fault rules', async () => {
    const api = partnerApi(sandbox)
    const firstPage = (await api.get('/api/v1/partner/accounts')).body
    await api.post('/api/v1/partner/accounts', newCustomer())
    await control(sandbox, 'PATCH', '/partner', { max_accounts: 5, company: 'Changed Ltd' })
    await control(sandbox, 'POST', '/faults', {
      faults: [{ kind: 'status', status: 503, path: '/nowhere' }],
    })

    const reset = await control(sandbox, 'POST', '/reset')
    expect(reset.status).toBe(200)
    expect(reset.body).toMatchObject({ customers: 12, created: 0, totalRequests: 0, requests: {} })
    expect(sandbox.state().faults).toHaveLength(1)
    const profile = partnerProfileSchema.parse((await api.get('/api/v1/partner/me')).body)
    expect(profile).toMatchObject({ account_count: 12, company: 'Sandbox Telecom Pvt Ltd' })
    expect(profile.max_accounts).toBeGreaterThan(5)
    const again = asObject((await api.get('/api/v1/partner/accounts')).body)
    const ids = (page: unknown) =>
      (asObject(page).accounts as { auth_id: string }[]).map((a) => a.auth_id)
    expect(ids(again)).toEqual(ids(firstPage))
  })
})

describe('PATCH /__sandbox/partner', () => {
  it('merges fields and answers with the profile', async () => {
    const reply = await control(sandbox, 'PATCH', '/partner', {
      can_create_accounts: false,
      can_view_cdrs: false,
      name: 'Kiran Rao',
      balance: 99.5,
    })
    expect(reply.status).toBe(200)
    const profile = partnerProfileSchema.parse(reply.body)
    expect(profile).toMatchObject({
      can_create_accounts: false,
      can_view_cdrs: false,
      name: 'Kiran Rao',
      can_transfer_balance: true,
    })
    expect(profile.balance).toMatch(/^99\.\d{5}$/)
  })

  it.each([
    [{ max_accounts: -1 }, 'max_accounts'],
    [{ max_accounts: 2.5 }, 'max_accounts'],
    [{ can_create_accounts: 'no' }, 'can_create_accounts'],
    [{ balance: 'lots' }, 'balance'],
    [{ account_count: 5 }, 'body'],
    [{ auth_id: 'PA_OTHER' }, 'body'],
  ])('refuses %j with 422', async (patch, field) => {
    const reply = await control(sandbox, 'PATCH', '/partner', patch)
    expect(reply.status).toBe(422)
    expect(failedFields(reply)).toEqual([field])
  })

  it('answers malformed JSON with 400', async () => {
    const reply = await fetch(`${sandbox.baseUrl}/__sandbox/partner`, {
      method: 'PATCH',
      headers: { 'X-Sandbox-Control': '1', 'Content-Type': 'application/json' },
      body: '{"max_accounts": ',
    })
    expect(reply.status).toBe(400)
  })

  it('is also available in-process, with the same checks', () => {
    sandbox.updatePartner({ can_transfer_balance: false })
    expect(() => sandbox.updatePartner({ max_accounts: -3 })).toThrow(/max_accounts/)
  })
})
