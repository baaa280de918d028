import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { toCustomerDetail } from '../../../electron/main/customers/customer-detail-view'
import { toCustomerRow } from '../../../electron/main/customers/customer-rows'
import { toLedgerEntry } from '../../../electron/main/money/ledger-service'
import { toKycSessionView } from '../../../electron/main/onboarding/kyc-service'
import { toPartnerView } from '../../../electron/main/session/partner-view'
import { toSubAccountView } from '../../../electron/main/subaccounts/subaccount-views'
import { createVobizClient, type VobizClient } from '../../../electron/main/vobiz/vobiz-client'
import { exactDecimal } from '../../../shared/money'
import { docFixture, docFixtureNames, type DocFixture } from '../../support/doc-fixtures'
import { failure } from '../../support/sandbox-client'

// Every response example of ../shared/docs/vobiz/ (test/fixtures/vobiz-docs), served over real
// HTTP and read by the real client, then turned into what the app shows.

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

/** A client whose server answers every request with these fixtures, in order (the last repeats). */
async function clientServing(
  ...names: string[]
): Promise<{ client: VobizClient; paths: string[] }> {
  const fixtures: DocFixture[] = names.map(docFixture)
  const paths: string[] = []
  const server = createServer((req, res) => {
    paths.push(`${req.method} ${req.url}`)
    const fixture = fixtures.length > 1 ? fixtures.shift()! : fixtures[0]!
    res.writeHead(fixture.status, { 'Content-Type': 'application/json' })
    res.end(fixture.body === null ? '' : JSON.stringify(fixture.body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(() => new Promise((resolve) => server.close(() => resolve())))
  const { port } = server.address() as AddressInfo
  const client = createVobizClient({
    baseUrl: `http://127.0.0.1:${port}`,
    authId: 'PA_XXXXXXXX',
    authToken: 'docs-test-token',
    retryLimit: 0,
  })
  return { client, paths }
}

const at = new Date('2026-12-02T10:00:00Z')

describe('the documented replies', () => {
  it('has a fixture for every example, each naming its page, section and reading', () => {
    const names = docFixtureNames()
    expect(names.length).toBeGreaterThanOrEqual(23)
    for (const name of names) {
      const fixture = docFixture(name)
      expect(fixture.doc, name).toMatch(/\.(md|txt)$/)
      expect(fixture.section.length, name).toBeGreaterThan(3)
      expect(fixture.reading.length, name).toBeGreaterThan(3)
    }
  })

  it('reads the profile page example (no currency, balance a string)', async () => {
    const { client, paths } = await clientServing('partner-me.page')
    const view = toPartnerView(await client.getPartner(), at)
    expect(paths).toEqual(['GET /api/v1/partner/me'])
    expect(view).toMatchObject({
      authId: 'PA_XXXXXXXX',
      name: 'John Doe',
      company: 'Acme Corp',
      balance: '23906.83000',
      currency: null,
      isVerified: false,
      accountCount: 23,
      maxAccounts: 1000,
      permissions: { createAccounts: true, transferBalance: true, viewCdrs: true },
    })
  })

  it('reads the profile OpenAPI example (currency, balance a number, most fields missing)', async () => {
    const { client } = await clientServing('partner-me.openapi')
    const view = toPartnerView(await client.getPartner(), at)
    expect(view).toMatchObject({
      authId: 'PA_ABC123',
      name: 'Acme Reseller',
      balance: '50000.00000',
      currency: 'INR',
      isVerified: null,
      permissions: { transferBalance: false },
    })
  })

  it.each(['accounts-list.page', 'accounts-list.openapi'])('reads %s into rows', async (name) => {
    const { client, paths } = await clientServing(name)
    const list = await client.listAccounts({ page: 1, perPage: 20 })
    expect(paths).toEqual(['GET /api/v1/partner/accounts?page=1&per_page=20'])
    expect(list.size).toBe(20)
    const rows = list.accounts.map(toCustomerRow)
    expect(rows[0]).toEqual({
      authId: 'MA_XXXXXXXX',
      name: name.endsWith('page') ? 'John Doe' : 'Acme Corp',
      company: 'Acme Corp',
      email: name.endsWith('page') ? 'john@example.com' : 'admin@acme-corp.com',
      phone: '+919876543210',
      balance: '1300.00000',
      currency: 'INR',
      kycStatus: 'pending',
      enabled: true,
      active: true,
      createdAt: name.endsWith('page')
        ? '2026-05-06T07:12:40.437143+00:00'
        : '2026-03-25T10:00:00Z',
    })
    if (name.endsWith('openapi'))
      expect(rows[1]).toMatchObject({ authId: 'MA_YYYYYYYY', balance: '1107.00000' })
  })

  it('reads one customer into the drawer record, token and all', async () => {
    const { client, paths } = await clientServing('account-get')
    const account = await client.getAccount('MA_XXXXXXXX')
    expect(paths).toEqual(['GET /api/v1/partner/accounts/MA_XXXXXXXX'])
    expect(account.auth_token).toBe('<redacted>')
    expect(toCustomerDetail(account)).toMatchObject({
      authId: 'MA_XXXXXXXX',
      id: '500000',
      name: 'John Doe',
      cashCredits: '1300.00000',
      city: 'Bengaluru',
      timezone: 'Asia/Kolkata',
      cpsLimit: 1,
      concurrentCallsLimit: 4,
      lastLogin: '2026-05-06T07:16:47.457817+00:00',
    })
  })

  it('reads a customer balance with its wallet currency', async () => {
    const { client } = await clientServing('account-balance')
    const balance = await client.getBalance('MA_XXXXXXXX')
    expect(exactDecimal(balance.cash_credits)).toBe('1300.00000')
    expect(balance.currency).toBe('INR')
    expect(balance.updated_at).toBe('2026-05-07T11:54:13.620089+00:00')
  })

  it('reads the create reply (201) with its one-time token', async () => {
    const { client, paths } = await clientServing('account-create')
    const created = await client.createAccount({
      name: 'John Doe',
      email: 'john@example.com',
      password: 'Str0ng!pass',
      country: 'IN',
    } as Parameters<VobizClient['createAccount']>[0])
    expect(paths).toEqual(['POST /api/v1/partner/accounts'])
    expect(created).toMatchObject({
      auth_id: 'MA_XXXXXXXX',
      auth_token: '<redacted>',
      status: 'active',
    })
    expect(exactDecimal(created.balance)).toBe('0.00000')
  })

  it('reads the transfer reply: balances after as numbers, made exact', async () => {
    const { client } = await clientServing('transfer-balance')
    const reply = await client.transferBalance('MA_XXXXXXXX', {
      amount: 250.5,
      currency: 'INR',
      description: 'Partner Desk top-up [PD-0A1B2C3D4E5F]',
    })
    expect(reply.transaction_id).toBe('7f3c2a10-5b6e-4c1d-9a8b-0e1f2a3b4c5d')
    expect(exactDecimal(reply.partner_balance_after)).toBe('23656.33000')
    expect(exactDecimal(reply.customer_balance_after)).toBe('1550.50000')
  })

  it.each([
    ['transactions-customer', 'MA_XXXXXXXX', '/api/v1/partner/accounts/MA_XXXXXXXX/transactions'],
    ['transactions-partner', null, '/api/v1/partner/transactions'],
  ])('reads %s rows (no size, no transaction_id)', async (name, authId, path) => {
    const { client, paths } = await clientServing(name)
    const reply = await client.listTransactions(authId, { page: 1, perPage: 20, type: 'transfer' })
    expect(paths).toEqual([`GET ${path}?page=1&per_page=20&transaction_type=transfer`])
    expect(reply).toMatchObject({ page: 1, per_page: 20, total_pages: 1 })
    expect(reply.size ?? null).toBeNull()
    const entries = reply.transactions.map(toLedgerEntry)
    expect(entries[0]).toEqual({
      transactionId: '5a1e0c8e-7f6b-4a52-9c1d-2b3e4f5a6b7c',
      authId: 'MA_XXXXXXXX',
      type: 'credit',
      amount: '250.50000',
      currency: 'INR',
      description: 'Partner Desk top-up [PD-0A1B2C3D4E5F]',
      reference: 'PD-0A1B2C3D4E5F',
      status: 'completed',
      createdAt: '2026-05-11T13:31:06.283235Z',
    })
    expect(entries[1]).toMatchObject({ type: 'debit', amount: '12.34567' })
  })

  it('reads the dashboard: the partner currency and the total balance', async () => {
    const { client, paths } = await clientServing('dashboard')
    const dashboard = await client.getDashboard()
    expect(paths).toEqual(['GET /api/v1/partner/dashboard'])
    expect(dashboard.currency).toBe('INR')
    expect(exactDecimal(dashboard.total_balance)).toBe('48211.50000')
  })

  it('reads the sub-account replies: create, list, update, delete (200 and 204)', async () => {
    const { client, paths } = await clientServing(
      'subaccount-create',
      'subaccount-list',
      'subaccount-update',
      'subaccount-delete',
      'subaccount-delete.204',
    )
    const created = await client.createSubAccount('MA_XXXXXXXX', { name: 'Support desk' })
    expect(created.auth_credentials.auth_token).toBe('sub-token-shown-once-0123456789abcdef')
    const list = await client.listSubAccounts('MA_XXXXXXXX')
    const view = toSubAccountView(list.sub_accounts[0]!, false)
    expect(view).toMatchObject({
      authId: 'SA_XXXXXXXX',
      name: 'Support desk',
      kycMode: 'customer_use',
      callsBlocked: true,
      rateLimit: 100,
      permissions: { calls: true, cdr: true },
      lastUsed: null,
    })
    const updated = await client.updateSubAccount('MA_XXXXXXXX', 'SA_XXXXXXXX', { enabled: false })
    expect(toSubAccountView(updated, true)).toMatchObject({
      enabled: false,
      name: 'Support desk (night)',
    })
    await expect(client.deleteSubAccount('MA_XXXXXXXX', 'SA_XXXXXXXX')).resolves.toBeUndefined()
    await expect(client.deleteSubAccount('MA_XXXXXXXX', 'SA_XXXXXXXX')).resolves.toBeUndefined()
    expect(paths).toEqual([
      'POST /api/v1/accounts/MA_XXXXXXXX/sub-accounts/',
      'GET /api/v1/accounts/MA_XXXXXXXX/sub-accounts/?page=1&size=100',
      'PUT /api/v1/accounts/MA_XXXXXXXX/sub-accounts/SA_XXXXXXXX',
      'DELETE /api/v1/accounts/MA_XXXXXXXX/sub-accounts/SA_XXXXXXXX',
      'DELETE /api/v1/accounts/MA_XXXXXXXX/sub-accounts/SA_XXXXXXXX',
    ])
  })

  it('reads the account object at /api/v1/auth/me', async () => {
    const { client, paths } = await clientServing('account-object')
    const account = await client.getAccountObject('MA_XXXXXX')
    expect(paths).toEqual(['GET /api/v1/auth/me'])
    expect(account).toMatchObject({ id: 'MA_XXXXXX', auth_id: 'YOUR_AUTH_ID', enabled: true })
  })

  it('falls back to the older account path only when /api/v1/auth/me is a 404', async () => {
    const { client, paths } = await clientServing('error-http', 'account-object')
    await client.getAccountObject('MA_XXXXXX')
    expect(paths).toEqual(['GET /api/v1/auth/me', 'GET /api/v1/Account/MA_XXXXXX/'])
    const refused = await clientServing('error-auth-me')
    expect((await failure(refused.client.getAccountObject('SA_1'))).kind).toBe('unauthorized')
    expect(refused.paths).toEqual(['GET /api/v1/auth/me'])
  })

  it('reads the KYC session replies: create, list, one, revoke and the 409', async () => {
    const { client, paths } = await clientServing(
      'kyc-session-create',
      'kyc-sessions-list',
      'kyc-session-get',
      'kyc-session-revoke',
      'error-kyc-conflict',
    )
    const created = await client.createKycSession({ account_auth_id: 'MA_XXXXXXXX' })
    expect(created).toMatchObject({ status: 'email_sent', email_dispatched_to: 'j***@example.com' })
    const list = await client.listKycSessions({ page: 1, size: 20 })
    expect(list.total).toBe(1)
    const id = list.sessions[0]!.id
    expect(toKycSessionView(await client.getKycSession(id), at.getTime(), false)).toMatchObject({
      flow: 'email',
      status: 'kyc_completed',
      finished: true,
      expired: false,
      sentTo: 'j***@example.com',
      completedAt: '2026-05-06T11:30:00.000000+00:00',
      resendAllowedAt: null,
    })
    await expect(client.revokeKycSession(id)).resolves.toBeUndefined()
    expect((await failure(client.revokeKycSession(id))).kind).toBe('conflict')
    expect(paths).toEqual([
      'POST /api/v1/partner/kyc-sessions',
      'GET /api/v1/partner/kyc-sessions?page=1&size=20',
      `GET /api/v1/partner/kyc-sessions/${id}`,
      `DELETE /api/v1/partner/kyc-sessions/${id}`,
      `DELETE /api/v1/partner/kyc-sessions/${id}`,
    ])
  })

  it.each([
    ['error-http', 'not_found', /Account not found/, {}],
    ['error-forbidden', 'forbidden', /Balance transfer is not enabled/, {}],
    [
      'error-validation',
      'validation',
      /Request validation failed/,
      { email: 'Email already registered' },
    ],
    ['error-insufficient-balance', 'validation', /Insufficient balance/, {}],
  ])(
    'reads the error body %s as %s with its message and fields',
    async (name, kind, message, fields) => {
      const { client } = await clientServing(name)
      const error = await failure(
        client.transferBalance('MA_XXXXXXXX', { amount: 1, currency: 'INR', description: 'x' }),
      )
      expect(error.kind).toBe(kind)
      expect(error.message).toMatch(message)
      if (error.kind === 'validation') expect(error.fields).toEqual(fields)
    },
  )
})
