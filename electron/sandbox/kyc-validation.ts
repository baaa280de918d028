import { z } from 'zod'
import { issueMessages } from '../../shared/field-messages'
import {
  isWebUrl,
  KYC_DEFAULT_EXPIRES_IN_DAYS,
  KYC_FLOWS,
  KYC_MAX_EXPIRES_IN_DAYS,
  KYC_REMINDER_TRIGGER,
  type KycFlow,
} from '../../shared/vobiz-kyc'
import { EMAIL } from '../../shared/vobiz-rules'
import type { FieldError } from './validation'

/** The create body after validation. */
export type NewKycSession = {
  accountAuthId: string
  flow: KycFlow
  customerEmail: string | null
  redirectUrl: string | null
  webhookUrl: string | null
  expiresInDays: number
  reminderSchedule: { trigger: string; value: number }[]
  metadata: Record<string, unknown> | null
}

const webUrl = (name: string) =>
  z
    .string(`${name} must be a string.`)
    .trim()
    .max(2048, `${name} must be at most 2048 characters.`)
    .refine(isWebUrl, `${name} must be an http(s) URL.`)

// Unknown keys are ignored, as pydantic does by default; a null optional counts as absent.
const bodySchema = z
  .object({
    account_auth_id: z
      .string('account_auth_id is required.')
      .regex(/^MA_[A-Z0-9]+$/, 'account_auth_id is a customer auth ID (MA_…).'),
    flow_type: z.enum(KYC_FLOWS, 'flow_type is "email" or "redirect".').default('email'),
    customer_email: z
      .string('customer_email must be a string.')
      .trim()
      .max(254, 'customer_email must be at most 254 characters.')
      .regex(EMAIL, 'customer_email is not a valid email address.')
      .nullish(),
    redirect_url: webUrl('redirect_url').nullish(),
    webhook_url: webUrl('webhook_url').nullish(),
    expires_in_days: z
      .number('expires_in_days must be a whole number of days.')
      .int('expires_in_days must be a whole number of days.')
      .min(1, 'expires_in_days is at least 1.')
      .max(KYC_MAX_EXPIRES_IN_DAYS, `expires_in_days is at most ${KYC_MAX_EXPIRES_IN_DAYS}.`)
      .default(KYC_DEFAULT_EXPIRES_IN_DAYS),
    reminder_schedule: z
      .array(
        z.object({
          trigger: z.literal(KYC_REMINDER_TRIGGER, `trigger is "${KYC_REMINDER_TRIGGER}".`),
          value: z.number('value must be a whole number.').int().min(1, 'value is at least 1.'),
        }),
        'reminder_schedule must be a list.',
      )
      .max(10, 'reminder_schedule holds at most 10 reminders.')
      .nullish(),
    metadata: z.record(z.string(), z.unknown(), 'metadata must be an object.').nullish(),
  })
  .superRefine((body, ctx) => {
    // Required per flow (the docs: customer_email for email, redirect_url for redirect).
    if (body.flow_type === 'email' && !body.customer_email) {
      ctx.addIssue({
        code: 'custom',
        path: ['customer_email'],
        message: 'customer_email is required for the email flow.',
      })
    }
    if (body.flow_type === 'redirect' && !body.redirect_url) {
      ctx.addIssue({
        code: 'custom',
        path: ['redirect_url'],
        message: 'redirect_url is required for the redirect flow.',
      })
    }
    // Our reading: a reminder must fall inside the session's life.
    body.reminder_schedule?.forEach((reminder, index) => {
      if (reminder.value >= body.expires_in_days) {
        ctx.addIssue({
          code: 'custom',
          path: ['reminder_schedule', index, 'value'],
          message: 'A reminder must come before the session expires.',
        })
      }
    })
  })

export function validateNewKycSession(
  body: unknown,
): { ok: true; value: NewKycSession } | { ok: false; errors: FieldError[] } {
  const parsed = bodySchema.safeParse(body)
  if (!parsed.success) return { ok: false, errors: issueMessages(parsed.error, 'body') }
  const b = parsed.data
  return {
    ok: true,
    value: {
      accountAuthId: b.account_auth_id,
      flow: b.flow_type,
      customerEmail: b.customer_email ?? null,
      redirectUrl: b.redirect_url ?? null,
      webhookUrl: b.webhook_url ?? null,
      expiresInDays: b.expires_in_days,
      reminderSchedule: b.reminder_schedule ?? [],
      metadata: b.metadata ?? null,
    },
  }
}

const revokeSchema = z.object({
  reason: z
    .string('reason must be a string.')
    .trim()
    .max(500, 'reason must be at most 500 characters.')
    .nullish(),
})

/** DELETE's optional body `{ reason }`: an empty body is no reason. */
export function validateRevoke(
  body: unknown,
): { ok: true; reason: string | null } | { ok: false; errors: FieldError[] } {
  const parsed = revokeSchema.safeParse(body ?? {})
  if (!parsed.success) return { ok: false, errors: issueMessages(parsed.error, 'body') }
  return { ok: true, reason: parsed.data.reason || null }
}
