import { z } from 'zod'
import { issueMessages } from '../../shared/field-messages'
import { faultListSchema, type FaultPlan } from './faults'
import { errorReply, parseJson, reply, type Reply } from './http'
import { validationReply } from './partner-api'
import { partnerProfileJson } from './shapes'
import type { Store } from './store'
import type { SandboxState } from './types'

/** Request counters of the partner API (control requests are not counted). */
export type Counters = {
  total: number
  created: number
  byRoute: Map<string, number>
}

export const newCounters = (): Counters => ({ total: 0, created: 0, byRoute: new Map() })

export function stateOf(store: Store, faults: FaultPlan, counters: Counters): SandboxState {
  return {
    customers: store.customerCount,
    created: counters.created,
    totalRequests: counters.total,
    requests: Object.fromEntries(counters.byRoute),
    faults: faults.list(),
  }
}

/** The test-control endpoints under /__sandbox (header and host checks are done by the server). */
export type ControlApi = {
  getFaults(): Reply
  setFaults(bodyText: string): Reply
  clearFaults(): Reply
  patchPartner(bodyText: string): Reply
  /** Moves the sandbox clock forward by `{ seconds }` → `{ now }`. */
  advanceClock(bodyText: string): Reply
  reset(): Reply
  state(): Reply
}

export function createControlApi(deps: {
  store: Store
  faults: FaultPlan
  now: () => number
  state(): SandboxState
  reset(): void
  advanceClock(ms: number): void
}): ControlApi {
  const { store, faults } = deps
  const faultsReply = (): Reply => reply(200, { faults: faults.list() })

  return {
    getFaults: faultsReply,
    setFaults(bodyText) {
      const json = parseJson(bodyText)
      if (!json.ok) return json.reply
      const parsed = faultListSchema.safeParse(json.value)
      if (!parsed.success) {
        return validationReply(issueMessages(parsed.error, 'body'), 'Invalid fault rules.')
      }
      faults.set(parsed.data.faults)
      return faultsReply()
    },
    clearFaults() {
      faults.set([])
      return faultsReply()
    },
    patchPartner(bodyText) {
      const json = parseJson(bodyText)
      if (!json.ok) return json.reply
      const errors = store.updatePartner(json.value)
      if (errors) return validationReply(errors, 'Invalid partner fields.')
      return reply(200, partnerProfileJson(store.partner, store.customerCount, deps.now()))
    },
    advanceClock(bodyText) {
      const json = parseJson(bodyText)
      if (!json.ok) return json.reply
      const parsed = clockSchema.safeParse(json.value)
      if (!parsed.success) {
        return validationReply(issueMessages(parsed.error, 'body'), 'Invalid clock step.')
      }
      deps.advanceClock(parsed.data.seconds * 1000)
      return reply(200, { now: new Date(deps.now()).toISOString() })
    },
    reset() {
      deps.reset()
      return reply(200, deps.state())
    },
    state: () => reply(200, deps.state()),
  }
}

const clockSchema = z.strictObject({
  seconds: z
    .number()
    .int()
    .min(1)
    .max(366 * 24 * 3600),
})

export const controlRefused = (why: string): Reply => errorReply(403, 'forbidden', why)
