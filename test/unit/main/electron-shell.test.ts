import type { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// Only the `electron` module is mocked: it cannot load outside an Electron process.
const electron = vi.hoisted(() => {
  const created: { options: Record<string, unknown>; window: unknown }[] = []
  const handlers = new Map<string, (...args: unknown[]) => unknown>()
  return { created, handlers, openExternal: [] as string[], menus: [] as unknown[] }
})

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events')
  class FakeWebContents extends EventEmitter {
    openHandler: ((details: { url: string }) => { action: string }) | null = null
    sent: unknown[] = []
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.openHandler = handler
    }
    send(...args: unknown[]) {
      this.sent.push(args)
    }
  }
  class BrowserWindow extends EventEmitter {
    webContents = new FakeWebContents()
    loaded: string | null = null
    maximized = false
    constructor(options: Record<string, unknown>) {
      super()
      electron.created.push({ options, window: this })
    }
    loadURL(url: string) {
      this.loaded = url
      return Promise.resolve()
    }
    maximize() {
      this.maximized = true
    }
    isDestroyed() {
      return false
    }
  }
  return {
    BrowserWindow,
    shell: { openExternal: (url: string) => electron.openExternal.push(url) },
    ipcMain: {
      handle: (channel: string, handler: (...args: unknown[]) => unknown) =>
        electron.handlers.set(channel, handler),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => electron.menus.push(menu),
    },
  }
})

const { createMainWindow, denyPermissions } = await import('../../../electron/main/window')
const { buildMenuTemplate, installApplicationMenu } = await import('../../../electron/main/menu')
const { registerIpc, isTrustedSender } = await import('../../../electron/main/ipc-main')
const { channelNames, IPC_PREFIX } = await import('../../../shared/ipc-contract')
const { createFileLogger } = await import('../../../electron/main/platform/logger')
const { makeTempDir } = await import('../../support/temp-dir')

type FakeWindow = {
  webContents: EventEmitter & {
    openHandler: (d: { url: string }) => { action: string }
    sent: unknown[]
  }
  loaded: string
  maximized: boolean
  isDestroyed(): boolean
}
const RENDERER = 'app://partner-desk/index.html'

function openWindow(state: Parameters<typeof createMainWindow>[0]['state'] = null) {
  createMainWindow({ preloadPath: '/app/out/preload/index.cjs', rendererUrl: RENDERER, state })
  const last = electron.created.at(-1)!
  return { options: last.options, window: last.window as FakeWindow }
}

beforeEach(() => {
  electron.created.length = 0
  electron.openExternal.length = 0
})

describe('the main window', () => {
  it('is created with every security setting on', () => {
    const { options, window } = openWindow()
    expect(options['webPreferences']).toEqual({
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
      preload: '/app/out/preload/index.cjs',
    })
    expect(window.loaded).toBe(RENDERER)
  })

  it('writes webPreferences as a literal in the BrowserWindow call (scanners read it)', () => {
    const source = readFileSync(
      join(import.meta.dirname, '../../../electron/main/window.ts'),
      'utf8',
    )
    expect(source).toMatch(/new BrowserWindow\(\{[\s\S]*?webPreferences: \{\s*preload:/)
  })

  it('blocks navigation away from the renderer', () => {
    const { window } = openWindow()
    const navigate = (url: string) => {
      const event = {
        prevented: false,
        preventDefault() {
          this.prevented = true
        },
      }
      window.webContents.emit('will-navigate', event, url)
      return event.prevented
    }
    expect(navigate('https://evil.example/')).toBe(true)
    expect(navigate('file:///etc/passwd')).toBe(true)
    expect(navigate('app://partner-desk/other.html')).toBe(true)
    expect(navigate('app://other-app/index.html')).toBe(true)
    expect(navigate(RENDERER)).toBe(false)
  })

  it('denies every permission a page asks for or checks', () => {
    let requestHandler: ((c: unknown, p: string, done: (granted: boolean) => void) => void) | null =
      null
    let checkHandler: ((...args: unknown[]) => boolean) | null = null
    const session = {
      setPermissionRequestHandler: (handler: typeof requestHandler) => (requestHandler = handler),
      setPermissionCheckHandler: (handler: typeof checkHandler) => (checkHandler = handler),
    }
    denyPermissions(session as never)
    const answers: boolean[] = []
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation']) {
      requestHandler!(null, permission, (granted) => answers.push(granted))
    }
    expect(answers).toEqual([false, false, false, false])
    expect(checkHandler!(null, 'clipboard-sanitized-write', 'file://', {})).toBe(false)
  })

  it('loads a page whose CSP allows no network and no inline script', () => {
    const html = readFileSync(join(import.meta.dirname, '../../../renderer/index.html'), 'utf8')
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/)
        return [name, values.join(' ')] as const
      }),
    )
    expect(directives.get('connect-src')).toBe("'none'")
    expect(directives.get('default-src')).toBe("'none'")
    expect(directives.get('script-src')).toBe("'self'")
    expect(directives.get('object-src')).toBe("'none'")
  })

  it('denies every new window and opens only allow-listed https links outside', () => {
    const { window } = openWindow()
    expect(window.webContents.openHandler({ url: 'https://docs.vobiz.ai/partner' })).toEqual({
      action: 'deny',
    })
    expect(window.webContents.openHandler({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    })
    expect(window.webContents.openHandler({ url: 'http://docs.vobiz.ai/' })).toEqual({
      action: 'deny',
    })
    expect(electron.openExternal).toEqual(['https://docs.vobiz.ai/partner'])
  })

  it('restores the remembered size, position and maximized state', () => {
    const { options, window } = openWindow({
      x: 40,
      y: 50,
      width: 1000,
      height: 700,
      maximized: true,
    })
    expect(options).toMatchObject({ x: 40, y: 50, width: 1000, height: 700 })
    expect(window.maximized).toBe(true)
  })
})

describe('the application menu', () => {
  it('has an Edit menu with copy and paste on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const edit = buildMenuTemplate(platform).find((item) => item.label === 'Edit')
      const roles = (edit?.submenu as { role?: string }[]).map((item) => item.role)
      expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll', 'undo']))
    }
    installApplicationMenu('darwin')
    expect(electron.menus).toHaveLength(1)
  })
})

describe('IPC registration', () => {
  it('registers every contract channel and refuses senders other than our window', async () => {
    const { window } = openWindow()
    const calls: unknown[] = []
    registerIpc({
      invoke: async (channel, payload) => {
        calls.push([channel, payload])
        return { ok: true, value: null }
      },
      window: () => window as never,
      rendererUrl: RENDERER,
      logger: createFileLogger({ file: `${makeTempDir()}/main.log` }),
    })
    expect([...electron.handlers.keys()].sort()).toEqual(
      channelNames.map((c) => IPC_PREFIX + c).sort(),
    )

    const handler = electron.handlers.get(IPC_PREFIX + 'session:get')!
    const trusted = { sender: window.webContents, senderFrame: { url: RENDERER, parent: null } }
    expect(await handler(trusted, {})).toEqual({ ok: true, value: null })

    const otherWindow = { sender: {}, senderFrame: { url: RENDERER, parent: null } }
    const foreignPage = {
      sender: window.webContents,
      senderFrame: { url: 'https://evil.example/', parent: null },
    }
    const subFrame = { sender: window.webContents, senderFrame: { url: RENDERER, parent: {} } }
    for (const event of [otherWindow, foreignPage, subFrame]) {
      expect(await handler(event, {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
    }
    expect(calls).toHaveLength(1)
    expect(isTrustedSender(trusted as never, null, RENDERER)).toBe(false)
  })
})

describe('the IPC sender check', () => {
  const trustedFor = (frameUrl: string, rendererUrl = RENDERER) => {
    const { window } = openWindow()
    const event = { sender: window.webContents, senderFrame: { url: frameUrl, parent: null } }
    return isTrustedSender(event as never, window as never, rendererUrl)
  }

  it('trusts only the exact app origin, never a file:// frame (whose origin is "null")', () => {
    expect(trustedFor(RENDERER)).toBe(true)
    expect(trustedFor('app://partner-desk/assets/index.js')).toBe(true)
    expect(trustedFor('file:///tmp/evil.html')).toBe(false)
    expect(trustedFor('file:///app/out/renderer/index.html')).toBe(false)
    expect(trustedFor('app://partner-desk.evil/index.html')).toBe(false)
    expect(trustedFor('app://evil/index.html')).toBe(false)
    expect(trustedFor('http://partner-desk/index.html')).toBe(false)
    expect(trustedFor('data:text/html,hi')).toBe(false)
    expect(trustedFor('not a url')).toBe(false)
  })

  it('refuses file:// even when the renderer itself was (wrongly) loaded from file://', () => {
    const fileRenderer = 'file:///app/out/renderer/index.html'
    expect(trustedFor(fileRenderer, fileRenderer)).toBe(false)
    expect(trustedFor('file:///tmp/evil.html', fileRenderer)).toBe(false)
  })

  it('trusts the dev server origin in development', () => {
    const dev = 'http://localhost:5173/'
    expect(trustedFor('http://localhost:5173/', dev)).toBe(true)
    expect(trustedFor('http://localhost:5174/', dev)).toBe(false)
    expect(trustedFor(RENDERER, dev)).toBe(false)
  })
})
