import { AppFailure, type AppError } from '../../../shared/app-error'
import { TREND_LENGTH, type BalanceReading, type PartnerBalance } from '../../../shared/balance'
import type { Connectivity } from '../../../shared/customers'
import type { PartnerView } from '../../../shared/ipc-contract'
import type { Clock, Scheduler } from '../platform/ports'

const MAX_BACKOFF_MS = 5 * 60_000

export type PartnerBalanceDeps = {
  scheduler: Scheduler
  clock: Clock
  /** Reads the partner now (coalesced by the session); resolves with the fresh view. */
  read: () => Promise<PartnerView | null>
  connectivity: { state(): Connectivity }
  /** The refresh interval (the user's setting), read at each scheduling. */
  intervalMs: () => number
  onChange: (balance: PartnerBalance) => void
}

export type PartnerBalanceWatcher = ReturnType<typeof createPartnerBalanceWatcher>

/**
 * The partner's balance over the session: read every `intervalMs` while the window is visible
 * and Vobiz reachable, paused while hidden, backing off (×2 per failure, up to 5 minutes) while
 * reads fail; each partner reading, whoever caused it, becomes a point of the trend.
 */
export function createPartnerBalanceWatcher(deps: PartnerBalanceDeps) {
  let profileId: string | null = null
  let visible = true
  let failures = 0
  let error: AppError | null = null
  let trend: BalanceReading[] = []
  let cancel: (() => void) | null = null
  let nextAt: number | null = null
  let stopped = false

  const offline = () => deps.connectivity.state().online === false

  function snapshot(): PartnerBalance {
    const state: PartnerBalance['state'] = !profileId
      ? 'idle'
      : offline()
        ? 'offline'
        : !visible
          ? 'paused'
          : failures > 0
            ? 'backing-off'
            : 'live'
    return {
      current: trend.at(-1) ?? null,
      previous: trend.at(-2) ?? null,
      trend,
      state,
      error,
      nextAt: nextAt === null ? null : new Date(nextAt).toISOString(),
    }
  }

  const publish = () => deps.onChange(snapshot())

  function unschedule(): void {
    cancel?.()
    cancel = null
    nextAt = null
  }

  function schedule(): void {
    unschedule()
    if (stopped || !profileId || !visible || offline()) return
    const delay = Math.min(MAX_BACKOFF_MS, deps.intervalMs() * 2 ** failures)
    nextAt = deps.clock.now() + delay
    cancel = deps.scheduler.after(delay, () => {
      cancel = null
      nextAt = null
      void refresh()
    })
  }

  let running: Promise<PartnerBalance> | null = null

  /** One read at a time: a timer, a resume and a Refresh at once count as one (one failure). */
  function refresh(): Promise<PartnerBalance> {
    running ??= readOnce().finally(() => {
      running = null
    })
    return running
  }

  async function readOnce(): Promise<PartnerBalance> {
    if (!profileId) return snapshot()
    const asked = profileId
    try {
      await deps.read()
      // The reading itself arrives through `observe` (the session publishes it).
      failures = 0
      error = null
    } catch (failure) {
      if (asked !== profileId) return snapshot()
      failures = Math.min(failures + 1, 16)
      error = failure instanceof AppFailure ? failure.appError : null
    }
    schedule()
    publish()
    return snapshot()
  }

  return {
    snapshot,
    refresh,
    /** The session changed: a new reading, or another (or no) profile. */
    observe(activeProfileId: string | null, partner: PartnerView | null): void {
      if (activeProfileId !== profileId) {
        profileId = activeProfileId
        trend = []
        failures = 0
        error = null
        schedule()
      }
      if (partner && partner.fetchedAt !== trend.at(-1)?.at) {
        trend = [
          ...trend,
          { balance: partner.balance, currency: partner.currency, at: partner.fetchedAt },
        ].slice(-TREND_LENGTH)
        // A reading, whoever asked for it (Refresh, a probe), is a success and restarts the
        // interval from now.
        failures = 0
        error = null
        schedule()
      }
      publish()
    },
    /** A transfer's reply says what the balance is now: shown at once, before the next read. */
    applied(forProfileId: string, reading: BalanceReading): void {
      // A reply that arrives after a switch belongs to the other profile's wallet.
      if (!profileId || forProfileId !== profileId) return
      trend = [...trend, reading].slice(-TREND_LENGTH)
      publish()
    },
    setVisible(next: boolean): PartnerBalance {
      if (next === visible) return snapshot()
      visible = next
      if (!visible) unschedule()
      else if (profileId && !offline()) void refresh()
      publish()
      return snapshot()
    },
    /** Online again, or offline: resume or stop the schedule. */
    connectivityChanged(): void {
      if (offline()) unschedule()
      else if (!cancel) void refresh()
      publish()
    },
    stop(): void {
      stopped = true
      unschedule()
    },
  }
}
