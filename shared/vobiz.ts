import { z } from 'zod'

/**
 * Schemas of Vobiz API replies. Tolerant by design: unknown fields are dropped, documented type
 * drift is accepted (balances as string, number or null; ids as string or number), and fields the
 * docs' examples sometimes omit are optional.
 */
export const balanceValue = z.union([z.string(), z.number(), z.null()])
const optionalText = z.string().nullish()
const optionalFlag = z.boolean().nullish()
const optionalCount = z.number().int().nullish()
const idValue = z.union([z.string(), z.number()]).transform(String)

export const partnerProfileSchema = z.object({
  id: idValue.nullish(),
  account_id: z.union([z.number(), z.string()]).nullish(),
  auth_id: z.string().min(1),
  name: z.string(),
  slug: optionalText,
  company: optionalText,
  email: optionalText,
  phone: optionalText,
  billing_model: optionalText,
  is_active: optionalFlag,
  is_verified: optionalFlag,
  max_accounts: optionalCount,
  account_count: optionalCount,
  can_create_accounts: optionalFlag,
  can_create_pricing_tiers: optionalFlag,
  can_view_cdrs: optionalFlag,
  can_transfer_balance: optionalFlag,
  default_pricing_tier_id: optionalText,
  balance: balanceValue.optional(),
  currency: optionalText,
  country: optionalText,
  created_at: optionalText,
  updated_at: optionalText,
})
export type PartnerProfile = z.infer<typeof partnerProfileSchema>

export const pricingTierSchema = z.object({
  id: idValue.nullish(),
  name: optionalText,
  currency: optionalText,
  rate_per_minute: z.number().nullish(),
  streaming_rate_per_minute: z.number().nullish(),
  recording_rate_per_minute: z.number().nullish(),
  whatsapp_voice_rate: z.number().nullish(),
  transcription_rate_per_minute: z.number().nullish(),
  pii_redaction_rate_per_minute: z.number().nullish(),
  charge_non_connected_calls: optionalFlag,
  non_connected_call_fee: z.number().nullish(),
  did_release_fee: z.number().nullish(),
  is_active: optionalFlag,
  is_default: optionalFlag,
})

export const customerAccountSchema = z.object({
  auth_id: z.string().min(1),
  id: idValue.nullish(),
  api_id: optionalText,
  name: z.string(),
  email: optionalText,
  phone: optionalText,
  company: optionalText,
  description: optionalText,
  gstin: optionalText,
  gst_status: optionalText,
  tds_enabled: optionalFlag,
  tds_percentage: z.number().nullish(),
  business_type: optionalText,
  account_type: optionalText,
  role: optionalText,
  postpaid: optionalFlag,
  address: optionalText,
  city: optionalText,
  state: optionalText,
  timezone: optionalText,
  country: optionalText,
  zip_code: optionalText,
  billing_mode: optionalText,
  auto_recharge: optionalFlag,
  cash_credits: balanceValue.optional(),
  currency: optionalText,
  credit_limit: balanceValue.optional(),
  cps_limit: optionalCount,
  concurrent_calls_limit: optionalCount,
  base_cps_limit: optionalCount,
  base_concurrent_calls_limit: optionalCount,
  purchased_cps: optionalCount,
  purchased_concurrent_calls: optionalCount,
  is_active: optionalFlag,
  is_verified: optionalFlag,
  is_trial_account: optionalFlag,
  enabled: optionalFlag,
  kyc_status: optionalText,
  created_at: optionalText,
  updated_at: optionalText,
  last_login: optionalText,
  pricing_tier_id: optionalText,
  pricing_tier: pricingTierSchema.nullish(),
  partner_id: optionalText,
  auth_token: optionalText,
})
export type CustomerAccount = z.infer<typeof customerAccountSchema>

export const accountListSchema = z.object({
  accounts: z.array(customerAccountSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  size: z.number().int().positive(),
})
export type AccountList = z.infer<typeof accountListSchema>

export const customerBalanceSchema = z.object({
  auth_id: z.string().min(1),
  name: optionalText,
  cash_credits: balanceValue,
  currency: optionalText,
  updated_at: optionalText,
})
export type CustomerBalance = z.infer<typeof customerBalanceSchema>

export const createdAccountSchema = z.object({
  auth_id: z.string().min(1),
  auth_token: z.string().min(1),
  name: z.string(),
  email: optionalText,
  status: optionalText,
  balance: balanceValue.optional(),
  currency: optionalText,
  country: optionalText,
  created_at: optionalText,
})
export type CreatedAccount = z.infer<typeof createdAccountSchema>

/** POST …/accounts/{id}/transfer-balance → 200 (balance.md). */
export const transferReplySchema = z.object({
  transaction_id: idValue.nullish(),
  from_account: optionalText,
  to_account: optionalText,
  amount: balanceValue,
  currency: optionalText,
  description: optionalText,
  status: optionalText,
  partner_balance_after: balanceValue.optional(),
  customer_balance_after: balanceValue.optional(),
  timestamp: optionalText,
})
export type TransferReply = z.infer<typeof transferReplySchema>

/**
 * One row of a ledger (more-endpoints.md, Transactions): `id`, `account_id`, `balance_id`, `type`
 * (`credit` | `debit`), `amount` (positive), `currency`, `description`, `reference`, `status`,
 * `processed_at`, `created_at`, `updated_at`. Every field but the id is optional, and the older
 * readings (`transaction_id`, `auth_id`, `transaction_type`) are still read, so a server on
 * either side of the change stays readable.
 */
export const transactionSchema = z
  .object({
    id: idValue.optional(),
    transaction_id: idValue.optional(),
    account_id: optionalText,
    auth_id: optionalText,
    balance_id: optionalText,
    type: optionalText,
    transaction_type: optionalText,
    amount: balanceValue.optional(),
    currency: optionalText,
    description: optionalText,
    reference: optionalText,
    status: optionalText,
    processed_at: optionalText,
    created_at: optionalText,
    updated_at: optionalText,
  })
  .refine((row) => row.id !== undefined || row.transaction_id !== undefined, {
    message: 'A ledger row needs an id.',
  })
export type TransactionRow = z.infer<typeof transactionSchema>

/** `summary` of a ledger reply: totals over the whole filtered set (numbers, per the docs). */
export const transactionSummarySchema = z.object({
  total_transactions: z.number().int().nullish(),
  total_debit: balanceValue.optional(),
  total_credit: balanceValue.optional(),
  net_amount: balanceValue.optional(),
})

/**
 * The documented reply: `{ transactions, summary, total, page, per_page, total_pages,
 * account_auth_id }` (no `size`). `size` is still read where `per_page` is missing.
 */
export const transactionListSchema = z.object({
  transactions: z.array(transactionSchema),
  summary: transactionSummarySchema.nullish().catch(null),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  per_page: z.number().int().positive().nullish(),
  size: z.number().int().positive().nullish(),
  total_pages: z.number().int().nonnegative().nullish(),
  account_auth_id: optionalText,
})
export type TransactionList = z.infer<typeof transactionListSchema>

/**
 * GET /api/v1/partner/dashboard and /analytics (partner-usage-and-onboarding.md): only the parts
 * read so far. `currency` is the partner's: the source of the wallet currency when /me has none.
 */
export const dashboardSchema = z.object({
  currency: optionalText,
  total_balance: balanceValue.optional(),
})
export type Dashboard = z.infer<typeof dashboardSchema>

export const DEFAULT_API_BASE_URL = 'https://api.vobiz.ai'

/** A sub-account as the API shows it (more-endpoints.md, Sub-accounts: Object). */
export const subAccountSchema = z.object({
  id: idValue.nullish(),
  auth_id: z.string().min(1),
  /** `"<redacted>"` on every read; the token itself only in the create reply. */
  auth_token: optionalText,
  name: z.string(),
  email: optionalText,
  phone: optionalText,
  description: optionalText,
  permissions: z.record(z.string(), z.boolean()).nullish(),
  rate_limit: optionalCount,
  parent_auth_id: optionalText,
  enabled: optionalFlag,
  is_active: optionalFlag,
  email_verified: optionalFlag,
  created_at: optionalText,
  updated_at: optionalText,
  last_used: optionalText,
  kyc_mode: optionalText,
  kyc_calls_blocked: optionalFlag,
})
export type SubAccount = z.infer<typeof subAccountSchema>

export const subAccountListSchema = z.object({
  sub_accounts: z.array(subAccountSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  size: z.number().int().positive(),
})
export type SubAccountList = z.infer<typeof subAccountListSchema>

/** POST …/sub-accounts/ → 201. `tokens` (JWTs) are not read: the app never keeps them. */
export const createdSubAccountSchema = z.object({
  message: optionalText,
  sub_account: subAccountSchema,
  auth_credentials: z.object({ auth_id: z.string().min(1), auth_token: z.string().min(1) }),
})
export type CreatedSubAccount = z.infer<typeof createdSubAccountSchema>

/**
 * The account object (account-object.txt): `GET /api/v1/auth/me`, or the older
 * `GET /api/v1/Account/{auth_id}/`. Only what the app reads. Every attribute is optional on that
 * page, and its example's `id` is the `MA_…` id while `auth_id` is a placeholder: either is read.
 */
export const accountObjectSchema = z.object({
  id: idValue.nullish(),
  auth_id: optionalText,
  name: optionalText,
  account_type: optionalText,
  enabled: optionalFlag,
})
export type AccountObject = z.infer<typeof accountObjectSchema>

/** DELETE → 200 `{message}`, or 204 with no body on older pages: both accepted. */
export const deletedSchema = z.union([z.object({ message: optionalText }), z.undefined()])
