import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import { createAesGcmSafeStorage } from '../aes-gcm-safe-storage'
import { log, makeEvent, record, type Fn } from './record'

/**
 * A test double of the `electron` module for the built main bundle: loaded in plain Node in
 * place of `electron` (see hooks.mjs), it records what the app does and plays just enough of
 * Electron for the app's wiring to run for real.
 */

let markReady: () => void = () => {}
const readyPromise = new Promise<void>((resolve) => (markReady = resolve))

class App extends EventEmitter {
  requestSingleInstanceLock(): boolean {
    log('app.requestSingleInstanceLock')
    return true
  }
  enableSandbox(): void {
    log(record.ready ? 'app.enableSandbox:after-ready' : 'app.enableSandbox')
  }
  whenReady(): Promise<void> {
    return readyPromise
  }
  isReady(): boolean {
    return record.ready
  }
  getPath(name: string): string {
    return record.paths.get(name) ?? join(record.base, name)
  }
  setPath(name: string, value: string): void {
    log(`app.setPath:${name}`)
    record.paths.set(name, value)
  }
  getVersion(): string {
    return '0.0.0-double'
  }
  getName(): string {
    return 'Partner Desk'
  }
  /** Electron's order: before-quit (may be prevented), windows close, will-quit, quit. */
  quit(): void {
    log('app.quit')
    const beforeQuit = makeEvent()
    this.emit('before-quit', beforeQuit)
    if (beforeQuit.defaultPrevented) return
    for (const window of BrowserWindow.getAllWindows()) window.close()
    const willQuit = makeEvent()
    this.emit('will-quit', willQuit)
    if (willQuit.defaultPrevented) return
    record.quit = true
    this.emit('quit')
  }
  exit(): void {
    record.quit = true
  }
  focus(): void {}
}

export const app = new App()

/** Called by the driver once the bundle's top-level code has run, like Electron's ready. */
export function becomeReady(): void {
  record.ready = true
  log('ready')
  app.emit('ready')
  markReady()
}

let nextId = 1
export class WebContents extends EventEmitter {
  readonly id = nextId++
  windowOpenHandler: Fn | null = null
  sent: [string, unknown][] = []
  setWindowOpenHandler(handler: Fn): void {
    this.windowOpenHandler = handler
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload])
  }
  isDestroyed(): boolean {
    return false
  }
}

type Bounds = { x: number; y: number; width: number; height: number }
const windows: BrowserWindow[] = []

export class BrowserWindow extends EventEmitter {
  static getAllWindows(): BrowserWindow[] {
    return windows.filter((w) => !w.destroyed)
  }
  readonly webContents = new WebContents()
  readonly options: Record<string, unknown>
  loadedUrl: string | null = null
  shown = false
  destroyed = false
  maximized = false
  bounds: Bounds
  constructor(options: Record<string, unknown>) {
    super()
    this.options = options
    const n = (key: string, fallback: number) =>
      typeof options[key] === 'number' ? options[key] : fallback
    this.bounds = { x: n('x', 0), y: n('y', 0), width: n('width', 800), height: n('height', 600) }
    windows.push(this)
    log('BrowserWindow')
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url
    setImmediate(() => this.emit('ready-to-show'))
    return Promise.resolve()
  }
  show(): void {
    this.shown = true
  }
  hide(): void {
    this.shown = false
  }
  focus(): void {}
  restore(): void {}
  maximize(): void {
    this.maximized = true
  }
  isMaximized(): boolean {
    return this.maximized
  }
  isMinimized(): boolean {
    return false
  }
  getNormalBounds(): Bounds {
    return this.bounds
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  close(): void {
    const event = makeEvent()
    this.emit('close', event)
    if (event.defaultPrevented) return
    this.destroyed = true
    this.emit('closed')
  }
}

export const windowsCreated = (): readonly BrowserWindow[] => windows

class Session {
  constructor(readonly name: string) {}
  readonly protocol = {
    handle: (scheme: string, handler: Fn): void => {
      log(`protocol.handle:${scheme}:${this.name}`)
      record.protocolHandlers.set(scheme, { session: this.name, handler })
    },
    isProtocolHandled: (scheme: string): boolean => record.protocolHandlers.has(scheme),
  }
  setPermissionRequestHandler(handler: Fn): void {
    record.permissionRequestHandlers.set(this.name, handler)
  }
  setPermissionCheckHandler(handler: Fn): void {
    record.permissionCheckHandlers.set(this.name, handler)
  }
  /** The session's network stack, played by Node's fetch. */
  fetch(input: string, init?: RequestInit): Promise<Response> {
    record.sessionFetches.push({ session: this.name, url: input, credentials: init?.credentials })
    return globalThis.fetch(input, init)
  }
}

const defaultSession = new Session('default')
export const session = {
  defaultSession,
  fromPartition(partition: string, options?: unknown): Session {
    record.partitions.push({ partition, options })
    return new Session(partition)
  },
}

export const protocol = {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: unknown }[]): void {
    log('protocol.registerSchemesAsPrivileged')
    for (const { scheme, privileges } of schemes) {
      record.privilegedSchemes.push({ scheme, privileges, beforeReady: !record.ready })
    }
  },
  handle: (scheme: string, handler: Fn): void => defaultSession.protocol.handle(scheme, handler),
}

export const ipcMain = {
  handle(channel: string, handler: Fn): void {
    if (record.ipcHandlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`)
    }
    record.ipcHandlers.set(channel, handler)
  },
  removeHandler(channel: string): void {
    record.ipcHandlers.delete(channel)
  },
  on(channel: string, listener: Fn): void {
    record.ipcListeners.set(channel, [...(record.ipcListeners.get(channel) ?? []), listener])
  },
}

const aes = createAesGcmSafeStorage({ keyFile: join(record.base, 'keyring.key') })
export const safeStorage = {
  isAsyncEncryptionAvailable: async (): Promise<boolean> => true,
  getSelectedStorageBackend: (): string => 'gnome_libsecret',
  encryptStringAsync: (plain: string): Promise<Buffer> => aes.encrypt(plain),
  decryptStringAsync: async (cipher: Buffer) => ({
    result: await aes.decrypt(cipher),
    shouldReEncrypt: false,
  }),
}

export class ClipboardItem {
  constructor(readonly items: Record<string, string | Blob>) {}
  get types(): string[] {
    return Object.keys(this.items)
  }
}

export const clipboard = {
  readText: async (): Promise<string> => record.clipboard.text,
  writeText: async (text: string): Promise<void> => {
    record.clipboard = { text, formats: ['text/plain'], writes: record.clipboard.writes + 1 }
  },
  write: async (items: ClipboardItem[]): Promise<void> => {
    const item = items[0]
    const plain = item?.items['text/plain']
    const text = typeof plain === 'string' ? plain : plain ? await plain.text() : ''
    record.clipboard = { text, formats: item?.types ?? [], writes: record.clipboard.writes + 1 }
  },
}

export const Menu = {
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu: (menu: unknown): void => {
    record.menu = menu
  },
}

const workArea = { x: 0, y: 0, width: 1920, height: 1080 }
export const screen = {
  getAllDisplays: () => [{ id: 1, bounds: workArea, workArea }],
  getPrimaryDisplay: () => ({ id: 1, bounds: workArea, workArea }),
}

export const shell = {
  openExternal: async (url: string): Promise<void> => {
    record.openedExternally.push(url)
  },
  openPath: async (): Promise<string> => '',
}

export const dialog = {
  showSaveDialog: async () => ({ canceled: true, filePath: undefined }),
  showMessageBox: async () => ({ response: 0, checkboxChecked: false }),
  showErrorBox: (title: string): void => log(`dialog.showErrorBox:${title}`),
}

export class Notification extends EventEmitter {
  static isSupported(): boolean {
    return true
  }
  constructor(readonly options: { title: string; body: string }) {
    super()
  }
  show(): void {
    record.notifications.push(this.options)
  }
}

export class Tray extends EventEmitter {
  constructor(readonly image: unknown) {
    super()
    log('Tray')
  }
  setToolTip(tooltip: string): void {
    record.tray.tooltip = tooltip
  }
  setTitle(title: string): void {
    record.tray.title = title
  }
  setContextMenu(menu: unknown): void {
    record.tray.menu = menu
  }
}

class NativeImage {
  addRepresentation(): void {}
  setTemplateImage(): void {}
}
export const nativeImage = { createFromBitmap: (): NativeImage => new NativeImage() }

const electron = {
  app,
  BrowserWindow,
  ClipboardItem,
  Menu,
  Notification,
  Tray,
  nativeImage,
  clipboard,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
}
export default electron
