import { randomBytes } from 'node:crypto'
import { appError, fail } from '../../../shared/app-error'
import type { CapacityMoveRequest, CapacityRecord, CapacityView } from '../../../shared/capacity'
import type { Connectivity } from '../../../shared/customers'
import {
  checkSlots,
  MAX_HISTORY_LIMIT,
  type AllocationWire,
  type CapacityHistoryEntryWire,
} from '../../../shared/vobiz-capacity'
import type { Logger } from '../platform/logger'
import type { Clock, Scheduler } from '../platform/ports'
import { createSendOnce } from '../platform/send-once'
import type { VobizClient } from '../vobiz/vobiz-client'
import type { CapacityHistory } from './capacity-history'

export type CapacityServiceDeps = {
  session: {
    activeClient(): Promise<{ profileId: string; client: VobizClient }>
    activeProfileId(): string | null
  }
  connectivity: { state(): Connectivity }
  history: Pick<CapacityHistory, 'list' | 'record'>
  logger: Logger
  clock: Clock
  scheduler: Scheduler
  /** A new unique reference (tests may fix it). */
  reference?: () => string
  /** How long to wait after a lost reply before reading the history (tests: shorter). */
  lookupDelayMs?: number
}

export type CapacityService = ReturnType<typeof createCapacityService>

/** History pages read at most when looking for a lost move (2,000 entries). */
const MAX_LOOKUP_PAGES = 10

type Sent = CapacityMoveRequest & { profileId: string; reference: string; at: string }

export function toCapacityView(authId: string, wire: AllocationWire): CapacityView {
  return {
    authId,
    concurrent_calls: {
      customerLimit: wire.customer_concurrent_calls_limit,
      allocated: wire.net_concurrent_calls_allocated,
      partnerRemaining: wire.partner_concurrent_calls_limit,
    },
    cps: {
      customerLimit: wire.customer_cps_limit,
      allocated: wire.net_cps_allocated,
      partnerRemaining: wire.partner_cps_limit,
    },
  }
}

/** The partner's history, newest first, page after page: the entry carrying the reference. */
async function findMove(client: VobizClient, sent: Sent): Promise<CapacityHistoryEntryWire | null> {
  const cutoff = Date.parse(sent.at) - 2 * 86_400_000
  for (let page = 0; page < MAX_LOOKUP_PAGES; page++) {
    const entries = await client.listCapacityTransfers({
      limit: MAX_HISTORY_LIMIT,
      offset: page * MAX_HISTORY_LIMIT,
    })
    const found = entries.find((e) => e.description?.includes(sent.reference) === true)
    if (found) return found
    const oldest = Date.parse(entries.at(-1)?.created_at ?? '')
    if (entries.length < MAX_HISTORY_LIMIT || oldest < cutoff) return null
  }
  return null
}

/**
 * Concurrent-call and CPS allocation. A transfer or reclaim carries a unique reference in its
 * description; it is never retried; a lost reply is resolved from `GET /concurrency/transfers`
 * before anything is said, and another move for that customer is refused until it is.
 */
export function createCapacityService(deps: CapacityServiceDeps) {
  const { session, logger } = deps
  const newReference =
    deps.reference ?? (() => `PD-${randomBytes(6).toString('hex').toUpperCase()}`)

  const sends = createSendOnce({
    async lookUp(sent: Sent) {
      const { profileId, client } = await session.activeClient()
      if (profileId !== sent.profileId) {
        fail(
          appError.validation('That change was sent from another profile: switch back to check.'),
        )
      }
      // A lost reply may mean the request is still being applied: give it a moment first.
      await new Promise<void>((done) => deps.scheduler.after(deps.lookupDelayMs ?? 1500, done))
      return findMove(client, sent)
    },
    onLost: (sent, authId) =>
      logger.warn('capacity reply lost; looking for its reference', {
        authId,
        reference: sent.reference,
      }),
  })

  async function keep(sent: Sent, record: CapacityRecord): Promise<CapacityRecord> {
    await deps.history.record(sent.profileId, record)
    return record
  }

  const recordOf = (sent: Sent, found: CapacityHistoryEntryWire): CapacityRecord => ({
    reference: sent.reference,
    transferReference: found.transfer_reference,
    authId: sent.authId,
    move: sent.move,
    resource: sent.resource,
    slots: sent.slots,
    at: sent.at,
    partnerRemaining: null,
    customerEffective: null,
    recovered: true,
  })

  async function send(request: CapacityMoveRequest): Promise<CapacityRecord> {
    const { authId } = request
    if (sends.unresolved(authId)) {
      fail(
        appError.unknownOutcome(
          'The last capacity change for this customer lost its reply. Check it before sending another.',
        ),
      )
    }
    if (deps.connectivity.state().online === false) {
      fail(appError.offline('Changing capacity needs a connection to Vobiz.'))
    }
    const { profileId, client } = await session.activeClient()
    // The rules are checked against the figures as they are now, before anything is sent.
    const view = toCapacityView(authId, await client.getAllocation(authId))
    const checked = checkSlots(request.move, String(request.slots), view[request.resource])
    if (!checked.ok) fail(appError.validation(checked.message, { slots: checked.message }))
    const sent: Sent = {
      ...request,
      profileId,
      reference: newReference(),
      at: new Date(deps.clock.now()).toISOString(),
    }
    const outcome = await sends.send(authId, sent, () =>
      client.moveCapacity(request.move, authId, {
        resource: request.resource,
        slots: request.slots,
        description: `Partner Desk [${sent.reference}]`,
      }),
    )
    if (outcome.kind === 'replied') {
      logger.info('capacity moved', { authId, move: request.move, reference: sent.reference })
      const { reply } = outcome
      return keep(sent, {
        ...recordOf(sent, reply),
        partnerRemaining: reply.partner_remaining ?? null,
        customerEffective: reply.customer_effective ?? null,
        recovered: false,
      })
    }
    if (outcome.kind === 'unchecked') {
      fail(
        appError.unknownOutcome(
          `The reply was lost and Partner Desk could not read the capacity history to check. Check again before sending another change (reference ${sent.reference}).`,
        ),
      )
    }
    if (outcome.kind === 'applied') return keep(sent, recordOf(sent, outcome.found))
    return fail(
      appError.offline(
        'The connection was lost and the change is not in the capacity history: it was not applied. You can send it again.',
      ),
    )
  }

  return {
    async get(authId: string): Promise<CapacityView> {
      const { client } = await session.activeClient()
      return toCapacityView(authId, await client.getAllocation(authId))
    },

    move(request: CapacityMoveRequest): Promise<CapacityRecord> {
      const busy = appError.unknownOutcome(
        'A capacity change for this customer is still on its way. Wait for its outcome first.',
      )
      return sends.exclusive(request.authId, busy, () => send(request))
    },

    /** After a lost reply: was it applied? Resolves the customer's pending move either way. */
    async check(authId: string): Promise<{ applied: CapacityRecord | null; known: boolean }> {
      const outcome = await sends.check(authId)
      if (!outcome) return { applied: null, known: false }
      if (outcome.kind === 'unchecked') throw outcome.error
      if (outcome.kind === 'not-applied') return { applied: null, known: true }
      return {
        applied: await keep(outcome.sent, recordOf(outcome.sent, outcome.found)),
        known: true,
      }
    },

    async history(): Promise<CapacityRecord[]> {
      const profileId = session.activeProfileId()
      return profileId ? deps.history.list(profileId) : []
    },
  }
}
