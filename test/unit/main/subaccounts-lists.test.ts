import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { signInTo, valueOf } from '../../support/customers'
import { heldReplies } from '../../support/held-replies'
import { sandboxApi } from '../../support/sandbox-api'
import { filesContaining, makeTempDir } from '../../support/temp-dir'
import {
  subAccountsSandbox,
  PARTNER,
  customer,
  expectedView,
  list,
  create,
  created,
  copy,
  failure,
  copiedToken,
} from './subaccounts-harness'

const {
  suite,
  partnerCredentials,
  call,
  truthList,
  partnerTruth,
  customerCredentials,
  accountObjectStatus,
  signedIn,
} = subAccountsSandbox()

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
