import { z } from 'zod'

/**
 * Reply schemas of the Partner API's usage and numbers endpoints
 * (partner-usage-and-onboarding.md). Tolerant as in vobiz.ts: unknown fields dropped, figures
 * read as numbers or numeric strings, every field the page lists by name only optional.
 */
const text = z.string().nullish()
const flag = z.boolean().nullish()
/** A figure the docs type as a number (or, for costs, a decimal string): both read. */
const figure = z.union([z.number(), z.string(), z.null()]).optional()
const idValue = z.union([z.string(), z.number()]).transform(String)

const callFigures = z.object({
  total_calls: figure,
  answered_calls: figure,
  total_minutes: figure,
  total_cost: figure,
})
export type CallFiguresWire = z.infer<typeof callFigures>

/** GET /dashboard and GET /analytics: the same shape. */
export const analyticsSchema = z.object({
  period: z.object({ from: text, to: text }).nullish(),
  total_balance: figure,
  currency: text,
  calls: callFigures.nullish(),
  traffic: z.object({ inbound: callFigures.nullish(), outbound: callFigures.nullish() }).nullish(),
  // Products are keyed by name (`sip_trunking`, `voice_api` documented); others may appear.
  by_product: z.record(z.string(), callFigures.nullish()).nullish(),
  time_series: z
    .array(
      callFigures.extend({
        date: z.string(),
        inbound: callFigures.nullish(),
        outbound: callFigures.nullish(),
      }),
    )
    .nullish(),
})
export type AnalyticsWire = z.infer<typeof analyticsSchema>

export const cdrSchema = z.object({
  id: idValue.nullish(),
  uuid: z.string().min(1),
  account_id: idValue.nullish(),
  call_direction: text,
  caller_id_name: text,
  caller_id_number: text,
  destination_number: text,
  start_time: text,
  answer_time: text,
  end_time: text,
  duration: figure,
  billsec: figure,
  ring_time: figure,
  hangup_cause: text,
  hangup_cause_code: figure,
  hangup_cause_name: text,
  hangup_disposition: text,
  hangup_source: text,
  cost: figure,
  total_cost: figure,
  streaming_cost: figure,
  currency: text,
  region: text,
  origination_region: text,
  codec: text,
  mos: figure,
  jitter: figure,
  packet_loss: figure,
  sip_call_id: text,
  sip_user_agent: text,
  trunk_id: idValue.nullish(),
  campaign_id: idValue.nullish(),
  failure_code: idValue.nullish(),
  failure_reason: text,
  created_at: text,
  updated_at: text,
})
export type CdrWire = z.infer<typeof cdrSchema>

export const cdrListSchema = z.object({
  account_auth_id: text,
  count: figure,
  data: z.array(cdrSchema),
  pagination: z
    .object({
      page: figure,
      per_page: figure,
      total: figure,
      pages: figure,
      has_next: flag,
      has_prev: flag,
    })
    .nullish(),
  // The docs' mixed-case keys, as they are.
  summary: z
    .object({
      totalCalls: figure,
      answeredCalls: figure,
      answerRate: figure,
      avgCallDuration: z.union([z.string(), z.number(), z.null()]).optional(),
      last_call_at: text,
      total_billable_seconds: figure,
      total_cost: figure,
      total_duration_seconds: figure,
    })
    .nullish(),
})
export type CdrListWire = z.infer<typeof cdrListSchema>

export const phoneNumberSchema = z.object({
  id: idValue.nullish(),
  account_id: idValue.nullish(),
  e164: z.string().min(1),
  country: text,
  region: text,
  capabilities: z.object({ voice: flag, sms: flag, mms: flag, fax: flag }).partial().nullish(),
  status: text,
  provider: text,
  setup_fee: figure,
  monthly_fee: figure,
  currency: text,
  voice_enabled: flag,
  purchased_at: text,
  is_blocked: flag,
  is_trial_number: flag,
  last_billing_date: text,
  next_billing_date: text,
})
export type PhoneNumberWire = z.infer<typeof phoneNumberSchema>

export const numberListSchema = z.object({
  items: z.array(phoneNumberSchema),
  page: figure,
  per_page: figure,
  total: figure,
  account_auth_id: text,
})
export type NumberListWire = z.infer<typeof numberListSchema>
