import { readFileSync } from 'node:fs'
import { join, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CopiedSecret, RevealedToken } from '../../../shared/credentials'
import { valueOf } from '../../support/customers'
import { filesContaining, readAllFiles } from '../../support/temp-dir'
import {
  subAccountsSandbox,
  PARTNER,
  customer,
  CREATE_ROUTE,
  expectedView,
  list,
  create,
  created,
  copy,
  reveal,
  verify,
  failure,
  copiedToken,
  keptOnDisk,
  email,
} from './subaccounts-harness'

const { suite, truthList, partnerTruth, customerCredentials, accountObjectStatus, signedIn } =
  subAccountsSandbox()

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
