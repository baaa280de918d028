import type { Principal } from './account-auth'
import type { Reply } from './http'

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** What a handler gets: the path's parameters, the query, the body and (account routes) who asks. */
export type Context = {
  params: string[]
  query: URLSearchParams
  body: string
  principal: Principal | null
}

export type Route = {
  /** The route as counted in /__sandbox/state, e.g. `/api/v1/partner/accounts/{auth_id}`. */
  name: string
  pattern: RegExp
  methods: Partial<Record<Method, (context: Context) => Reply>>
  /** Whose credentials it takes: the partner's (the default) or the path account's own. */
  auth?: 'partner' | 'account'
}
