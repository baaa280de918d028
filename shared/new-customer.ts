import { isValidPhoneNumber } from 'libphonenumber-js/min'
import { z } from 'zod'
import { isCountryCode } from './countries'
import { EMPTY_DRAFT, type NewCustomerDraft, type NewCustomerField } from './new-customer-draft'

export * from './new-customer-draft'

/**
 * The one validation of Create Customer Account (partner-customer-accounts.md), used by the form
 * as the user types and again by main before anything is sent. Lengths the docs do not give are
 * the sandbox's (electron/sandbox/validation.ts).
 */

export const GSTIN = /^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/
const PLAN = /^[a-z][a-z0-9_-]*$/
const SPECIAL = /[^\p{L}\p{N}\s]/u

export const GST_STATUSES = ['active', 'inactive'] as const

/** An IANA time zone this runtime knows, current or legacy name (Asia/Kolkata, Asia/Calcutta). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return zone.includes('/') || zone === 'UTC'
  } catch {
    return false
  }
}

const optional = (max: number, label = 'This field') =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .transform((value) => (value === '' ? undefined : value))
    .optional()

export const newCustomerSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Enter the customer’s name.')
      .max(100, 'At most 100 characters.'),
    email: z
      .string()
      .trim()
      .min(1, 'Enter an email address: the customer signs in with it.')
      .max(254, 'At most 254 characters.')
      .regex(EMAIL, 'Enter a valid email address, e.g. admin@example.com.'),
    // Kept exactly as typed.
    password: z
      .string()
      .min(1, 'Choose a password for the customer’s login.')
      .max(128, 'At most 128 characters.')
      .refine((p) => [...p].length >= 8, 'At least 8 characters.')
      .refine((p) => /\d/.test(p), 'Add a number.')
      .refine((p) => SPECIAL.test(p), 'Add a special character, e.g. ! or #.'),
    phone: optional(32)
      .refine((p) => p === undefined || p.startsWith('+'), 'Start with + and the country code.')
      .refine(
        (p) => p === undefined || !p.startsWith('+') || isValidPhoneNumber(p),
        'Not a valid phone number for its country code.',
      ),
    country: z.string().trim().refine(isCountryCode, 'Choose the customer’s country.'),
    timezone: optional(64).refine(
      (zone) => zone === undefined || isTimeZone(zone),
      'Choose a time zone from the list.',
    ),
    company: optional(200),
    description: optional(500),
    address: optional(200),
    city: optional(100),
    state: optional(100),
    zip_code: optional(20),
    gstin: z
      .string()
      .trim()
      .max(32, 'At most 32 characters.')
      .transform((value) => (value === '' ? undefined : value.toUpperCase()))
      .refine(
        (value) => value === undefined || GSTIN.test(value),
        'Not a valid GSTIN, e.g. 29AAPFU0939F1ZV.',
      )
      .optional(),
    gst_status: z.enum(GST_STATUSES).optional(),
    account_type: z
      .string()
      .trim()
      .max(32, 'At most 32 characters.')
      .regex(PLAN, 'A lower-case plan name such as "standard".')
      .optional(),
  })
  .strict()

/** The draft as the schema takes it: choices left empty become absent. */
export function draftInput(draft: NewCustomerDraft): Record<string, string | undefined> {
  return {
    ...draft,
    gst_status: draft.gst_status || undefined,
    account_type: draft.account_type || undefined,
  }
}

export type DraftErrors = Partial<Record<NewCustomerField, string>>

/** The draft checked: the POST body, or one message per failing field. */
export function checkDraft(
  draft: NewCustomerDraft,
): { ok: true; value: NewCustomer } | { ok: false; errors: DraftErrors } {
  const result = newCustomerSchema.safeParse(draftInput(draft))
  if (result.success) return { ok: true, value: result.data }
  const errors: DraftErrors = {}
  for (const issue of result.error.issues) {
    const field = issue.path[0]
    if (typeof field === 'string' && field in EMPTY_DRAFT) {
      errors[field as NewCustomerField] ??= issue.message
    }
  }
  return { ok: false, errors }
}

/** Field messages of a draft (one per field), empty when it can be sent. */
export function draftErrors(draft: NewCustomerDraft): DraftErrors {
  const checked = checkDraft(draft)
  return checked.ok ? {} : checked.errors
}

export type PasswordStrength = { level: 0 | 1 | 2 | 3; label: string }

/** A hint, not a rule: length and variety beyond the required minimum. */
export function passwordStrength(password: string): PasswordStrength {
  if (!password) return { level: 0, label: '' }
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, SPECIAL].filter((test) => test.test(password)).length
  const length = [...password].length
  if (length < 8 || kinds < 3) return { level: 1, label: 'Weak' }
  if (length >= 14 && kinds === 4) return { level: 3, label: 'Strong' }
  return { level: 2, label: length >= 12 || kinds === 4 ? 'Good' : 'Fair' }
}

/** The POST body: optional fields left out when empty. */
export type NewCustomer = z.output<typeof newCustomerSchema>

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
/** The draft's fields are exactly the schema's (a compile-time check). */
export const DRAFT_MATCHES_SCHEMA: Same<keyof z.input<typeof newCustomerSchema>, NewCustomerField> =
  true
