import { randomBytes } from 'node:crypto'
import {
  CAPACITY_RESOURCES,
  MAX_CAPACITY_DESCRIPTION,
  MAX_HISTORY_LIMIT,
  MAX_SLOTS,
  MIN_SLOTS,
  type CapacityMove,
  type CapacityResource,
} from '../../shared/vobiz-capacity'
import { httpErrorReply, parseJson, reply, type Reply } from './http'
import { validationReply } from './partner-api'
import type { Route } from './routes'
import type { Store } from './store'
import type { FieldError } from './validation'

/**
 * The partner's own limits, its pool (our reading: the docs do not say how big a pool is; a
 * transfer takes from it, a reclaim gives back).
 */
export const PARTNER_POOL: Record<CapacityResource, number> = { concurrent_calls: 200, cps: 20 }

type Entry = {
  transfer_reference: string
  /** Our reading: which way the slots went (the docs list no history fields). */
  type: CapacityMove
  resource: CapacityResource
  slots: number
  from_account: string
  to_account: string
  description: string | null
  created_at: string
}

const limitKey = { concurrent_calls: 'concurrentCallsLimit', cps: 'cpsLimit' } as const
const ACCOUNT = /^\/api\/v1\/partner\/accounts\/([^/]+)\/concurrency/

/**
 * Capacity (partner-usage-and-onboarding.md, "Capacity"): the allocation view, transfer and
 * reclaim with their rules, and the history. Status codes and error bodies are not documented:
 * our reading is the KYC pages' `{error: 'HTTPError', message, status_code}` (404 unknown
 * account, 400 a rule broken) and their 422 validation body.
 */
export function capacityRoutes(options: { store: Store; now: () => number }) {
  const { store, now } = options
  let pool = { ...PARTNER_POOL }
  let allocated = new Map<string, Record<CapacityResource, number>>()
  let history: Entry[] = []
  const allocationOf = (authId: string) => allocated.get(authId) ?? { concurrent_calls: 0, cps: 0 }

  function view(authId: string): Reply {
    const customer = store.get(authId)
    if (!customer) return httpErrorReply(404, 'Account not found')
    const mine = allocationOf(authId)
    return reply(200, {
      partner_auth_id: store.partner.auth_id,
      customer_auth_id: authId,
      partner_concurrent_calls_limit: pool.concurrent_calls,
      customer_concurrent_calls_limit: customer.concurrentCallsLimit,
      net_concurrent_calls_allocated: mine.concurrent_calls,
      partner_cps_limit: pool.cps,
      customer_cps_limit: customer.cpsLimit,
      net_cps_allocated: mine.cps,
    })
  }

  function validate(body: unknown) {
    const errors: FieldError[] = []
    const {
      resource = 'concurrent_calls',
      slots,
      description,
    } = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
    if (!(CAPACITY_RESOURCES as readonly unknown[]).includes(resource)) {
      errors.push({
        field: 'resource',
        message: `resource is one of ${CAPACITY_RESOURCES.join(', ')}.`,
      })
    }
    if (
      typeof slots !== 'number' ||
      !Number.isInteger(slots) ||
      slots < MIN_SLOTS ||
      slots > MAX_SLOTS
    ) {
      errors.push({
        field: 'slots',
        message: `slots is a whole number from ${MIN_SLOTS} to ${MAX_SLOTS}.`,
      })
    }
    if (description !== undefined && description !== null) {
      if (typeof description !== 'string' || description.length > MAX_CAPACITY_DESCRIPTION) {
        errors.push({
          field: 'description',
          message: `description is at most ${MAX_CAPACITY_DESCRIPTION} characters.`,
        })
      }
    }
    return errors.length > 0
      ? ({ ok: false, errors } as const)
      : ({
          ok: true,
          resource: resource as CapacityResource,
          slots: slots as number,
          description: typeof description === 'string' ? description : null,
        } as const)
  }

  function move(type: CapacityMove, authId: string, bodyText: string): Reply {
    const json = parseJson(bodyText)
    if (!json.ok) return json.reply
    const checked = validate(json.value)
    if (!checked.ok) return validationReply(checked.errors)
    const customer = store.get(authId)
    if (!customer) return httpErrorReply(404, 'Account not found')
    const { resource, slots } = checked
    const mine = { ...allocationOf(authId) }
    const limit = customer[limitKey[resource]]
    if (type === 'transfer' && slots > pool[resource]) {
      return httpErrorReply(
        400,
        `Only ${pool[resource]} ${resource} slots are left in the partner pool.`,
      )
    }
    if (type === 'reclaim' && slots > Math.min(mine[resource], limit)) {
      return httpErrorReply(
        400,
        `Cannot reclaim ${slots}: this partner allocated ${mine[resource]} and the customer's limit is ${limit}.`,
      )
    }
    const sign = type === 'transfer' ? 1 : -1
    pool = { ...pool, [resource]: pool[resource] - sign * slots }
    mine[resource] += sign * slots
    allocated.set(authId, mine)
    customer[limitKey[resource]] = limit + sign * slots
    const partnerId = store.partner.auth_id
    const entry: Entry = {
      transfer_reference: `CT-${randomBytes(6).toString('hex').toUpperCase()}`,
      type,
      resource,
      slots,
      from_account: type === 'transfer' ? partnerId : authId,
      to_account: type === 'transfer' ? authId : partnerId,
      description: checked.description,
      created_at: new Date(now()).toISOString(),
    }
    history = [entry, ...history]
    return reply(200, {
      success: true,
      slots,
      resource,
      from_account: entry.from_account,
      to_account: entry.to_account,
      transfer_reference: entry.transfer_reference,
      partner_remaining: pool[resource],
      customer_effective: customer[limitKey[resource]],
      message: `${slots} ${resource} ${type === 'transfer' ? 'transferred' : 'reclaimed'}. Limits take up to five minutes to apply.`,
    })
  }

  function list(query: URLSearchParams): Reply {
    const errors: FieldError[] = []
    const int = (name: string, fallback: number, min: number, max: number) => {
      const raw = query.get(name)
      if (raw === null) return fallback
      if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
        errors.push({ field: name, message: `${name} is a whole number from ${min} to ${max}.` })
        return fallback
      }
      return Number(raw)
    }
    const limit = int('limit', 50, 1, MAX_HISTORY_LIMIT)
    const offset = int('offset', 0, 0, Number.MAX_SAFE_INTEGER)
    if (errors.length > 0) return validationReply(errors)
    // The envelope is not documented: our reading is `{ transfers, total, limit, offset }`.
    return reply(200, {
      transfers: history.slice(offset, offset + limit),
      total: history.length,
      limit,
      offset,
    })
  }

  const routes: Route[] = [
    {
      name: '/api/v1/partner/accounts/{auth_id}/concurrency',
      pattern: new RegExp(`${ACCOUNT.source}$`),
      methods: { GET: ({ params }) => view(params[0] ?? '') },
    },
    {
      name: '/api/v1/partner/accounts/{auth_id}/concurrency/transfer',
      pattern: new RegExp(`${ACCOUNT.source}\\/transfer$`),
      methods: { POST: ({ params, body }) => move('transfer', params[0] ?? '', body) },
    },
    {
      name: '/api/v1/partner/accounts/{auth_id}/concurrency/reclaim',
      pattern: new RegExp(`${ACCOUNT.source}\\/reclaim$`),
      methods: { POST: ({ params, body }) => move('reclaim', params[0] ?? '', body) },
    },
    {
      name: '/api/v1/partner/concurrency/transfers',
      pattern: /^\/api\/v1\/partner\/concurrency\/transfers$/,
      methods: { GET: ({ query }) => list(query) },
    },
  ]
  return {
    routes,
    reset() {
      pool = { ...PARTNER_POOL }
      allocated = new Map()
      history = []
    },
  }
}
