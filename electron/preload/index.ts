import { contextBridge, ipcRenderer } from 'electron'
import type { PartnerDeskApi } from '../../shared/bridge-api'
import { BRIDGE_GLOBAL } from '../../shared/bridge-api'
import { IPC_PREFIX, isChannel, isEventName } from '../../shared/ipc-names'

/** The renderer's only door to main: contract channels and events, nothing else. */
const api: PartnerDeskApi = {
  platform: 'electron',
  invoke: (channel, request) => {
    if (!isChannel(channel)) return Promise.reject(new Error('Unknown channel'))
    return ipcRenderer.invoke(IPC_PREFIX + channel, request)
  },
  on: (event, listener) => {
    if (!isEventName(event)) throw new Error('Unknown event')
    const wrapped = (_event: unknown, payload: Parameters<typeof listener>[0]) => listener(payload)
    ipcRenderer.on(IPC_PREFIX + event, wrapped)
    return () => {
      ipcRenderer.removeListener(IPC_PREFIX + event, wrapped)
    }
  },
}

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, api)
