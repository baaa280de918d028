import { z } from 'zod'
import { parseMoney } from '../../shared/money'
import { rebase } from './drift'
import type { PartnerRecord } from './model'
import type { PartnerOverrides } from './types'

const money = z
  .union([z.string(), z.number()])
  .refine((value) => parseMoney(value) !== null, 'Not a decimal amount.')

export const partnerPatchSchema = z
  .strictObject({
    name: z.string().min(1).max(100),
    company: z.string().min(1).max(200),
    slug: z.string().min(1).max(100),
    email: z.string().min(3).max(254),
    phone: z.string().min(1).max(32),
    billing_model: z.string().min(1).max(32),
    is_active: z.boolean(),
    is_verified: z.boolean(),
    max_accounts: z.number().int().min(0),
    can_create_accounts: z.boolean(),
    can_create_pricing_tiers: z.boolean(),
    can_view_cdrs: z.boolean(),
    can_transfer_balance: z.boolean(),
    default_pricing_tier_id: z.string().min(1).max(64),
    balance: money,
    balance_drift_per_second: money,
  })
  .partial() satisfies z.ZodType<Partial<PartnerOverrides>>
/** The partner with a checked patch applied; a new balance or drift rate rebases its balance. */
export function patchPartner(
  partner: PartnerRecord,
  patch: Partial<PartnerOverrides>,
  now: number,
): PartnerRecord {
  const { balance, balance_drift_per_second: drift, ...fields } = patch
  const units = balance === undefined ? undefined : parseMoney(balance)?.units
  const ratePerSecond = drift === undefined ? undefined : parseMoney(drift)?.units
  return {
    ...partner,
    ...fields,
    updatedAtMs: now,
    balance:
      units === undefined && ratePerSecond === undefined
        ? partner.balance
        : rebase(partner.balance, now, {
            ...(units === undefined ? {} : { units }),
            ...(ratePerSecond === undefined ? {} : { ratePerSecond }),
          }),
  }
}
