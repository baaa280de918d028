import { z } from 'zod'
import { appErrorSchema } from './app-error'

/** A balance read at a moment: the exact 5-decimal string (see money.ts), null when none. */
export const balanceReadingSchema = z.object({
  balance: z.string().nullable(),
  currency: z.string().nullable(),
  /** When it was read (ISO). */
  at: z.string(),
})
export type BalanceReading = z.infer<typeof balanceReadingSchema>

export const partnerBalanceSchema = z.object({
  current: balanceReadingSchema.nullable(),
  /** The reading before the current one, for "since the previous reading". */
  previous: balanceReadingSchema.nullable(),
  /** This session's readings, oldest first (at most TREND_LENGTH). */
  trend: z.array(balanceReadingSchema),
  /**
   * `live`: refreshing on schedule; `paused`: the window is hidden; `offline`: Vobiz cannot be
   * reached (the last reading shows, stale); `backing-off`: the last reads failed.
   */
  state: z.enum(['live', 'paused', 'offline', 'backing-off', 'idle']),
  error: appErrorSchema.nullable(),
  /** When the next scheduled read is due (ISO), if one is. */
  nextAt: z.string().nullable(),
})
export type PartnerBalance = z.infer<typeof partnerBalanceSchema>

export const customerBalanceViewSchema = z.object({
  authId: z.string(),
  balance: z.string().nullable(),
  currency: z.string().nullable(),
  /** When the balance last changed, as Vobiz says (ISO), if it does. */
  updatedAt: z.string().nullable(),
  fetchedAt: z.string(),
})
export type CustomerBalanceView = z.infer<typeof customerBalanceViewSchema>

export const TREND_LENGTH = 60
export const CUSTOMER_BALANCE_REFRESH_MS = 10_000
export const BALANCE_REFRESH_SECONDS = { min: 10, max: 600, default: 30 } as const

export const transferRequestSchema = z
  .object({
    authId: z.string().trim().min(1).max(100),
    /** The amount as typed (exact decimal text; main parses it, never a float). */
    amount: z.string().max(40),
    note: z.string().max(200).optional(),
  })
  .strict()

export const transferResultSchema = z.object({
  /** The reply's `transaction_id`, or the ledger row's `id` for a recovered transfer. */
  transactionId: z.string().nullable(),
  authId: z.string(),
  /** Exact 5-decimal strings. */
  amount: z.string(),
  currency: z.string(),
  /** The unique reference carried in the transfer's description. */
  reference: z.string(),
  partnerBalanceAfter: z.string().nullable(),
  customerBalanceAfter: z.string().nullable(),
  /** True when the reply was lost and the transfer was found in the customer's ledger. */
  recovered: z.boolean(),
})
export type TransferResult = z.infer<typeof transferResultSchema>
