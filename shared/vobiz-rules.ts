/**
 * The Vobiz API's input rules, in one place for the app's forms (shared/new-customer.ts,
 * shared/subaccounts.ts) and the sandbox that enforces them (electron/sandbox/): the sandbox
 * imports them from here, never the other way round. Each says which doc page gives it; where the
 * pages give no limit, the value is this app's reading, marked so.
 */

/** partner-customer-accounts.md, Validation rules: "phone must be E.164 (leading + and country code)". */
export const E164 = /^\+[1-9]\d{6,14}$/

/** partner-customer-accounts.md, request body: "GSTIN for tax invoicing (India)" (the GSTIN format). */
export const GSTIN = /^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/

/** One @, a dotted domain, no spaces. The docs give no pattern: our reading. */
export const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/

/** partner-customer-accounts.md: `account_type` is "`standard` (default) or other plan tier". */
export const ACCOUNT_TYPE = /^[a-z][a-z0-9_-]*$/

/** partner-customer-accounts.md: `gst_status` is `active` or `inactive`. */
export const GST_STATUSES = ['active', 'inactive'] as const

/**
 * partner-customer-accounts.md: "at least 8 characters and contain a number and a special
 * character" (customers); more-endpoints.md lists a sub-account `password` with no rule, so the
 * same minimum length is asked there.
 */
export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_DIGIT = /\d/
export const PASSWORD_SPECIAL = /[^\p{L}\p{N}\s]/u

/** more-endpoints.md, Sub-accounts: `kyc_mode` is `personal_use` (default) or `customer_use`. */
export const KYC_MODES = ['personal_use', 'customer_use'] as const

/**
 * Longest text per Create Customer Account field. The docs give no lengths: these are our
 * reading (common database column sizes), the same in the form and in the sandbox.
 */
export const CUSTOMER_MAX_LENGTH = {
  name: 100,
  email: 254,
  password: 128,
  phone: 32,
  description: 500,
  company: 200,
  address: 200,
  city: 100,
  state: 100,
  zip_code: 20,
  country: 16,
  timezone: 64,
  gstin: 32,
  gst_status: 16,
  account_type: 32,
} as const

/** Longest text per sub-account field: no lengths in the docs either; our reading. */
export const SUB_ACCOUNT_MAX_LENGTH = {
  name: 100,
  email: 254,
  phone: 32,
  description: 500,
  password: 128,
} as const

/** more-endpoints.md: `rate_limit` is an integer (requests per period); its bounds are ours. */
export const RATE_LIMIT_MIN = 1
export const RATE_LIMIT_MAX = 1_000_000
