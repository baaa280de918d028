import { z } from 'zod'

/** Most rows in one batch, and the largest CSV text accepted (about 200 bytes a row). */
export const BULK_MAX_ROWS = 1_000
export const BULK_CSV_MAX_CHARS = 200_000

const authId = z.string().trim().min(1).max(100)

/** What the dry run is asked about: rows chosen on screen, or a CSV file's text. */
export const bulkDryRunRequestSchema = z.discriminatedUnion('source', [
  z
    .object({
      source: z.literal('selection'),
      rows: z
        .array(z.object({ authId, amount: z.string().max(40) }).strict())
        .min(1)
        .max(BULK_MAX_ROWS),
    })
    .strict(),
  z
    .object({
      source: z.literal('csv'),
      text: z.string().min(1).max(BULK_CSV_MAX_CHARS, 'The file is too large (at most 200 kB).'),
    })
    .strict(),
])
export type BulkDryRunRequest = z.infer<typeof bulkDryRunRequestSchema>

export const dryRunRowSchema = z.object({
  /** The CSV line it came from; null for a selection. */
  line: z.number().int().nullable(),
  authId: z.string(),
  name: z.string().nullable(),
  /** As given (the CSV cell or the field), for a row whose amount is not valid. */
  amountText: z.string(),
  /** Exact 5-decimal strings; null where unknown. */
  amount: z.string().nullable(),
  balanceBefore: z.string().nullable(),
  balanceAfter: z.string().nullable(),
  currency: z.string().nullable(),
  /** Why the row will not be sent; empty when it will. */
  problems: z.array(z.string()),
})
export type DryRunRow = z.infer<typeof dryRunRowSchema>

export const dryRunSchema = z.object({
  /** Names this dry run for `bulk:start`: exactly what was shown is what is sent. */
  id: z.string(),
  rows: z.array(dryRunRowSchema),
  /** The partner's currency; every amount is in it. */
  currency: z.string().nullable(),
  /** Sum of the rows to send (5 decimals). */
  total: z.string(),
  sendable: z.number().int(),
  partnerBalance: z.string().nullable(),
  partnerAfter: z.string().nullable(),
  insufficient: z.boolean(),
  /** Why nothing can be sent (permission, funds, no valid row); null when the batch can go. */
  blocked: z.string().nullable(),
})
export type DryRun = z.infer<typeof dryRunSchema>

export const BULK_ROW_STATES = [
  'pending',
  /** Its send started (written before the request left): outcome not known yet. */
  'sending',
  'applied',
  /** The reply was lost; found in the ledger by its reference. */
  'recovered',
  /** Refused, or not applied (looked up): nothing moved. */
  'failed',
  /** The reply was lost and the ledger could not tell: check before anything else. */
  'unknown',
  /** Not sent: the batch was cancelled or stopped before it. */
  'skipped',
] as const
export type BulkRowState = (typeof BULK_ROW_STATES)[number]

export const bulkRowSchema = z.object({
  authId: z.string(),
  name: z.string().nullable(),
  amount: z.string(),
  state: z.enum(BULK_ROW_STATES),
  /** The PD- reference of its send; null before it was sent. */
  reference: z.string().nullable(),
  /** When its send started (ISO). */
  sentAt: z.string().nullable(),
  transactionId: z.string().nullable(),
  customerBalanceAfter: z.string().nullable(),
  message: z.string().nullable(),
})
export type BulkRow = z.infer<typeof bulkRowSchema>

export const bulkBatchSchema = z.object({
  id: z.string(),
  profileId: z.string(),
  createdAt: z.string(),
  currency: z.string(),
  total: z.string(),
  /**
   * `running` on disk with no run in this process means the app stopped mid-batch
   * (`interrupted` in the view); `stopped`: a row's outcome is unknown.
   */
  status: z.enum(['running', 'interrupted', 'stopped', 'cancelled', 'done']),
  /** One more at each change: replies and events may cross, the screen keeps the latest. */
  revision: z.number().int().nonnegative(),
  rows: z.array(bulkRowSchema),
})
export type BulkBatch = z.infer<typeof bulkBatchSchema>

export const bulkStateSchema = z.object({ batch: bulkBatchSchema.nullable() })
