import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { accountRoutes } from './account-routes'
import { createControlApi, newCounters, stateOf, controlRefused } from './control'
import { createFaultPlan, parseFaultRules, type FaultDecision } from './faults'
import { errorReply, writeRaw, writeReply } from './http'
import { PARTNER_AUTH_ID } from './model'
import { createPartnerApi } from './partner-api'
import { CUSTOMERS_WITH_CALLS } from './cdrs'
import { capacityRoutes } from './capacity-api'
import { kycRoutes } from './kyc-api'
import { controlRoutesOf, partnerRoutes } from './partner-routes'
import { usageRoutes } from './usage-api'
import { createDispatcher, findRoute } from './request-dispatch'
import type { Route } from './routes'
import { DEFAULT_SEED, MAX_CUSTOMERS } from './seed'
import { createStore } from './store'
import { createSubAccountsApi } from './subaccounts-api'
import type { RunningSandbox, SandboxOptions } from './types'
import { parseMoney } from '../../shared/money'

const CONTROL_PREFIX = '/__sandbox'
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])
/** What a `malformed` fault sends with status 200: JSON cut off mid-string. */
const MALFORMED_BODY = `{"auth_id": "${PARTNER_AUTH_ID}", "name": "Meera Kri`

function checkOptions(options: SandboxOptions): void {
  const { port = 0, customers = 500, seed = DEFAULT_SEED, authToken } = options
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new RangeError('port must be an integer from 0 to 65535')
  }
  if (!Number.isInteger(customers) || customers < 0 || customers > MAX_CUSTOMERS) {
    throw new RangeError(`customers must be an integer from 0 to ${MAX_CUSTOMERS}`)
  }
  if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer')
  if (authToken !== undefined && !/^[\x21-\x7e]{8,256}$/.test(authToken)) {
    throw new RangeError('authToken must be 8 to 256 printable ASCII characters without spaces')
  }
}

/** Starts the sandbox Partner API on `host:port` and resolves once it is listening. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  checkOptions(options)
  const host = options.host ?? '127.0.0.1'
  const clock = options.now ?? Date.now
  // Moved forward by POST /__sandbox/clock (a frozen test clock included); a reset undoes it.
  let clockOffsetMs = 0
  const now = () => clock() + clockOffsetMs
  const authToken = options.authToken ?? randomBytes(24).toString('base64url')
  const tokenDigest = createHash('sha256').update(authToken).digest()
  const store = createStore({
    seed: options.seed ?? DEFAULT_SEED,
    customers: options.customers ?? 500,
    now,
    partner: options.partner ?? {},
  })
  const faults = createFaultPlan(options.faults ?? [])
  let counters = newCounters()
  const state = () => stateOf(store, faults, counters)
  const usage = usageRoutes({
    store,
    seed: options.seed ?? DEFAULT_SEED,
    now,
    callCustomers: Math.max(0, options.callCustomers ?? CUSTOMERS_WITH_CALLS),
  })
  const kyc = kycRoutes({ store, now })
  const capacity = capacityRoutes({ store, now })
  const reset = (): void => {
    store.reset()
    usage.reset()
    kyc.reset()
    capacity.reset()
    clockOffsetMs = 0
    counters = newCounters()
  }
  const api = createPartnerApi(store, now)
  const serve = createDispatcher({ store, partnerTokenDigest: tokenDigest })
  const advanceClock = (ms: number): void => {
    clockOffsetMs += ms
  }
  const control = createControlApi({ store, faults, now, state, reset, advanceClock })
  const timers = new Set<NodeJS.Timeout>()
  let closing: Promise<void> | null = null

  const apiRoutes: Route[] = [
    ...partnerRoutes(api, () => usage.load()),
    ...usage.routes,
    ...kyc.routes,
    ...capacity.routes,
    ...accountRoutes(createSubAccountsApi(store, now)),
  ]

  const controlRoutes = controlRoutesOf(control)

  /** Control requests must name this machine in Host, so a rebound DNS name can't drive them. */
  const isLocalHost = (req: IncomingMessage): boolean => {
    try {
      const { hostname } = new URL(`http://${req.headers.host ?? ''}`)
      return LOOPBACK_HOSTS.has(hostname) || hostname === host || hostname === `[${host}]`
    } catch {
      return false
    }
  }

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer)
        resolve()
      }, ms)
      timers.add(timer)
    })

  /** `path` is for routing (trailing slash dropped), `rawPath` for matching fault rules. */
  async function handlePartnerApi(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    rawPath: string,
    query: URLSearchParams,
  ): Promise<void> {
    const method = req.method ?? 'GET'
    const found = findRoute(apiRoutes, path)
    const key = found ? `${method} ${found.route.name}` : 'unmatched'
    counters.total += 1
    counters.byRoute.set(key, (counters.byRoute.get(key) ?? 0) + 1)

    const { delayMs, action }: FaultDecision = faults.decide(method, rawPath)
    if (delayMs > 0) {
      await wait(delayMs)
      if (closing || res.destroyed) return
    }
    switch (action?.kind) {
      case 'status':
        return writeReply(
          res,
          action.status === 401
            ? errorReply(401, 'unauthorized', 'Sandbox fault: the token is not accepted.')
            : errorReply(action.status, 'server_error', `Sandbox fault: HTTP ${action.status}.`),
        )
      case 'rate_limit':
        return writeReply(
          res,
          errorReply(
            429,
            'rate_limited',
            `Too many requests. Retry after ${action.retryAfterSeconds} s.`,
            {},
            { 'Retry-After': String(action.retryAfterSeconds) },
          ),
        )
      case 'malformed':
        return writeRaw(res, 200, MALFORMED_BODY)
      case 'hang':
        return // answered never; close() destroys the socket
      case 'drop':
        if (action.when === 'before') {
          req.socket.destroy()
          return
        }
    }
    const result = await serve(req, apiRoutes, path, query, true)
    if (key === 'POST /api/v1/partner/accounts' && result.status === 201) counters.created += 1
    if (action?.kind === 'drop') {
      req.socket.destroy() // applied, reply lost
      return
    }
    writeReply(res, result)
  }

  async function handleControl(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: URLSearchParams,
  ): Promise<void> {
    if (req.headers['x-sandbox-control'] !== '1') {
      return writeReply(
        res,
        controlRefused('Control endpoints need the X-Sandbox-Control: 1 header.'),
      )
    }
    if (!isLocalHost(req)) {
      return writeReply(res, controlRefused('Control endpoints answer only to a loopback Host.'))
    }
    writeReply(res, await serve(req, controlRoutes, path, query, false))
  }

  const server = createServer((req, res) => {
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://sandbox.invalid')
    } catch {
      return writeReply(res, errorReply(400, 'bad_request', 'Unreadable request target.'))
    }
    const raw = url.pathname
    const path = raw.length > 1 && raw.endsWith('/') ? raw.slice(0, -1) : raw
    // The control endpoints exist only when asked for (npm run sandbox, the tests): in the
    // app's "Try the sandbox" they are unknown paths (404) like any other.
    const isControl =
      options.controlEndpoints === true &&
      (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`))
    const handled = isControl
      ? handleControl(req, res, path, url.searchParams)
      : handlePartnerApi(req, res, path, raw, url.searchParams)
    handled.catch(() => {
      writeReply(res, errorReply(500, 'internal_error', 'The sandbox failed on this request.'))
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })

  const { port } = server.address() as AddressInfo
  const wildcard = host === '0.0.0.0' || host === '::'
  const urlHost = wildcard ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host
  return {
    baseUrl: `http://${urlHost}:${port}`,
    credentials: { authId: PARTNER_AUTH_ID, authToken },
    setFaults: (rules) => faults.set(parseFaultRules(rules)),
    reset,
    advanceClock,
    updatePartner(patch) {
      const errors = store.updatePartner(patch)
      if (errors) throw new TypeError(`Invalid partner fields: ${JSON.stringify(errors)}`)
    },
    spend(authId, amount) {
      const units = parseMoney(amount)?.units
      if (units === undefined || !store.spend(authId, units)) {
        throw new TypeError(`Cannot spend ${amount} for ${authId}`)
      }
    },
    state,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return closing
    },
  }
}
