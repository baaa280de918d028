import type { CustomerDetail } from '../../../shared/customer-detail'
import { exactDecimal } from '../../../shared/money'
import type { CustomerAccount } from '../../../shared/vobiz'

/** The pricing tier's rates, labelled for people, in the order the docs list them. */
const RATES = [
  ['rate_per_minute', 'Calls, per minute'],
  ['streaming_rate_per_minute', 'Streaming, per minute'],
  ['recording_rate_per_minute', 'Recording, per minute'],
  ['whatsapp_voice_rate', 'WhatsApp voice'],
  ['transcription_rate_per_minute', 'Transcription, per minute'],
  ['pii_redaction_rate_per_minute', 'PII redaction, per minute'],
  ['non_connected_call_fee', 'Non-connected call fee'],
  ['did_release_fee', 'Number release fee'],
] as const

/** The drawer's view of an account: every documented field but the token. */
export function toCustomerDetail(a: CustomerAccount): CustomerDetail {
  const tier = a.pricing_tier
  return {
    authId: a.auth_id,
    id: a.id ?? null,
    apiId: a.api_id ?? null,
    name: a.name,
    company: a.company ?? null,
    email: a.email ?? null,
    phone: a.phone ?? null,
    description: a.description ?? null,
    enabled: a.enabled ?? null,
    active: a.is_active ?? null,
    verified: a.is_verified ?? null,
    kycStatus: a.kyc_status ?? null,
    trial: a.is_trial_account ?? null,
    role: a.role ?? null,
    accountType: a.account_type ?? null,
    businessType: a.business_type ?? null,
    billingMode: a.billing_mode ?? null,
    postpaid: a.postpaid ?? null,
    cashCredits: exactDecimal(a.cash_credits),
    currency: a.currency ?? tier?.currency ?? null,
    autoRecharge: a.auto_recharge ?? null,
    creditLimit: exactDecimal(a.credit_limit),
    cpsLimit: a.cps_limit ?? null,
    concurrentCallsLimit: a.concurrent_calls_limit ?? null,
    baseCpsLimit: a.base_cps_limit ?? null,
    baseConcurrentCallsLimit: a.base_concurrent_calls_limit ?? null,
    purchasedCps: a.purchased_cps ?? null,
    purchasedConcurrentCalls: a.purchased_concurrent_calls ?? null,
    pricingTier: tier
      ? {
          id: tier.id ?? null,
          name: tier.name ?? null,
          currency: tier.currency ?? null,
          rates: RATES.map(([key, label]) => ({ key, label, value: tier[key] ?? null })),
          chargeNonConnectedCalls: tier.charge_non_connected_calls ?? null,
          isActive: tier.is_active ?? null,
          isDefault: tier.is_default ?? null,
        }
      : null,
    address: a.address ?? null,
    city: a.city ?? null,
    state: a.state ?? null,
    zipCode: a.zip_code ?? null,
    country: a.country ?? null,
    timezone: a.timezone ?? null,
    gstin: a.gstin ?? null,
    gstStatus: a.gst_status ?? null,
    tdsEnabled: a.tds_enabled ?? null,
    tdsPercentage: a.tds_percentage ?? null,
    createdAt: a.created_at ?? null,
    updatedAt: a.updated_at ?? null,
    lastLogin: a.last_login ?? null,
  }
}
