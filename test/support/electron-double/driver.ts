// The child process that runs the real built main bundle against the Electron double, and
// answers the test's commands over the IPC channel (see launch.ts for the commands).
import { register } from 'node:module'
import { pathToFileURL } from 'node:url'
import { IPC_PREFIX } from '../../../shared/ipc-names'
import { BrowserWindow, WebContents, app, becomeReady, windowsCreated } from './electron'
import { makeEvent, record, type Fn } from './record'

export type Command =
  | { type: 'state' }
  | { type: 'invoke'; channel: string; payload: unknown; frameUrl: string; from?: Origin }
  | { type: 'navigate'; url: string }
  | { type: 'windowOpen'; url: string }
  | { type: 'permission'; permission: string }
  | { type: 'protocol'; url: string }
  | { type: 'quit' }

/** Where an IPC call comes from: the app window's top frame, a sub-frame, another window. */
type Origin = 'top' | 'subframe' | 'otherWindow'

register('./hooks.mjs', {
  parentURL: import.meta.url,
  data: { url: new URL('./electron.ts', import.meta.url).href },
})

const call = <T>(fn: Fn | null | undefined, ...args: unknown[]): T => {
  if (!fn) throw new Error('not registered')
  return (fn as (...a: unknown[]) => T)(...args)
}

const mainWindow = (): BrowserWindow => {
  const window = windowsCreated()[0]
  if (!window) throw new Error('no window was created')
  return window
}

function state() {
  return {
    calls: record.calls,
    ready: record.ready,
    quit: record.quit,
    privilegedSchemes: record.privilegedSchemes,
    protocolHandlers: [...record.protocolHandlers].map(([scheme, h]) => ({
      scheme,
      session: h.session,
    })),
    permissionHandlers: {
      request: [...record.permissionRequestHandlers.keys()],
      check: [...record.permissionCheckHandlers.keys()],
    },
    partitions: record.partitions,
    sessionFetches: record.sessionFetches,
    ipcHandlers: [...record.ipcHandlers.keys()],
    ipcListeners: [...record.ipcListeners.keys()],
    clipboard: record.clipboard,
    menuSet: record.menu !== null,
    openedExternally: record.openedExternally,
    windows: windowsCreated().map((w) => ({
      options: w.options,
      loadedUrl: w.loadedUrl,
      shown: w.shown,
      destroyed: w.destroyed,
      webContentsEvents: w.webContents.eventNames().map(String),
      windowOpenHandler: w.webContents.windowOpenHandler !== null,
      sent: w.webContents.sent,
    })),
  }
}

async function run(command: Command): Promise<unknown> {
  switch (command.type) {
    case 'state':
      return state()
    case 'invoke': {
      const window = mainWindow()
      const from = command.from ?? 'top'
      const event = {
        sender: from === 'otherWindow' ? new WebContents() : window.webContents,
        senderFrame: { url: command.frameUrl, parent: from === 'subframe' ? {} : null },
      }
      const handler = record.ipcHandlers.get(IPC_PREFIX + command.channel)
      return await call<Promise<unknown>>(handler, event, command.payload)
    }
    case 'navigate': {
      const event = makeEvent()
      mainWindow().webContents.emit('will-navigate', event, command.url)
      return { prevented: event.defaultPrevented }
    }
    case 'windowOpen':
      return call(mainWindow().webContents.windowOpenHandler, { url: command.url })
    case 'permission': {
      const granted = await new Promise<boolean>((done) =>
        call(record.permissionRequestHandlers.get('default'), null, command.permission, done),
      )
      const checked = call(record.permissionCheckHandlers.get('default'), null, command.permission)
      return { granted, checked }
    }
    case 'protocol': {
      const handler = record.protocolHandlers.get(new URL(command.url).protocol.slice(0, -1))
      const response = await call<Promise<Response>>(handler?.handler, new Request(command.url))
      return {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: await response.text(),
      }
    }
    case 'quit': {
      app.quit()
      const until = Date.now() + 10_000
      while (!record.quit && Date.now() < until) await new Promise((r) => setTimeout(r, 20))
      return { quit: record.quit }
    }
  }
}

const send = (message: unknown) => process.send?.(message)

process.on('message', (message: { id: number; command: Command }) => {
  run(message.command).then(
    (value) => send({ id: message.id, ok: true, value }),
    (error: unknown) => send({ id: message.id, ok: false, error: String(error) }),
  )
})

const bundle = process.argv[2]
if (!bundle) throw new Error('usage: driver.ts <out/main/index.js>')
await import(pathToFileURL(bundle).href)
becomeReady()
// Let the app's start() run up to its window (it awaits whenReady, then the protocol handler).
const until = Date.now() + 10_000
while (BrowserWindow.getAllWindows().length === 0 && Date.now() < until) {
  await new Promise((r) => setTimeout(r, 10))
}
send({ type: 'started', windows: BrowserWindow.getAllWindows().length })
