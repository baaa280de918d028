import { z } from 'zod'
import {
  isWebUrl,
  KYC_DEFAULT_EXPIRES_IN_DAYS,
  KYC_FLOWS,
  KYC_MAX_EXPIRES_IN_DAYS,
  KYC_SESSION_STATUSES,
} from './vobiz-kyc'
import { EMAIL } from './vobiz-rules'

/** KYC sessions over IPC. The redirect flow's link never crosses but in `kyc:revealLink`. */

const authId = z.string().trim().min(1).max(100)
const sessionId = z.string().trim().min(1).max(200)

export const kycSessionViewSchema = z.object({
  id: z.string(),
  authId: z.string(),
  /** Read from the session: a redirect session has a `redirect_url`. */
  flow: z.enum(KYC_FLOWS),
  status: z.string(),
  /** Past `expires_at`, unfinished: the link no longer works (shown as expired). */
  expired: z.boolean(),
  /** No further change: completed, revoked or expired. */
  finished: z.boolean(),
  /** Where the email went, masked (`m***@example.com`); null for the redirect flow. */
  sentTo: z.string().nullable(),
  expiresAt: z.string().nullable(),
  firstOpenedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string().nullable(),
  /** When a resend is allowed (30 minutes after creation); null when it never is. */
  resendAllowedAt: z.string().nullable(),
  /** This computer holds the session's link (redirect flow), so it can be copied. */
  hasLink: z.boolean(),
})
export type KycSessionView = z.infer<typeof kycSessionViewSchema>

export const KYC_PAGE_SIZE = 50

export const kycListRequestSchema = z
  .object({
    page: z.number().int().min(1).max(100_000).default(1),
    status: z.enum(KYC_SESSION_STATUSES).optional(),
    authId: authId.optional(),
  })
  .strict()
export type KycListRequest = z.input<typeof kycListRequestSchema>

export const kycListSchema = z.object({
  sessions: z.array(kycSessionViewSchema),
  total: z.number().int(),
  page: z.number().int(),
  size: z.number().int(),
})
export type KycList = z.infer<typeof kycListSchema>

/** The start form; field-level messages for the renderer's form and main's check alike. */
export const startKycSchema = z
  .object({
    authId,
    flow: z.enum(KYC_FLOWS),
    email: z.string().trim().max(254, 'At most 254 characters.').optional(),
    redirectUrl: z.string().trim().max(2048, 'At most 2048 characters.').optional(),
    expiresInDays: z
      .number('Enter a whole number of days.')
      .int('Enter a whole number of days.')
      .min(1, 'At least 1 day.')
      .max(KYC_MAX_EXPIRES_IN_DAYS, `At most ${KYC_MAX_EXPIRES_IN_DAYS} days.`)
      .default(KYC_DEFAULT_EXPIRES_IN_DAYS),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.flow === 'email' && !EMAIL.test(value.email ?? '')) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'Enter a valid email address.' })
    }
    if (value.flow === 'redirect' && !isWebUrl(value.redirectUrl ?? '')) {
      ctx.addIssue({
        code: 'custom',
        path: ['redirectUrl'],
        message: 'Enter the https:// address the customer returns to.',
      })
    }
  })
export type StartKyc = z.input<typeof startKycSchema>

export const kycStartedSchema = z.object({
  session: kycSessionViewSchema,
  /** The previous session of the account was active and is now revoked (its link is dead). */
  replaced: z.boolean(),
})
export type KycStarted = z.infer<typeof kycStartedSchema>

export const kycSessionRefSchema = z.object({ sessionId }).strict()
export const kycAccountRefSchema = z.object({ authId }).strict()
export const kycRevokeSchema = z
  .object({ sessionId, reason: z.string().trim().max(500, 'At most 500 characters.').optional() })
  .strict()

/** The link is shown this long at most, then masked and forgotten again. */
export const KYC_LINK_REVEAL_MS = 8_000

export const revealedLinkSchema = z.object({
  link: z.string().min(1),
  hideAfterMs: z.number().int().positive().max(KYC_LINK_REVEAL_MS),
})
