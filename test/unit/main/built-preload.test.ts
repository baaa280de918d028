import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { beforeAll, describe, expect, it } from 'vitest'
import { IPC_PREFIX, channelNames } from '../../../shared/ipc-contract'
import { EVENT_NAMES } from '../../../shared/ipc-names'
import { OUT, requireBuiltBundles } from '../../support/electron-double/launch'

// The real out/preload/index.cjs, evaluated in a fresh context with a stubbed `electron`.
type Listener = (event: unknown, payload: unknown) => void
type Api = {
  platform: string
  invoke(channel: string, request: unknown): Promise<unknown>
  on(event: string, listener: (payload: unknown) => void): () => void
}

const exposed: [string, unknown][] = []
const required: string[] = []
const invoked: [string, unknown][] = []
const listeners = new Map<string, Listener[]>()
let contextKeys: string[] = []

beforeAll(() => {
  requireBuiltBundles(['electron/preload/index.ts', 'shared/ipc-names.ts', 'shared/bridge-api.ts'])
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]),
    },
    ipcRenderer: {
      invoke: (channel: string, request: unknown) => {
        invoked.push([channel, request])
        return Promise.resolve({ ok: true, value: channel })
      },
      on: (channel: string, listener: Listener) =>
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
      removeListener: (channel: string, listener: Listener) =>
        listeners.set(
          channel,
          (listeners.get(channel) ?? []).filter((l) => l !== listener),
        ),
    },
  }
  const require = (id: string) => {
    required.push(id)
    if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`)
    return electron
  }
  // Electron runs a preload inside a CommonJS wrapper function, as here.
  const context: Record<string, unknown> = {}
  const source = readFileSync(join(OUT, 'preload/index.cjs'), 'utf8')
  const wrapped = runInNewContext(`(function (exports, require, module) {${source}\n})`, context)
  const module = { exports: {} }
  ;(wrapped as (e: unknown, r: typeof require, m: unknown) => void)(module.exports, require, module)
  contextKeys = Object.keys(context)
  expect(module.exports).toEqual({})
})

const api = () => exposed[0]![1] as Api

describe('the built preload', () => {
  it('requires only electron and exposes exactly window.partnerDesk, once', () => {
    expect(required).toEqual(['electron'])
    expect(exposed.map(([key]) => key)).toEqual(['partnerDesk'])
    expect(Object.keys(api()).sort()).toEqual(['invoke', 'on', 'platform'])
    expect(api().platform).toBe('electron')
    expect(contextKeys).toEqual([])
  })

  it('forwards every contract channel, prefixed, and nothing else', async () => {
    for (const channel of channelNames) {
      expect(await api().invoke(channel, { a: 1 })).toEqual({
        ok: true,
        value: IPC_PREFIX + channel,
      })
    }
    expect(invoked).toEqual(channelNames.map((c) => [IPC_PREFIX + c, { a: 1 }]))
    for (const channel of ['electron-store-get-data', 'partner-desk:session:get', 'x', '']) {
      await expect(api().invoke(channel, {})).rejects.toThrow('Unknown channel')
    }
    expect(invoked).toHaveLength(channelNames.length)
  })

  it('subscribes to every contract event (payload only, no IPC event) and unsubscribes', () => {
    for (const event of EVENT_NAMES) {
      const received: unknown[] = []
      const off = api().on(event, (payload) => received.push(payload))
      const [listener] = listeners.get(IPC_PREFIX + event) ?? []
      listener!({ sender: 'ipc event object' }, { n: 1 })
      expect(received).toEqual([{ n: 1 }])
      off()
      expect(listeners.get(IPC_PREFIX + event)).toEqual([])
    }
    expect(() => api().on('electron-store-get-data', () => {})).toThrow('Unknown event')
    expect([...listeners.keys()].sort()).toEqual(EVENT_NAMES.map((e) => IPC_PREFIX + e).sort())
  })
})
