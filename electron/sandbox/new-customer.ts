import { STANDARD_TIER, INTERNATIONAL_TIER, currencyForCountry, type CustomerRecord } from './model'
import type { NewCustomerInput } from './validation'

/** A customer created through the API: its checked input with a new account's defaults. */
export function newCustomerRecord(
  input: NewCustomerInput,
  ids: Pick<CustomerRecord, 'id' | 'authId' | 'authToken' | 'apiId'>,
  now: number,
): CustomerRecord {
  return {
    ...ids,
    name: input.name,
    email: input.email,
    nameLower: input.name.normalize('NFC').toLowerCase(),
    emailLower: input.email.toLowerCase(),
    phone: input.phone,
    description: input.description,
    company: input.company,
    address: input.address,
    city: input.city,
    state: input.state,
    zipCode: input.zip_code,
    country: input.country,
    currency: currencyForCountry(input.country),
    timezone: input.timezone,
    gstin: input.gstin,
    gstStatus: input.gst_status,
    accountType: input.account_type,
    kycStatus: 'pending',
    enabled: true,
    isTrial: false,
    cpsLimit: 1,
    concurrentCallsLimit: 4,
    pricingTierId: input.country === 'IN' ? STANDARD_TIER.id : INTERNATIONAL_TIER.id,
    createdAtMs: now,
    updatedAtMs: now,
    lastLoginMs: null,
    balance: { baseUnits: 0n, ratePerSecond: 0n, sinceMs: now, floorUnits: 0n },
  }
}
