/** Sub-accounts as the sandbox stores them; the JSON is built from these in subaccount-shapes.ts. */

import { KYC_MODES } from '../../shared/vobiz-rules'

export { KYC_MODES }
export type KycMode = (typeof KYC_MODES)[number]

/** What a sub-account may access, e.g. `{ calls: true, cdr: false }`; null = the parent's default. */
export type Permissions = Readonly<Record<string, boolean>>

/** The rate limit a sub-account gets when the request names none (the docs' examples show 1000). */
export const DEFAULT_RATE_LIMIT = 1000

export type SubAccountRecord = {
  /** Numeric string, not used in paths ("900001"). */
  id: string
  /** `SA_` + 8 of `[A-Z0-9]`: the path segment and the sub-account's X-Auth-ID. */
  authId: string
  authToken: string
  apiId: string
  /** The parent: the partner's main account (PA_…) or a customer (MA_…). */
  parentAuthId: string
  /** The parent's numeric id ("500000" for the partner, the customer's id otherwise). */
  parentAccountId: string
  name: string
  email: string | null
  emailVerified: boolean
  phone: string | null
  description: string | null
  permissions: Permissions | null
  rateLimit: number
  enabled: boolean
  kycMode: KycMode
  /** Whether the sub-account's own KYC is complete (only seeded ones can be: there is no KYC API). */
  kycVerified: boolean
  createdAtMs: number
  updatedAtMs: number
  lastUsedMs: number | null
}

/** A customer_use sub-account may not place calls until its own KYC is done; personal_use inherit. */
export const kycCallsBlocked = (s: Pick<SubAccountRecord, 'kycMode' | 'kycVerified'>): boolean =>
  s.kycMode === 'customer_use' && !s.kycVerified

/** The sub-account fields a create or update sets, validated (see subaccount-validation.ts). */
export type SubAccountFields = {
  name: string
  email: string | null
  phone: string | null
  description: string | null
  rateLimit: number
  permissions: Permissions | null
  enabled: boolean
  kycMode: KycMode
}
