import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox'
import type { SessionState } from '../../../shared/ipc-contract'
import type { Result } from '../../../shared/result'
import { createAppHarness } from '../../support/app-harness'
import { filesContaining, makeTempDir } from '../../support/temp-dir'
import { rewritingFetch, withoutKey } from './rewriting-fetch'

let api: RunningSandbox
beforeAll(async () => {
  api = await startSandbox({ port: 0, customers: 30, seed: 3 })
})
afterAll(() => api.close())

const credentials = () => ({
  authId: api.credentials.authId,
  authToken: api.credentials.authToken,
  baseUrl: api.baseUrl,
})

function value(result: Result<unknown>): SessionState {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.kind}: ${result.error.message}`)
  return result.value as SessionState
}

describe('session through the IPC handler table', () => {
  it('signs in, shows the partner, and restores after a restart without retyping', async () => {
    const dir = makeTempDir()
    const app = createAppHarness(dir)
    const state = value(await app.invoke('session:signIn', { ...credentials(), label: 'Local' }))
    expect(state.partner).toMatchObject({ authId: api.credentials.authId, currency: 'INR' })
    expect(state.partner?.balance).toMatch(/^-?\d+\.\d{5}$/)
    expect(state.profiles).toEqual([
      expect.objectContaining({ label: 'Local', tokenStorage: 'encrypted', isSandbox: false }),
    ])
    expect(app.events.at(-1)?.activeProfileId).toBe(state.activeProfileId)
    await app.close()

    const restarted = createAppHarness(dir)
    const cached = value(await restarted.invoke('session:get', {}))
    expect(cached.activeProfileId).toBe(state.activeProfileId)
    expect(cached.partner?.authId).toBe(api.credentials.authId)
    const refreshed = value(await restarted.invoke('partner:refresh', {}))
    expect(refreshed.partnerStale).toBe(false)
    await restarted.close()
  })

  it('says why a wrong token or an unreachable API fails, and saves nothing', async () => {
    const dir = makeTempDir()
    const app = createAppHarness(dir)
    const wrong = await app.invoke('session:signIn', {
      ...credentials(),
      authToken: 'not-the-token',
    })
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'unauthorized' } })
    const unreachable = await app.invoke('session:signIn', {
      ...credentials(),
      baseUrl: 'http://127.0.0.1:9',
    })
    expect(unreachable).toMatchObject({ ok: false, error: { kind: 'offline' } })
    expect(value(await app.invoke('session:get', {})).profiles).toEqual([])
    await app.close()
  })

  it('says plainly when the API refuses the partner (403), and saves nothing', async () => {
    // A real HTTP server answering as a gateway that forbids this partner would.
    const server = createServer((_req, res) => {
      res.writeHead(403, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ error: 'forbidden', message: 'Partner access is disabled' }))
    })
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    const { port } = server.address() as AddressInfo
    const app = createAppHarness(makeTempDir())
    try {
      const refused = await app.invoke('session:signIn', {
        ...credentials(),
        baseUrl: `http://127.0.0.1:${port}`,
      })
      expect(refused).toMatchObject({
        ok: false,
        error: { kind: 'forbidden', message: expect.stringContaining('(403)') },
      })
      expect(JSON.stringify(refused)).not.toContain(api.credentials.authToken)
      expect(value(await app.invoke('session:get', {})).profiles).toEqual([])
    } finally {
      await app.close()
      server.close()
    }
  })

  it('keeps the last partner reading, marked stale, when the API goes away', async () => {
    const dir = makeTempDir()
    const app = createAppHarness(dir)
    value(await app.invoke('session:signIn', credentials()))
    api.setFaults([{ kind: 'drop', path: '/partner/me' }])
    const refresh = await app.invoke('partner:refresh', {})
    api.setFaults([])
    expect(refresh).toMatchObject({ ok: false, error: { kind: 'offline' } })
    const state = value(await app.invoke('session:get', {}))
    expect(state.partner?.authId).toBe(api.credentials.authId)
    expect(state.partnerStale).toBe(true)
    await app.close()
  })

  it('signs out: the token and cached partner are gone, the profile stays listed', async () => {
    const dir = makeTempDir()
    const app = createAppHarness(dir)
    const state = value(await app.invoke('session:signIn', credentials()))
    const out = value(await app.invoke('session:signOut', { profileId: state.activeProfileId! }))
    expect(out.activeProfileId).toBeNull()
    expect(out.partner).toBeNull()
    expect(out.profiles[0]?.tokenStorage).toBe('none')
    expect(
      await app.invoke('session:switchProfile', { profileId: state.activeProfileId! }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized' },
    })
    await app.close()
  })

  it('on basic_text keeps the token for this session only and says so', async () => {
    const dir = makeTempDir()
    const app = createAppHarness(dir, { encryption: 'basic_text' })
    const state = value(await app.invoke('session:signIn', credentials()))
    expect(state.encryption).toBe('basic_text')
    expect(state.notice).toMatch(/session only/)
    expect(state.profiles[0]?.tokenStorage).toBe('session')
    await app.close()
    const restarted = createAppHarness(dir, { encryption: 'basic_text' })
    expect(await restarted.invoke('partner:refresh', {})).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized' },
    })
    await restarted.close()
  })

  it('tries the sandbox: starts it in-process, signs in, and restarts it after a restart', async () => {
    const dir = makeTempDir()
    const app = createAppHarness(dir)
    const state = value(await app.invoke('session:signInSandbox', {}))
    expect(state.profiles[0]).toMatchObject({ label: 'Sandbox', isSandbox: true })
    expect(state.partner?.authId).toBe('PA_SANDBOX1')
    await app.close()
    const restarted = createAppHarness(dir)
    expect(value(await restarted.invoke('partner:refresh', {})).partner?.authId).toBe('PA_SANDBOX1')
    await restarted.close()
  })

  it('switches between saved profiles', async () => {
    const dir = makeTempDir()
    const app = createAppHarness(dir)
    const first = value(await app.invoke('session:signIn', credentials()))
    const second = value(await app.invoke('session:signInSandbox', {}))
    expect(second.profiles).toHaveLength(2)
    const back = value(
      await app.invoke('session:switchProfile', { profileId: first.activeProfileId! }),
    )
    expect(back.partner?.authId).toBe(api.credentials.authId)
    await app.close()
  })
})

describe('the partner currency', () => {
  const ME = '/api/v1/partner/me'
  const DASHBOARD = '/api/v1/partner/dashboard'
  const reads = (fetch: ReturnType<typeof rewritingFetch>, path: string) =>
    fetch.seen.filter((r) => r.method === 'GET' && r.path === path).length

  it('is /me’s own when it has one: the dashboard is not read', async () => {
    // The profile page's prose lists `currency` on /me: a Vobiz that sends it (here USD, which
    // the dashboard does not say, so the figure can only come from /me).
    const fetch = rewritingFetch(({ path }, body) =>
      path === ME ? { ...(body as object), currency: 'USD' } : body,
    )
    const app = createAppHarness(makeTempDir(), { fetch })
    try {
      const state = value(await app.invoke('session:signIn', credentials()))
      expect(state.partner).toMatchObject({ authId: api.credentials.authId, currency: 'USD' })
      const refreshed = value(await app.invoke('partner:refresh', {}))
      expect(refreshed.partner?.currency).toBe('USD')
      expect(reads(fetch, ME)).toBe(2)
      expect(reads(fetch, DASHBOARD)).toBe(0)
    } finally {
      await app.close()
    }
  })

  it('is the dashboard’s when /me has none (as in its response example)', async () => {
    const fetch = rewritingFetch()
    const app = createAppHarness(makeTempDir(), { fetch })
    try {
      const me = await globalThis.fetch(`${api.baseUrl}${ME}`, {
        headers: { 'X-Auth-ID': api.credentials.authId, 'X-Auth-Token': api.credentials.authToken },
      })
      expect(await me.json()).not.toHaveProperty('currency')
      const state = value(await app.invoke('session:signIn', credentials()))
      expect(state.partner).toMatchObject({ authId: api.credentials.authId, currency: 'INR' })
      expect(reads(fetch, DASHBOARD)).toBe(1)
      // A refresh keeps the currency it knows, without reading the dashboard again.
      const refreshed = value(await app.invoke('partner:refresh', {}))
      expect(refreshed.partner?.currency).toBe('INR')
      expect(refreshed.partnerStale).toBe(false)
      expect(reads(fetch, ME)).toBe(2)
      expect(reads(fetch, DASHBOARD)).toBe(1)
    } finally {
      await app.close()
    }
  })

  it('follows the dashboard’s word, and is unknown (never guessed) when neither says', async () => {
    const euro = rewritingFetch(({ path }, body) =>
      path === DASHBOARD ? { ...(body as object), currency: 'EUR' } : body,
    )
    const app = createAppHarness(makeTempDir(), { fetch: euro })
    try {
      expect(value(await app.invoke('session:signIn', credentials())).partner?.currency).toBe('EUR')
    } finally {
      await app.close()
    }
    const silent = rewritingFetch(({ path }, body) =>
      path === DASHBOARD ? withoutKey(body, 'currency') : body,
    )
    const other = createAppHarness(makeTempDir(), { fetch: silent })
    try {
      const state = value(await other.invoke('session:signIn', credentials()))
      expect(state.partner?.authId).toBe(api.credentials.authId)
      expect(state.partner?.currency).toBeNull()
      expect(reads(silent, DASHBOARD)).toBe(1)
    } finally {
      await other.close()
    }
  })
})

describe('secrets on disk', () => {
  it('no file the app wrote, nor its log, holds the partner token in plain text', async () => {
    const dir = makeTempDir()
    const app = createAppHarness(dir)
    value(await app.invoke('session:signIn', credentials()))
    await app.invoke('session:signIn', { ...credentials(), authToken: 'typo-token-value' })
    value(await app.invoke('partner:refresh', {}))
    value(await app.invoke('session:signInSandbox', {}))
    const { authToken: sandboxToken } = await app.sandbox.ensure()
    await app.close()
    expect(filesContaining(dir, api.credentials.authToken)).toEqual([])
    expect(filesContaining(dir, 'typo-token-value')).toEqual([])
    expect(filesContaining(dir, sandboxToken)).toEqual([])
    // The scan itself works: the auth id, which is not secret, is found.
    expect(filesContaining(dir, api.credentials.authId).length).toBeGreaterThan(0)
  })
})
