import { create } from 'zustand'
import type { AppError } from '../../../shared/app-error'
import type {
  Connectivity,
  CustomerRow,
  RemoteSearch,
  Settings,
  SyncStatus,
} from '../../../shared/customers'
import { fromTuple } from '../../../shared/customer-tuples'
import type { Result } from '../../../shared/result'
import { ipc } from '../ipc/client'

const NO_ROWS: readonly CustomerRow[] = Object.freeze([])

export type ExportState =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; fileName: string }
  | { state: 'cancelled' }
  | { state: 'failed'; error: AppError }

type CustomersStore = {
  /** The cached rows of the active profile (one array per snapshot: its identity is the cache). */
  rows: readonly CustomerRow[]
  /** True once `customers:get` answered for this profile. */
  loaded: boolean
  loadError: AppError | null
  sync: SyncStatus | null
  /** Why the last Refresh failed (the cached rows stay). */
  syncError: AppError | null
  /** A Refresh asked for by this window is running (before main's progress events say so). */
  refreshing: boolean
  cacheNotice: string | null
  network: Connectivity | null
  settings: Settings | null
  exportState: ExportState

  /** Loads everything and follows main's events; returns the unsubscribe. */
  start: () => () => void
  load: () => Promise<void>
  /** The rows are on screen: main may start its start-up sync (it holds it back until then). */
  shown: () => void
  refresh: () => Promise<void>
  searchRemote: (query: string) => Promise<Result<RemoteSearch>>
  saveSettings: (settings: Partial<Settings>) => Promise<Result<Settings>>
  exportCsv: (authIds: string[]) => Promise<void>
  dismissCacheNotice: () => void
  dismissSyncError: () => void
}

export const useCustomersStore = create<CustomersStore>((set, get) => {
  /** Bumped by start and its cleanup: replies meant for a previous panel are dropped. */
  let epoch = 0
  /** Replies to a load that a newer load overtook are dropped. */
  let loads = 0
  /**
   * Progress events seen. A `customers:get` reply can arrive after an event that main sent later
   * (the reply read the status first): then the event's status is the newer one and is kept.
   */
  let syncEvents = 0

  return {
    rows: NO_ROWS,
    loaded: false,
    loadError: null,
    sync: null,
    syncError: null,
    refreshing: false,
    cacheNotice: null,
    network: null,
    settings: null,
    exportState: { state: 'idle' },

    start() {
      epoch++
      const mine = epoch
      set({
        rows: NO_ROWS,
        loaded: false,
        loadError: null,
        sync: null,
        syncError: null,
        refreshing: false,
        cacheNotice: null,
        exportState: { state: 'idle' },
      })
      const off = [
        ipc.on('customers:syncProgress', (sync) => {
          syncEvents++
          set({ sync, syncError: sync.state === 'failed' ? sync.error : null })
        }),
        ipc.on('customers:changed', () => void get().load()),
        ipc.on('network:changed', (network) => set({ network })),
      ]
      void get().load()
      void ipc.invoke('network:get', {}).then((result) => {
        if (result.ok && mine === epoch) set({ network: result.value })
      })
      void ipc.invoke('settings:get', {}).then((result) => {
        if (result.ok && mine === epoch) set({ settings: result.value })
      })
      return () => {
        epoch++
        for (const unsubscribe of off) unsubscribe()
      }
    },

    async load() {
      const mine = ++loads
      const started = epoch
      const eventsBefore = syncEvents
      const result = await ipc.invoke('customers:get', {})
      if (mine !== loads || started !== epoch) return
      if (result.ok) {
        const { sync, cacheNotice } = result.value
        const rows = result.value.rows.map(fromTuple)
        const newerEvent = syncEvents !== eventsBefore
        set({ rows, cacheNotice, loaded: true, loadError: null, ...(newerEvent ? {} : { sync }) })
      } else {
        set({ loaded: true, loadError: result.error })
      }
    },

    shown: () => void ipc.invoke('customers:shown', {}),

    async refresh() {
      if (get().refreshing || get().sync?.state === 'syncing') return
      const started = epoch
      set({ syncError: null, refreshing: true })
      const result = await ipc.invoke('customers:sync', {})
      if (started !== epoch) return
      if (result.ok) {
        set({ sync: result.value, syncError: result.value.error, refreshing: false })
      } else {
        set({ syncError: result.error, refreshing: false })
      }
    },

    searchRemote: (query) => ipc.invoke('customers:searchRemote', { query }),

    async saveSettings(settings) {
      const result = await ipc.invoke('settings:set', settings)
      if (result.ok) set({ settings: result.value })
      return result
    },

    async exportCsv(authIds) {
      set({ exportState: { state: 'saving' } })
      const result = await ipc.invoke('customers:exportCsv', { authIds })
      if (!result.ok) set({ exportState: { state: 'failed', error: result.error } })
      else if (result.value.saved && result.value.fileName)
        set({ exportState: { state: 'saved', fileName: result.value.fileName } })
      else set({ exportState: { state: 'cancelled' } })
    },

    dismissCacheNotice: () => set({ cacheNotice: null }),
    dismissSyncError: () => set({ syncError: null }),
  }
})
