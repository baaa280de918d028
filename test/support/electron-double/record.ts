import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** What the app asked of the Electron double, read by the driver for the test. */
export type Fn = (...args: never[]) => unknown

export type DoubleEvent = { defaultPrevented: boolean; preventDefault(): void }
export const makeEvent = (): DoubleEvent => ({
  defaultPrevented: false,
  preventDefault() {
    this.defaultPrevented = true
  },
})

const base = process.env['ELECTRON_DOUBLE_DIR'] ?? mkdtempSync(join(tmpdir(), 'electron-double-'))

export const record = {
  base,
  ready: false,
  quit: false,
  /** Every lifecycle call in order, e.g. "app.enableSandbox", "ready", "protocol.handle:app". */
  calls: [] as string[],
  paths: new Map<string, string>(),
  privilegedSchemes: [] as { scheme: string; privileges: unknown; beforeReady: boolean }[],
  protocolHandlers: new Map<string, { session: string; handler: Fn }>(),
  permissionRequestHandlers: new Map<string, Fn>(),
  permissionCheckHandlers: new Map<string, Fn>(),
  partitions: [] as { partition: string; options: unknown }[],
  sessionFetches: [] as { session: string; url: string; credentials: unknown }[],
  ipcHandlers: new Map<string, Fn>(),
  ipcListeners: new Map<string, Fn[]>(),
  clipboard: { text: '', formats: [] as string[], writes: 0 },
  menu: null as unknown,
  notifications: [] as { title: string; body: string }[],
  tray: { tooltip: '', title: '', menu: null as unknown },
  openedExternally: [] as string[],
}

export const log = (call: string): void => {
  record.calls.push(call)
}
