import { z } from 'zod'

/**
 * A customer's statement for a month: calls and their cost (from the call records), top-ups
 * received (from the ledger) and the monthly fees of its numbers.
 */

/** A calendar month, `YYYY-MM`. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM.')

export const statementRequestSchema = z
  .object({ authId: z.string().trim().min(1).max(100), month: monthSchema })
  .strict()
export type StatementRequest = z.infer<typeof statementRequestSchema>

const money = z.string()

export const statementSchema = z.object({
  authId: z.string(),
  name: z.string(),
  month: z.string(),
  /** The month's first and last day. */
  from: z.string(),
  to: z.string(),
  currency: z.string().nullable(),
  calls: z.object({
    total: z.number(),
    answered: z.number(),
    /** Billed minutes, each call's seconds rounded up to whole minutes by the summary's total. */
    minutes: z.number(),
    cost: money,
  }),
  topUps: z.array(
    z.object({
      date: z.string().nullable(),
      amount: money,
      description: z.string().nullable(),
      reference: z.string().nullable(),
    }),
  ),
  topUpTotal: money,
  numbers: z.array(z.object({ e164: z.string(), monthlyFee: money })),
  numberFees: money,
  /** Calls and number fees. */
  charges: money,
  /** When it was put together (ISO). */
  createdAt: z.string(),
})
export type Statement = z.infer<typeof statementSchema>

export const STATEMENT_FORMATS = ['csv', 'pdf'] as const
export const statementExportSchema = statementRequestSchema
  .extend({ format: z.enum(STATEMENT_FORMATS) })
  .strict()

export const bulkStatementsRequestSchema = z
  .object({ month: monthSchema, format: z.enum(STATEMENT_FORMATS) })
  .strict()

/** Where a bulk export is (one event per statement written, then one at the end). */
export const bulkStatementsProgressSchema = z.object({
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** The folder's name (not its path) once chosen. */
  folder: z.string().nullable(),
  /** Customers whose statement could not be read, by name. */
  failed: z.array(z.string()),
  message: z.string().nullable(),
})
export type BulkStatementsProgress = z.infer<typeof bulkStatementsProgressSchema>
