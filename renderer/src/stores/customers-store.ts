import { create } from 'zustand'
import { appError, type AppError } from '../../../shared/app-error'
import type {
  Connectivity,
  CustomerRow,
  RemoteSearch,
  Settings,
  SyncStatus,
} from '../../../shared/customers'
import { FIRST_PAGE_ROWS } from '../../../shared/customer-tuples'
import type { Result } from '../../../shared/result'
import { ipc } from '../ipc/client'
import { readCustomerList, type PageSource } from './customer-pages'

const NO_ROWS: readonly CustomerRow[] = Object.freeze([])
/** Reads of a list that keeps changing while it is read, before the last one is kept. */
const READS = 3

const pages: PageSource = {
  firstPage: () => ipc.invoke('customers:firstPage', { size: FIRST_PAGE_ROWS }),
  page: (from, limit) => ipc.invoke('customers:get', { from, limit }),
}

/** The list being read after its first page: the rows so far (in list order) and how many. */
export type ListLoading = { readonly rows: readonly CustomerRow[]; readonly total: number }

export type ExportState =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; fileName: string }
  | { state: 'cancelled' }
  | { state: 'failed'; error: AppError }

type CustomersStore = {
  /**
   * The cached rows of the active profile (one array per snapshot: its identity is the cache);
   * while the list is first read, its first page (the rows the table shows first, in that order).
   */
  rows: readonly CustomerRow[]
  /** How many customers the list has (more than `rows` while it is first read). */
  total: number
  /** While the list is first read after its first page; null once it is whole. */
  loading: ListLoading | null
  /** True once the first page answered for this profile. */
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

  /** `rows` is a whole list (so a later read keeps it on screen until the next one is whole). */
  let whole = false

  return {
    rows: NO_ROWS,
    total: 0,
    loading: null,
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
      whole = false
      set({
        rows: NO_ROWS,
        total: 0,
        loading: null,
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
      const overtaken = () => mine !== loads || started !== epoch
      // A status read before a later progress event is older than it: the event's is kept.
      const syncOf = (sync: SyncStatus) => (syncEvents !== eventsBefore ? {} : { sync })
      for (let read = 1; ; read++) {
        const outcome = await readCustomerList(pages, {
          overtaken,
          onFirstPage: (first) => {
            // Until a whole list is on screen, its first page is.
            if (whole) return
            const loading =
              first.rows.length < first.total ? { rows: NO_ROWS, total: first.total } : null
            set({ rows: first.rows, total: first.total, loading, cacheNotice: first.cacheNotice })
            set({ loaded: true, loadError: null, ...syncOf(first.sync) })
          },
          onProgress: (rows, total) => {
            if (!whole) set({ loading: { rows, total } })
          },
        })
        if (outcome.kind === 'overtaken') return
        if (outcome.kind === 'changed' && read < READS) continue
        if (outcome.kind === 'complete') {
          const { rows, total, sync, cacheNotice } = outcome.list
          whole = true
          set({
            rows,
            total,
            cacheNotice,
            loading: null,
            loaded: true,
            loadError: null,
            ...syncOf(sync),
          })
        } else {
          const error =
            outcome.kind === 'failed'
              ? outcome.error
              : appError.conflict('The customer list kept changing while it was read. Try again.')
          // The rows on screen stay (a whole list, or the first page of this one).
          set({ loaded: true, loadError: error, loading: null })
        }
        return
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
