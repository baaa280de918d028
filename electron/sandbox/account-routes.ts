import type { Principal } from './account-auth'
import { errorReply, type Reply } from './http'
import type { Context, Route } from './routes'
import type { SubAccountsApi } from './subaccounts-api'

/**
 * The account routes: the Account object and the sub-accounts, under both documented bases —
 * `/api/v1/accounts/{auth_id}/sub-accounts/` (endpoint pages, SDK) and
 * `/api/v1/Account/{auth_id}/Subaccount/` (overview). Updates take PUT or POST on either.
 */
export function accountRoutes(api: SubAccountsApi): Route[] {
  /** The server authenticates account routes before calling; a missing principal is a bug. */
  const authed =
    (run: (principal: Principal, context: Context) => Reply) =>
    (context: Context): Reply =>
      context.principal
        ? run(context.principal, context)
        : errorReply(401, 'unauthorized', 'invalid credentials')
  const param = (context: Context, index: number): string => context.params[index] ?? ''

  const collection = {
    GET: authed((p, c) => api.list(p, param(c, 0), c.query)),
    POST: authed((p, c) => api.create(p, param(c, 0), c.body)),
  }
  const update = authed((p, c) => api.update(p, param(c, 0), param(c, 1), c.body))
  const item = {
    GET: authed((p, c) => api.retrieve(p, param(c, 0), param(c, 1))),
    PUT: update,
    POST: update,
    DELETE: authed((p, c) => api.remove(p, param(c, 0), param(c, 1))),
  }

  return [
    {
      // The current path of the account object (more-endpoints.md, quirks): the caller's own.
      name: '/api/v1/auth/me',
      pattern: /^\/api\/v1\/auth\/me$/,
      methods: { GET: authed((p) => api.account(p, p.authId)) },
      auth: 'account',
    },
    {
      name: '/api/v1/Account/{auth_id}',
      pattern: /^\/api\/v1\/Account\/([^/]+)$/,
      methods: { GET: authed((p, c) => api.account(p, param(c, 0))) },
      auth: 'account',
    },
    {
      name: '/api/v1/accounts/{auth_id}/sub-accounts',
      pattern: /^\/api\/v1\/accounts\/([^/]+)\/sub-accounts$/,
      methods: collection,
      auth: 'account',
    },
    {
      name: '/api/v1/accounts/{auth_id}/sub-accounts/{sub_auth_id}',
      pattern: /^\/api\/v1\/accounts\/([^/]+)\/sub-accounts\/([^/]+)$/,
      methods: item,
      auth: 'account',
    },
    {
      name: '/api/v1/Account/{auth_id}/Subaccount',
      pattern: /^\/api\/v1\/Account\/([^/]+)\/Subaccount$/,
      methods: collection,
      auth: 'account',
    },
    {
      name: '/api/v1/Account/{auth_id}/Subaccount/{sub_auth_id}',
      pattern: /^\/api\/v1\/Account\/([^/]+)\/Subaccount\/([^/]+)$/,
      methods: item,
      auth: 'account',
    },
  ]
}
