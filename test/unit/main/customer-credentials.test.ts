import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCustomerTokens } from '../../../electron/main/customers/customer-tokens'
import { createFileLogger } from '../../../electron/main/platform/logger'
import type { CopiedSecret, RevealedToken } from '../../../shared/credentials'
import type { CustomerDetailReply } from '../../../shared/customer-detail'
import { createAesGcmSafeStorage } from '../../support/aes-gcm-safe-storage'
import type { createAppHarness } from '../../support/app-harness'
import { signInTo, syncNow, valueOf } from '../../support/customers'
import { sandboxApi } from '../../support/sandbox-api'
import { sandboxSuite } from '../../support/sandbox-suite'
import { filesContaining, makeTempDir } from '../../support/temp-dir'

const suite = sandboxSuite({ customers: 60, seed: 5 })
/** The sandbox's own answers, independent of the app. */
const truth = {
  authIds: () => sandboxApi(suite.api).authIds(),
  token: (authId: string) => sandboxApi(suite.api).token(authId),
  account: (authId: string) => sandboxApi(suite.api).account(authId),
}

async function synced(options: Parameters<typeof createAppHarness>[1] = {}) {
  const dir = makeTempDir()
  const app = suite.open(dir, options)
  const profileId = await signInTo(app, suite.api)
  expect((await syncNow(app)).state).toBe('idle')
  return { dir, app, profileId }
}

const detail = (app: ReturnType<typeof createAppHarness>, authId: string) =>
  valueOf<CustomerDetailReply>(app.invoke('customers:detail', { authId }))
const copy = (app: ReturnType<typeof createAppHarness>, authId: string, format = 'token') =>
  app.invoke('credentials:copy', { authId, format })

describe('customer credentials', () => {
  it('keeps the tokens a sync brings encrypted: none in plain text in any file or the log', async () => {
    const { dir, app, profileId } = await synced()
    const ids = await truth.authIds()
    const tokens = await Promise.all(ids.map((id) => truth.token(id)))
    expect(existsSync(join(dir, 'secrets', `${profileId}.tokens`))).toBe(true)
    for (const token of tokens) expect(filesContaining(dir, token)).toEqual([])
    // The encrypted store answers: copy needs no request to Vobiz.
    suite.api.setFaults([{ kind: 'drop' }])
    const copied = await valueOf<CopiedSecret>(copy(app, ids[3]!))
    expect(copied.source).toBe('stored')
    expect(app.clipboard.current()).toBe(tokens[3])
    for (const token of tokens) expect(filesContaining(dir, token)).toEqual([])
  })

  it('copy as environment variables, and reveal: the one reply that carries the token', async () => {
    const { app } = await synced()
    const [id] = await truth.authIds()
    const token = await truth.token(id!)
    await valueOf(copy(app, id!, 'env'))
    expect(app.clipboard.current()).toBe(`VOBIZ_AUTH_ID=${id} VOBIZ_AUTH_TOKEN=${token}`)
    expect(Object.keys(app.clipboard.formats())).toEqual([
      'electron application/osclipboard;format="x-kde-passwordManagerHint"',
    ])
    const revealed = await valueOf<RevealedToken>(app.invoke('credentials:reveal', { authId: id }))
    expect(revealed).toEqual({ token, hideAfterMs: 15_000 })
  })

  it('detail: fresh from Vobiz, else the saved record, else what the list knows (stale)', async () => {
    const { app } = await synced()
    const [opened, neverOpened] = await truth.authIds()
    const fresh = await detail(app, opened!)
    const account = await truth.account(opened!)
    expect(fresh.source).toBe('network')
    expect(fresh.detail).toMatchObject({ authId: opened, name: account.name, email: account.email })
    expect(fresh.detail.pricingTier?.rates.length).toBeGreaterThan(0)
    expect(fresh.token).toEqual({ available: true, keeping: 'encrypted' })
    expect(JSON.stringify(fresh)).not.toContain(await truth.token(opened!))

    suite.api.setFaults([{ kind: 'drop' }])
    const saved = await detail(app, opened!)
    expect(saved.source).toBe('saved')
    expect(saved.detail).toEqual(fresh.detail)
    expect(saved.fetchedAt).toBe(fresh.fetchedAt)
    const listed = await detail(app, neverOpened!)
    expect(listed.source).toBe('list')
    expect(listed.detail.authId).toBe(neverOpened)
    expect(listed.detail.apiId).toBeNull()
    // Not a customer of this partner, and offline: the network error, said plainly.
    expect(await app.invoke('customers:detail', { authId: 'MA_NOPE0000' })).toMatchObject({
      ok: false,
      error: { kind: 'offline' },
    })
  })

  it('an unknown customer is not found, online', async () => {
    const { app } = await synced()
    expect(await copy(app, 'MA_NOPE0000')).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    expect(app.clipboard.current()).toBe('')
  })

  it('without a keyring: no token is written to disk, and the reply says so', async () => {
    const { dir, app } = await synced({ encryption: 'unavailable' })
    const [id] = await truth.authIds()
    expect(existsSync(join(dir, 'secrets'))).toBe(false)
    const reply = await detail(app, id!)
    expect(reply.token.keeping).toBe('session')
    // This session still has it (in memory), fetched with the sync.
    await valueOf(copy(app, id!))
    expect(app.clipboard.current()).toBe(await truth.token(id!))
    expect(filesContaining(dir, await truth.token(id!))).toEqual([])
  })

  it('sign-out clears the copied token from the clipboard and deletes the stored tokens', async () => {
    const { dir, app, profileId } = await synced()
    const [id] = await truth.authIds()
    await valueOf(copy(app, id!))
    expect(app.clipboard.current()).not.toBe('')
    await valueOf(app.invoke('session:signOut', { profileId }))
    expect(app.clipboard.current()).toBe('')
    expect(app.eventsOf('clipboard:cleared')).toEqual([
      { reason: 'signOut', cleared: true, label: `Auth Token of ${id}` },
    ])
    expect(existsSync(join(dir, 'secrets', `${profileId}.tokens`))).toBe(false)
    expect(readdirSync(join(dir, 'cache'))).toEqual([])
  })

  it('a damaged token file is discarded without a crash, and the next sync writes it again', async () => {
    const { dir, app, profileId } = await synced()
    await app.close()
    const file = join(dir, 'secrets', `${profileId}.tokens`)
    writeFileSync(file, 'not ciphertext at all')
    const again = suite.open(dir)
    const [id] = await truth.authIds()
    // Not in the store any more: read from Vobiz instead.
    expect((await valueOf<CopiedSecret>(copy(again, id!))).source).toBe('network')
    expect((await syncNow(again)).state).toBe('idle')
    expect(readFileSync(file).toString()).not.toBe('not ciphertext at all')
    expect((await valueOf<CopiedSecret>(copy(again, id!))).source).toBe('stored')
  })
})

describe('customer token store', () => {
  function store(status: 'available' | 'basic_text' | 'unavailable', allowWeak = false) {
    const dir = makeTempDir()
    return {
      dir,
      tokens: createCustomerTokens({
        dataDir: dir,
        safeStorage: createAesGcmSafeStorage({ keyFile: join(dir, 'key'), status }),
        logger: createFileLogger({ file: join(dir, 'main.log') }),
        allowsWeakStorage: () => allowWeak,
      }),
    }
  }

  it('ignores placeholders and empty values; a list without tokens keeps the known ones', async () => {
    const { tokens } = store('available')
    await tokens.put('p1', [
      ['MA_A', 'real-token-a'],
      ['MA_B', '<redacted>'],
      ['MA_C', ''],
    ])
    expect(await tokens.get('p1', 'MA_A')).toBe('real-token-a')
    expect(await tokens.get('p1', 'MA_B')).toBeNull()
    expect(await tokens.get('p1', 'MA_C')).toBeNull()
    // A sync whose list withholds tokens: MA_A's stays; a customer gone from the list goes.
    await tokens.put('p1', [['MA_GONE', 'old-token']])
    await tokens.replaceAll('p1', [
      ['MA_A', '<redacted>'],
      ['MA_D', 'real-token-d'],
    ])
    expect(await tokens.get('p1', 'MA_A')).toBe('real-token-a')
    expect(await tokens.get('p1', 'MA_D')).toBe('real-token-d')
    expect(await tokens.get('p1', 'MA_GONE')).toBeNull()
  })

  it('writes to disk only with a keyring, or basic_text when the user accepted it', async () => {
    for (const [status, allowWeak, onDisk] of [
      ['available', false, true],
      ['basic_text', false, false],
      ['basic_text', true, true],
      ['unavailable', true, false],
    ] as const) {
      const { dir, tokens } = store(status, allowWeak)
      await tokens.put('p1', [['MA_A', 'tok-disk-check']])
      expect(existsSync(join(dir, 'secrets', 'p1.tokens')), `${status} ${allowWeak}`).toBe(onDisk)
      expect(filesContaining(dir, 'tok-disk-check')).toEqual([])
      expect(await tokens.keeping('p1')).toBe(onDisk ? 'encrypted' : 'session')
    }
  })
})
