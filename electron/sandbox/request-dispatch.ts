import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { createAccountAuth, type Principal } from './account-auth'
import { errorReply, httpErrorReply, readBody, type Reply } from './http'
import { PARTNER_AUTH_ID } from './model'
import type { Method, Route } from './routes'
import type { Store } from './store'

export function findRoute(routes: readonly Route[], path: string) {
  for (const route of routes) {
    const match = route.pattern.exec(path)
    if (!match) continue
    try {
      return { route, params: match.slice(1).map((p) => decodeURIComponent(p)) }
    } catch {
      return null // a malformed %-escape names no resource
    }
  }
  return null
}

/** Routing, method, (auth), body, handler: the reply a request gets when nothing is faulted. */
export function createDispatcher(deps: { store: Store; partnerTokenDigest: Buffer }) {
  const authenticateAccount = createAccountAuth(deps)

  const isAuthorized = (req: IncomingMessage): boolean | 'missing' => {
    const id = req.headers['x-auth-id']
    const token = req.headers['x-auth-token']
    if (typeof id !== 'string' || typeof token !== 'string' || !id || !token) return 'missing'
    const digest = createHash('sha256').update(token).digest()
    return timingSafeEqual(digest, deps.partnerTokenDigest) && id === PARTNER_AUTH_ID
  }

  return async function serve(
    req: IncomingMessage,
    routes: readonly Route[],
    path: string,
    query: URLSearchParams,
    needsAuth: boolean,
  ): Promise<Reply> {
    const found = findRoute(routes, path)
    if (!found) return errorReply(404, 'not_found', `No such endpoint: ${path.slice(0, 200)}`)
    const method = req.method ?? 'GET'
    const handler = found.route.methods[method as Method]
    if (!handler) {
      const allow = Object.keys(found.route.methods).join(', ')
      return errorReply(405, 'method_not_allowed', `Use ${allow} here.`, {}, { Allow: allow })
    }
    let principal: Principal | null = null
    if (needsAuth && found.route.auth === 'account') {
      const result = authenticateAccount(req.headers)
      if (!result.ok) return result.reply
      principal = result.principal
    } else if (needsAuth) {
      const authorized = isAuthorized(req)
      if (authorized !== true) {
        return httpErrorReply(
          401,
          authorized === 'missing'
            ? 'Send the partner credentials in the X-Auth-ID and X-Auth-Token headers.'
            : 'invalid credentials',
        )
      }
    }
    let body = ''
    // DELETE too: revoking a KYC session takes an optional `{ reason }`.
    if (method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE') {
      const read = await readBody(req)
      if (!read.ok) return read.reply
      body = read.text
    }
    return handler({ params: found.params, query, body, principal })
  }
}
