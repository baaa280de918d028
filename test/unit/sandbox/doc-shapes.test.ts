import { describe, expect, it } from 'vitest'
import { sandboxSuite } from '../../support/sandbox-suite'
import { docBody, docFixture } from '../../support/doc-fixtures'
import { partnerApi, type JsonReply } from './helpers'

// The sandbox answers with exactly the keys of the docs' examples (test/fixtures/vobiz-docs):
// nothing invented, nothing left out, nullable ones present as null.

type Shape = string | { [key: string]: Shape } | Shape[]

/** The key structure of a JSON value: objects by key, arrays by their first item. */
function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return value.length > 0 ? [shapeOf(value[0])] : []
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, shapeOf(item)] as const),
    )
  }
  return 'value'
}

/** Where two shapes differ; a null or an empty array stands for any shape (nullable, no items). */
function differences(actual: Shape, expected: Shape, path = '$'): string[] {
  if (typeof actual === 'string' || typeof expected === 'string') return []
  if (Array.isArray(actual) || Array.isArray(expected)) {
    if (!Array.isArray(actual) || !Array.isArray(expected)) return [`${path}: array vs object`]
    if (actual.length === 0 || expected.length === 0) return []
    return differences(actual[0]!, expected[0]!, `${path}[0]`)
  }
  const out: string[] = []
  for (const key of Object.keys(expected)) {
    if (!(key in actual)) out.push(`${path}.${key} missing`)
    else out.push(...differences(actual[key]!, expected[key]!, `${path}.${key}`))
  }
  for (const key of Object.keys(actual)) if (!(key in expected)) out.push(`${path}.${key} invented`)
  return out
}

const expectDocumented = (reply: JsonReply, fixture: string) => {
  expect(reply.status, fixture).toBe(docFixture(fixture).status)
  expect(differences(shapeOf(reply.body), shapeOf(docBody(fixture))), fixture).toEqual([])
}

describe('sandbox replies have the documented keys', () => {
  const suite = sandboxSuite({ customers: 60, seed: 7 })
  const api = () => partnerApi(suite.api)
  const firstCustomer = async () =>
    (
      (await api().get('/api/v1/partner/accounts?per_page=1')).body as {
        accounts: { auth_id: string }[]
      }
    ).accounts[0]!.auth_id

  it('profile, list, one customer, balance and dashboard', async () => {
    expectDocumented(await api().get('/api/v1/partner/me'), 'partner-me.page')
    expectDocumented(await api().get('/api/v1/partner/accounts?per_page=5'), 'accounts-list.page')
    const id = await firstCustomer()
    expectDocumented(await api().get(`/api/v1/partner/accounts/${id}`), 'account-get')
    expectDocumented(await api().get(`/api/v1/partner/accounts/${id}/balance`), 'account-balance')
    expectDocumented(await api().get('/api/v1/partner/dashboard'), 'dashboard')
  })

  it('create, transfer and both ledgers', async () => {
    const created = await api().post('/api/v1/partner/accounts', {
      name: 'Docs Shape',
      email: 'docs.shape@example.com',
      password: 'Str0ng!pass',
      country: 'IN',
    })
    expectDocumented(created, 'account-create')
    const id = await firstCustomer()
    const transfer = await api().post(`/api/v1/partner/accounts/${id}/transfer-balance`, {
      amount: 10.5,
      currency: 'INR',
      description: 'Shape [PD-SHAPE0000001]',
    })
    expectDocumented(transfer, 'transfer-balance')
    expectDocumented(
      await api().get(`/api/v1/partner/accounts/${id}/transactions`),
      'transactions-customer',
    )
    expectDocumented(await api().get('/api/v1/partner/transactions'), 'transactions-partner')
  })

  it('call records, one call and numbers (fixtures built from the page’s field lists)', async () => {
    const id = await firstCustomer()
    const list = await api().get(`/api/v1/partner/accounts/${id}/cdrs`)
    expectDocumented(list, 'cdrs-customer')
    const call = (list.body as { data: { uuid: string }[] }).data[0]!
    expectDocumented(await api().get(`/api/v1/partner/accounts/${id}/cdrs/${call.uuid}`), 'cdr-one')
    expectDocumented(await api().get('/api/v1/partner/numbers'), 'numbers')
  })

  it('the documented error bodies', async () => {
    expectDocumented(await api().get('/api/v1/partner/accounts/MA_NOTOURS'), 'error-http')
    const invalid = await api().post('/api/v1/partner/accounts', { name: 'No email' })
    expect(invalid.status).toBe(422)
    expect(differences(shapeOf(invalid.body), shapeOf(docBody('error-validation')))).toEqual([
      // pydantic's `input` is the docs' example only; the sandbox never echoes input back.
      '$.details[0].input missing',
    ])
    const id = await firstCustomer()
    expectDocumented(
      await api().post(`/api/v1/partner/accounts/${id}/transfer-balance`, {
        amount: 99_999_999,
        currency: 'INR',
      }),
      'error-insufficient-balance',
    )
    const wrong = partnerApi(suite.api, { authId: 'MA_NOBODY', authToken: 'nope' })
    expectDocumented(await wrong.get('/api/v1/auth/me'), 'error-auth-me')
  })

  it('KYC sessions: create, list, one, revoke and the 409 (fixtures built from the field lists)', async () => {
    const base = '/api/v1/partner/kyc-sessions'
    const created = await api().post(base, {
      account_auth_id: await firstCustomer(),
      customer_email: 'docs.shape@example.com',
      reminder_schedule: [{ trigger: 'days_before_expiry', value: 2 }],
    })
    expectDocumented(created, 'kyc-session-create')
    const id = (created.body as { session_id: string }).session_id
    expectDocumented(await api().get(base), 'kyc-sessions-list')
    expectDocumented(await api().get(`${base}/${id}`), 'kyc-session-get')
    expectDocumented(await api().send('DELETE', `${base}/${id}`), 'kyc-session-revoke')
    expectDocumented(await api().send('DELETE', `${base}/${id}`), 'error-kyc-conflict')
  })

  it('the sub-account replies and the account object', async () => {
    const parent = suite.api.credentials.authId
    const base = `/api/v1/accounts/${parent}/sub-accounts`
    const created = await api().post(`${base}/`, {
      name: 'Support desk',
      email: 'support@example.com',
      kyc_mode: 'customer_use',
    })
    expectDocumented(created, 'subaccount-create')
    const sub = (created.body as { sub_account: { auth_id: string } }).sub_account.auth_id
    expectDocumented(await api().get(`${base}/`), 'subaccount-list')
    expectDocumented(await api().get(`${base}/${sub}`), 'subaccount-get')
    expectDocumented(
      await api().send('PUT', `${base}/${sub}`, { enabled: false }),
      'subaccount-update',
    )
    expectDocumented(await api().send('DELETE', `${base}/${sub}`), 'subaccount-delete')
    // Every attribute of the account object is optional: the sandbox's are among them.
    const me = await api().get('/api/v1/auth/me')
    expect(me.status).toBe(200)
    expect(
      differences(shapeOf(me.body), shapeOf(docBody('account-object'))).filter((d) =>
        d.endsWith('invented'),
      ),
    ).toEqual([])
  })
})
