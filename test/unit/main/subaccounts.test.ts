import { existsSync, readFileSync } from 'node:fs'
import { join, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AppError } from '../../../shared/app-error'
import type { CopiedSecret, RevealedToken } from '../../../shared/credentials'
import type { Result } from '../../../shared/result'
import type {
  SubAccountListView,
  SubAccountOwner,
  SubAccountView,
} from '../../../shared/subaccounts'
import { createAesGcmSafeStorage } from '../../support/aes-gcm-safe-storage'
import type { createAppHarness } from '../../support/app-harness'
import { signInTo, syncNow, valueOf } from '../../support/customers'
import { heldReplies } from '../../support/held-replies'
import { sandboxApi } from '../../support/sandbox-api'
import { sandboxSuite } from '../../support/sandbox-suite'
import { filesContaining, makeTempDir, readAllFiles } from '../../support/temp-dir'

const suite = sandboxSuite({ customers: 40, seed: 23 })
type App = ReturnType<typeof createAppHarness>

const PARTNER: SubAccountOwner = { kind: 'partner' }
const customer = (authId: string): SubAccountOwner => ({ kind: 'customer', authId })
const CREATE_ROUTE = 'POST /api/v1/accounts/{auth_id}/sub-accounts'

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

// ---- the sandbox's own answers, over HTTP, independent of the app's client ----

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

/** What the app should show for a sandbox sub-account, written out field by field. */
const expectedView = (raw: RawSubAccount, tokenKept = false): SubAccountView => ({
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

/** Node's real fetch, keeping the create replies (to know the JWTs the app must drop). */
function recordingFetch() {
  const createReplies: string[] = []
  const wrapped = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init)
    const response = await fetch(input, init)
    if (request.method === 'POST' && /\/sub-accounts\/?$/.test(new URL(request.url).pathname)) {
      createReplies.push(await response.clone().text())
    }
    return response
  }) as typeof fetch
  return { fetch: wrapped, createReplies }
}

async function signedIn(options: Parameters<typeof createAppHarness>[1] = {}) {
  const dir = makeTempDir()
  const app = suite.open(dir, options)
  const profileId = await signInTo(app, suite.api)
  expect((await syncNow(app)).state).toBe('idle')
  const customers = await sandboxApi(suite.api).authIds()
  return { dir, app, profileId, customers }
}

const list = (app: App, owner: SubAccountOwner) =>
  valueOf<SubAccountListView>(app.invoke('subaccounts:list', { owner }))
const create = (app: App, owner: SubAccountOwner, draft: Record<string, unknown>) =>
  app.invoke('subaccounts:create', { owner, draft })
const created = async (app: App, owner: SubAccountOwner, draft: Record<string, unknown>) =>
  valueOf<{ subAccount: SubAccountView; tokenKeeping: string }>(create(app, owner, draft))
const update = (app: App, owner: SubAccountOwner, authId: string, patch: object) =>
  app.invoke('subaccounts:update', { owner, authId, patch })
const remove = (app: App, owner: SubAccountOwner, authId: string) =>
  app.invoke('subaccounts:delete', { owner, authId })
const copy = (app: App, authId: string, format: 'token' | 'env' = 'token') =>
  app.invoke('subaccounts:copy', { owner: PARTNER, authId, format })
const reveal = (app: App, authId: string) =>
  app.invoke('subaccounts:reveal', { owner: PARTNER, authId })
const verify = (app: App, authId: string) =>
  valueOf<{ accepted: boolean; message: string }>(
    app.invoke('subaccounts:verify', { owner: PARTNER, authId }),
  )

async function failure(pending: Promise<Result<unknown>>): Promise<AppError> {
  const result = await pending
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`)
  return result.error
}

/** The token a sub-account created here has, as copying puts it on the clipboard. */
async function copiedToken(app: App, authId: string): Promise<string> {
  await valueOf<CopiedSecret>(copy(app, authId))
  return app.clipboard.current()
}

/** The sub-account tokens file, decrypted with the stand-in keyring: what is kept on disk. */
async function keptOnDisk(dir: string, profileId: string): Promise<Record<string, string>> {
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
const email = () => `ops.${Date.now().toString(36)}.${unique++}@example.com`

describe('sub-account lists', () => {
  it("lists the partner's seeded sub-accounts with every field mapped, oldest first", async () => {
    const { app } = await signedIn()
    const truth = await partnerTruth()
    const reply = await list(app, PARTNER)
    expect(reply.source).toBe('network')
    expect(reply.fetchedAt).not.toBeNull()
    expect(reply.subAccounts).toEqual(truth.map((raw) => expectedView(raw)))
    // The seeded three, spelled out (the mapping above could be wrong in the same way twice).
    const byName = Object.fromEntries(reply.subAccounts.map((s) => [s.name, s]))
    expect(Object.keys(byName).sort()).toEqual(['Kiran Traders', 'Staging', 'Support Team'])
    expect(byName['Support Team']).toMatchObject({
      email: 'support@sandbox-telecom.example',
      phone: '+919800012346',
      description: 'Support-facing voice workload',
      permissions: { calls: true, cdr: true },
      rateLimit: 500,
      enabled: true,
      kycMode: 'personal_use',
      callsBlocked: false,
      tokenKept: false,
    })
    expect(byName['Staging']).toMatchObject({
      enabled: false,
      email: null,
      permissions: null,
      rateLimit: 1000,
      callsBlocked: false,
    })
    expect(byName['Kiran Traders']).toMatchObject({
      kycMode: 'customer_use',
      callsBlocked: true,
      enabled: true,
      permissions: { calls: true, cdr: false },
    })
    for (const sub of reply.subAccounts) {
      expect(sub.authId).toMatch(/^SA_[A-Z0-9]{8}$/)
      expect(sub.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/)
      expect(sub.tokenKept).toBe(false)
    }
    // No token crosses in a list (the sandbox masks it anyway; the view has no such field).
    expect(JSON.stringify(reply)).not.toContain('auth_token')
  })

  it('reads every page: more than one page of sub-accounts all arrive, in order', async () => {
    const { app } = await signedIn()
    for (let i = 0; i < 101; i++) {
      const { status } = await call(
        `/api/v1/accounts/${partnerCredentials().authId}/sub-accounts/`,
        partnerCredentials(),
        { method: 'POST', body: { name: `Bulk ${i}` } },
      )
      expect(status).toBe(201)
    }
    const truth = await partnerTruth()
    expect(truth).toHaveLength(104)
    const reply = await list(app, PARTNER)
    expect(reply.subAccounts.map((s) => s.authId)).toEqual(truth.map((s) => s.auth_id))
    expect(reply.subAccounts.at(-1)?.name).toBe('Bulk 100')
  })

  it("lists a customer's sub-accounts with the customer's own credentials", async () => {
    const { app, customers } = await signedIn()
    for (const authId of customers.slice(0, 3)) {
      const truth = await truthList(authId, await customerCredentials(authId))
      expect(truth).toHaveLength(2)
      const reply = await list(app, customer(authId))
      expect(reply.source).toBe('network')
      expect(reply.subAccounts).toEqual(truth.map((raw) => expectedView(raw)))
    }
    // The second customer's pair: one disabled, one customer_use that passed KYC.
    const second = await list(app, customer(customers[1]!))
    expect(second.subAccounts.map((s) => [s.name, s.enabled, s.callsBlocked]).sort()).toEqual([
      ['Bluebird Clinics', true, false],
      ['Collections', false, false],
    ])
    // Customers past the seeded three have none.
    expect((await list(app, customer(customers[10]!))).subAccounts).toEqual([])
    // Each owner's list is its own: the partner's are not mixed in.
    const partnerIds = (await list(app, PARTNER)).subAccounts.map((s) => s.authId)
    const firstIds = (await list(app, customer(customers[0]!))).subAccounts.map((s) => s.authId)
    expect(firstIds.filter((id) => partnerIds.includes(id))).toEqual([])
  })

  it('works for a customer whose token is not stored yet (read from Vobiz first)', async () => {
    // No sync: the customer token is read from the partner API on demand.
    const dir = makeTempDir()
    const app = suite.open(dir)
    await signInTo(app, suite.api)
    const [first] = await sandboxApi(suite.api).authIds()
    const truth = await truthList(first!, await customerCredentials(first!))
    expect((await list(app, customer(first!))).subAccounts).toEqual(
      truth.map((raw) => expectedView(raw)),
    )
  })
})

describe('create a sub-account', () => {
  it('creates it, keeps only its token (encrypted), drops the JWTs, and never writes either in clear', async () => {
    const recording = recordingFetch()
    const { dir, app, profileId } = await signedIn({ fetch: recording.fetch })
    const before = await partnerTruth()
    const address = email()
    const password = 'S3cret-pass-never-kept'
    const reply = await created(app, PARTNER, {
      name: '  Ops Bot  ',
      email: address,
      phone: '+919812300000',
      description: 'Night shift',
      rateLimit: 200,
      permissions: { calls: true, cdr: false },
      password,
    })
    expect(reply.tokenKeeping).toBe('encrypted')
    expect(reply.subAccount).toMatchObject({
      name: 'Ops Bot',
      email: address,
      phone: '+919812300000',
      description: 'Night shift',
      rateLimit: 200,
      permissions: { calls: true, cdr: false },
      enabled: true,
      kycMode: 'personal_use',
      callsBlocked: false,
      tokenKept: true,
    })
    const { authId } = reply.subAccount
    // The sandbox has exactly that one more, as the app shows it.
    const after = await partnerTruth()
    expect(after).toHaveLength(before.length + 1)
    const raw = after.find((s) => s.auth_id === authId)!
    expect(reply.subAccount).toEqual(expectedView(raw, true))

    // The create reply as Vobiz sent it: its token and JWTs.
    expect(recording.createReplies).toHaveLength(1)
    const sent = JSON.parse(recording.createReplies[0]!) as {
      auth_credentials: { auth_id: string; auth_token: string }
      tokens: { access_token: string; refresh_token: string }
    }
    expect(sent.auth_credentials.auth_id).toBe(authId)
    const token = sent.auth_credentials.auth_token
    const jwts = [sent.tokens.access_token, sent.tokens.refresh_token]
    expect(jwts.every((jwt) => jwt.startsWith('eyJ'))).toBe(true)
    for (const secret of [token, ...jwts]) expect(JSON.stringify(reply)).not.toContain(secret)

    // Copy puts exactly that token on the clipboard, and the sandbox accepts it.
    const copied = await valueOf<CopiedSecret>(copy(app, authId))
    expect(copied.source).toBe('stored')
    expect(app.clipboard.current()).toBe(token)
    expect(Object.keys(app.clipboard.formats())).toEqual([
      'electron application/osclipboard;format="x-kde-passwordManagerHint"',
    ])
    expect(await accountObjectStatus(authId, app.clipboard.current())).toBe(200)
    expect(app.eventsOf('clipboard:cleared')).toEqual([])
    await valueOf(copy(app, authId, 'env'))
    expect(app.clipboard.current()).toBe(`VOBIZ_AUTH_ID=${authId} VOBIZ_AUTH_TOKEN=${token}`)
    expect(await valueOf<RevealedToken>(reveal(app, authId))).toEqual({
      token,
      hideAfterMs: 15_000,
    })
    expect(await verify(app, authId)).toEqual({
      accepted: true,
      message: 'Vobiz accepts these credentials.',
    })

    // On disk: the token only inside the encrypted file, the JWTs and the password nowhere.
    expect(await keptOnDisk(dir, profileId)).toEqual({ [authId]: token })
    const log = join(dir, 'logs', 'main.log')
    expect(readFileSync(log, 'utf8')).toContain('sub-account created')
    for (const secret of [token, ...jwts, password]) {
      expect(filesContaining(dir, secret)).toEqual([])
      expect(readFileSync(log, 'utf8')).not.toContain(secret)
    }
    // No JWT of any kind in the plain files (ciphertext is left out: random bytes may hold "eyJ").
    const plain = readAllFiles(dir).filter(
      ({ path }) => !path.includes(`${sep}secrets${sep}`) && !path.includes('stand-in-keyring'),
    )
    expect(plain.map(({ path }) => path)).toContain(log)
    expect(plain.filter(({ content }) => content.includes('eyJ')).map(({ path }) => path)).toEqual(
      [],
    )

    // The list shows it as kept; a restart keeps it (decrypted from disk, no request).
    const listed = await list(app, PARTNER)
    expect(listed.subAccounts.find((s) => s.authId === authId)?.tokenKept).toBe(true)
    expect(listed.subAccounts.filter((s) => s.tokenKept)).toHaveLength(1)
    await app.close()
    const again = suite.open(dir)
    suite.api.setFaults([{ kind: 'drop' }])
    await valueOf(copy(again, authId))
    expect(again.clipboard.current()).toBe(token)
  })

  it('checks the form first: nothing is sent and nothing is created', async () => {
    const { app } = await signedIn()
    const before = (await partnerTruth()).length
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ name: 'Kyc', kycMode: 'customer_use' }, 'email'],
      [{ name: 'Kyc', kycMode: 'customer_use', email: '  ' }, 'email'],
      [{ name: 'Mail', email: 'not-an-email' }, 'email'],
      [{ name: 'Rate', rateLimit: 0 }, 'rateLimit'],
      [{ name: 'Rate', rateLimit: 1.5 }, 'rateLimit'],
      [{ name: 'Rate', rateLimit: 1_000_001 }, 'rateLimit'],
      [{ name: 'Rate', rateLimit: '100' }, 'rateLimit'],
      [{ name: 'Pass', password: 'short' }, 'password'],
      [{ name: 'Mode', kycMode: 'business' }, 'kycMode'],
    ]
    for (const [draft, field] of cases) {
      const error = await failure(create(app, PARTNER, draft))
      expect(error.kind, JSON.stringify(draft)).toBe('validation')
      if (error.kind !== 'validation') continue
      expect(Object.keys(error.fields), JSON.stringify(draft)).toContain(field)
    }
    const kyc = await failure(create(app, PARTNER, { name: 'Kyc', kycMode: 'customer_use' }))
    expect(kyc).toMatchObject({
      kind: 'validation',
      fields: { email: expect.stringContaining('needs an email') },
    })
    expect(await failure(create(app, PARTNER, { name: 'Pass', password: 'short' }))).toMatchObject({
      fields: { password: 'At least 8 characters.' },
    })
    // An unknown field is refused too (the form sends only its own).
    expect(await failure(create(app, PARTNER, { name: 'X', auth_token: 'mine' }))).toMatchObject({
      kind: 'validation',
    })
    expect(await partnerTruth()).toHaveLength(before)
    expect(suite.api.state().requests[CREATE_ROUTE]).toBeUndefined()
  })

  it('a phone written as the form suggests (+91 98123 45678) is accepted by Vobiz', async () => {
    const { app } = await signedIn()
    const reply = await created(app, PARTNER, { name: 'Spaced phone', phone: '+91 98123 45678' })
    expect(reply.subAccount.phone).toBe('+919812345678')
    const raw = (await partnerTruth()).find((s) => s.auth_id === reply.subAccount.authId)!
    expect(raw.phone).toBe('+919812345678')
    // Without the country code the form refuses it itself (the same E.164 rule as Vobiz's,
    // shared/vobiz-rules.ts), before asking Vobiz.
    const before = suite.api.state().requests[CREATE_ROUTE]
    expect(await failure(create(app, PARTNER, { name: 'Local', phone: '98123 45678' }))).toEqual({
      kind: 'validation',
      message: expect.any(String),
      fields: {
        phone: 'Enter a phone number with + and the country code, such as +91 98123 45678.',
      },
    })
    expect(suite.api.state().requests[CREATE_ROUTE]).toBe(before)
  })

  it('a customer_use sub-account is created call-blocked until its own KYC', async () => {
    const { app } = await signedIn()
    const address = email()
    const reply = await created(app, PARTNER, {
      name: 'Reseller client',
      email: address,
      kycMode: 'customer_use',
    })
    expect(reply.subAccount).toMatchObject({
      kycMode: 'customer_use',
      callsBlocked: true,
      email: address,
      tokenKept: true,
    })
    const raw = (await partnerTruth()).find((s) => s.auth_id === reply.subAccount.authId)!
    expect(raw).toMatchObject({ kyc_mode: 'customer_use', kyc_calls_blocked: true })
  })

  it("creates under a customer's account with its credentials, and the token is kept too", async () => {
    const { app, customers } = await signedIn()
    const owner = customers[0]!
    const reply = await created(app, customer(owner), { name: 'Customer team' })
    const { authId } = reply.subAccount
    const truth = await truthList(owner, await customerCredentials(owner))
    expect(truth.map((s) => s.auth_id)).toContain(authId)
    expect(truth.find((s) => s.auth_id === authId)).toMatchObject({ name: 'Customer team' })
    // Not under the partner.
    expect((await partnerTruth()).map((s) => s.auth_id)).not.toContain(authId)
    const token = await copiedToken(app, authId)
    expect(await accountObjectStatus(authId, token)).toBe(200)
    expect((await list(app, customer(owner))).subAccounts.at(-1)).toMatchObject({
      authId,
      tokenKept: true,
    })
  })

  it('a lost create reply (applied by Vobiz) is an unknown outcome, never retried', async () => {
    const { app } = await signedIn()
    const before = await partnerTruth()
    suite.api.setFaults([{ kind: 'drop', when: 'after', method: 'POST', times: 1 }])
    const error = await failure(create(app, PARTNER, { name: 'Lost reply' }))
    expect(error.kind).toBe('unknown_outcome')
    expect(error.message).toContain('Refresh the list')
    expect(suite.api.state().requests[CREATE_ROUTE]).toBe(1)
    const after = await partnerTruth()
    expect(after).toHaveLength(before.length + 1)
    expect(after.filter((s) => s.name === 'Lost reply')).toHaveLength(1)
    // Its token never arrived: the list shows it as not kept, and copy says so.
    const lost = (await list(app, PARTNER)).subAccounts.find((s) => s.name === 'Lost reply')!
    expect(lost.tokenKept).toBe(false)
    expect(await failure(copy(app, lost.authId))).toMatchObject({ kind: 'not_found' })
  })

  it('a create refused by the server: its field message is shown at the form field', async () => {
    // The form checks the sandbox's own rules (shared/vobiz-rules.ts), so the sandbox refuses
    // nothing the form passes: Vobiz stands in here with a rule of its own the form does not know,
    // answering with the documented 422 (more-endpoints.md, quirks).
    const posted: string[] = []
    const refusing: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input)
      const method = (input instanceof Request ? input.method : init?.method) ?? 'GET'
      if (method.toUpperCase() === 'POST' && /\/sub-accounts\/?$/.test(new URL(url).pathname)) {
        posted.push(url)
        return new Response(
          JSON.stringify({
            error: 'ValidationError',
            message: 'Request validation failed',
            details: [
              {
                type: 'value_error',
                loc: ['body', 'email'],
                msg: 'This email domain is not accepted.',
              },
            ],
            status_code: 422,
          }),
          { status: 422, headers: { 'Content-Type': 'application/json' } },
        )
      }
      return fetch(input, init)
    }
    const { app } = await signedIn({ fetch: refusing })
    const before = await partnerTruth()
    const error = await failure(create(app, PARTNER, { name: 'Odd mail', email: 'ops@b.in' }))
    expect(error).toMatchObject({
      kind: 'validation',
      fields: { email: 'This email domain is not accepted.' },
    })
    expect(posted).toHaveLength(1)
    expect(await partnerTruth()).toEqual(before)
  })
})

describe('update, verify and delete', () => {
  it('renames and disables: the view and the list follow; verify says 403, then accepted again', async () => {
    const { app } = await signedIn()
    const { subAccount } = await created(app, PARTNER, { name: 'Will change' })
    const { authId } = subAccount
    await list(app, PARTNER)
    const changed = await valueOf<SubAccountView>(
      update(app, PARTNER, authId, { name: 'Changed', enabled: false }),
    )
    expect(changed).toMatchObject({ authId, name: 'Changed', enabled: false, tokenKept: true })
    const raw = (await partnerTruth()).find((s) => s.auth_id === authId)!
    expect(raw).toMatchObject({ name: 'Changed', enabled: false })
    expect(changed).toEqual(expectedView(raw, true))
    expect((await list(app, PARTNER)).subAccounts.find((s) => s.authId === authId)).toEqual(changed)

    const refused = await verify(app, authId)
    expect(refused.accepted).toBe(false)
    expect(refused.message).toContain('403')
    expect(refused.message).toContain('disabled')
    // The sandbox agrees: the token is right, the sub-account blocked.
    expect(await accountObjectStatus(authId, await copiedToken(app, authId))).toBe(403)

    const enabled = await valueOf<SubAccountView>(update(app, PARTNER, authId, { enabled: true }))
    expect(enabled).toMatchObject({ name: 'Changed', enabled: true })
    expect(await verify(app, authId)).toMatchObject({ accepted: true })
  })

  it('the saved list follows an update even while offline afterwards', async () => {
    const { app } = await signedIn()
    const [first] = (await list(app, PARTNER)).subAccounts
    await valueOf(update(app, PARTNER, first!.authId, { name: 'Renamed seeded' }))
    suite.api.setFaults([{ kind: 'drop' }])
    const saved = await list(app, PARTNER)
    expect(saved.source).toBe('saved')
    expect(saved.subAccounts[0]).toMatchObject({ authId: first!.authId, name: 'Renamed seeded' })
  })

  it("updates a customer's sub-account with the customer's credentials", async () => {
    const { app, customers } = await signedIn()
    const owner = customers[1]!
    const disabled = (await list(app, customer(owner))).subAccounts.find((s) => !s.enabled)!
    const view = await valueOf<SubAccountView>(
      update(app, customer(owner), disabled.authId, { enabled: true }),
    )
    expect(view).toMatchObject({ authId: disabled.authId, enabled: true, tokenKept: false })
    const truth = await truthList(owner, await customerCredentials(owner))
    expect(truth.find((s) => s.auth_id === disabled.authId)?.enabled).toBe(true)
  })

  it('an empty or unknown patch is refused before any request', async () => {
    const { app } = await signedIn()
    const [first] = (await list(app, PARTNER)).subAccounts
    for (const patch of [{}, { email: 'x@example.com' }, { name: '' }]) {
      expect(await failure(update(app, PARTNER, first!.authId, patch))).toMatchObject({
        kind: 'validation',
      })
    }
    expect(
      suite.api.state().requests['PUT /api/v1/accounts/{auth_id}/sub-accounts/{sub_auth_id}'],
    ).toBeUndefined()
  })

  it('updating an unknown sub-account is not found', async () => {
    const { app } = await signedIn()
    expect(await failure(update(app, PARTNER, 'SA_NOPE0000', { name: 'x' }))).toMatchObject({
      kind: 'not_found',
    })
  })

  it('deletes it: gone from Vobiz and the list, its token gone from this computer and refused', async () => {
    const { dir, app, profileId } = await signedIn()
    const keep = await created(app, PARTNER, { name: 'Stays' })
    const { subAccount } = await created(app, PARTNER, { name: 'Goes away' })
    const { authId } = subAccount
    await list(app, PARTNER)
    const token = await copiedToken(app, authId)
    expect(await accountObjectStatus(authId, token)).toBe(200)

    expect(await valueOf(remove(app, PARTNER, authId))).toEqual({ deleted: true })
    expect((await partnerTruth()).map((s) => s.auth_id)).not.toContain(authId)
    expect((await list(app, PARTNER)).subAccounts.map((s) => s.authId)).not.toContain(authId)
    const gone = await failure(copy(app, authId))
    expect(gone.kind).toBe('not_found')
    expect(gone.message).toContain(authId)
    expect((await failure(reveal(app, authId))).kind).toBe('not_found')
    expect((await failure(app.invoke('subaccounts:verify', { owner: PARTNER, authId }))).kind).toBe(
      'not_found',
    )
    // The encrypted file keeps only the other one.
    expect(Object.keys(await keptOnDisk(dir, profileId))).toEqual([keep.subAccount.authId])
    // The sandbox refuses the deleted sub-account's credentials.
    expect(await accountObjectStatus(authId, token)).toBe(401)
    // Offline, the saved list does not bring it back.
    suite.api.setFaults([{ kind: 'drop' }])
    const saved = await list(app, PARTNER)
    expect(saved.source).toBe('saved')
    expect(saved.subAccounts.map((s) => s.authId)).not.toContain(authId)
    expect(saved.subAccounts.map((s) => s.authId)).toContain(keep.subAccount.authId)
  })

  it('deleting an unknown (or already deleted) sub-account is not found, said plainly', async () => {
    const { app } = await signedIn()
    const error = await failure(remove(app, PARTNER, 'SA_NOPE0000'))
    expect(error.kind).toBe('not_found')
    expect(error.message).toContain('SA_NOPE0000')
    expect(error.message).toContain('deleted already')
    const { subAccount } = await created(app, PARTNER, { name: 'Twice' })
    await valueOf(remove(app, PARTNER, subAccount.authId))
    expect((await failure(remove(app, PARTNER, subAccount.authId))).kind).toBe('not_found')
  })

  it("deletes a customer's sub-account with the customer's credentials", async () => {
    const { app, customers } = await signedIn()
    const owner = customers[2]!
    const [first] = (await list(app, customer(owner))).subAccounts
    await valueOf(remove(app, customer(owner), first!.authId))
    const truth = await truthList(owner, await customerCredentials(owner))
    expect(truth.map((s) => s.auth_id)).not.toContain(first!.authId)
    expect(truth).toHaveLength(1)
    // The partner's path does not know it (another parent's sub-account).
    expect((await failure(remove(app, PARTNER, truth[0]!.auth_id))).kind).toBe('not_found')
  })

  it('a seeded sub-account (created elsewhere) has no token here: copy, reveal and verify say so', async () => {
    const { app } = await signedIn()
    const [seeded] = (await list(app, PARTNER)).subAccounts
    for (const pending of [
      copy(app, seeded!.authId),
      copy(app, seeded!.authId, 'env'),
      reveal(app, seeded!.authId),
      app.invoke('subaccounts:verify', { owner: PARTNER, authId: seeded!.authId }),
    ]) {
      const error = await failure(pending)
      expect(error.kind).toBe('not_found')
      expect(error.message).toContain(`The Auth Token of ${seeded!.authId} is not on this computer`)
    }
    expect(app.clipboard.current()).toBe('')
  })
})

describe('offline and refused credentials', () => {
  it('offline, the list saved last time (per owner); an owner never listed is an offline error', async () => {
    const { app, customers } = await signedIn()
    const online = await list(app, PARTNER)
    const customerOnline = await list(app, customer(customers[0]!))
    suite.api.setFaults([{ kind: 'drop' }])
    const saved = await list(app, PARTNER)
    expect(saved).toEqual({ ...online, source: 'saved' })
    expect(await list(app, customer(customers[0]!))).toEqual({
      ...customerOnline,
      source: 'saved',
    })
    for (const owner of [customer(customers[1]!), customer('MA_NOPE0000')]) {
      expect((await failure(app.invoke('subaccounts:list', { owner }))).kind).toBe('offline')
    }
  })

  it('offline across a restart: the saved list is read from disk', async () => {
    const { dir, app } = await signedIn()
    const { subAccount } = await created(app, PARTNER, { name: 'Made online' })
    const online = await list(app, PARTNER)
    expect(online.subAccounts.at(-1)?.authId).toBe(subAccount.authId)
    await app.close()
    suite.api.setFaults([{ kind: 'drop' }])
    const again = suite.open(dir)
    expect(await list(again, PARTNER)).toEqual({ ...online, source: 'saved' })
  })

  it('a create made after the list is added to the saved list at once', async () => {
    const { app } = await signedIn()
    await list(app, PARTNER)
    const { subAccount } = await created(app, PARTNER, { name: 'Added' })
    suite.api.setFaults([{ kind: 'drop' }])
    const saved = await list(app, PARTNER)
    expect(saved.subAccounts.at(-1)).toEqual(subAccount)
  })

  it('a customer whose token Vobiz refuses (401): forbidden, naming the customer', async () => {
    const { app, customers } = await signedIn()
    const owner = customers[0]!
    suite.api.setFaults([{ kind: 'status', status: 401, path: `/accounts/${owner}/sub-accounts` }])
    for (const pending of [
      app.invoke('subaccounts:list', { owner: customer(owner) }),
      create(app, customer(owner), { name: 'Refused' }),
    ]) {
      const error = await failure(pending)
      expect(error.kind).toBe('forbidden')
      expect(error.message).toContain(owner)
    }
    // Still signed in: the partner's own credentials were not the ones refused.
    expect((await list(app, PARTNER)).source).toBe('network')
  })

  it('a disabled customer (403 for its own credentials): forbidden, naming the customer', async () => {
    const { app } = await signedIn()
    const page = (await call(
      '/api/v1/partner/accounts?page=1&per_page=100',
      partnerCredentials(),
    )) as { body: { accounts: { auth_id: string; enabled: boolean }[] } }
    const disabled = page.body.accounts.find((a) => !a.enabled)?.auth_id
    expect(disabled, 'the seed has a disabled customer').toBeDefined()
    // The sandbox itself refuses the customer's right token with 403.
    const own = await customerCredentials(disabled!)
    expect((await call(`/api/v1/accounts/${disabled}/sub-accounts/`, own)).status).toBe(403)
    const error = await failure(app.invoke('subaccounts:list', { owner: customer(disabled!) }))
    expect(error.kind).toBe('forbidden')
    expect(error.message).toContain(disabled)
    expect(error.message).not.toContain('your partner account')
  })

  it('the partner API does not take a sub-account owner that is not a customer of this partner', async () => {
    const { app } = await signedIn()
    const error = await failure(app.invoke('subaccounts:list', { owner: customer('MA_NOTMINE00') }))
    expect(error.kind).toBe('not_found')
  })

  it('sign-out deletes the saved lists and the kept sub-account tokens', async () => {
    const { dir, app, profileId, customers } = await signedIn()
    const { subAccount } = await created(app, PARTNER, { name: 'Signed out' })
    await list(app, PARTNER)
    await list(app, customer(customers[0]!))
    const token = await copiedToken(app, subAccount.authId)
    const cacheFile = join(dir, 'cache', profileId, 'subaccounts.json')
    const tokenFile = join(dir, 'secrets', `${profileId}.subaccount-tokens`)
    expect(existsSync(cacheFile)).toBe(true)
    expect(existsSync(tokenFile)).toBe(true)
    expect(readFileSync(cacheFile, 'utf8')).toContain(subAccount.authId)
    await valueOf(app.invoke('session:signOut', { profileId }))
    expect(existsSync(cacheFile)).toBe(false)
    expect(existsSync(tokenFile)).toBe(false)
    expect(app.clipboard.current()).toBe('')
    expect(filesContaining(dir, token)).toEqual([])
    // Signed in again: nothing kept from before.
    await signInTo(app, suite.api)
    expect(await failure(copy(app, subAccount.authId))).toMatchObject({ kind: 'not_found' })
  })

  it('signed out while a create is on its way: its token is not written back after sign-out', async () => {
    const late = heldReplies((method, path) => method === 'POST' && path.endsWith('/sub-accounts/'))
    const { dir, app, profileId } = await signedIn({ fetch: late.fetch })
    const pending = create(app, PARTNER, { name: 'Late reply' })
    await late.requested
    await valueOf(app.invoke('session:signOut', { profileId }))
    late.release() // Vobiz created it; the reply arrives now
    expect(await failure(pending)).toMatchObject({
      kind: 'conflict',
      message: expect.stringMatching(/signed out meanwhile/),
    })
    expect(existsSync(join(dir, 'secrets', `${profileId}.subaccount-tokens`))).toBe(false)
    expect(existsSync(join(dir, 'cache', profileId, 'subaccounts.json'))).toBe(false)
  })

  it('without a keyring the token is kept for this session only, never on disk', async () => {
    const { dir, app, profileId } = await signedIn({ encryption: 'unavailable' })
    const reply = await created(app, PARTNER, { name: 'Session only' })
    expect(reply.tokenKeeping).toBe('session')
    const token = await copiedToken(app, reply.subAccount.authId)
    expect(await accountObjectStatus(reply.subAccount.authId, token)).toBe(200)
    expect(existsSync(join(dir, 'secrets', `${profileId}.subaccount-tokens`))).toBe(false)
    expect(filesContaining(dir, token)).toEqual([])
  })
})
