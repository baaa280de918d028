import { z } from 'zod'
import { appErrorSchema } from './app-error'

/** Runway thresholds and the horizon, in whole days (settings and per-customer overrides). */
export const RUNWAY_DAYS = { min: 1, max: 90 } as const

const days = z
  .number()
  .int('Use whole days.')
  .min(RUNWAY_DAYS.min, `At least ${RUNWAY_DAYS.min} day.`)
  .max(RUNWAY_DAYS.max, `At most ${RUNWAY_DAYS.max} days.`)

export const runwayDaysSchema = days

/** A customer's own threshold: an amount in its own currency, or days of runway. */
export const thresholdOverrideSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('amount'),
      amount: z
        .string()
        .regex(/^\d{1,12}(\.\d{1,5})?$/, 'Use a plain amount such as 100 or 250.50.'),
    })
    .strict(),
  z.object({ kind: z.literal('days'), days }).strict(),
])
export type ThresholdOverride = z.infer<typeof thresholdOverrideSchema>

const authId = z.string().trim().min(1).max(100)

export const SNOOZE_FOR = { day: 1, week: 7 } as const
export const snoozeRequestSchema = z
  .object({
    authId,
    /** `null` wakes the customer up again. */
    snooze: z.enum(['day', 'week']).nullable(),
  })
  .strict()

export const thresholdRequestSchema = z
  .object({ authId, threshold: thresholdOverrideSchema.nullable() })
  .strict()

export const watchRowSchema = z.object({
  authId: z.string(),
  name: z.string(),
  /** Exact 5-decimal strings in `currency`. */
  balance: z.string(),
  currency: z.string().nullable(),
  /** Average debits per day (rounded to the money scale); null when nothing was spent. */
  spendPerDay: z.string().nullable(),
  /** Which window gave the spend: the higher daily average of the last 7 or 30 days. */
  spendDays: z.union([z.literal(7), z.literal(30)]).nullable(),
  /** Days until the balance is spent at that rate (2 decimals); null: no spend, no limit. */
  runwayDays: z.number().nullable(),
  /** The customer's own threshold, if one is set (else the default days apply). */
  threshold: thresholdOverrideSchema.nullable(),
  /** Below its threshold (rather than only running out within the horizon). */
  belowThreshold: z.boolean(),
  snoozedUntil: z.string().nullable(),
  /** The latest top-up made from this app (transfer history). */
  lastTopUp: z.object({ at: z.string(), amount: z.string(), currency: z.string() }).nullable(),
})
export type WatchRow = z.infer<typeof watchRowSchema>

export const watchStatusSchema = z.object({
  state: z.enum(['idle', 'reading', 'failed']),
  /** When the ledger's spend shown was read (ISO); null if never. */
  computedAt: z.string().nullable(),
  error: appErrorSchema.nullable(),
})
export type WatchStatus = z.infer<typeof watchStatusSchema>

export const watchListSchema = z.object({
  status: watchStatusSchema,
  /** Needing attention, lowest runway first. */
  rows: z.array(watchRowSchema),
  /** Needing attention but snoozed. */
  snoozed: z.array(watchRowSchema),
  thresholdDays: days,
  horizonDays: days,
})
export type WatchList = z.infer<typeof watchListSchema>
