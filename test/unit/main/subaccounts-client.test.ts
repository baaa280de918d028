import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox'
import {
  createVobizClient,
  type VobizClientOptions,
} from '../../../electron/main/vobiz/vobiz-client'
import { failure, sandboxClient } from '../../support/sandbox-client'

let sandbox: RunningSandbox
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, customers: 5, seed: 3 })
})
afterAll(() => sandbox.close())
beforeEach(() => {
  sandbox.setFaults([])
  sandbox.reset()
})

function client(overrides: Partial<VobizClientOptions> = {}) {
  const { client: api, calls } = sandboxClient(sandbox, overrides)
  return { api, calls }
}

const PARTNER = 'PA_SANDBOX1'
const collection = `/api/v1/accounts/${PARTNER}/sub-accounts/`

describe('sub-account client against the sandbox', () => {
  it('lists with page and size, oldest first, tokens masked', async () => {
    const { api, calls } = client()
    const page = await api.listSubAccounts(PARTNER, { page: 1, size: 2 })
    expect(page).toMatchObject({ page: 1, size: 2, total: 3 })
    expect(page.sub_accounts).toHaveLength(2)
    const rest = await api.listSubAccounts(PARTNER, { page: 2, size: 2 })
    expect(rest.sub_accounts).toHaveLength(1)
    const all = [...page.sub_accounts, ...rest.sub_accounts]
    expect(all.map((s) => s.name).sort()).toEqual(['Kiran Traders', 'Staging', 'Support Team'])
    expect(all.every((s) => s.auth_token === '<redacted>')).toBe(true)
    const times = all.map((s) => s.created_at!)
    expect([...times].sort()).toEqual(times)
    expect(calls).toEqual([`GET ${collection}`, `GET ${collection}`])
  })

  it('creates (once), updates with PUT, deletes; the created token is the working one', async () => {
    const { api, calls } = client()
    const made = await api.createSubAccount(PARTNER, { name: 'Client made', rate_limit: 42 })
    const { auth_id: sub, auth_token: token } = made.auth_credentials
    expect(sub).toMatch(/^SA_[A-Z0-9]{8}$/)
    expect(made.sub_account).toMatchObject({ auth_id: sub, name: 'Client made', rate_limit: 42 })
    expect(token).not.toBe('<redacted>')

    const updated = await api.updateSubAccount(PARTNER, sub, { name: 'Renamed', enabled: false })
    expect(updated).toMatchObject({ auth_id: sub, name: 'Renamed', enabled: false })
    expect(sandbox.state().requests).toMatchObject({
      'PUT /api/v1/accounts/{auth_id}/sub-accounts/{sub_auth_id}': 1,
    })

    // Its own credentials: refused while disabled (403), accepted once enabled again.
    const own = client({ authId: sub, authToken: token }).api
    expect((await failure(own.getAccountObject(sub))).kind).toBe('forbidden')
    await api.updateSubAccount(PARTNER, sub, { enabled: true })
    expect(await own.getAccountObject(sub)).toMatchObject({ auth_id: sub, name: 'Renamed' })

    await expect(api.deleteSubAccount(PARTNER, sub)).resolves.toBeUndefined()
    expect((await failure(api.deleteSubAccount(PARTNER, sub))).kind).toBe('not_found')
    expect((await failure(own.getAccountObject(sub))).kind).toBe('unauthorized')
    expect(calls).toEqual([
      `POST ${collection}`,
      `PUT ${collection}${sub}`,
      `PUT ${collection}${sub}`,
      `DELETE ${collection}${sub}`,
      `DELETE ${collection}${sub}`,
    ])
  })

  it('reads the account object of the partner with its own credentials, at /api/v1/auth/me', async () => {
    const { api, calls } = client()
    const object = await api.getAccountObject(PARTNER)
    expect(object).toMatchObject({ auth_id: PARTNER })
    // The current path (more-endpoints.md, quirks); the older one is not asked.
    expect(calls).toEqual(['GET /api/v1/auth/me'])
  })

  it('never retries a create: a 503 is reported after one request', async () => {
    sandbox.setFaults([{ kind: 'status', status: 503, method: 'POST', times: 1 }])
    const { api, calls } = client()
    expect((await failure(api.createSubAccount(PARTNER, { name: 'Once' }))).kind).toBe('server')
    expect(calls).toEqual([`POST ${collection}`])
    expect((await api.listSubAccounts(PARTNER)).total).toBe(3)
  })

  it('retries a list after a 503', async () => {
    sandbox.setFaults([{ kind: 'status', status: 503, method: 'GET', times: 1 }])
    const { api, calls } = client()
    expect((await api.listSubAccounts(PARTNER)).total).toBe(3)
    expect(calls).toHaveLength(2)
  })

  it('field errors of a refused create come back by field', async () => {
    const error = await failure(client().api.createSubAccount(PARTNER, { name: '', phone: '12' }))
    expect(error).toMatchObject({
      kind: 'validation',
      fields: { name: expect.any(String), phone: expect.any(String) },
    })
  })
})

describe('sub-account delete against a stub API', () => {
  /** A real HTTP server answering every request with `status` and `body` (as sent, raw). */
  async function stub(status: number, body: string | null) {
    const seen: { method: string; url: string; headers: IncomingHttpHeaders }[] = []
    const server = createServer((req, res) => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers })
      res.writeHead(status, body === null ? {} : { 'Content-Type': 'application/json' })
      res.end(body ?? undefined)
    })
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    const api = createVobizClient({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      authId: 'MA_STUB0001',
      authToken: 'stub-token-0001',
      backoffBaseMs: 20,
    })
    return { api, seen, close: () => new Promise<void>((done) => server.close(() => done())) }
  }

  it('accepts 204 with an empty body', async () => {
    const { api, seen, close } = await stub(204, null)
    try {
      await expect(api.deleteSubAccount('MA_STUB0001', 'SA_ABCDEF12')).resolves.toBeUndefined()
      expect(seen).toHaveLength(1)
      expect(seen[0]).toMatchObject({
        method: 'DELETE',
        url: '/api/v1/accounts/MA_STUB0001/sub-accounts/SA_ABCDEF12',
        headers: { 'x-auth-id': 'MA_STUB0001', 'x-auth-token': 'stub-token-0001' },
      })
    } finally {
      await close()
    }
  })

  it('accepts 200 with {message}', async () => {
    const { api, seen, close } = await stub(
      200,
      JSON.stringify({ message: 'Sub-account deleted successfully' }),
    )
    try {
      await expect(api.deleteSubAccount('MA_STUB0001', 'SA_ABCDEF12')).resolves.toBeUndefined()
      expect(seen).toHaveLength(1)
    } finally {
      await close()
    }
  })

  it('a 2xx delete is done whatever its body (the status says so); sent once', async () => {
    // Documents a choice: deletedSchema reads a body that is not JSON like the empty 204 one.
    const { api, seen, close } = await stub(200, '<html>ok</html>')
    try {
      await expect(api.deleteSubAccount('MA_STUB0001', 'SA_ABCDEF12')).resolves.toBeUndefined()
      expect(seen).toHaveLength(1)
    } finally {
      await close()
    }
  })

  it('a 5xx delete is not retried', async () => {
    const { api, seen, close } = await stub(503, JSON.stringify({ message: 'busy' }))
    try {
      expect((await failure(api.deleteSubAccount('MA_STUB0001', 'SA_ABCDEF12'))).kind).toBe(
        'server',
      )
      expect(seen).toHaveLength(1)
    } finally {
      await close()
    }
  })

  it('a 404 is not found', async () => {
    const { api, close } = await stub(404, JSON.stringify({ message: 'No sub-account' }))
    try {
      expect((await failure(api.deleteSubAccount('MA_STUB0001', 'SA_ABCDEF12'))).kind).toBe(
        'not_found',
      )
    } finally {
      await close()
    }
  })
})

describe('the account object against a stub API', () => {
  /** A real HTTP server answering /api/v1/auth/me with `me`, any other path with 200 and `older`. */
  async function stub(me: { status: number; body: unknown }, older: unknown) {
    const seen: string[] = []
    const server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`)
      const [status, body] = req.url === '/api/v1/auth/me' ? [me.status, me.body] : [200, older]
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(body))
    })
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    const api = createVobizClient({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      authId: 'MA_STUB0001',
      authToken: 'stub-token-0001',
      backoffBaseMs: 20,
    })
    return { api, seen, close: () => new Promise<void>((done) => server.close(() => done())) }
  }
  const OLDER = { auth_id: 'MA_STUB0001', name: 'From the older path' }

  it('reads the older /api/v1/Account/{auth_id}/ only when /api/v1/auth/me is a 404', async () => {
    const { api, seen, close } = await stub(
      { status: 404, body: { error: 'HTTPError', message: 'Not Found', status_code: 404 } },
      OLDER,
    )
    try {
      expect(await api.getAccountObject('MA_STUB0001')).toMatchObject(OLDER)
      expect(seen).toEqual(['GET /api/v1/auth/me', 'GET /api/v1/Account/MA_STUB0001/'])
    } finally {
      await close()
    }
  })

  it('takes /api/v1/auth/me’s object (its `id` the MA_ id), and a 401 there is not retried elsewhere', async () => {
    const mine = await stub(
      { status: 200, body: { id: 'MA_STUB0001', name: 'Current path' } },
      OLDER,
    )
    try {
      expect(await mine.api.getAccountObject('MA_STUB0001')).toMatchObject({
        id: 'MA_STUB0001',
        name: 'Current path',
      })
      expect(mine.seen).toEqual(['GET /api/v1/auth/me'])
    } finally {
      await mine.close()
    }
    const refused = await stub(
      { status: 401, body: { error: 'unauthorized', message: 'invalid credentials' } },
      OLDER,
    )
    try {
      expect((await failure(refused.api.getAccountObject('MA_STUB0001'))).kind).toBe('unauthorized')
      expect(refused.seen).toEqual(['GET /api/v1/auth/me'])
    } finally {
      await refused.close()
    }
  })
})
