import { randomBytes, randomUUID } from 'node:crypto'
import { docBody } from './doc-fixtures'

export type Json = Record<string, unknown>
export type Reply = { status: number; body?: unknown }

/** The keys of `keysOf`, with `source`'s values (null where it has none): never a key added. */
export const pick = (source: Json, keysOf: Json): Json =>
  Object.fromEntries(Object.keys(keysOf).map((key) => [key, source[key] ?? null]))

export const httpError = (status: number, message: string): Reply => ({
  status,
  body: { error: 'HTTPError', message, status_code: status },
})

export const invalid = (field: string, msg: string): Reply => ({
  status: 422,
  body: {
    error: 'ValidationError',
    message: 'Request validation failed',
    details: [{ type: 'value_error', loc: ['body', field], msg }],
    status_code: 422,
  },
})

/** The Sub-account API of the docs-only server, authenticated as the parent account. */
export function createDocsSubAccounts() {
  const lists = new Map<string, Json[]>()
  /** The tokens, shown only in the create reply (reads mask them). */
  const tokens = new Map<string, string>()

  return {
    caller(authId: string, token: string): Json | null {
      if (tokens.get(authId) !== token) return null
      for (const list of lists.values()) {
        const found = list.find((s) => s['auth_id'] === authId)
        if (found) return found
      }
      return null
    },

    handle(method: string, parent: string, sub: string | undefined, body: Json): Reply {
      const list = lists.get(parent) ?? []
      lists.set(parent, list)
      const found = sub === undefined ? undefined : list.find((s) => s['auth_id'] === sub)
      if (sub !== undefined && !found) return httpError(404, 'Sub-account not found')
      if (method === 'GET' && found) return { status: 200, body: found }
      if (method === 'GET') {
        return { status: 200, body: { sub_accounts: list, total: list.length, page: 1, size: 25 } }
      }
      if (method === 'POST' && !found) return create(list, parent, body)
      if ((method === 'PUT' || method === 'POST') && found) {
        const fields = { name: 0, email: 0, phone: 0, description: 0, enabled: 0, kyc_mode: 0 }
        Object.assign(found, pick({ ...found, ...body }, fields))
        found['is_active'] = found['enabled']
        return { status: 200, body: found }
      }
      if (method === 'DELETE' && found) {
        list.splice(list.indexOf(found), 1)
        return { status: 200, body: docBody('subaccount-delete') }
      }
      return httpError(405, 'Method not allowed')
    },
  }

  function create(list: Json[], parent: string, body: Json): Reply {
    if (typeof body['name'] !== 'string' || !body['name']) return invalid('name', 'Field required')
    const token = `sub-${randomBytes(12).toString('hex')}`
    const created: Json = {
      ...docBody('subaccount-get'),
      ...pick(body, { name: 0, email: 0, phone: 0, description: 0 }),
      id: randomUUID(),
      auth_id: `SA_${randomBytes(4).toString('hex').toUpperCase()}`,
      parent_auth_id: parent,
      kyc_mode: body['kyc_mode'] ?? 'personal_use',
      kyc_calls_blocked: body['kyc_mode'] === 'customer_use',
      enabled: body['enabled'] ?? true,
      created_at: new Date().toISOString(),
      last_used: null,
    }
    tokens.set(String(created['auth_id']), token)
    list.unshift({ ...created, auth_token: '<redacted>' })
    return {
      status: 201,
      body: {
        ...docBody('subaccount-create'),
        sub_account: { ...created, auth_token: token },
        auth_credentials: { auth_id: created['auth_id'], auth_token: token },
      },
    }
  }
}
