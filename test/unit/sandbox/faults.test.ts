import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { startSandbox, type FaultRule, type RunningSandbox } from '../../../electron/sandbox'
import { accountListSchema, partnerProfileSchema } from '../../../shared/vobiz'
import { asObject, control, errorBody, failedFields, newCustomer, partnerApi } from './helpers'

const ME = '/api/v1/partner/me'
const ACCOUNTS = '/api/v1/partner/accounts'

let sandbox: RunningSandbox
beforeAll(async () => {
  sandbox = await startSandbox({ customers: 25, seed: 3, controlEndpoints: true })
})
afterAll(() => sandbox.close())
beforeEach(() => {
  sandbox.reset()
  sandbox.setFaults([])
})

const authHeaders = () => ({
  'X-Auth-ID': sandbox.credentials.authId,
  'X-Auth-Token': sandbox.credentials.authToken,
})
const raw = (path: string, init: RequestInit = {}) =>
  fetch(`${sandbox.baseUrl}${path}`, { ...init, headers: { ...authHeaders(), ...init.headers } })
const postCustomer = (body: unknown) =>
  raw(ACCOUNTS, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
const timed = async (run: () => Promise<unknown>) => {
  const started = performance.now()
  await run()
  return performance.now() - started
}
const statuses = async (count: number, path = ME) => {
  const seen: number[] = []
  for (let i = 0; i < count; i++) seen.push((await raw(path)).status)
  return seen
}
const searchTotal = async (email: string) =>
  accountListSchema.parse(
    (await partnerApi(sandbox).get(`${ACCOUNTS}?search=${encodeURIComponent(email)}`)).body,
  ).total

describe('latency', () => {
  it('delays matching requests by ms, for `times` requests', async () => {
    sandbox.setFaults([{ kind: 'latency', ms: 400, times: 1, path: '/partner/me' }])
    expect(await timed(() => raw(ME))).toBeGreaterThanOrEqual(380)
    // Used up: the next request is not delayed.
    expect(sandbox.state().faults).toEqual([])
  })

  it('adds up with another fault on the same request', async () => {
    sandbox.setFaults([
      { kind: 'latency', ms: 300, times: 1 },
      { kind: 'status', status: 502, times: 1 },
    ])
    let status = 0
    const elapsed = await timed(async () => {
      status = (await raw(ME)).status
    })
    expect(status).toBe(502)
    expect(elapsed).toBeGreaterThanOrEqual(280)
  })
})

describe('status', () => {
  it.each([500, 502, 503] as const)('answers %i for exactly `times` requests', async (status) => {
    sandbox.setFaults([{ kind: 'status', status, times: 2 }])
    const replies = await statuses(4)
    expect(replies).toEqual([status, status, 200, 200])
    expect(sandbox.state().faults).toEqual([])
  })

  it('answers 500 by default, forever when times is left out, with an error body', async () => {
    sandbox.setFaults([{ kind: 'status' }])
    expect(await statuses(5)).toEqual([500, 500, 500, 500, 500])
    const reply = await raw(ME)
    expect(asObject(await reply.json())).toMatchObject({ error: 'server_error' })
  })

  it('only hits the method and path it names', async () => {
    sandbox.setFaults([
      { kind: 'status', status: 503, method: 'POST' },
      { kind: 'status', status: 502, path: '/balance' },
    ])
    expect((await raw(ME)).status).toBe(200)
    expect((await raw(ACCOUNTS)).status).toBe(200)
    expect((await postCustomer(newCustomer())).status).toBe(503)
    const someone = accountListSchema.parse(await (await raw(ACCOUNTS)).json()).accounts[0]!
    expect((await raw(`${ACCOUNTS}/${someone.auth_id}`)).status).toBe(200)
    expect((await raw(`${ACCOUNTS}/${someone.auth_id}/balance`)).status).toBe(502)
    expect(sandbox.state().created).toBe(0)
  })

  it('applies the first matching rule and keeps the later ones for later requests', async () => {
    sandbox.setFaults([
      { kind: 'status', status: 503, times: 1 },
      { kind: 'rate_limit', times: 1 },
      { kind: 'status', status: 500, times: 1 },
    ])
    expect(await statuses(4)).toEqual([503, 429, 500, 200])
  })

  it('comes before authentication, like a proxy in front of the API', async () => {
    sandbox.setFaults([{ kind: 'status', status: 503, times: 1 }])
    const reply = await partnerApi(sandbox, {}).get(ME)
    expect(reply.status).toBe(503)
    expect(errorBody(reply).error).toBe('server_error')
  })
})

describe('rate_limit', () => {
  it('answers 429 with the Retry-After header', async () => {
    sandbox.setFaults([{ kind: 'rate_limit', retryAfterSeconds: 7, times: 1 }])
    const reply = await raw(ME)
    expect(reply.status).toBe(429)
    expect(reply.headers.get('retry-after')).toBe('7')
    expect(asObject(await reply.json())).toMatchObject({ error: 'rate_limited' })
    expect((await raw(ME)).status).toBe(200)
  })

  it('asks for 1 second by default', async () => {
    sandbox.setFaults([{ kind: 'rate_limit' }])
    expect((await raw(ME)).headers.get('retry-after')).toBe('1')
  })
})

describe('malformed', () => {
  it('answers 200 with JSON that does not parse', async () => {
    sandbox.setFaults([{ kind: 'malformed', times: 1 }])
    const reply = await raw(ME)
    expect(reply.status).toBe(200)
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/)
    const text = await reply.text()
    expect(text.length).toBeGreaterThan(10)
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError)
    expect(partnerProfileSchema.parse(await (await raw(ME)).json()).auth_id).toBe('PA_SANDBOX1')
  })

  it('does not apply a create', async () => {
    sandbox.setFaults([{ kind: 'malformed', times: 1, method: 'POST' }])
    const email = 'garbled@example.com'
    expect((await postCustomer(newCustomer({ email }))).status).toBe(200)
    expect(await searchTotal(email)).toBe(0)
  })
})

describe('drop', () => {
  it('before: cuts the connection and creates nothing', async () => {
    sandbox.setFaults([{ kind: 'drop', times: 1, method: 'POST' }])
    const email = 'dropped.before@example.com'
    await expect(postCustomer(newCustomer({ email }))).rejects.toThrow(TypeError)
    expect(sandbox.state()).toMatchObject({ customers: 25, created: 0 })
    expect(await searchTotal(email)).toBe(0)
    expect((await postCustomer(newCustomer({ email }))).status).toBe(201)
  })

  it('after: creates the customer, then cuts the connection without a reply', async () => {
    sandbox.setFaults([
      { kind: 'drop', when: 'after', times: 1, method: 'POST', path: '/accounts' },
    ])
    const email = 'dropped.after@example.com'
    await expect(postCustomer(newCustomer({ email }))).rejects.toThrow(TypeError)
    expect(sandbox.state()).toMatchObject({ customers: 26, created: 1 })
    expect(await searchTotal(email)).toBe(1)
    const retry = await postCustomer(newCustomer({ email }))
    expect(retry.status).toBe(422)
  })

  it('works on reads too', async () => {
    sandbox.setFaults([{ kind: 'drop', times: 1 }])
    await expect(raw(ME)).rejects.toThrow(TypeError)
    expect((await raw(ME)).status).toBe(200)
  })
})

describe('hang', () => {
  it('never answers; an AbortSignal timeout ends the wait', async () => {
    sandbox.setFaults([{ kind: 'hang', times: 1 }])
    const started = performance.now()
    const error = await raw(ME, { signal: AbortSignal.timeout(300) }).then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(DOMException)
    expect((error as DOMException).name).toBe('TimeoutError')
    expect(performance.now() - started).toBeGreaterThanOrEqual(280)
    expect((await raw(ME)).status).toBe(200)
  })

  it('is cut off when the sandbox closes', async () => {
    const other = await startSandbox({ customers: 1, faults: [{ kind: 'hang' }] })
    const pending = fetch(`${other.baseUrl}${ME}`).then(
      () => 'answered',
      () => 'cut off',
    )
    await vi.waitFor(() => expect(other.state().requests[`GET ${ME}`]).toBe(1))
    // A close that waited for the hanging request would never end (the test times out).
    await other.close()
    expect(await pending).toBe('cut off')
  })
})

describe('fault rules over HTTP', () => {
  it('POST /__sandbox/faults replaces the list, DELETE clears it', async () => {
    sandbox.setFaults([{ kind: 'status', status: 500 }])
    const rules: FaultRule[] = [{ kind: 'status', status: 503, times: 3, path: '/me' }]
    const set = await control(sandbox, 'POST', '/faults', { faults: rules })
    expect(set.status).toBe(200)
    expect(set.body).toEqual({ faults: rules })
    expect(await statuses(1)).toEqual([503])
    expect((await control(sandbox, 'GET', '/faults')).body).toEqual({
      faults: [{ ...rules[0], times: 2 }],
    })
    const cleared = await control(sandbox, 'DELETE', '/faults')
    expect(cleared.body).toEqual({ faults: [] })
    expect(await statuses(2)).toEqual([200, 200])
  })

  it.each([
    [{ faults: [{ kind: 'explode' }] }, 'faults.0.kind'],
    [{ faults: [{ kind: 'status', status: 418 }] }, 'faults.0.status'],
    [{ faults: [{ kind: 'latency', ms: -5 }] }, 'faults.0.ms'],
    [{ faults: [{ kind: 'drop', times: 1.5 }] }, 'faults.0.times'],
    [{ faults: [{ kind: 'drop', method: 'PATCH' }] }, 'faults.0.method'],
    [{ faults: [{ kind: 'hang', colour: 'red' }] }, 'faults.0'],
    [{ rules: [] }, 'faults'],
  ])('refuses %j with 422', async (body, field) => {
    sandbox.setFaults([{ kind: 'rate_limit', times: 1 }])
    const reply = await control(sandbox, 'POST', '/faults', body)
    expect(reply.status).toBe(422)
    expect(failedFields(reply)).toContain(field)
    expect(sandbox.state().faults).toHaveLength(1)
  })

  it('never faults the control endpoints themselves', async () => {
    sandbox.setFaults([
      { kind: 'status', status: 503 },
      { kind: 'hang', path: '__sandbox' },
    ])
    const state = await control(sandbox, 'GET', '/state')
    expect(state.status).toBe(200)
    expect((await control(sandbox, 'DELETE', '/faults')).status).toBe(200)
    expect(await statuses(1)).toEqual([200])
  })

  it('takes rules at start and checks them in setFaults', async () => {
    const other = await startSandbox({
      customers: 1,
      faults: [{ kind: 'status', status: 502, times: 1 }],
    })
    try {
      expect((await partnerApi(other).get(ME)).status).toBe(502)
      expect((await partnerApi(other).get(ME)).status).toBe(200)
      expect(() => other.setFaults([{ kind: 'status', status: 404 as 500 }])).toThrow(/fault/i)
    } finally {
      await other.close()
    }
  })

  it('counts faulted requests in the state, per route', async () => {
    sandbox.setFaults([{ kind: 'status', status: 500, times: 2 }])
    await statuses(3)
    await raw(`${ACCOUNTS}/MA_NOPE0000`)
    await raw('/api/v1/elsewhere')
    const { requests, totalRequests } = sandbox.state()
    expect(requests).toEqual({
      'GET /api/v1/partner/me': 3,
      'GET /api/v1/partner/accounts/{auth_id}': 1,
      unmatched: 1,
    })
    expect(totalRequests).toBe(5)
  })
})
