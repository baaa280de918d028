import { afterAll, beforeAll, beforeEach, expect } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox'
import { asObject, manualClock, partnerApi, type JsonReply } from './helpers'

/** Shared by the sandbox's sub-account tests (subaccounts-*.test.ts, not -auth). */

/** The sub-account object's fields, in the endpoint pages' order (plus the two KYC fields). */
export const SUB_ACCOUNT_FIELDS = [
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

export type SubAccount = {
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
export type Created = {
  message: string
  sub_account: SubAccount
  auth_credentials: { auth_id: string; auth_token: string }
  tokens: { access_token: string; refresh_token: string; token_type: string; expires_in: number }
}
export type SubAccountList = {
  sub_accounts: SubAccount[]
  total: number
  page: number
  size: number
}

export const PARTNER = 'PA_SANDBOX1'
/** The two documented bases of the sub-account routes. */
export const BASES = {
  'endpoint pages': (authId: string) => `/api/v1/accounts/${authId}/sub-accounts`,
  overview: (authId: string) => `/api/v1/Account/${authId}/Subaccount`,
}
export const subs = BASES['endpoint pages']

export const clock = manualClock(Date.UTC(2026, 10, 20, 9, 0))
// Set in beforeAll; importers see the running ones (live bindings).
export let sandbox: RunningSandbox
export let api: ReturnType<typeof partnerApi>

/** A sandbox for the test file (call at its top), reset with its clock before each test. */
export function useSubAccountsSandbox(): void {
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
}

export const create = (body: unknown, base = subs(PARTNER)) => api.post(`${base}/`, body)
export const created = async (body: Record<string, unknown>): Promise<Created> => {
  const reply = await create(body)
  expect(reply.status, JSON.stringify(reply.body)).toBe(201)
  return reply.body as Created
}
export const retrieve = (authId: string) => api.get(`${subs(PARTNER)}/${authId}`)
export const put = (authId: string, body: unknown) =>
  api.send('PUT', `${subs(PARTNER)}/${authId}`, body)
export const listOf = (reply: JsonReply): SubAccountList => {
  expect(reply.status, JSON.stringify(reply.body)).toBe(200)
  return reply.body as SubAccountList
}

/** A customer with no seeded sub-accounts, and a client with its own credentials. */
export async function freshCustomer() {
  const page = (await api.get('/api/v1/partner/accounts?per_page=12')).body as {
    accounts: { auth_id: string; enabled: boolean }[]
  }
  const owner = page.accounts.slice(3).find((a) => a.enabled)!
  const detail = asObject((await api.get(`/api/v1/partner/accounts/${owner.auth_id}`)).body)
  const credentials = { authId: owner.auth_id, authToken: String(detail.auth_token) }
  return { authId: owner.auth_id, api: partnerApi(sandbox, credentials) }
}

/** The partner and the seeded customers that own sub-accounts. */
export async function seededOwners() {
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
