import { accountTimestamp } from './model'
import { createPrng, subSeed } from './prng'

/**
 * The partner's phone numbers (partner-usage-and-onboarding.md, Phone numbers), each held by a
 * customer; deterministic for a seed. Read-only: assigning and releasing are Console-only.
 */

export type PhoneNumber = {
  id: string
  authId: string
  e164: string
  monthlyFee: number
  setupFee: number
  currency: string
  status: 'active' | 'suspended'
  purchasedAtMs: number
  sms: boolean
}

const DAY_MS = 24 * 3600_000

export function generateNumbers(options: {
  seed: number
  originMs: number
  customers: readonly { authId: string; currency: string }[]
}): PhoneNumber[] {
  const out: PhoneNumber[] = []
  options.customers.forEach((customer, index) => {
    const prng = createPrng(subSeed(options.seed ^ 0x0d1d_5eed, index))
    const count = prng.int(0, 3)
    for (let i = 0; i < count; i++) {
      out.push({
        id: prng.uuid(),
        authId: customer.authId,
        e164: `+9180${String(prng.int(0, 99_999_999)).padStart(8, '0')}`,
        // Rupee-sized fees in INR, a hundredth of that in the other (dearer) currencies: ours.
        monthlyFee: prng.pick([500, 750, 1000]) / (customer.currency === 'INR' ? 1 : 100),
        setupFee: prng.pick([0, 250]) / (customer.currency === 'INR' ? 1 : 100),
        currency: customer.currency,
        status: prng.chance(0.95) ? 'active' : 'suspended',
        purchasedAtMs: options.originMs - prng.int(5, 400) * DAY_MS,
        sms: prng.chance(0.3),
      })
    }
  })
  return out
}

/** The next monthly billing date after `nowMs`, on the purchase's day of month (ours). */
function billingDates(purchasedAtMs: number, nowMs: number): { last: number; next: number } {
  const start = new Date(purchasedAtMs)
  let last = purchasedAtMs
  for (let month = 1; ; month++) {
    const next = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + month, start.getUTCDate())
    if (next > nowMs) return { last, next }
    last = next
  }
}

/** One number as the API shows it: the documented fields. */
export function numberJson(number: PhoneNumber, nowMs: number) {
  const { last, next } = billingDates(number.purchasedAtMs, nowMs)
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)
  return {
    id: number.id,
    account_id: number.authId,
    e164: number.e164,
    country: 'IN',
    region: 'Karnataka',
    capabilities: { voice: true, sms: number.sms, mms: false, fax: false },
    status: number.status,
    provider: 'vobiz',
    setup_fee: number.setupFee,
    monthly_fee: number.monthlyFee,
    currency: number.currency,
    application_id: null,
    voice_enabled: true,
    tags: [],
    purchased_at: accountTimestamp(number.purchasedAtMs),
    is_blocked: number.status !== 'active',
    is_trial_number: false,
    last_billing_date: day(last),
    next_billing_date: day(next),
    minimum_commitment_months: 1,
    aadhaar_verification_required: false,
    aadhaar_verified: false,
    source: 'inventory',
    created_at: accountTimestamp(number.purchasedAtMs),
    updated_at: accountTimestamp(number.purchasedAtMs),
  }
}
