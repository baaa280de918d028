import { z } from 'zod'
import { tokenKeepingSchema } from './credentials'
import type { CustomerRow } from './customers'

/**
 * Everything the customer drawer shows of one account (GET /partner/accounts/{auth_id}), without
 * its token. Null means the API gave no value; the drawer shows "—".
 */
const text = z.string().nullable()
const flag = z.boolean().nullable()
const count = z.number().int().nullable()

export const pricingRateSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** As the API gave it (a rate, not money: shown as is, never computed with). */
  value: z.number().nullable(),
})

export const pricingTierViewSchema = z.object({
  id: text,
  name: text,
  currency: text,
  rates: z.array(pricingRateSchema),
  chargeNonConnectedCalls: flag,
  isActive: flag,
  isDefault: flag,
})

export const customerDetailSchema = z.object({
  // identity
  authId: z.string().min(1),
  id: text,
  apiId: text,
  name: z.string(),
  company: text,
  email: text,
  phone: text,
  description: text,
  // status
  enabled: flag,
  active: flag,
  verified: flag,
  kycStatus: text,
  trial: flag,
  role: text,
  accountType: text,
  businessType: text,
  // billing
  billingMode: text,
  postpaid: flag,
  /** Exact decimal strings (see money.ts). */
  cashCredits: text,
  currency: text,
  autoRecharge: flag,
  creditLimit: text,
  // limits
  cpsLimit: count,
  concurrentCallsLimit: count,
  baseCpsLimit: count,
  baseConcurrentCallsLimit: count,
  purchasedCps: count,
  purchasedConcurrentCalls: count,
  // pricing
  pricingTier: pricingTierViewSchema.nullable(),
  // location
  address: text,
  city: text,
  state: text,
  zipCode: text,
  country: text,
  timezone: text,
  // tax
  gstin: text,
  gstStatus: text,
  tdsEnabled: flag,
  tdsPercentage: z.number().nullable(),
  // timestamps (ISO, as the API gave them)
  createdAt: text,
  updatedAt: text,
  lastLogin: text,
})
export type CustomerDetail = z.infer<typeof customerDetailSchema>

export const customerDetailReplySchema = z.object({
  detail: customerDetailSchema,
  /**
   * `network`: read from Vobiz just now. `saved`: the last full record read on this computer
   * (Vobiz could not be reached). `list`: only the fields of the saved customer list are known.
   */
  source: z.enum(['network', 'saved', 'list']),
  /** When the record shown was read from Vobiz (ISO); for `list`, when the list was synced. */
  fetchedAt: z.string().nullable(),
  token: z.object({
    /** A token for this customer is on this computer: copy works offline. */
    available: z.boolean(),
    keeping: tokenKeepingSchema,
  }),
})
export type CustomerDetailReply = z.infer<typeof customerDetailReplySchema>

/** What the saved customer list knows of a customer; every other field unknown. */
export function detailFromRow(row: CustomerRow): CustomerDetail {
  const unknown = Object.fromEntries(
    Object.keys(customerDetailSchema.shape).map((key) => [key, null]),
  ) as Record<keyof CustomerDetail, null>
  return {
    ...unknown,
    authId: row.authId,
    name: row.name,
    company: row.company,
    email: row.email,
    phone: row.phone,
    cashCredits: row.balance,
    currency: row.currency,
    kycStatus: row.kycStatus,
    enabled: row.enabled,
    active: row.active,
    createdAt: row.createdAt,
  }
}

/** The fields a fresh record can change from the saved list's, by label (for "updated"). */
export function changedSinceSync(row: CustomerRow, detail: CustomerDetail): string[] {
  const pairs: [string, unknown, unknown][] = [
    ['name', row.name, detail.name],
    ['company', row.company, detail.company],
    ['email', row.email, detail.email],
    ['phone', row.phone, detail.phone],
    ['balance', row.balance, detail.cashCredits],
    ['KYC status', row.kycStatus, detail.kycStatus],
    ['enabled', row.enabled, detail.enabled],
    ['active', row.active, detail.active],
  ]
  return pairs.filter(([, saved, fresh]) => saved !== fresh).map(([label]) => label)
}
