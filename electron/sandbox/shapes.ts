import { balanceStringAt, lastChangeMs } from './drift'
import {
  accountTimestamp,
  partnerTimestamp,
  tierById,
  type CustomerRecord,
  type PartnerRecord,
} from './model'

/**
 * The JSON replies, field for field as the docs show them (partner-profile.md,
 * partner-customer-accounts.md): no extra fields, nullable ones as null.
 */

export function partnerProfileJson(partner: PartnerRecord, accountCount: number, nowMs: number) {
  return {
    id: partner.id,
    account_id: partner.account_id,
    name: partner.name,
    slug: partner.slug,
    company: partner.company,
    auth_id: partner.auth_id,
    email: partner.email,
    phone: partner.phone,
    billing_model: partner.billing_model,
    is_active: partner.is_active,
    is_verified: partner.is_verified,
    max_accounts: partner.max_accounts,
    can_create_accounts: partner.can_create_accounts,
    can_create_pricing_tiers: partner.can_create_pricing_tiers,
    can_view_cdrs: partner.can_view_cdrs,
    can_transfer_balance: partner.can_transfer_balance,
    default_pricing_tier_id: partner.default_pricing_tier_id,
    account_count: accountCount,
    balance: balanceStringAt(partner.balance, nowMs),
    // No `currency`: the page's prose lists it, but its response example and schema do not;
    // the sandbox follows the example, and the dashboard carries the currency.
    created_at: partnerTimestamp(partner.createdAtMs),
    updated_at: partnerTimestamp(partner.updatedAtMs),
  }
}

/** The fields the list item and the single-account reply share, in the docs' order. */
function head(c: CustomerRecord) {
  return {
    name: c.name,
    email: c.email,
    phone: c.phone,
    description: c.description,
    gstin: c.gstin,
    gst_status: c.gstStatus,
    tds_enabled: false,
    tds_percentage: 2,
    business_type: 'individual',
    id: c.id,
    auth_id: c.authId,
    api_id: c.apiId,
    account_type: c.accountType,
    role: 'user',
    postpaid: false,
    address: c.address,
    city: c.city,
    state: c.state,
    timezone: c.timezone,
    country: c.country,
    zip_code: c.zipCode,
    company: c.company,
    billing_mode: 'prepaid',
    auto_recharge: false,
  }
}

/** An item of GET /accounts (the list example's full field set). */
export function accountListItemJson(c: CustomerRecord, partnerId: string, nowMs: number) {
  return {
    ...head(c),
    cash_credits: balanceStringAt(c.balance, nowMs),
    cps_limit: c.cpsLimit,
    concurrent_calls_limit: c.concurrentCallsLimit,
    base_cps_limit: null,
    base_concurrent_calls_limit: null,
    purchased_cps: null,
    purchased_concurrent_calls: null,
    is_active: c.enabled,
    is_verified: c.kycStatus === 'verified',
    is_trial_account: c.isTrial,
    enabled: c.enabled,
    kyc_status: c.kycStatus,
    google_id: null,
    referral_code: null,
    referral_disabled: false,
    custom_referrer_reward_amount: null,
    custom_referee_reward_amount: null,
    created_at: accountTimestamp(c.createdAtMs),
    updated_at: accountTimestamp(c.updatedAtMs),
    last_login: c.lastLoginMs === null ? null : accountTimestamp(c.lastLoginMs),
    pricing_tier_id: c.pricingTierId,
    pricing_tier: tierById(c.pricingTierId),
    partner_id: partnerId,
    auto_recharge_config: null,
    resource_uri: `/v1/Account/${c.authId}/`,
    auth_token: c.authToken,
  }
}

/** GET /accounts/{auth_id}: the Get Customer Account example's (smaller) field set. */
export function accountJson(c: CustomerRecord, partnerId: string, nowMs: number) {
  const tier = tierById(c.pricingTierId)
  return {
    ...head(c),
    cash_credits: balanceStringAt(c.balance, nowMs),
    cps_limit: c.cpsLimit,
    concurrent_calls_limit: c.concurrentCallsLimit,
    is_active: c.enabled,
    is_verified: c.kycStatus === 'verified',
    is_trial_account: c.isTrial,
    enabled: c.enabled,
    kyc_status: c.kycStatus,
    created_at: accountTimestamp(c.createdAtMs),
    updated_at: accountTimestamp(c.updatedAtMs),
    last_login: c.lastLoginMs === null ? null : accountTimestamp(c.lastLoginMs),
    pricing_tier_id: c.pricingTierId,
    pricing_tier: {
      id: tier.id,
      name: tier.name,
      currency: tier.currency,
      rate_per_minute: tier.rate_per_minute,
      is_active: tier.is_active,
      is_default: tier.is_default,
      partner_id: tier.partner_id,
    },
    partner_id: partnerId,
    auto_recharge_config: null,
    resource_uri: `/v1/Account/${c.authId}/`,
    auth_token: c.authToken,
  }
}

/** GET /accounts/{auth_id}/balance. `updated_at` is when the balance last moved (now, if it is). */
export function balanceJson(c: CustomerRecord, nowMs: number) {
  return {
    auth_id: c.authId,
    name: c.name,
    cash_credits: balanceStringAt(c.balance, nowMs),
    currency: c.currency,
    updated_at: accountTimestamp(Math.max(c.updatedAtMs, lastChangeMs(c.balance, nowMs) ?? 0)),
  }
}

/** POST /accounts → 201. `balance` is the number 0, as in the docs' example (`0.00`). */
export function createdAccountJson(c: CustomerRecord) {
  return {
    auth_id: c.authId,
    auth_token: c.authToken,
    name: c.name,
    email: c.email,
    status: 'active',
    balance: 0,
    currency: c.currency,
    country: c.country,
    created_at: accountTimestamp(c.createdAtMs),
  }
}
