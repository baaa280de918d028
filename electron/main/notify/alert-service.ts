import { randomUUID } from 'node:crypto'
import { appError, fail } from '../../../shared/app-error'
import type { Settings } from '../../../shared/customers'
import type { EventPayload } from '../../../shared/ipc-contract'
import type { AlertEntry, NotificationCentre } from '../../../shared/notifications'
import type { WatchList } from '../../../shared/watch'
import type { Logger } from '../platform/logger'
import type { Clock, NotificationPort, Scheduler } from '../platform/ports'
import { createAlertFile, type AlertState } from './alert-files'
import { alertText, summaryText } from './alert-text'
import { crossingsOf } from './crossings'
import { localMinute, quietMinutesLeft } from './quiet-hours'

/** The centre keeps this many entries per profile. */
const KEEP_ENTRIES = 50
/** More crossings than this at once make one summary notification instead of one each. */
const SINGLE_NOTIFICATIONS_UP_TO = 3
const EMPTY: AlertState = { attention: [], entries: [], held: [] }

type Emit = <E extends 'notifications:changed' | 'notifications:openCustomer'>(
  event: E,
  payload: EventPayload<E>,
) => void

export type AlertDeps = {
  session: { activeProfileId(): string | null }
  watch: { list(): Promise<WatchList> }
  settings: { get(): Settings }
  /** Desktop notifications; absent in the browser preview (the centre is its notifications). */
  notifications?: NotificationPort | undefined
  /** How many customers need attention after each evaluation (null: signed out). */
  onAttention?: (count: number | null) => void
  dataDir: string
  clock: Clock
  scheduler: Scheduler
  logger: Logger
  emit: Emit
  /** Minutes since local midnight (the computer's clock by default). */
  minuteOfDay?: (ms: number) => number
}

export type AlertService = ReturnType<typeof createAlertService>

const centreOf = (state: AlertState): NotificationCentre => ({
  entries: state.entries,
  unread: state.entries.filter((e) => !e.read).length,
})

/**
 * Alerts when a customer crosses into "needs attention" (on the watchlist, not snoozed): once per
 * crossing, evaluated after each customer sync and spend read against the last evaluation saved
 * on disk, so neither the next poll nor a restart alerts again; a customer that recovers and
 * crosses again alerts again. Each alert is an entry of the notification centre and, outside
 * quiet hours, a desktop notification; during quiet hours they are held and one summary shows
 * when the quiet hours end.
 */
export function createAlertService(deps: AlertDeps) {
  const file = createAlertFile(deps)
  const minuteOfDay = deps.minuteOfDay ?? localMinute
  const states = new Map<string, Promise<AlertState | null>>()
  let queue: Promise<unknown> = Promise.resolve()
  let cancelFlush: (() => void) | null = null
  let waitingOpen: { profileId: string; authId: string } | null = null

  const stateOf = (profileId: string) => {
    let state = states.get(profileId)
    if (!state) {
      state = file.read(profileId).then((saved) => saved ?? null)
      states.set(profileId, state)
    }
    return state
  }

  /** One change at a time: evaluations, reads and flushes never interleave. */
  function serial<T>(job: () => Promise<T>): Promise<T> {
    const next = queue.catch(() => undefined).then(job)
    queue = next
    return next
  }

  async function save(profileId: string, state: AlertState, announce: boolean): Promise<void> {
    states.set(profileId, Promise.resolve(state))
    await file.write(profileId, state).catch(() => undefined)
    if (announce && deps.session.activeProfileId() === profileId) {
      deps.emit('notifications:changed', centreOf(state))
    }
  }

  const activeProfile = (): string =>
    deps.session.activeProfileId() ?? fail(appError.unauthorized('Sign in to see notifications.'))

  const quietLeft = () =>
    quietMinutesLeft(deps.settings.get().quietHours, minuteOfDay(deps.clock.now()))

  function open(profileId: string, entry: AlertEntry): void {
    if (deps.session.activeProfileId() !== profileId) return
    // Kept for a window that the click opened anew (it was not there to hear the event).
    waitingOpen = { profileId, authId: entry.authId }
    deps.emit('notifications:openCustomer', { authId: entry.authId })
    void markRead(profileId, entry.id)
  }

  function notify(profileId: string, entries: AlertEntry[], quiet: boolean): void {
    const port = deps.notifications
    if (!port || entries.length === 0) return
    const [only] = entries
    if (only && entries.length <= SINGLE_NOTIFICATIONS_UP_TO && !quiet) {
      for (const entry of entries) {
        port.show({ title: entry.title, body: entry.body, onClick: () => open(profileId, entry) })
      }
      return
    }
    port.show({ ...summaryText(entries.length, quiet), onClick: () => {} })
  }

  function scheduleFlush(profileId: string, minutes: number): void {
    cancelFlush?.()
    // A minute's margin past the end, so the clock reads "not quiet" when it fires.
    cancelFlush = deps.scheduler.after((minutes + 1) * 60_000, () => {
      cancelFlush = null
      void serial(() => flush(profileId))
    })
  }

  /** After quiet hours: one summary of the alerts held. */
  async function flush(profileId: string): Promise<void> {
    const state = await stateOf(profileId)
    if (!state || state.held.length === 0 || deps.session.activeProfileId() !== profileId) return
    const left = quietLeft()
    if (left > 0) return scheduleFlush(profileId, left)
    const held = state.entries.filter((e) => state.held.includes(e.id))
    await save(profileId, { ...state, held: [] }, false)
    notify(profileId, held, true)
  }

  async function evaluate(profileId: string): Promise<void> {
    if (deps.session.activeProfileId() !== profileId) return
    const list = await deps.watch.list()
    // Before the first spend read nobody has a runway yet: no baseline to compare with.
    if (list.status.computedAt === null) return
    deps.onAttention?.(list.rows.length)
    const saved = await stateOf(profileId)
    const { crossed, attention } = crossingsOf(saved && new Set(saved.attention), list.rows)
    const state = saved ?? EMPTY
    const settings = deps.settings.get()
    const at = new Date(deps.clock.now()).toISOString()
    const added: AlertEntry[] = settings.notificationsEnabled
      ? crossed.map((row) => ({
          id: randomUUID(),
          authId: row.authId,
          name: row.name,
          at,
          read: false,
          ...alertText(row, list.horizonDays),
        }))
      : []
    const left = quietLeft()
    const held = left > 0 ? [...state.held, ...added.map((e) => e.id)] : state.held
    const entries = [...added, ...state.entries].slice(0, KEEP_ENTRIES)
    const unchanged = saved && added.length === 0 && attention.join() === saved.attention.join()
    if (!unchanged) {
      await save(profileId, { attention, entries, held }, added.length > 0)
    }
    if (added.length > 0)
      deps.logger.info('customers crossed into the watchlist', { count: added.length })
    if (left > 0) {
      if (held.length > 0) scheduleFlush(profileId, left)
      return
    }
    notify(profileId, added, false)
    if (held.length > 0) await flush(profileId)
  }

  async function markRead(profileId: string, id: string | null): Promise<NotificationCentre> {
    return serial(async () => {
      const state = (await stateOf(profileId)) ?? EMPTY
      const entries = state.entries.map((e) =>
        id === null || e.id === id ? { ...e, read: true } : e,
      )
      const next = { ...state, entries }
      await save(profileId, next, true)
      return centreOf(next)
    })
  }

  return {
    /** Compares the active profile's watchlist now with the last evaluation. Never rejects. */
    evaluate: (profileId: string): Promise<void> =>
      serial(() => evaluate(profileId)).catch((error: unknown) =>
        deps.logger.error('alert evaluation failed', { error }),
      ),

    /** The notification centre of the active profile (after the evaluations queued). */
    centre(): Promise<NotificationCentre> {
      const profileId = activeProfile()
      return serial(async () => centreOf((await stateOf(profileId)) ?? EMPTY))
    },

    /** Marks one entry (null: every entry) of the active profile's centre read. */
    markRead: (id: string | null): Promise<NotificationCentre> => markRead(activeProfile(), id),

    /** The customer a clicked notification asked to open, once (for the active profile only). */
    takeOpen(): { authId: string } | null {
      const waiting = waitingOpen
      waitingOpen = null
      return waiting && waiting.profileId === deps.session.activeProfileId()
        ? { authId: waiting.authId }
        : null
    },

    /** Sign-out: the profile's alerts leave memory and disk. */
    async forget(profileId: string): Promise<void> {
      states.delete(profileId)
      await file.remove(profileId)
    },

    stop(): void {
      cancelFlush?.()
      cancelFlush = null
    },
  }
}
