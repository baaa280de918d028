import type { ControlApi } from './control'
import type { PartnerApi } from './partner-api'
import type { Route } from './routes'

/**
 * The partner API's own routes (profile, customers, balance, transfers, ledgers).
 * `beforeLedger` runs before a ledger read (the call records add their debits to it on first use).
 */
export function partnerRoutes(api: PartnerApi, beforeLedger: () => void): Route[] {
  return [
    {
      name: '/api/v1/partner/me',
      pattern: /^\/api\/v1\/partner\/me$/,
      methods: { GET: () => api.me() },
    },
    {
      name: '/api/v1/partner/accounts',
      pattern: /^\/api\/v1\/partner\/accounts$/,
      methods: {
        GET: ({ query }) => api.listAccounts(query),
        POST: ({ body }) => api.createAccount(body),
      },
    },
    {
      name: '/api/v1/partner/accounts/{auth_id}',
      pattern: /^\/api\/v1\/partner\/accounts\/([^/]+)$/,
      methods: { GET: ({ params }) => api.getAccount(params[0] ?? '') },
    },
    {
      name: '/api/v1/partner/accounts/{auth_id}/balance',
      pattern: /^\/api\/v1\/partner\/accounts\/([^/]+)\/balance$/,
      methods: { GET: ({ params }) => api.getBalance(params[0] ?? '') },
    },
    {
      name: '/api/v1/partner/accounts/{auth_id}/transfer-balance',
      pattern: /^\/api\/v1\/partner\/accounts\/([^/]+)\/transfer-balance$/,
      methods: { POST: ({ params, body }) => api.transferBalance(params[0] ?? '', body) },
    },
    {
      name: '/api/v1/partner/accounts/{auth_id}/transactions',
      pattern: /^\/api\/v1\/partner\/accounts\/([^/]+)\/transactions$/,
      methods: {
        GET: ({ params, query }) => (beforeLedger(), api.transactions(query, params[0] ?? '')),
      },
    },
    {
      name: '/api/v1/partner/transactions',
      pattern: /^\/api\/v1\/partner\/transactions$/,
      methods: { GET: ({ query }) => (beforeLedger(), api.transactions(query)) },
    },
  ]
}

/** The /__sandbox control routes (only served with controlEndpoints). */
export function controlRoutesOf(control: ControlApi): Route[] {
  return [
    {
      name: '/__sandbox/faults',
      pattern: /^\/__sandbox\/faults$/,
      methods: {
        GET: () => control.getFaults(),
        POST: ({ body }) => control.setFaults(body),
        DELETE: () => control.clearFaults(),
      },
    },
    {
      name: '/__sandbox/partner',
      pattern: /^\/__sandbox\/partner$/,
      methods: { PATCH: ({ body }) => control.patchPartner(body) },
    },
    {
      name: '/__sandbox/clock',
      pattern: /^\/__sandbox\/clock$/,
      methods: { POST: ({ body }) => control.advanceClock(body) },
    },
    {
      name: '/__sandbox/reset',
      pattern: /^\/__sandbox\/reset$/,
      methods: { POST: () => control.reset() },
    },
    {
      name: '/__sandbox/state',
      pattern: /^\/__sandbox\/state$/,
      methods: { GET: () => control.state() },
    },
  ]
}
