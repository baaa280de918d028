import {
  partnerTimestamp,
  tierById,
  type CustomerRecord,
  type PartnerRecord,
  type PricingTier,
} from './model'
import { kycCallsBlocked, type SubAccountRecord } from './subaccount-model'
import { REDACTED } from './subaccount-shapes'

/**
 * GET /api/v1/Account/{auth_id}/: the Account object of account-object.txt, exactly the example's
 * fields in its order (so no `limits`, which only the attribute table lists), for the partner's
 * main account, a customer, or a sub-account.
 */

type AccountFacts = {
  id: string
  apiId: string
  name: string
  email: string | null
  phone: string | null
  type: 'MASTER' | 'SUB_ACCOUNT'
  authId: string
  description: string | null
  company: string | null
  address: string | null
  city: string | null
  state: string | null
  zipCode: string | null
  country: string | null
  timezone: string | null
  enabled: boolean
  isVerified: boolean
  isTrial: boolean
  role: 'ADMIN' | 'USER'
  customerType: 'ENTERPRISE' | 'SMB'
  cpsLimit: number
  concurrentCallsLimit: number
  pricingTierId: string
  createdAtMs: number
  updatedAtMs: number
  lastLoginMs: number | null
}

/** The example's nested pricing tier: 9 fields, the rate a 4-decimal string. */
function pricingTierJson(tier: PricingTier) {
  return {
    id: tier.id,
    name: tier.name,
    description: `${tier.name} pricing plan`,
    currency: tier.currency,
    rate_per_minute: tier.rate_per_minute.toFixed(4),
    billing_increment_seconds: 60,
    minimum_duration_seconds: 0,
    is_active: tier.is_active,
    is_default: tier.is_default,
  }
}

function accountObject(a: AccountFacts) {
  return {
    id: a.id,
    api_id: a.apiId,
    name: a.name,
    email: a.email,
    phone: a.phone,
    type: a.type,
    auth_id: a.authId,
    auth_secret: REDACTED,
    // Header credentials do not expire (more-endpoints.md, Authentication).
    auth_token_expire_time: null,
    description: a.description,
    company: a.company,
    address: a.address,
    city: a.city,
    state: a.state,
    zip_code: a.zipCode,
    country: a.country,
    timezone: a.timezone,
    account_type: 'PREPAID',
    postpaid: false,
    auto_recharge: false,
    enabled: a.enabled,
    is_active: a.enabled,
    is_verified: a.isVerified,
    is_trial_account: a.isTrial,
    role: a.role,
    carrier_type: 'VOIP',
    customer_type: a.customerType,
    credit_limit: '0.00',
    cps_limit: a.cpsLimit,
    concurrent_calls_limit: a.concurrentCallsLimit,
    base_cps_limit: a.cpsLimit,
    base_concurrent_calls_limit: a.concurrentCallsLimit,
    purchased_cps: 0,
    purchased_concurrent_calls: 0,
    risk_rating: 'LOW',
    risk_status: 'NORMAL',
    ip_auth_enabled: false,
    ip_whitelist_rules: [],
    allow_aws_ips: true,
    features: { call_queue: true, transcription_enabled: true },
    pricing_tier_id: a.pricingTierId,
    pricing_tier: pricingTierJson(tierById(a.pricingTierId)),
    created_at: partnerTimestamp(a.createdAtMs),
    updated_at: partnerTimestamp(a.updatedAtMs),
    last_login: a.lastLoginMs === null ? null : partnerTimestamp(a.lastLoginMs),
  }
}

export type AccountObject = ReturnType<typeof accountObject>

/** The partner's main account: its auth id is the partner's, its id the profile's `account_id`. */
const partnerFacts = (p: PartnerRecord): AccountFacts => ({
  id: String(p.account_id),
  apiId: p.id,
  name: p.name,
  email: p.email,
  phone: p.phone,
  type: 'MASTER',
  authId: p.auth_id,
  description: null,
  company: p.company,
  address: null,
  city: null,
  state: null,
  zipCode: null,
  country: 'IN',
  timezone: 'Asia/Kolkata',
  enabled: p.is_active,
  isVerified: p.is_verified,
  isTrial: false,
  role: 'ADMIN',
  customerType: 'ENTERPRISE',
  cpsLimit: 10,
  concurrentCallsLimit: 50,
  pricingTierId: p.default_pricing_tier_id,
  createdAtMs: p.createdAtMs,
  updatedAtMs: p.updatedAtMs,
  lastLoginMs: null,
})

const customerFacts = (c: CustomerRecord): AccountFacts => ({
  id: c.id,
  apiId: c.apiId,
  name: c.name,
  email: c.email,
  phone: c.phone,
  type: 'MASTER',
  authId: c.authId,
  description: c.description,
  company: c.company,
  address: c.address,
  city: c.city,
  state: c.state,
  zipCode: c.zipCode,
  country: c.country,
  timezone: c.timezone,
  enabled: c.enabled,
  isVerified: c.kycStatus === 'verified',
  isTrial: c.isTrial,
  role: 'USER',
  customerType: 'SMB',
  cpsLimit: c.cpsLimit,
  concurrentCallsLimit: c.concurrentCallsLimit,
  pricingTierId: c.pricingTierId,
  createdAtMs: c.createdAtMs,
  updatedAtMs: c.updatedAtMs,
  lastLoginMs: c.lastLoginMs,
})

export const partnerAccountJson = (p: PartnerRecord) => accountObject(partnerFacts(p))
export const customerAccountJson = (c: CustomerRecord) => accountObject(customerFacts(c))

/**
 * A sub-account shares its parent's wallet, limits, pricing and place; it is verified by its
 * parent's KYC (personal_use) or its own (customer_use).
 */
export function subAccountAccountJson(
  s: SubAccountRecord,
  parent: { kind: 'partner'; record: PartnerRecord } | { kind: 'customer'; record: CustomerRecord },
) {
  const from =
    parent.kind === 'partner' ? partnerFacts(parent.record) : customerFacts(parent.record)
  return accountObject({
    ...from,
    id: s.id,
    apiId: s.apiId,
    name: s.name,
    email: s.email,
    phone: s.phone,
    type: 'SUB_ACCOUNT',
    authId: s.authId,
    description: s.description,
    enabled: s.enabled,
    isVerified: s.kycMode === 'customer_use' ? !kycCallsBlocked(s) : from.isVerified,
    isTrial: false,
    role: 'USER',
    createdAtMs: s.createdAtMs,
    updatedAtMs: s.updatedAtMs,
    lastLoginMs: s.lastUsedMs,
  })
}
