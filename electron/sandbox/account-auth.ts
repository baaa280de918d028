import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { errorReply, type Reply } from './http'
import type { Store } from './store'

/**
 * Authentication for the account routes (/api/v1/Account/…, /api/v1/accounts/…): the X-Auth-ID /
 * X-Auth-Token pair of the account itself — the partner's main account (PA_…, the partner
 * credentials), a customer (MA_…, its own token) or a sub-account (SA_…, its own token).
 */

export type Principal = { kind: 'partner' | 'customer' | 'sub_account'; authId: string }

export type AccountAuthResult = { ok: true; principal: Principal } | { ok: false; reply: Reply }

const digest = (token: string): Buffer => createHash('sha256').update(token).digest()

/** Compares digests, so the time taken says nothing about the token. */
const sameToken = (given: Buffer, expected: string): boolean =>
  timingSafeEqual(given, digest(expected))

const INVALID = errorReply(401, 'unauthorized', 'invalid credentials')

export function createAccountAuth(deps: { store: Store; partnerTokenDigest: Buffer }) {
  const { store } = deps
  const disabled = (what: string): AccountAuthResult => ({
    ok: false,
    reply: errorReply(403, 'forbidden', `This ${what} is disabled: its API calls are blocked.`),
  })

  return function authenticate(headers: IncomingHttpHeaders): AccountAuthResult {
    const id = headers['x-auth-id']
    const token = headers['x-auth-token']
    if (typeof id !== 'string' || typeof token !== 'string' || !id || !token) {
      return {
        ok: false,
        reply: errorReply(
          401,
          'unauthorized',
          "Send the account's own credentials in the X-Auth-ID and X-Auth-Token headers.",
        ),
      }
    }
    const given = digest(token)
    if (id === store.partner.auth_id) {
      if (!timingSafeEqual(given, deps.partnerTokenDigest)) return { ok: false, reply: INVALID }
      return { ok: true, principal: { kind: 'partner', authId: id } }
    }
    if (id.startsWith('MA_')) {
      const customer = store.get(id)
      if (!customer || !sameToken(given, customer.authToken)) return { ok: false, reply: INVALID }
      if (!customer.enabled) return disabled('account')
      return { ok: true, principal: { kind: 'customer', authId: id } }
    }
    if (id.startsWith('SA_')) {
      const sub = store.subAccounts.byAuthId(id)
      if (!sub || !sameToken(given, sub.authToken)) return { ok: false, reply: INVALID }
      if (!sub.enabled) return disabled('sub-account')
      store.subAccounts.touch(id)
      return { ok: true, principal: { kind: 'sub_account', authId: id } }
    }
    return { ok: false, reply: INVALID }
  }
}
