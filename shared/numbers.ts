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

/** What the Numbers screen filters by, in the renderer and for its CSV export in main. */
export const numbersFilterSchema = z
  .object({
    authId: filtersShape.authId,
    /** Digits of the number, or part of the owner's name. */
    text: z.string().max(200).default(''),
    status: z.string().max(40).default(''),
    capability: z.string().max(10).default(''),
  })
  .strict()
export type NumbersFilter = z.infer<typeof numbersFilterSchema>

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
  /** When this reading was saved, if it is an earlier one shown because Vobiz is out of reach. */
  savedAt: z.string().nullable(),
})
export type NumbersPage = z.infer<typeof numbersPageSchema>

/**
 * The numbers a filter keeps: `text` matches the digits of the number (spaces, +, brackets and
 * dashes ignored) or the owner's name, case- and accent-insensitively.
 */
export function filterNumbers(
  numbers: readonly PhoneNumberView[],
  filter: Omit<NumbersFilter, 'authId'>,
  ownerName: (authId: string | null) => string,
): PhoneNumberView[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
  const text = fold(filter.text.trim())
  const digits = text.replace(/[\s+()-]/g, '')
  const byDigits = /^\d+$/.test(digits)
  return numbers.filter(
    (n) =>
      (!filter.status || n.status === filter.status) &&
      (!filter.capability || n.capabilities.includes(filter.capability)) &&
      (!text || (byDigits && n.e164.includes(digits)) || fold(ownerName(n.authId)).includes(text)),
  )
}
