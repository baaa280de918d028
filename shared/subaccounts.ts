import { z } from 'zod'
import {
  E164,
  EMAIL,
  KYC_MODES,
  PASSWORD_MIN_LENGTH,
  RATE_LIMIT_MAX,
  RATE_LIMIT_MIN,
  SUB_ACCOUNT_MAX_LENGTH as MAX,
} from './vobiz-rules'
import { tokenKeepingSchema } from './credentials'

/** Sub-accounts over IPC. No token crosses except in `subaccounts:reveal`'s reply. */

const authId = z.string().trim().min(1).max(100)

/** Whose sub-accounts: the partner's own main account, or a customer's (with its credentials). */
export const ownerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('partner') }).strict(),
  z.object({ kind: z.literal('customer'), authId }).strict(),
])
export type SubAccountOwner = z.infer<typeof ownerSchema>

export { KYC_MODES }
export type KycMode = (typeof KYC_MODES)[number]

export const subAccountViewSchema = z.object({
  authId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  description: z.string().nullable(),
  enabled: z.boolean(),
  kycMode: z.string().nullable(),
  /** A `customer_use` sub-account waiting for its own KYC: it cannot place calls yet. */
  callsBlocked: z.boolean(),
  rateLimit: z.number().int().nullable(),
  permissions: z.record(z.string(), z.boolean()).nullable(),
  createdAt: z.string().nullable(),
  lastUsed: z.string().nullable(),
  /** This computer keeps its token (it was created here); otherwise it cannot be copied. */
  tokenKept: z.boolean(),
})
export type SubAccountView = z.infer<typeof subAccountViewSchema>

export const subAccountListSchema = z.object({
  subAccounts: z.array(subAccountViewSchema),
  /** `network`: read from Vobiz now; `saved`: offline, the list saved at `fetchedAt`. */
  source: z.enum(['network', 'saved']),
  fetchedAt: z.string().nullable(),
})
export type SubAccountListView = z.infer<typeof subAccountListSchema>

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .optional()
    .transform((value) => (value ? value : undefined))

/** The create form, checked the same way in the renderer and in main. */
export const newSubAccountSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Enter a name.')
      .max(MAX.name, `At most ${MAX.name} characters.`),
    email: optionalText(MAX.email).refine(
      (value) => value === undefined || EMAIL.test(value),
      'Enter an email address such as ops@example.com.',
    ),
    // Typed with separators ("+91 98123 45678"); sent as E.164 without them.
    phone: optionalText(MAX.phone).refine(
      (value) => value === undefined || E164.test(value.replace(/[\s()-]/g, '')),
      'Enter a phone number with + and the country code, such as +91 98123 45678.',
    ),
    description: optionalText(MAX.description),
    kycMode: z.enum(KYC_MODES).default('personal_use'),
    rateLimit: z
      .number({ message: 'A whole number of requests.' })
      .int('A whole number of requests.')
      .min(RATE_LIMIT_MIN, `At least ${RATE_LIMIT_MIN}.`)
      .max(RATE_LIMIT_MAX, 'At most 1,000,000.')
      .optional(),
    permissions: z.object({ calls: z.boolean(), cdr: z.boolean() }).strict().optional(),
    /** Sent to Vobiz only (never kept, never logged). */
    password: z
      .string()
      .max(MAX.password, `At most ${MAX.password} characters.`)
      .optional()
      .transform((value) => (value ? value : undefined))
      .refine(
        (value) => value === undefined || value.length >= PASSWORD_MIN_LENGTH,
        'At least 8 characters.',
      ),
    enabled: z.boolean().default(true),
  })
  .strict()
  .superRefine((draft, context) => {
    if (draft.kycMode === 'customer_use' && !draft.email) {
      context.addIssue({
        code: 'custom',
        path: ['email'],
        message: 'A customer-use sub-account needs an email (its own KYC goes there).',
      })
    }
  })

export const subAccountPatchSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Enter a name.')
      .max(MAX.name, `At most ${MAX.name} characters.`),
    enabled: z.boolean(),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'Nothing to change.')

export const subAccountRefSchema = z.object({ owner: ownerSchema, authId }).strict()

export const createdSubAccountViewSchema = z.object({
  subAccount: subAccountViewSchema,
  /** Where its token is kept: encrypted on disk, or for this session only (no keyring). */
  tokenKeeping: tokenKeepingSchema,
})

export const credentialsCheckSchema = z.object({
  accepted: z.boolean(),
  message: z.string(),
})
