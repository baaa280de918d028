import type { DriftingBalance } from './drift'

/** Seeded data is dated in the past relative to this fixed instant (2026-11-01T00:00:00Z). */
export const SEED_EPOCH_MS = Date.UTC(2026, 10, 1)

export const PARTNER_AUTH_ID = 'PA_SANDBOX1'

export type KycStatus = 'pending' | 'verified' | 'rejected'

/** What search, lookup and ordering need; kept in memory for every customer. */
export type CustomerCore = {
  /** Numeric string, like the API's ("500001"). */
  id: string
  authId: string
  name: string
  email: string
  /** Lower-cased name and email, for search. */
  nameLower: string
  emailLower: string
  country: string
  createdAtMs: number
}

/** The rest of a customer; for seeded ones generated on first use (see seed.ts). */
export type CustomerDetails = {
  authToken: string
  apiId: string
  phone: string | null
  description: string | null
  company: string | null
  address: string | null
  city: string | null
  state: string | null
  zipCode: string | null
  currency: string
  timezone: string | null
  gstin: string | null
  gstStatus: 'active' | 'inactive' | null
  accountType: string
  kycStatus: KycStatus
  enabled: boolean
  isTrial: boolean
  cpsLimit: number
  concurrentCallsLimit: number
  pricingTierId: string
  updatedAtMs: number
  lastLoginMs: number | null
  balance: DriftingBalance
}

/** One customer as the sandbox serves it; the JSON shapes are built from it in shapes.ts. */
export type CustomerRecord = CustomerCore & CustomerDetails

/** A seeded customer before its details are generated (from its own PRNG stream). */
export type SeededCustomer = CustomerCore & {
  detailSeed: number
  lastName: string
  international: boolean
}

/** The stored partner: the profile fields that are not computed (account_count, balance). */
export type PartnerRecord = {
  id: string
  account_id: number
  name: string
  slug: string
  company: string
  auth_id: string
  email: string
  phone: string
  billing_model: string
  is_active: boolean
  is_verified: boolean
  max_accounts: number
  can_create_accounts: boolean
  can_create_pricing_tiers: boolean
  can_view_cdrs: boolean
  can_transfer_balance: boolean
  default_pricing_tier_id: string
  currency: string
  createdAtMs: number
  updatedAtMs: number
  balance: DriftingBalance
}

export type PricingTier = {
  id: string
  name: string
  currency: string
  rate_per_minute: number
  streaming_rate_per_minute: number
  recording_rate_per_minute: number
  whatsapp_voice_rate: number
  transcription_rate_per_minute: number
  pii_redaction_rate_per_minute: number
  charge_non_connected_calls: boolean
  non_connected_call_fee: number
  did_release_fee: number
  is_active: boolean
  is_default: boolean
  partner_id: null
}

const tier = (
  id: string,
  name: string,
  currency: string,
  rate: number,
  isDefault: boolean,
): PricingTier => ({
  id,
  name,
  currency,
  rate_per_minute: rate,
  streaming_rate_per_minute: 0.2,
  recording_rate_per_minute: 0.1,
  whatsapp_voice_rate: rate,
  transcription_rate_per_minute: 0.1,
  pii_redaction_rate_per_minute: 0.3,
  charge_non_connected_calls: true,
  non_connected_call_fee: 0.02,
  did_release_fee: 700,
  is_active: true,
  is_default: isDefault,
  partner_id: null,
})

export const STANDARD_TIER = tier(
  '7c1e2a40-58b3-4d2e-9f61-0a4b8c3d5e01',
  'Standard',
  'INR',
  0.45,
  true,
)
export const VOLUME_TIER = tier(
  '7c1e2a40-58b3-4d2e-9f61-0a4b8c3d5e02',
  'Volume',
  'INR',
  0.32,
  false,
)
export const INTERNATIONAL_TIER = tier(
  '7c1e2a40-58b3-4d2e-9f61-0a4b8c3d5e03',
  'International',
  'USD',
  0.012,
  false,
)
export const PRICING_TIERS: readonly PricingTier[] = [
  STANDARD_TIER,
  VOLUME_TIER,
  INTERNATIONAL_TIER,
]

export const tierById = (id: string): PricingTier =>
  PRICING_TIERS.find((t) => t.id === id) ?? STANDARD_TIER

/** Wallet currency of a new customer, derived from its country; USD for the rest. */
const CURRENCY_BY_COUNTRY: Readonly<Record<string, string>> = {
  IN: 'INR',
  US: 'USD',
  GB: 'GBP',
  AE: 'AED',
  SG: 'SGD',
  AU: 'AUD',
  CA: 'CAD',
  NZ: 'NZD',
  JP: 'JPY',
  CH: 'CHF',
  NP: 'NPR',
  BD: 'BDT',
  LK: 'LKR',
  PK: 'PKR',
  MY: 'MYR',
  ZA: 'ZAR',
  SA: 'SAR',
  ...Object.fromEntries(
    ['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV']
      .concat(['MT', 'NL', 'PT', 'SI', 'SK'])
      .map((code) => [code, 'EUR']),
  ),
}

export const currencyForCountry = (country: string): string => CURRENCY_BY_COUNTRY[country] ?? 'USD'

/**
 * A timestamp as the API writes account times, with microseconds and `+00:00`
 * ("2026-05-06T07:12:40.437000+00:00"); the clock has milliseconds, so the last 3 digits are 0.
 */
export function accountTimestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, -1)}000+00:00`
}

/** The partner profile's style: microseconds and `Z` ("2026-01-19T18:39:14.529000Z"). */
export function partnerTimestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, -1)}000Z`
}
