import { AppFailure, appError, fail, type AppError } from '../../../shared/app-error'
import type {
  Connectivity,
  CustomersSnapshot,
  RemoteSearch,
  SyncStatus,
} from '../../../shared/customers'
import type { EventPayload } from '../../../shared/ipc-contract'
import type { CustomerCache } from './customer-cache'
import { toCustomerRow, uniqueRows } from './customer-rows'
import { fetchAllCustomers } from './customer-sync'
import type { Logger } from '../platform/logger'
import type { Clock, SaveFilePort, Scheduler } from '../platform/ports'
import type { VobizClient } from '../vobiz/vobiz-client'
import { IDLE, openProfileCustomers, type ProfileCustomers } from './profile-customers'
import { createSavedRows } from './saved-rows'
import { newRevision } from './customer-cache'
import { createListPages } from './list-pages'

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
    const profile = openProfileCustomers(profileId, deps.cache, logger)
    // The cached rows are shown first (from the first page when there is one); then a refresh runs.
    void profile.head.then(async (head) => {
      if (!head) await profile.load()
      if (profile !== active) return
      const count = head ? head.total : profile.rows.length
      if (switched) deps.emit('customers:changed', { syncedAt: profile.status.syncedAt, count })
      if (count === 0) {
        profile.startupOver()
        return void startSync(profile)
      }
      let started = false
      const start = () => {
        if (started) return
        started = true
        profile.startupOver()
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
    const now = deps.clock.now()
    // Math.abs: a clock set back must not hold the progress back until it catches up.
    if (throttle && Math.abs(now - lastProgressAt) < PROGRESS_EVERY_MS) return
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
    const started = deps.clock.now()
    try {
      await profile.load()
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
      const revision = newRevision()
      await deps.cache.save(profile.profileId, { syncedAt, revision, rows })
      profile.rows = rows
      profile.revision = revision
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
        ms: deps.clock.now() - started,
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

  function signedIn(action: string): ProfileCustomers {
    return follow() ?? fail(appError.unauthorized(`Sign in to ${action}.`))
  }

  const savedRows = createSavedRows({
    cache: deps.cache,
    clock: deps.clock,
    logger,
    saveFile: deps.saveFile,
    emit: deps.emit,
    current: follow,
    isActive: (profile) => profile === active,
  })

  return {
    /** At start-up and whenever the session changes. */
    follow(): void {
      follow()
    },

    async snapshot(): Promise<CustomersSnapshot> {
      const profile = follow()
      if (!profile) return { rows: [], sync: IDLE, cacheNotice: null }
      await profile.load()
      return { rows: profile.rows, sync: profile.status, cacheNotice: profile.cacheNotice }
    },

    ...createListPages(follow),

    /**
     * Resolves once the active profile's start-up is over (its cached rows painted, or the wait
     * for them over): work that reads the whole list waits for it, so the first paint does not.
     */
    afterStartup: (): Promise<void> => follow()?.started ?? Promise.resolve(),

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

    ...savedRows,

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
