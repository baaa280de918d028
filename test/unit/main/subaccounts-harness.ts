import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { AppError } from '../../../shared/app-error'
import type { CopiedSecret } from '../../../shared/credentials'
import type { Result } from '../../../shared/result'
import type {
  SubAccountListView,
  SubAccountOwner,
  SubAccountView,
} from '../../../shared/subaccounts'
import { createAesGcmSafeStorage } from '../../support/aes-gcm-safe-storage'
import type { createAppHarness } from '../../support/app-harness'
import { signInTo, syncNow, valueOf } from '../../support/customers'
import { sandboxApi } from '../../support/sandbox-api'
import { sandboxSuite } from '../../support/sandbox-suite'
import { makeTempDir } from '../../support/temp-dir'

/** Shared by the sub-accounts tests of the app (subaccounts-*.test.ts). */

type App = ReturnType<typeof createAppHarness>

export const PARTNER: SubAccountOwner = { kind: 'partner' }
export const customer = (authId: string): SubAccountOwner => ({ kind: 'customer', authId })
export const CREATE_ROUTE = 'POST /api/v1/accounts/{auth_id}/sub-accounts'

/** The sub-account object as the sandbox serves it (the fields the app maps). */
type RawSubAccount = {
  auth_id: string
  auth_token: string
  name: string
  email: string | null
  phone: string | null
  description: string | null
  permissions: Record<string, boolean> | null
  rate_limit: number
  enabled: boolean
  kyc_mode: string
  kyc_calls_blocked: boolean
  created_at: string
  last_used: string | null
}
type Credentials = { authId: string; authToken: string }

/**
 * A sandbox for the test file (call at its top), the sandbox's own answers over HTTP
 * (independent of the app's client), and an app signed in to it.
 */
export function subAccountsSandbox() {
  const suite = sandboxSuite({ customers: 40, seed: 23 })

  const partnerCredentials = (): Credentials => suite.api.credentials

  async function call(
    path: string,
    credentials: Credentials,
    init: { method?: string; body?: unknown } = {},
  ): Promise<{ status: number; body: unknown }> {
    const response = await fetch(new URL(path, suite.api.baseUrl), {
      method: init.method ?? 'GET',
      headers: {
        'X-Auth-ID': credentials.authId,
        'X-Auth-Token': credentials.authToken,
        Accept: 'application/json',
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    })
    const text = await response.text()
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null }
  }

  /** Every sub-account of `parent` as the sandbox lists them, oldest first (all pages). */
  async function truthList(parent: string, credentials: Credentials): Promise<RawSubAccount[]> {
    const all: RawSubAccount[] = []
    for (let page = 1; ; page++) {
      const { status, body } = await call(
        `/api/v1/accounts/${parent}/sub-accounts/?page=${page}&size=100`,
        credentials,
      )
      expect(status).toBe(200)
      const reply = body as { sub_accounts: RawSubAccount[]; total: number }
      all.push(...reply.sub_accounts)
      if (reply.sub_accounts.length === 0 || all.length >= reply.total) return all
    }
  }
  const partnerTruth = () => truthList(partnerCredentials().authId, partnerCredentials())
  async function customerCredentials(authId: string): Promise<Credentials> {
    return { authId, authToken: await sandboxApi(suite.api).token(authId) }
  }

  /** GET /api/v1/Account/{SA}/ with a sub-account's own credentials: the status the sandbox gives. */
  const accountObjectStatus = async (authId: string, authToken: string) =>
    (await call(`/api/v1/Account/${authId}/`, { authId, authToken })).status

  async function signedIn(options: Parameters<typeof createAppHarness>[1] = {}) {
    const dir = makeTempDir()
    const app = suite.open(dir, options)
    const profileId = await signInTo(app, suite.api)
    expect((await syncNow(app)).state).toBe('idle')
    const customers = await sandboxApi(suite.api).authIds()
    return { dir, app, profileId, customers }
  }

  return {
    suite,
    partnerCredentials,
    call,
    truthList,
    partnerTruth,
    customerCredentials,
    accountObjectStatus,
    signedIn,
  }
}

/** What the app should show for a sandbox sub-account, written out field by field. */
export const expectedView = (raw: RawSubAccount, tokenKept = false): SubAccountView => ({
  authId: raw.auth_id,
  name: raw.name,
  email: raw.email,
  phone: raw.phone,
  description: raw.description,
  enabled: raw.enabled,
  kycMode: raw.kyc_mode,
  callsBlocked: raw.kyc_calls_blocked,
  rateLimit: raw.rate_limit,
  permissions: raw.permissions,
  createdAt: raw.created_at,
  lastUsed: raw.last_used,
  tokenKept,
})

// ---- the app ----

export const list = (app: App, owner: SubAccountOwner) =>
  valueOf<SubAccountListView>(app.invoke('subaccounts:list', { owner }))
export const create = (app: App, owner: SubAccountOwner, draft: Record<string, unknown>) =>
  app.invoke('subaccounts:create', { owner, draft })
export const created = async (app: App, owner: SubAccountOwner, draft: Record<string, unknown>) =>
  valueOf<{ subAccount: SubAccountView; tokenKeeping: string }>(create(app, owner, draft))
export const update = (app: App, owner: SubAccountOwner, authId: string, patch: object) =>
  app.invoke('subaccounts:update', { owner, authId, patch })
export const remove = (app: App, owner: SubAccountOwner, authId: string) =>
  app.invoke('subaccounts:delete', { owner, authId })
export const copy = (app: App, authId: string, format: 'token' | 'env' = 'token') =>
  app.invoke('subaccounts:copy', { owner: PARTNER, authId, format })
export const reveal = (app: App, authId: string) =>
  app.invoke('subaccounts:reveal', { owner: PARTNER, authId })
export const verify = (app: App, authId: string) =>
  valueOf<{ accepted: boolean; message: string }>(
    app.invoke('subaccounts:verify', { owner: PARTNER, authId }),
  )

export async function failure(pending: Promise<Result<unknown>>): Promise<AppError> {
  const result = await pending
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`)
  return result.error
}

/** The token a sub-account created here has, as copying puts it on the clipboard. */
export async function copiedToken(app: App, authId: string): Promise<string> {
  await valueOf<CopiedSecret>(copy(app, authId))
  return app.clipboard.current()
}

/** The sub-account tokens file, decrypted with the stand-in keyring: what is kept on disk. */
export async function keptOnDisk(dir: string, profileId: string): Promise<Record<string, string>> {
  const safeStorage = createAesGcmSafeStorage({
    keyFile: join(dir, 'stand-in-keyring', 'key'),
    status: 'available',
  })
  const cipher = readFileSync(join(dir, 'secrets', `${profileId}.subaccount-tokens`))
  const file = JSON.parse(await safeStorage.decrypt(cipher)) as {
    format: string
    tokens: Record<string, string>
  }
  expect(file.format).toBe('partner-desk/subaccount-tokens')
  return file.tokens
}

let unique = 0
export const email = () => `ops.${Date.now().toString(36)}.${unique++}@example.com`
