import { createHash } from 'node:crypto'
import { partnerTimestamp } from './model'
import { kycCallsBlocked, type SubAccountRecord } from './subaccount-model'

/**
 * The sub-account replies, field for field as the current endpoint pages show them (the object
 * in more-endpoints.md), in their order, plus `kyc_mode` and `kyc_calls_blocked` on every one.
 */

/** What every read shows instead of a sub-account's token (it is in clear only on create). */
export const REDACTED = '<redacted>'

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

export function subAccountJson(s: SubAccountRecord, token: 'masked' | 'clear' = 'masked') {
  return {
    name: s.name,
    email: s.email,
    phone: s.phone,
    description: s.description,
    permissions: s.permissions === null ? null : { ...s.permissions },
    rate_limit: s.rateLimit,
    id: s.id,
    parent_account_id: s.parentAccountId,
    parent_auth_id: s.parentAuthId,
    auth_id: s.authId,
    auth_token: token === 'clear' ? s.authToken : REDACTED,
    api_id: s.apiId,
    email_verified: s.emailVerified,
    enabled: s.enabled,
    created: day(s.createdAtMs),
    modified: day(s.updatedAtMs),
    is_active: s.enabled,
    created_at: partnerTimestamp(s.createdAtMs),
    updated_at: partnerTimestamp(s.updatedAtMs),
    last_used: s.lastUsedMs === null ? null : partnerTimestamp(s.lastUsedMs),
    account: `/v1/Account/${s.parentAuthId}/`,
    resource_uri: `/v1/Account/${s.parentAuthId}/Subaccount/${s.authId}/`,
    kyc_mode: s.kycMode,
    kyc_calls_blocked: kycCallsBlocked(s),
  }
}

export const TOKEN_LIFETIME_SECONDS = 3600

const base64url = (value: unknown): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url')

/**
 * A JWT-shaped token. Its "signature" is a digest of the sub-account's token, so it is the same
 * for the same moment; the sandbox accepts only the header credentials, never these.
 */
function jwtShaped(s: SubAccountRecord, kind: 'access' | 'refresh', nowMs: number): string {
  const iat = Math.floor(nowMs / 1000)
  const lifetime = kind === 'access' ? TOKEN_LIFETIME_SECONDS : 30 * 86_400
  const claims = { sub: s.authId, type: kind, iat, exp: iat + lifetime }
  const signature = createHash('sha256').update(`${s.authToken}:${kind}:${iat}`).digest('base64url')
  return `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}.${signature}`
}

/** POST …/sub-accounts/ → 201: the object with its token in clear, the credentials, JWTs. */
export function createdSubAccountJson(s: SubAccountRecord, nowMs: number) {
  return {
    message: 'Sub-account created successfully',
    sub_account: subAccountJson(s, 'clear'),
    auth_credentials: { auth_id: s.authId, auth_token: s.authToken },
    tokens: {
      access_token: jwtShaped(s, 'access', nowMs),
      refresh_token: jwtShaped(s, 'refresh', nowMs),
      token_type: 'bearer',
      expires_in: TOKEN_LIFETIME_SECONDS,
    },
  }
}
