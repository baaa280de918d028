import { AppFailure, type AppErrorKind } from '../../../shared/app-error'
import type { Connectivity } from '../../../shared/customers'
import type { Logger } from '../platform/logger'
import type { Clock, Scheduler } from '../platform/ports'
import type { VobizClient } from '../vobiz/vobiz-client'

/** Failures meaning the API was not reached (or not in time), as opposed to any answer from it. */
const NETWORK_FAILURES: ReadonlySet<AppErrorKind> = new Set([
  'offline',
  'timeout',
  'unknown_outcome',
])

export type ConnectivityDeps = {
  clock: Clock
  scheduler: Scheduler
  logger: Logger
  /** One request to the API (GET /partner/me) through an observed client. */
  probe: () => Promise<unknown>
  firstProbeMs?: number
  maxProbeMs?: number
}

export type ConnectivityService = ReturnType<typeof createConnectivity>

/**
 * Whether the API can be reached, judged only from real requests (an OS "online" flag says
 * nothing about reaching Vobiz): online once a request got an answer, offline after a network
 * failure. While offline it probes with back-off and, when the API answers again, tells its
 * `onOnline` listeners (which refresh the customers).
 */
export function createConnectivity(deps: ConnectivityDeps) {
  const firstMs = deps.firstProbeMs ?? 2_000
  const maxMs = deps.maxProbeMs ?? 30_000
  let online: boolean | null = null
  let since = deps.clock.now()
  let probesInARow = 0
  let cancelProbe: (() => void) | null = null
  let probing = false
  let stopped = false
  const changeListeners: ((state: Connectivity) => void)[] = []
  const onlineListeners: (() => void)[] = []

  const state = (): Connectivity => ({ online, since: new Date(since).toISOString() })

  function set(next: boolean | null): void {
    if (online === next) return
    const recovered = online === false && next === true
    online = next
    since = deps.clock.now()
    deps.logger.info('connectivity changed', { online: next })
    for (const listener of changeListeners) listener(state())
    if (recovered) for (const listener of onlineListeners) listener()
  }

  function answered(): void {
    // Only a real request resets the back-off: when the probe gets through but the requests
    // that follow keep failing, probing must keep slowing down instead of flapping.
    if (!probing) probesInARow = 0
    cancelProbe?.()
    cancelProbe = null
    set(true)
  }

  function unreachable(): void {
    set(false)
    scheduleProbe()
  }

  function scheduleProbe(): void {
    if (stopped || cancelProbe || probing || online !== false) return
    const delay = Math.min(maxMs, firstMs * 2 ** probesInARow)
    probesInARow = Math.min(probesInARow + 1, 16)
    cancelProbe = deps.scheduler.after(delay, () => {
      cancelProbe = null
      void probeNow()
    })
  }

  async function probeNow(): Promise<void> {
    probing = true
    try {
      await deps.probe()
    } catch {
      // Its outcome was reported through the observed client.
    } finally {
      probing = false
    }
    scheduleProbe()
  }

  return {
    state,
    /** A request got an answer from the API (any status: the network works). */
    succeeded: answered,
    /** A request failed: network failures mean offline, an error answer means reachable. */
    failed(error: unknown): void {
      if (!(error instanceof AppFailure)) return
      if (NETWORK_FAILURES.has(error.appError.kind)) unreachable()
      else answered()
    },
    /** Called at every change: online, offline, or unknown again. */
    onChange(listener: (state: Connectivity) => void): void {
      changeListeners.push(listener)
    },
    /** Called when the API answers again after being offline. */
    onOnline(listener: () => void): void {
      onlineListeners.push(listener)
    },
    /** Nothing to be connected to (signed out): unknown again, no probing. */
    reset(): void {
      cancelProbe?.()
      cancelProbe = null
      probesInARow = 0
      set(null)
    },
    stop(): void {
      stopped = true
      cancelProbe?.()
      cancelProbe = null
    },
  }
}

/** The client with every request's outcome reported to connectivity (cancelled ones excepted). */
export function observeClient(
  client: VobizClient,
  connectivity: Pick<ConnectivityService, 'succeeded' | 'failed'>,
): VobizClient {
  const watch = <T>(call: Promise<T>, signal?: AbortSignal): Promise<T> =>
    call.then(
      (value) => {
        connectivity.succeeded()
        return value
      },
      (error: unknown) => {
        if (!signal?.aborted) connectivity.failed(error)
        throw error
      },
    )
  return {
    getPartner: () => watch(client.getPartner()),
    getDashboard: () => watch(client.getDashboard()),
    listAccounts: (query) => watch(client.listAccounts(query), query?.signal),
    getAccount: (authId) => watch(client.getAccount(authId)),
    getBalance: (authId) => watch(client.getBalance(authId)),
    createAccount: (body) => watch(client.createAccount(body)),
    transferBalance: (authId, body) => watch(client.transferBalance(authId, body)),
    listTransactions: (authId, query) => watch(client.listTransactions(authId, query)),
    listSubAccounts: (parent, query) => watch(client.listSubAccounts(parent, query)),
    createSubAccount: (parent, body) => watch(client.createSubAccount(parent, body)),
    updateSubAccount: (parent, sub, patch) => watch(client.updateSubAccount(parent, sub, patch)),
    deleteSubAccount: (parent, sub) => watch(client.deleteSubAccount(parent, sub)),
    getAccountObject: (authId) => watch(client.getAccountObject(authId)),
    getAnalytics: (period) => watch(client.getAnalytics(period)),
    listCdrs: (authId, query) => watch(client.listCdrs(authId, query)),
    getCdr: (authId, uuid) => watch(client.getCdr(authId, uuid)),
    listNumbers: (authId, query) => watch(client.listNumbers(authId, query)),
    listKycSessions: (query) => watch(client.listKycSessions(query)),
    getKycSession: (id) => watch(client.getKycSession(id)),
    createKycSession: (body) => watch(client.createKycSession(body)),
    resendKycSession: (id) => watch(client.resendKycSession(id)),
    revokeKycSession: (id, reason) => watch(client.revokeKycSession(id, reason)),
    getAllocation: (authId) => watch(client.getAllocation(authId)),
    moveCapacity: (move, authId, body) => watch(client.moveCapacity(move, authId, body)),
    listCapacityTransfers: (query) => watch(client.listCapacityTransfers(query)),
  }
}
