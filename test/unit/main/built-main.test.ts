import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cspFromHtml } from '../../../electron/main/app-protocol'
import { CUSTOMER_FIELDS } from '../../../shared/customer-tuples'
import { IPC_PREFIX, channelNames } from '../../../shared/ipc-contract'
import {
  OUT,
  launchBuiltMain,
  requireBuiltBundles,
  type BuiltMain,
} from '../../support/electron-double/launch'
import { filesContaining, makeTempDir } from '../../support/temp-dir'

// The real out/main/index.js, run in Node with `electron` resolved to the double.
type State = {
  calls: string[]
  quit: boolean
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean>; beforeReady: boolean }[]
  protocolHandlers: { scheme: string; session: string }[]
  permissionHandlers: { request: string[]; check: string[] }
  partitions: { partition: string; options: unknown }[]
  sessionFetches: { session: string; url: string; credentials: unknown }[]
  ipcHandlers: string[]
  clipboard: { text: string; formats: string[]; writes: number }
  menuSet: boolean
  openedExternally: string[]
  windows: {
    options: Record<string, unknown>
    loadedUrl: string | null
    shown: boolean
    webContentsEvents: string[]
    windowOpenHandler: boolean
    sent: [string, unknown][]
  }[]
}
type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: { kind: string } }

const APP_PAGE = 'app://partner-desk/index.html'
let app: BuiltMain
let userData = ''
const state = () => app.send<State>({ type: 'state' })
const invoke = <T = unknown>(channel: string, payload: unknown = {}, frameUrl = APP_PAGE) =>
  app.send<Reply<T>>({ type: 'invoke', channel, payload, frameUrl })

beforeAll(async () => {
  requireBuiltBundles([
    'electron/main/index.ts',
    'electron/main/window.ts',
    'electron/main/ipc-main.ts',
    'electron/main/app-protocol.ts',
    'electron/main/adapters/app-protocol.ts',
    'electron/preload/index.ts',
    'shared/ipc-names.ts',
    'renderer/index.html',
  ])
  userData = makeTempDir('partner-desk-built-main-')
  app = await launchBuiltMain({
    PARTNER_DESK_USER_DATA: userData,
    ELECTRON_DOUBLE_DIR: makeTempDir('partner-desk-double-'),
  })
}, 60_000)

afterAll(() => app?.stop())

describe('the built main bundle under a simulated Electron', () => {
  it('puts its icon in the tray after ready', async () => {
    const { calls } = await state()
    expect(calls.indexOf('Tray')).toBeGreaterThan(calls.indexOf('ready'))
  })

  it('takes the single-instance lock, enables the sandbox and registers app:// before ready', async () => {
    const { calls, privilegedSchemes } = await state()
    expect(calls).toContain('app.setPath:userData')
    const ready = calls.indexOf('ready')
    expect(ready).toBeGreaterThan(-1)
    for (const call of [
      'protocol.registerSchemesAsPrivileged',
      'app.requestSingleInstanceLock',
      'app.enableSandbox',
    ]) {
      expect(calls.indexOf(call), call).toBeGreaterThan(-1)
      expect(calls.indexOf(call), call).toBeLessThan(ready)
    }
    expect(privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
        beforeReady: true,
      },
    ])
    // The window is created only once app:// is served.
    expect(calls.indexOf('protocol.handle:app:default')).toBeLessThan(
      calls.indexOf('BrowserWindow'),
    )
  })

  it('opens one window with the secure webPreferences on app://partner-desk/index.html', async () => {
    const { windows, menuSet } = await state()
    expect(windows).toHaveLength(1)
    const [window] = windows
    expect(window!.options['webPreferences']).toEqual({
      preload: join(OUT, 'preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    })
    expect(window!.loadedUrl).toBe(APP_PAGE)
    expect(window!.shown).toBe(true)
    expect(menuSet).toBe(true)
  })

  it('serves out/renderer on app:// in the default session, with the page CSP as a header', async () => {
    const { protocolHandlers } = await state()
    expect(protocolHandlers).toEqual([{ scheme: 'app', session: 'default' }])
    const html = readFileSync(join(OUT, 'renderer/index.html'), 'utf8')
    type Served = { status: number; headers: Record<string, string>; body: string }
    const page = await app.send<Served>({ type: 'protocol', url: APP_PAGE })
    expect(page.status).toBe(200)
    expect(page.body).toBe(html)
    expect(page.headers['content-security-policy']).toBe(cspFromHtml(html))
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1]
    const asset = await app.send<Served>({ type: 'protocol', url: `app://partner-desk/${script}` })
    expect(asset.status).toBe(200)
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8')
    for (const url of ['app://partner-desk/%2e%2e/main/index.js', 'app://evil/index.html']) {
      expect((await app.send<Served>({ type: 'protocol', url })).status, url).not.toBe(200)
    }
  })

  it('blocks navigation, new windows and every permission', async () => {
    const { windows, permissionHandlers } = await state()
    expect(windows[0]!.webContentsEvents).toEqual(
      expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']),
    )
    expect(windows[0]!.windowOpenHandler).toBe(true)
    const navigate = (url: string) => app.send<{ prevented: boolean }>({ type: 'navigate', url })
    expect(await navigate('https://evil.example/')).toEqual({ prevented: true })
    expect(await navigate('file:///etc/passwd')).toEqual({ prevented: true })
    expect(await navigate(APP_PAGE)).toEqual({ prevented: false })
    expect(await app.send({ type: 'windowOpen', url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    })
    expect(permissionHandlers).toEqual({ request: ['default'], check: ['default'] })
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      expect(await app.send({ type: 'permission', permission })).toEqual({
        granted: false,
        checked: false,
      })
    }
    expect((await state()).openedExternally).toEqual([])
  })

  it('registers a handler for every contract channel and no other', async () => {
    const { ipcHandlers } = await state()
    expect([...ipcHandlers].sort()).toEqual(channelNames.map((c) => IPC_PREFIX + c).sort())
  })

  it('refuses calls from a foreign frame: file://, another origin, a sub-frame, another window', async () => {
    for (const frameUrl of [
      pathToFileURL(join(OUT, 'renderer/index.html')).href,
      'file:///tmp/evil.html',
      'https://evil.example/',
      'app://evil/index.html',
    ]) {
      expect(await invoke('session:get', {}, frameUrl), frameUrl).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      })
    }
    for (const from of ['subframe', 'otherWindow'] as const) {
      const reply = await app.send({
        type: 'invoke',
        channel: 'session:get',
        payload: {},
        frameUrl: APP_PAGE,
        from,
      })
      expect(reply, from).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
    }
  })

  it('answers the app frame end to end: signs in to the sandbox, then lists its customers', async () => {
    const signedIn = await invoke<{ partner: { authId: string } | null }>('session:signInSandbox')
    expect(signedIn).toMatchObject({ ok: true, value: { partner: { authId: 'PA_SANDBOX1' } } })
    expect(await invoke('customers:sync')).toMatchObject({ ok: true })
    const list = await invoke<{ rows: unknown[][] }>('customers:get')
    expect(list.ok).toBe(true)
    const rows = list.ok ? list.value.rows : []
    expect(rows).toHaveLength(500)
    expect(rows[0]![CUSTOMER_FIELDS.indexOf('authId')]).toMatch(/^[A-Z]{2}_/)
    // Over the isolated session's fetch, with no credentials; the token only as ciphertext.
    const { partitions, sessionFetches } = await state()
    expect(partitions).toEqual([{ partition: 'partner-desk-api', options: { cache: false } }])
    expect(sessionFetches.length).toBeGreaterThan(0)
    expect(sessionFetches.every((f) => f.session === 'partner-desk-api')).toBe(true)
    expect(sessionFetches.every((f) => f.credentials === 'omit')).toBe(true)
  })

  it('clears a copied secret from the clipboard at quit', async () => {
    const list = await invoke<{ rows: unknown[][] }>('customers:get')
    const authId = list.ok ? String(list.value.rows[0]![CUSTOMER_FIELDS.indexOf('authId')]) : ''
    expect(await invoke('credentials:copy', { authId, format: 'token' })).toMatchObject({
      ok: true,
    })
    const copied = (await state()).clipboard
    expect(copied.text.length).toBeGreaterThan(8)
    expect(copied.formats).toContain('text/plain')
    expect(filesContaining(userData, copied.text)).toEqual([])

    expect(await app.send({ type: 'quit' })).toEqual({ quit: true })
    const after = await state()
    expect(after.clipboard.text).toBe('')
    expect(after.windows[0]!.sent).toContainEqual([
      IPC_PREFIX + 'clipboard:cleared',
      expect.objectContaining({ reason: 'quit', cleared: true }),
    ])
  })
})
