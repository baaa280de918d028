import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import type { CreatedCustomer } from '../../../shared/new-customer'
import type { SessionState } from '../../../shared/ipc-contract'
import { signInTo, snapshot, syncNow, valueOf } from '../../support/customers'
import { sandboxSuite } from '../../support/sandbox-suite'
import { filesContaining, makeTempDir } from '../../support/temp-dir'

const CUSTOMERS = 25
const suite = sandboxSuite({ customers: CUSTOMERS, seed: 11 })

let unique = 0
const draft = (fields: Record<string, string> = {}) => ({
  name: 'New Customer',
  email: `new.${Date.now().toString(36)}.${unique++}@example.com`,
  password: 'Str0ng!pass',
  country: 'IN',
  phone: '+919876543210',
  ...fields,
})

async function signedIn() {
  const dir = makeTempDir()
  const app = suite.open(dir)
  const profileId = await signInTo(app, suite.api)
  expect((await syncNow(app)).state).toBe('idle')
  return { dir, app, profileId }
}

const create = (app: ReturnType<typeof suite.open>, body: Record<string, string>) =>
  app.invoke('customers:create', body)
const accountsWith = async (email: string) => {
  const response = await fetch(
    `${suite.api.baseUrl}/api/v1/partner/accounts?per_page=100&search=${encodeURIComponent(email)}`,
    {
      headers: {
        'X-Auth-ID': suite.api.credentials.authId,
        'X-Auth-Token': suite.api.credentials.authToken,
      },
    },
  )
  return ((await response.json()) as { total: number }).total
}

describe('create customer', () => {
  it('creates, keeps the token encrypted, and adds the row to the list and the cache at once', async () => {
    const { dir, app } = await signedIn()
    const body = draft({ company: 'Acme Corp', gstin: '29aapfu0939f1zv', gst_status: 'active' })
    const created = await valueOf<CreatedCustomer>(create(app, body))
    expect(created).toMatchObject({ name: 'New Customer', email: body.email, recovered: false })
    expect(created.keeping).toBe('encrypted')
    const rows = (await snapshot(app)).rows
    expect(rows).toHaveLength(CUSTOMERS + 1)
    expect(rows.find((r) => r.authId === created.authId)).toMatchObject({
      company: 'Acme Corp',
      balance: '0.00000',
      kycStatus: 'pending',
    })
    // Its token: copyable from the store, never in a file in plain text, never in the reply.
    const token = await tokenOf(created.authId)
    expect(JSON.stringify(created)).not.toContain(token)
    await valueOf(app.invoke('credentials:copy', { authId: created.authId, format: 'token' }))
    expect(app.clipboard.current()).toBe(token)
    expect(filesContaining(dir, token)).toEqual([])
    expect(filesContaining(dir, 'Str0ng!pass')).toEqual([])
  })

  it('checks the draft before sending: field messages, nothing created', async () => {
    const { app } = await signedIn()
    const before = suite.api.state().created
    const result = await create(app, draft({ password: 'weakpass', phone: '12345', country: 'XX' }))
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        fields: {
          password: expect.any(String),
          phone: expect.any(String),
          country: expect.any(String),
        },
      },
    })
    expect(suite.api.state().created).toBe(before)
  })

  it('says which field Vobiz rejected: a used email', async () => {
    const { app } = await signedIn()
    const body = draft()
    await valueOf(create(app, body))
    const again = await create(app, { ...body, name: 'Someone Else' })
    expect(again).toMatchObject({
      ok: false,
      error: { kind: 'validation', fields: { email: expect.stringMatching(/already in use/) } },
    })
  })

  it('refuses when the partner may not create customers, or the limit is reached', async () => {
    const { app } = await signedIn()
    suite.api.updatePartner({ can_create_accounts: false })
    await valueOf<SessionState>(app.invoke('partner:refresh', {}))
    expect(await create(app, draft())).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', message: expect.stringMatching(/can_create_accounts/) },
    })
    suite.api.updatePartner({ can_create_accounts: true, max_accounts: CUSTOMERS })
    await valueOf<SessionState>(app.invoke('partner:refresh', {}))
    expect(await create(app, draft())).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', message: expect.stringMatching(/max_accounts/) },
    })
    expect(suite.api.state().created).toBe(0)
  })

  it('explains a 403 from Vobiz that the last partner reading did not foresee', async () => {
    const { app } = await signedIn()
    // The limit is reached behind the app's back (its reading says there is room).
    suite.api.updatePartner({ max_accounts: CUSTOMERS })
    expect(await create(app, draft())).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', message: expect.stringMatching(/max_accounts/) },
    })
  })

  it('a reply lost after Vobiz created the customer: found by its email, exactly one exists', async () => {
    const { app } = await signedIn()
    const body = draft()
    suite.api.setFaults([{ kind: 'drop', when: 'after', method: 'POST', times: 1 }])
    const created = await valueOf<CreatedCustomer>(create(app, body))
    expect(created.recovered).toBe(true)
    expect(await accountsWith(body.email)).toBe(1)
    expect((await snapshot(app)).rows.some((r) => r.authId === created.authId)).toBe(true)
    // Its token was read back, so it can be copied.
    await valueOf(app.invoke('credentials:copy', { authId: created.authId, format: 'token' }))
    expect(app.clipboard.current()).toBe(await tokenOf(created.authId))
  })

  it('a reply lost before Vobiz applied it: said plainly, and it can be sent again', async () => {
    const { app } = await signedIn()
    const body = draft()
    suite.api.setFaults([{ kind: 'drop', when: 'before', method: 'POST', times: 1 }])
    expect(await create(app, body)).toMatchObject({
      ok: false,
      error: { kind: 'offline', message: expect.stringMatching(/not created/) },
    })
    expect(await accountsWith(body.email)).toBe(0)
    await valueOf(create(app, body))
    expect(await accountsWith(body.email)).toBe(1)
  })

  it('when the check itself fails, refuses to send the same email again until checked', async () => {
    const { app } = await signedIn()
    const body = draft()
    // The POST is applied and its reply lost; then Vobiz is unreachable for the lookup.
    suite.api.setFaults([
      { kind: 'drop', when: 'after', method: 'POST', times: 1 },
      { kind: 'drop', method: 'GET' },
    ])
    expect(await create(app, body)).toMatchObject({
      ok: false,
      error: { kind: 'unknown_outcome', message: expect.stringMatching(/Check again/) },
    })
    suite.api.setFaults([])
    expect(await create(app, body)).toMatchObject({
      ok: false,
      error: { kind: 'unknown_outcome' },
    })
    const checked = await valueOf<{ created: CreatedCustomer | null }>(
      app.invoke('customers:checkCreated', { email: body.email }),
    )
    expect(checked.created?.email).toBe(body.email)
    expect(await accountsWith(body.email)).toBe(1)
  })
})

describe('create customer after a failure before sending', () => {
  it('a create refused before its request (not signed in) does not block the next one', async () => {
    const app = suite.open(makeTempDir())
    // No session yet: the service fails when it asks for the active client.
    const first = await create(app, draft())
    expect(first).toMatchObject({ ok: false, error: { kind: 'unauthorized' } })
    await signInTo(app, suite.api)
    const body = draft()
    const second = await create(app, body)
    expect(second).toMatchObject({ ok: true, value: { email: body.email, recovered: false } })
  })
})

describe('create customer against an API that rejects a field', () => {
  it('puts known fields at the field and names the ones the form does not have', async () => {
    // A real HTTP server answering as a Vobiz that refuses two fields with 422.
    const server = createServer((req, res) => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify(body))
      }
      if (req.url?.startsWith('/api/v1/partner/me')) {
        return reply(200, {
          auth_id: 'PA_STUB',
          name: 'Stub Partner',
          can_create_accounts: true,
          max_accounts: 10,
          account_count: 0,
          balance: '10.00000',
          currency: 'INR',
        })
      }
      if (req.method === 'GET') return reply(200, { accounts: [], total: 0, page: 1, size: 100 })
      reply(422, {
        message: 'Request validation failed: timezone, referral_code.',
        errors: [
          { field: 'timezone', message: 'This time zone is not offered for the account.' },
          { field: 'referral_code', message: 'Field not permitted.' },
        ],
      })
    })
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    const app = suite.open(makeTempDir())
    try {
      await valueOf(
        app.invoke('session:signIn', {
          authId: 'PA_STUB',
          authToken: 'stub-token',
          baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        }),
      )
      const result = await create(app, draft({ timezone: 'Asia/Kolkata' }))
      expect(result).toMatchObject({
        ok: false,
        error: {
          kind: 'validation',
          message: expect.stringContaining('“referral_code”'),
          fields: {
            timezone: 'This time zone is not offered for the account.',
            referral_code: expect.stringContaining('Vobiz rejected “referral_code”'),
          },
        },
      })
    } finally {
      server.close()
    }
  })
})

async function tokenOf(authId: string): Promise<string> {
  const response = await fetch(`${suite.api.baseUrl}/api/v1/partner/accounts/${authId}`, {
    headers: {
      'X-Auth-ID': suite.api.credentials.authId,
      'X-Auth-Token': suite.api.credentials.authToken,
    },
  })
  return ((await response.json()) as { auth_token: string }).auth_token
}
