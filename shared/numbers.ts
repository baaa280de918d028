import { z } from 'zod'

/** Phone numbers as the app shows them (partner-usage-and-onboarding.md, Phone numbers). */

export const NUMBERS_PAGE_SIZE = 100

const filtersShape = {
  /** One customer's numbers; absent for all the partner's. */
  authId: z.string().trim().min(1).max(100).optional(),
  /** Part of an E.164 number (digits, an optional leading +). */
  search: z
    .string()
    .trim()
    .max(20)
    .regex(/^\+?\d*$/, 'Digits of the number only, e.g. 9180.')
    .optional(),
}
export const numbersFiltersSchema = z.object(filtersShape).strict()
export type NumbersFilters = z.infer<typeof numbersFiltersSchema>

export const numbersQuerySchema = z
  .object({
    ...filtersShape,
    page: z.number().int().min(1).max(1_000_000).default(1),
    perPage: z.number().int().min(1).max(NUMBERS_PAGE_SIZE).default(NUMBERS_PAGE_SIZE),
  })
  .strict()
export type NumbersQuery = z.input<typeof numbersQuerySchema>

export const phoneNumberViewSchema = z.object({
  e164: z.string(),
  /** The owning customer (`account_id`, MA_…). */
  authId: z.string().nullable(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  status: z.string().nullable(),
  /** The capabilities that are on: voice, sms, mms, fax. */
  capabilities: z.array(z.string()),
  /** Exact decimals. */
  monthlyFee: z.string().nullable(),
  setupFee: z.string().nullable(),
  currency: z.string().nullable(),
  purchasedAt: z.string().nullable(),
  nextBillingDate: z.string().nullable(),
})
export type PhoneNumberView = z.infer<typeof phoneNumberViewSchema>

export const numbersPageSchema = z.object({
  numbers: z.array(phoneNumberViewSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  perPage: z.number().int().positive(),
})
export type NumbersPage = z.infer<typeof numbersPageSchema>
