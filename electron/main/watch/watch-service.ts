import { AppFailure, appError, fail } from '../../../shared/app-error'
import type { CustomersSnapshot, Settings } from '../../../shared/customers'
import type { EventPayload } from '../../../shared/ipc-contract'
import type { TransferRecord } from '../../../shared/ledger'
import {
  SNOOZE_FOR,
  type ThresholdOverride,
  type WatchList,
  type WatchStatus,
} from '../../../shared/watch'
import type { Logger } from '../platform/logger'
import type { Clock } from '../platform/ports'
import type { VobizClient } from '../vobiz/vobiz-client'
import { createSpendTally } from './runway'
import { createWatchFiles, NO_PREFS, type SavedSpend, type WatchPrefs } from './watch-files'
import { watchRows } from './watch-view'

const DAY_MS = 86_400_000
/** The ledger's page size for the spend read (the older pages' maximum). */
export const SPEND_PAGE_SIZE = 100
/** A completed sync reads the spend again only when the last read is older than this. */
const MIN_INTERVAL_MS = 15 * 60_000

export type WatchDeps = {
  session: {
    activeProfileId(): string | null
    activeClient(): Promise<{ profileId: string; client: VobizClient }>
  }
  customers: { snapshot(): Promise<CustomersSnapshot> }
  history: { list(profileId: string): Promise<TransferRecord[]> }
  settings: { get(): Settings }
  dataDir: string
  clock: Clock
  logger: Logger
  emit: (event: 'watch:changed', payload: EventPayload<'watch:changed'>) => void
}

type ProfileWatch = {
  saved: Promise<SavedSpend | undefined>
  status: WatchStatus
  running: Promise<WatchStatus> | null
  abort: AbortController | null
}

export type WatchService = ReturnType<typeof createWatchService>

/**
 * Each customer's runway, computed in main from saved data: the customers of the last sync and
 * their debits over the last 30 days, read from the ledger across all customers (100 a page,
 * summed as read) once after a customer sync, never per customer. The sums are saved in the
 * profile's cache folder, so the watchlist shows offline, with its age.
 */
export function createWatchService(deps: WatchDeps) {
  const files = createWatchFiles(deps)
  const profiles = new Map<string, ProfileWatch>()

  function watchOf(profileId: string): ProfileWatch {
    let watch = profiles.get(profileId)
    if (!watch) {
      const saved = files.spend.read(profileId)
      watch = {
        saved,
        status: { state: 'idle', computedAt: null, error: null },
        running: null,
        abort: null,
      }
      const created = watch
      void saved.then((s) => {
        created.status = { ...created.status, computedAt: s?.computedAt ?? null }
      })
      profiles.set(profileId, watch)
    }
    return watch
  }

  function update(profileId: string, watch: ProfileWatch, patch: Partial<WatchStatus>): void {
    watch.status = { ...watch.status, ...patch }
    if (deps.session.activeProfileId() === profileId) deps.emit('watch:changed', watch.status)
  }

  function activeProfile(): string {
    return deps.session.activeProfileId() ?? fail(appError.unauthorized('Sign in to watch runway.'))
  }

  function refresh(profileId: string): Promise<WatchStatus> {
    const watch = watchOf(profileId)
    if (watch.running) return watch.running
    const running = read(profileId, watch).finally(() => {
      watch.running = null
    })
    watch.running = running
    return running
  }

  /** One read of the ledger's debits; never rejects: a failure is in the status. */
  async function read(profileId: string, watch: ProfileWatch): Promise<WatchStatus> {
    const abort = new AbortController()
    watch.abort = abort
    const started = deps.clock.now()
    try {
      update(profileId, watch, { state: 'reading', error: null })
      const { profileId: active, client } = await deps.session.activeClient()
      if (active !== profileId) throw new AppFailure(appError.conflict('The profile changed.'))
      const tally = createSpendTally(started)
      const fromDate = new Date(started - 30 * DAY_MS).toISOString().slice(0, 10)
      for (let page = 1; ; page++) {
        if (abort.signal.aborted) throw new AppFailure(appError.conflict('Stopped.'))
        const reply = await client.listTransactions(null, {
          page,
          perPage: SPEND_PAGE_SIZE,
          type: 'debit',
          fromDate,
        })
        tally.addPage(reply.transactions)
        const pages = reply.total_pages ?? Math.ceil(reply.total / SPEND_PAGE_SIZE)
        if (reply.transactions.length < SPEND_PAGE_SIZE || page >= pages) break
      }
      if (abort.signal.aborted) throw new AppFailure(appError.conflict('Stopped.'))
      const saved = { computedAt: new Date(started).toISOString(), spend: tally.spend() }
      watch.saved = Promise.resolve(saved)
      await files.spend.write(profileId, saved).catch(() => undefined)
      update(profileId, watch, { state: 'idle', computedAt: saved.computedAt })
      deps.logger.info('runway spend read', {
        customers: saved.spend.size,
        ms: deps.clock.now() - started,
      })
    } catch (error) {
      const reason =
        error instanceof AppFailure
          ? error.appError
          : appError.server('Reading the ledger for the watchlist failed. Try again.')
      if (!(error instanceof AppFailure)) deps.logger.error('runway read crashed', { error })
      update(profileId, watch, { state: 'failed', error: reason })
    } finally {
      watch.abort = null
    }
    return watch.status
  }

  async function prefsOf(profileId: string): Promise<WatchPrefs> {
    return (await files.prefs.read(profileId)) ?? NO_PREFS
  }

  return {
    /** A customer sync completed: the spend is read again unless the last read is recent. */
    async synced(profileId: string): Promise<void> {
      const saved = await watchOf(profileId).saved
      const age = deps.clock.now() - Date.parse(saved?.computedAt ?? '')
      if (!(Math.abs(age) < MIN_INTERVAL_MS)) void refresh(profileId)
    },

    /** Reads the spend now (joining a read already running). */
    refresh: () => refresh(activeProfile()),

    async list(): Promise<WatchList> {
      const profileId = activeProfile()
      const watch = watchOf(profileId)
      const [saved, snapshot, prefs, transfers] = await Promise.all([
        watch.saved,
        deps.customers.snapshot(),
        prefsOf(profileId),
        deps.history.list(profileId),
      ])
      const settings = deps.settings.get()
      const { rows, snoozed } = watchRows({
        customers: snapshot.rows,
        spend: saved?.spend ?? new Map(),
        prefs,
        transfers,
        thresholdDays: settings.runwayThresholdDays,
        horizonDays: settings.runwayHorizonDays,
        nowMs: deps.clock.now(),
      })
      return {
        status: watch.status,
        rows,
        snoozed,
        thresholdDays: settings.runwayThresholdDays,
        horizonDays: settings.runwayHorizonDays,
      }
    },

    /** Hides a customer from the watchlist for a day or a week (null: shows it again). */
    async snooze(authId: string, snooze: 'day' | 'week' | null) {
      const profileId = activeProfile()
      const now = deps.clock.now()
      const until = snooze ? new Date(now + SNOOZE_FOR[snooze] * DAY_MS).toISOString() : null
      await files.prefs.update(profileId, (saved = NO_PREFS) => {
        // Snoozes that ended are dropped as the file is written.
        const snoozes = Object.fromEntries(
          Object.entries(saved.snoozes).filter(([id, at]) => id !== authId && Date.parse(at) > now),
        )
        return { ...saved, snoozes: until ? { ...snoozes, [authId]: until } : snoozes }
      })
      return { snoozedUntil: until }
    },

    /** A customer's own threshold (null: the default days of runway again). */
    async setThreshold(authId: string, threshold: ThresholdOverride | null) {
      const profileId = activeProfile()
      await files.prefs.update(profileId, (saved = NO_PREFS) => {
        const { [authId]: _previous, ...others } = saved.thresholds
        return { ...saved, thresholds: threshold ? { ...others, [authId]: threshold } : others }
      })
      return {}
    },

    /** Sign-out: a read running stops, and the profile's watchlist files are deleted. */
    async forget(profileId: string): Promise<void> {
      const watch = profiles.get(profileId)
      profiles.delete(profileId)
      watch?.abort?.abort()
      await watch?.running
      await Promise.all([files.spend.remove(profileId), files.prefs.remove(profileId)])
    },

    stop(): void {
      for (const watch of profiles.values()) watch.abort?.abort()
    },
  }
}
