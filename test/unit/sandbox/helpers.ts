import type { RunningSandbox } from '../../../electron/sandbox'
import { accountListSchema, type CustomerAccount } from '../../../shared/vobiz'

export type JsonReply = { status: number; headers: Headers; body: unknown }

export type ErrorBody = {
  error: string
  message: string
  /** The documented 422 (pydantic style): `loc` ends with the field. */
  details?: { type: string; loc: string[]; msg: string }[]
  status_code?: number
  errors?: { field: string; message: string }[]
}

/** The body of an error reply (asserting it has the sandbox's error fields). */
export function errorBody(reply: JsonReply): ErrorBody {
  const body = reply.body as ErrorBody
  if (typeof body?.error !== 'string' || typeof body.message !== 'string') {
    throw new Error(`not an error body: ${JSON.stringify(reply.body)}`)
  }
  return body
}

/** The fields named in a 422 reply (`details[].loc` after its `body`/`query` head). */
export const failedFields = (reply: JsonReply): string[] =>
  (errorBody(reply).details ?? []).map((e) => e.loc.slice(1).join('.'))

export type JsonObject = Record<string, unknown>
export const asObject = (value: unknown): JsonObject => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`not an object: ${JSON.stringify(value)}`)
  }
  return value as JsonObject
}

/** A client for the sandbox's partner API with the right credentials (or the ones given). */
export function partnerApi(
  sandbox: RunningSandbox,
  credentials: { authId?: string; authToken?: string } = sandbox.credentials,
) {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (credentials.authId !== undefined) headers['X-Auth-ID'] = credentials.authId
  if (credentials.authToken !== undefined) headers['X-Auth-Token'] = credentials.authToken

  const send = async (method: string, path: string, body?: unknown): Promise<JsonReply> => {
    const response = await fetch(`${sandbox.baseUrl}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    const text = await response.text()
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : null,
    }
  }
  return {
    get: (path: string) => send('GET', path),
    post: (path: string, body: unknown) => send('POST', path, body),
    send,
  }
}

/** Calls a control endpoint (with the X-Sandbox-Control header unless told otherwise). */
export async function control(
  sandbox: RunningSandbox,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = { 'X-Sandbox-Control': '1' },
): Promise<JsonReply> {
  const response = await fetch(`${sandbox.baseUrl}/__sandbox${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, headers: response.headers, body: await response.json() }
}

export const newCustomer = (overrides: Record<string, unknown> = {}) => ({
  name: 'Test Customer',
  email: `test.${Math.random().toString(36).slice(2, 10)}@example.com`,
  password: 'Str0ng!pass',
  country: 'IN',
  phone: '+919876543210',
  ...overrides,
})

/** A clock tests move by hand. */
export function manualClock(startMs = Date.UTC(2026, 10, 20, 12)) {
  let now = startMs
  return {
    now: () => now,
    set: (ms: number) => {
      now = ms
    },
    advance: (ms: number) => {
      now += ms
    },
  }
}

export const FIVE_DECIMALS = /^\d+\.\d{5}$/

/** Every customer of the sandbox, in list order, fetched 100 at a time. */
export async function allCustomers(sandbox: RunningSandbox): Promise<CustomerAccount[]> {
  const api = partnerApi(sandbox)
  const all: CustomerAccount[] = []
  for (let page = 1; ; page++) {
    const reply = await api.get(`/api/v1/partner/accounts?per_page=100&page=${page}`)
    const { accounts } = accountListSchema.parse(reply.body)
    all.push(...accounts)
    if (accounts.length < 100) return all
  }
}
