import { z } from 'zod'

/**
 * KYC sessions (partner-usage-and-onboarding.md, "KYC sessions"): the documented statuses and
 * rules, shared by the sandbox that enforces them and the app that reads them.
 */

export const KYC_FLOWS = ['email', 'redirect'] as const
export type KycFlow = (typeof KYC_FLOWS)[number]

/** `email_sent` | `link_ready` → `opened` → `in_progress` → `kyc_completed`; `revoked` any time. */
export const KYC_SESSION_STATUSES = [
  'email_sent',
  'link_ready',
  'opened',
  'in_progress',
  'kyc_completed',
  'revoked',
] as const
export type KycSessionStatus = (typeof KYC_SESSION_STATUSES)[number]

/** Resend and revoke answer 409 in these. */
export const KYC_TERMINAL_STATUSES: readonly string[] = ['kyc_completed', 'revoked']

/** A resend is refused (429) within 30 minutes of the session's creation. */
export const KYC_RESEND_WAIT_SECONDS = 30 * 60

/** `expires_in_days` defaults to 7; the docs give no bounds: 1–30 is our reading. */
export const KYC_DEFAULT_EXPIRES_IN_DAYS = 7
export const KYC_MAX_EXPIRES_IN_DAYS = 30

/** The documented reminder trigger (`reminder_schedule: [{ trigger, value }]`). */
export const KYC_REMINDER_TRIGGER = 'days_before_expiry'

/** A link the API accepts as `redirect_url` / `webhook_url`: http(s) only is our reading. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

/** `m***@example.com`: the first character of the local part, the domain whole (our reading). */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  return at < 0 ? '***' : `${email.slice(0, 1)}***${email.slice(at)}`
}

// The replies, parsed leniently (new fields appear without notice; optional ones may be missing).
const text = z.string().nullish()
const count = z.coerce.number().int().nonnegative()

export const kycCreatedSchema = z.object({
  session_id: z.string().min(1),
  account_auth_id: text,
  customer_email: text,
  email_dispatched_to: text,
  status: z.string(),
  expires_at: text,
  widget_url: text,
  message: text,
})
export type KycCreatedWire = z.infer<typeof kycCreatedSchema>

export const kycSessionSchema = z.object({
  id: z.string().min(1),
  account_auth_id: z.string(),
  customer_email: text,
  status: z.string(),
  expires_at: text,
  first_opened_at: text,
  completed_at: text,
  redirect_url: text,
  created_at: text,
  updated_at: text,
})
export type KycSessionWire = z.infer<typeof kycSessionSchema>

export const kycSessionListSchema = z.object({
  sessions: z.array(kycSessionSchema),
  total: count,
  page: count.optional(),
  size: count.optional(),
})
export type KycSessionListWire = z.infer<typeof kycSessionListSchema>

/** The resend and revoke replies: only `message` is relied on (the resend's is undocumented). */
export const kycMessageSchema = z.object({ message: text, session_id: text })
