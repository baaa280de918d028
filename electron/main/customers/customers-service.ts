import { AppFailure, appError, fail, type AppError } from '../../../shared/app-error'
import type {
  Connectivity,
  CustomerRow,
  CustomersSnapshot,
  RemoteSearch,
  SyncStatus,
} from '../../../shared/customers'
import type { EventPayload } from '../../../shared/ipc-contract'
import { customersToCsv, exportFileName } from '../platform/csv'
import { DISCARDED_NOTICE, type CustomerCache } from './customer-cache'
import { toCustomerRow, uniqueRows } from './customer-rows'
import { fetchAllCustomers } from './customer-sync'
import type { Logger } from '../platform/logger'
import type { Clock, SaveFilePort, Scheduler } from '../platform/ports'
import type { VobizClient } from '../vobiz/vobiz-client'

type CustomerEvent = 'customers:syncProgress' | 'customers:changed'

export type CustomersDeps = {
  cache: CustomerCache
  session: {
    /** The signed-in profile (one with a usable token), if any. */
    activeProfileId(): string | null
    activeClient(): Promise<{ profileId: string; client: VobizClient }>
  }
  connectivity: { state(): Connectivity; reset(): void }
  scheduler: Scheduler
  clock: Clock
  logger: Logger
  saveFile: SaveFilePort
  emit: <E extends CustomerEvent>(event: E, payload: EventPayload<E>) => void
  /**
   * After a complete sync is saved: each customer's auth id with the token its list entry carried
   * (the plain cache keeps no token; the caller keeps them encrypted).
   */
  onSynced?: (profileId: string, tokens: [string, string | null | undefined][]) => Promise<void>
  /** Default 5 minutes. */
  refreshEveryMs?: number
  /** Default STARTUP_SYNC_WAIT_MS. */
  startupSyncWaitMs?: number
  sync?: { perPage?: number; concurrency?: number; maxPasses?: number }
}

export type CustomersService = ReturnType<typeof createCustomersService>

/** The customer list of the signed-in profile in memory, as last saved by a complete sync. */
type ProfileCustomers = {
  profileId: string
  /** The cache file has been read (or found missing or damaged). */
  loaded: Promise<void>
  rows: CustomerRow[]
  byAuthId: Map<string, CustomerRow> | null
  cacheNotice: string | null
  status: SyncStatus
  running: Promise<SyncStatus> | null
  abort: AbortController | null
  /** Starts the start-up sync: the renderer has painted the cached rows (or waiting is over). */
  shown: () => void
}

const IDLE: SyncStatus = {
  state: 'idle',
  pagesDone: 0,
  pagesTotal: null,
  error: null,
  syncedAt: null,
}
const CANCELLED: AppError = appError.conflict(
  'The customer sync was cancelled. The last complete list is kept.',
)
const PROGRESS_EVERY_MS = 50
/**
 * With a saved list, the start-up sync waits until the renderer says it has painted that list
 * (or this long at most): downloading and checking thousands of pages on the same few cores must
 * not slow the first paint.
 */
const STARTUP_SYNC_WAIT_MS = 3_000

/**
 * The customers of the signed-in profile: served from the disk cache at once, refreshed by a full
 * sync at start-up and sign-in, on demand (joining a sync already running), every few minutes
 * while online and when the network comes back. The cache changes only when a sync completes.
 */
export function createCustomersService(deps: CustomersDeps) {
  const { logger } = deps
  const refreshEveryMs = deps.refreshEveryMs ?? 5 * 60_000
  const startupSyncWaitMs = deps.startupSyncWaitMs ?? STARTUP_SYNC_WAIT_MS
  let active: ProfileCustomers | null = null
  let cancelTimer: (() => void) | null = null
  let stopped = false
  let lastProgressAt = Number.NEGATIVE_INFINITY
  /** Every sync not finished yet, including cancelled ones still unwinding (a profile switch). */
  const unfinished = new Map<Promise<SyncStatus>, string>()

  /** Follows the session: the active profile's customers, opening them if it changed. */
  function follow(): ProfileCustomers | null {
    if (stopped) return active
    const profileId = deps.session.activeProfileId()
    if ((active?.profileId ?? null) === profileId) return active
    const switched = close()
    if (profileId) active = open(profileId, switched)
    else signedOut()
    return active
  }

  /** Stops the current profile's work; true if there was one. */
  function close(): boolean {
    const previous = active
    if (!previous) return false
    active = null
    previous.abort?.abort()
    stopTimer()
    return true
  }

  function signedOut(): void {
    deps.connectivity.reset()
    deps.emit('customers:changed', { syncedAt: null, count: 0 })
  }

  function open(profileId: string, switched: boolean): ProfileCustomers {
    const profile: ProfileCustomers = {
      profileId,
      loaded: Promise.resolve(),
      rows: [],
      byAuthId: null,
      cacheNotice: null,
      status: IDLE,
      running: null,
      abort: null,
      shown: () => {},
    }
    profile.loaded = deps.cache.load(profileId).then(
      (result) => {
        if (result.kind === 'loaded') {
          profile.rows = result.rows
          profile.status = { ...profile.status, syncedAt: result.syncedAt }
        } else if (result.kind === 'discarded') {
          profile.cacheNotice = result.notice
        }
      },
      (error: unknown) => {
        logger.error('customer cache not loaded', { profileId, error })
        profile.cacheNotice = DISCARDED_NOTICE
      },
    )
    // The cached rows are shown first; then a refresh runs.
    void profile.loaded.then(() => {
      if (profile !== active) return
      if (switched) {
        deps.emit('customers:changed', {
          syncedAt: profile.status.syncedAt,
          count: profile.rows.length,
        })
      }
      if (profile.rows.length === 0) return void startSync(profile)
      let started = false
      const start = () => {
        if (started) return
        started = true
        cancelWait()
        if (profile === active && !stopped) void startSync(profile)
      }
      const cancelWait = deps.scheduler.after(startupSyncWaitMs, start)
      profile.shown = start
    })
    return profile
  }

  function update(profile: ProfileCustomers, patch: Partial<SyncStatus>, throttle = false): void {
    profile.status = { ...profile.status, ...patch }
    if (profile !== active) return
    const now = performance.now()
    if (throttle && now - lastProgressAt < PROGRESS_EVERY_MS) return
    lastProgressAt = now
    deps.emit('customers:syncProgress', profile.status)
  }

  function startSync(profile: ProfileCustomers): Promise<SyncStatus> {
    if (profile.running) return profile.running
    const running = runSync(profile).finally(() => {
      profile.running = null
      unfinished.delete(running)
    })
    unfinished.set(running, profile.profileId)
    profile.running = running
    return running
  }

  /** One full sync; never rejects: a failure is in the status it resolves with. */
  async function runSync(profile: ProfileCustomers): Promise<SyncStatus> {
    stopTimer()
    const abort = new AbortController()
    profile.abort = abort
    const started = performance.now()
    try {
      await profile.loaded
      update(profile, { state: 'syncing', pagesDone: 0, pagesTotal: null, error: null })
      const { profileId, client } = await deps.session.activeClient()
      if (profileId !== profile.profileId || abort.signal.aborted) throw new AppFailure(CANCELLED)
      const tokens = new Map<string, string | null | undefined>()
      const rows = await fetchAllCustomers({
        ...deps.sync,
        readPage: (page, perPage, signal) => client.listAccounts({ page, perPage, signal }),
        signal: abort.signal,
        onAccounts: (accounts) => {
          for (const account of accounts) tokens.set(account.auth_id, account.auth_token)
        },
        onProgress: ({ pagesDone, pagesTotal }) =>
          // The first and last page of a pass always show; those between at most every 50 ms.
          update(profile, { pagesDone, pagesTotal }, pagesDone > 1 && pagesDone < pagesTotal),
        onIncompletePass: (pass) =>
          logger.info('the customer list changed during the sync; verifying', pass),
      })
      if (abort.signal.aborted) throw new AppFailure(CANCELLED)
      const syncedAt = new Date(deps.clock.now()).toISOString()
      await deps.cache.save(profile.profileId, { syncedAt, rows })
      profile.rows = rows
      profile.byAuthId = null
      profile.cacheNotice = null
      update(profile, { state: 'idle', error: null, syncedAt })
      if (profile === active) deps.emit('customers:changed', { syncedAt, count: rows.length })
      // Awaited: sign-out waits for unfinished syncs, so no token is written after it.
      await deps.onSynced?.(
        profile.profileId,
        rows.map((row) => [row.authId, tokens.get(row.authId)]),
      )
      logger.info('customers synced', {
        count: rows.length,
        ms: Math.round(performance.now() - started),
      })
    } catch (error) {
      const reason = abort.signal.aborted
        ? CANCELLED
        : error instanceof AppFailure
          ? error.appError
          : appError.server('The customer sync failed unexpectedly. Try again.')
      if (!(error instanceof AppFailure)) logger.error('customer sync crashed', { error })
      logger.warn('customer sync failed; the last complete list is kept', { kind: reason.kind })
      update(profile, { state: 'failed', error: reason })
    } finally {
      profile.abort = null
      if (profile === active && !stopped) armTimer()
    }
    return profile.status
  }

  function armTimer(): void {
    stopTimer()
    cancelTimer = deps.scheduler.after(refreshEveryMs, () => {
      cancelTimer = null
      const profile = follow()
      // While offline, the connection coming back starts the next sync instead.
      if (profile && deps.connectivity.state().online !== false) void startSync(profile)
    })
  }

  function stopTimer(): void {
    cancelTimer?.()
    cancelTimer = null
  }

  /** Rows changed between syncs (a created customer, a new balance): saved, then announced. */
  /** Cache writes between syncs, one after another; each saves the rows as they are by then. */
  let rowSaves: Promise<void> = Promise.resolve()

  /**
   * Rows changed between syncs (a created customer, a new balance): in memory at once (so two
   * changes close together both stay), announced, then saved.
   */
  async function replaceRows(
    profile: ProfileCustomers,
    syncedAt: string,
    rows: CustomerRow[],
    what: string,
  ): Promise<void> {
    profile.rows = rows
    profile.byAuthId = null
    deps.emit('customers:changed', { syncedAt, count: rows.length })
    rowSaves = rowSaves.then(async () => {
      // Signed out or switched meanwhile: that cache is not this one to write any more.
      if (active !== profile) return
      try {
        await deps.cache.save(profile.profileId, {
          syncedAt: profile.status.syncedAt ?? syncedAt,
          rows: profile.rows,
        })
      } catch (error) {
        logger.warn(`${what} not saved in the cache; the next sync has it`, { error })
      }
    })
    await rowSaves
  }

  function rowsByAuthId(profile: ProfileCustomers): Map<string, CustomerRow> {
    return (profile.byAuthId ??= new Map(profile.rows.map((row) => [row.authId, row])))
  }

  function signedIn(action: string): ProfileCustomers {
    return follow() ?? fail(appError.unauthorized(`Sign in to ${action}.`))
  }

  return {
    /** At start-up and whenever the session changes. */
    follow(): void {
      follow()
    },

    async snapshot(): Promise<CustomersSnapshot> {
      const profile = follow()
      if (!profile) return { rows: [], sync: IDLE, cacheNotice: null }
      await profile.loaded
      return { rows: profile.rows, sync: profile.status, cacheNotice: profile.cacheNotice }
    },

    /** The renderer has painted the cached list: the start-up sync may begin. */
    shown(): void {
      follow()?.shown()
    },

    /** Runs a full sync now, or joins the one running; resolves with how it ended. */
    sync: (): Promise<SyncStatus> => startSync(signedIn('sync customers')),

    /** The network is back: refresh, unless nobody is signed in. */
    refreshInBackground(): void {
      const profile = follow()
      if (profile) void startSync(profile)
    },

    async searchRemote(query: string): Promise<RemoteSearch> {
      const { client } = await deps.session.activeClient()
      const page = await client.listAccounts({ page: 1, perPage: 100, search: query })
      return { rows: uniqueRows(page.accounts.map(toCustomerRow)), total: page.total }
    },

    /**
     * A customer just created: into the list and the cache at once (the next sync confirms it).
     * Without a saved list yet, the sync that is running or due brings it.
     */
    async addCreated(profileId: string, row: CustomerRow): Promise<void> {
      const profile = follow()
      if (!profile || profile.profileId !== profileId) return
      await profile.loaded
      const syncedAt = profile.status.syncedAt
      if (!syncedAt || rowsByAuthId(profile).has(row.authId)) return
      await replaceRows(profile, syncedAt, [...profile.rows, row], 'created customer')
    },

    /** A transfer changed a customer's balance: the saved row shows it until the next sync. */
    async updateBalance(profileId: string, authId: string, balance: string): Promise<void> {
      const profile = follow()
      if (!profile || profile.profileId !== profileId) return
      await profile.loaded
      const syncedAt = profile.status.syncedAt
      const row = rowsByAuthId(profile).get(authId)
      if (!syncedAt || !row || row.balance === balance) return
      const rows = profile.rows.map((r) => (r === row ? { ...row, balance } : r))
      await replaceRows(profile, syncedAt, rows, 'new balance')
    },

    /** The saved row of one customer of the signed-in profile, and when it was synced. */
    async cachedRow(authId: string): Promise<{ row: CustomerRow; syncedAt: string | null } | null> {
      const profile = signedIn('open customers')
      await profile.loaded
      const row = rowsByAuthId(profile).get(authId)
      return row ? { row, syncedAt: profile.status.syncedAt } : null
    },

    /** Saves the cached rows with these auth ids, in this order, as CSV. */
    async exportCsv(
      authIds: readonly string[],
    ): Promise<{ saved: boolean; fileName: string | null }> {
      const profile = signedIn('export customers')
      await profile.loaded
      const byAuthId = rowsByAuthId(profile)
      const rows = [...new Set(authIds)].flatMap((authId) => byAuthId.get(authId) ?? [])
      if (rows.length === 0) {
        return fail(appError.validation('None of these customers are in the saved list.'))
      }
      try {
        return await deps.saveFile(
          exportFileName(new Date(deps.clock.now())),
          customersToCsv(rows),
          'Export customers',
        )
      } catch (error) {
        if (error instanceof AppFailure) throw error
        logger.error('export not saved', { error })
        return fail(appError.file('The file could not be saved. Choose another folder.'))
      }
    },

    /** Sign-out: stops the profile's sync and deletes its cache. */
    async forget(profileId: string): Promise<void> {
      if (active?.profileId === profileId) {
        close()
        signedOut()
      }
      // No sync of this profile may write its cache after it is deleted.
      const syncs = [...unfinished].filter(([, id]) => id === profileId).map(([sync]) => sync)
      await Promise.all(syncs)
      await deps.cache.remove(profileId).catch((error: unknown) => {
        logger.error('customer cache not deleted at sign-out', { profileId, error })
      })
    },

    stop(): void {
      stopped = true
      stopTimer()
      active?.abort?.abort()
    },
  }
}
