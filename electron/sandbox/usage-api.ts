import { isDay } from '../../shared/day'
import { callDebits, cdrJson, cdrSummary, CALL_STATUSES, generateCdrs, type Cdr } from './cdrs'
import { dashboardJson } from './dashboard'
import { httpErrorReply, reply, type Reply } from './http'
import { tierById } from './model'
import { generateNumbers, numberJson, type PhoneNumber } from './numbers'
import { validationReply } from './partner-api'
import type { Route } from './routes'
import type { Store } from './store'
import type { FieldError } from './validation'

const DEFAULT_PER_PAGE = 20
const MAX_PER_PAGE = 100

type Data = { cdrs: Cdr[]; numbers: PhoneNumber[] }

/**
 * Usage and numbers (partner-usage-and-onboarding.md): analytics, CDRs per customer and across
 * all, one CDR, numbers per customer and across all. Data is generated on first use after a start
 * or reset, from the seed, for the first customers; the calls' costs go into the ledger then
 * (`load` before reading the ledger).
 */
export function usageRoutes(options: {
  store: Store
  seed: number
  now: () => number
  /** How many customers (the first ones) have calls and numbers. */
  callCustomers: number
}) {
  const { store, now } = options
  let data: Data | null = null
  const load = (): Data => {
    if (data) return data
    const originMs = now()
    const customers = store
      .list({ page: 1, size: options.callCustomers, search: '' })
      .items.map((c) => ({
        authId: c.authId,
        currency: c.currency,
        ratePerMinute: tierById(c.pricingTierId).rate_per_minute,
      }))
    data = {
      cdrs: generateCdrs({ seed: options.seed, originMs, customers }),
      numbers: generateNumbers({ seed: options.seed, originMs, customers }),
    }
    for (const row of callDebits(data.cdrs)) store.ledger.add(row)
    return data
  }

  function paging(query: URLSearchParams, errors: FieldError[]) {
    const int = (name: string, fallback: number) => {
      const raw = query.get(name)
      if (raw === null) return fallback
      if (!/^\d+$/.test(raw) || Number(raw) < 1) {
        errors.push({ field: name, message: `${name} must be a whole number of at least 1.` })
        return fallback
      }
      return Number(raw)
    }
    return {
      page: int('page', 1),
      perPage: Math.min(MAX_PER_PAGE, int('per_page', DEFAULT_PER_PAGE)),
    }
  }

  function cdrs(query: URLSearchParams, authId: string | null): Reply {
    if (!store.partner.can_view_cdrs) {
      return httpErrorReply(403, 'This partner may not view call records (can_view_cdrs is false).')
    }
    if (authId !== null && !store.get(authId)) return httpErrorReply(404, 'Account not found')
    const errors: FieldError[] = []
    const { page, perPage } = paging(query, errors)
    const day = (name: string) => {
      const raw = query.get(name)
      if (raw === null) return null
      if (!isDay(raw)) {
        errors.push({ field: name, message: `${name} must be a date as YYYY-MM-DD.` })
      }
      return raw
    }
    // start_date / end_date, not from_date / to_date (the docs' quirk).
    const start = day('start_date')
    const end = day('end_date')
    const direction = query.get('call_direction')
    if (direction !== null && direction !== 'inbound' && direction !== 'outbound') {
      errors.push({ field: 'call_direction', message: 'call_direction is inbound or outbound.' })
    }
    const status = query.get('status')
    if (status !== null && !(CALL_STATUSES as readonly string[]).includes(status)) {
      errors.push({ field: 'status', message: `status is one of ${CALL_STATUSES.join(', ')}.` })
    }
    const minDuration = query.get('min_duration')
    if (minDuration !== null && !/^\d+$/.test(minDuration)) {
      errors.push({ field: 'min_duration', message: 'min_duration is a whole number of seconds.' })
    }
    if (errors.length > 0) return validationReply(errors)
    const cause = query.get('hangup_cause')
    const found = load().cdrs.filter(
      (c) =>
        (authId === null || c.authId === authId) &&
        (!start || c.day >= start) &&
        (!end || c.day <= end) &&
        (!direction || c.direction === direction) &&
        (!status || c.status === status) &&
        (!cause || cdrJson(c).hangup_cause === cause) &&
        (!minDuration || c.ringSeconds + c.billsec >= Number(minDuration)),
    )
    const rows = found.slice((page - 1) * perPage, page * perPage)
    const pages = Math.ceil(found.length / perPage)
    return reply(200, {
      success: true,
      // Which account the global list names is not documented: null there (ours).
      account_id: authId === null ? null : (store.get(authId)?.id ?? null),
      account_auth_id: authId,
      count: rows.length,
      data: rows.map(cdrJson),
      pagination: {
        page,
        per_page: perPage,
        total: found.length,
        pages,
        has_next: page < pages,
        has_prev: page > 1,
      },
      summary: cdrSummary(found),
    })
  }

  /** The dashboard's shape for `from_date`…`to_date` (default: the last 30 days). */
  function analytics(query: URLSearchParams): Reply {
    const errors: FieldError[] = []
    const period: { from?: string; to?: string } = {}
    for (const [name, key] of [
      ['from_date', 'from'],
      ['to_date', 'to'],
    ] as const) {
      const raw = query.get(name)
      if (raw === null) continue
      if (!isDay(raw)) {
        errors.push({ field: name, message: `${name} must be a date as YYYY-MM-DD.` })
      } else period[key] = raw
    }
    if (period.from && period.to && period.from > period.to) {
      errors.push({ field: 'from_date', message: 'from_date is after to_date.' })
    }
    if (errors.length > 0) return validationReply(errors)
    return reply(200, dashboardJson(store, now(), load().cdrs, period))
  }

  function numbers(query: URLSearchParams, authId: string | null): Reply {
    if (authId !== null && !store.get(authId)) return httpErrorReply(404, 'Account not found')
    const errors: FieldError[] = []
    const { page, perPage } = paging(query, errors)
    if (errors.length > 0) return validationReply(errors)
    const search = (query.get('search') ?? '').replace(/\s+/g, '')
    const found = load().numbers.filter(
      (n) => (authId === null || n.authId === authId) && (!search || n.e164.includes(search)),
    )
    const at = now()
    return reply(200, {
      items: found.slice((page - 1) * perPage, page * perPage).map((n) => numberJson(n, at)),
      page,
      per_page: perPage,
      total: found.length,
      account_auth_id: authId,
    })
  }

  const routes: Route[] = [
    {
      name: '/api/v1/partner/dashboard',
      pattern: /^\/api\/v1\/partner\/dashboard$/,
      methods: { GET: () => reply(200, dashboardJson(store, now(), load().cdrs)) },
    },
    {
      name: '/api/v1/partner/analytics',
      pattern: /^\/api\/v1\/partner\/analytics$/,
      methods: { GET: ({ query }) => analytics(query) },
    },
    {
      name: '/api/v1/partner/cdrs',
      pattern: /^\/api\/v1\/partner\/cdrs$/,
      methods: { GET: ({ query }) => cdrs(query, null) },
    },
    {
      name: '/api/v1/partner/accounts/{auth_id}/cdrs',
      pattern: /^\/api\/v1\/partner\/accounts\/([^/]+)\/cdrs$/,
      methods: { GET: ({ params, query }) => cdrs(query, params[0] ?? '') },
    },
    {
      name: '/api/v1/partner/accounts/{auth_id}/cdrs/{call_uuid}',
      pattern: /^\/api\/v1\/partner\/accounts\/([^/]+)\/cdrs\/([^/]+)$/,
      methods: {
        GET: ({ params }) => {
          if (!store.partner.can_view_cdrs) {
            return httpErrorReply(
              403,
              'This partner may not view call records (can_view_cdrs is false).',
            )
          }
          const cdr = load().cdrs.find((c) => c.authId === params[0] && c.uuid === params[1])
          return cdr ? reply(200, cdrJson(cdr)) : httpErrorReply(404, 'Call record not found')
        },
      },
    },
    {
      name: '/api/v1/partner/numbers',
      pattern: /^\/api\/v1\/partner\/numbers$/,
      methods: { GET: ({ query }) => numbers(query, null) },
    },
    {
      name: '/api/v1/partner/accounts/{auth_id}/numbers',
      pattern: /^\/api\/v1\/partner\/accounts\/([^/]+)\/numbers$/,
      methods: { GET: ({ params, query }) => numbers(query, params[0] ?? '') },
    },
  ]
  return { routes, load, reset: () => (data = null) }
}
