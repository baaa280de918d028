import { isValidPhoneNumber } from 'libphonenumber-js/min'
import { z } from 'zod'
import { isCountryCode } from './countries'
import { fieldMessages } from './field-messages'
import {
  ACCOUNT_TYPE,
  CUSTOMER_MAX_LENGTH as MAX,
  EMAIL,
  GSTIN,
  GST_STATUSES,
  PASSWORD_DIGIT,
  PASSWORD_MIN_LENGTH,
  PASSWORD_SPECIAL,
} from './vobiz-rules'
import { EMPTY_DRAFT, type NewCustomerDraft, type NewCustomerField } from './new-customer-draft'

export * from './new-customer-draft'

/**
 * The one validation of Create Customer Account (partner-customer-accounts.md), used by the form
 * as the user types and again by main before anything is sent. The rules and limits are in
 * shared/vobiz-rules.ts, with the page each comes from; the sandbox enforces the same ones.
 */

export { GSTIN, GST_STATUSES }

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
      .max(MAX.name, `At most ${MAX.name} characters.`),
    email: z
      .string()
      .trim()
      .min(1, 'Enter an email address: the customer signs in with it.')
      .max(MAX.email, `At most ${MAX.email} characters.`)
      .regex(EMAIL, 'Enter a valid email address, e.g. admin@example.com.'),
    // Kept exactly as typed.
    password: z
      .string()
      .min(1, 'Choose a password for the customer’s login.')
      .max(MAX.password, `At most ${MAX.password} characters.`)
      .refine((p) => [...p].length >= PASSWORD_MIN_LENGTH, 'At least 8 characters.')
      .refine((p) => PASSWORD_DIGIT.test(p), 'Add a number.')
      .refine((p) => PASSWORD_SPECIAL.test(p), 'Add a special character, e.g. ! or #.'),
    phone: optional(MAX.phone)
      .refine((p) => p === undefined || p.startsWith('+'), 'Start with + and the country code.')
      .refine(
        (p) => p === undefined || !p.startsWith('+') || isValidPhoneNumber(p),
        'Not a valid phone number for its country code.',
      ),
    country: z.string().trim().refine(isCountryCode, 'Choose the customer’s country.'),
    timezone: optional(MAX.timezone).refine(
      (zone) => zone === undefined || isTimeZone(zone),
      'Choose a time zone from the list.',
    ),
    company: optional(MAX.company),
    description: optional(MAX.description),
    address: optional(MAX.address),
    city: optional(MAX.city),
    state: optional(MAX.state),
    zip_code: optional(MAX.zip_code),
    gstin: z
      .string()
      .trim()
      .max(MAX.gstin, `At most ${MAX.gstin} characters.`)
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
      .max(MAX.account_type, `At most ${MAX.account_type} characters.`)
      .regex(ACCOUNT_TYPE, 'A lower-case plan name such as "standard".')
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
  for (const [field, message] of Object.entries(fieldMessages(result.error))) {
    if (field in EMPTY_DRAFT) errors[field as NewCustomerField] = message
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
  const kinds = [/[a-z]/, /[A-Z]/, PASSWORD_DIGIT, PASSWORD_SPECIAL].filter((test) =>
    test.test(password),
  ).length
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
