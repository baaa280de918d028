import { z } from 'zod'
import { DAY_ORDER, daySchema, fromNotAfterTo } from './day'

/**
 * The `transaction_type` filter values of the newest transactions page (more-endpoints.md,
 * Transactions). An older page says `adjustment` instead of `transfer`: the client follows the
 * endpoint page; the sandbox accepts both.
 */
export const LEDGER_TYPES = ['recharge', 'debit', 'refund', 'transfer'] as const
export type LedgerType = (typeof LEDGER_TYPES)[number]

export const LEDGER_PAGE_SIZES = [25, 50, 100] as const
export const MAX_LEDGER_PAGE_SIZE = 100

const filtersShape = {
  /** One customer's ledger; absent for the ledger across all customers. */
  authId: z.string().trim().min(1).max(100).optional(),
  type: z.enum(LEDGER_TYPES).optional(),
  /** Inclusive days. */
  from: daySchema.optional(),
  to: daySchema.optional(),
}

export const ledgerFiltersSchema = z.object(filtersShape).strict().refine(fromNotAfterTo, DAY_ORDER)
export type LedgerFilters = z.infer<typeof ledgerFiltersSchema>

export const ledgerQuerySchema = z
  .object({
    ...filtersShape,
    page: z.number().int().min(1).max(1_000_000).default(1),
    perPage: z.number().int().min(1).max(MAX_LEDGER_PAGE_SIZE).default(25),
  })
  .strict()
  .refine(fromNotAfterTo, DAY_ORDER)
export type LedgerQuery = z.input<typeof ledgerQuerySchema>

/** One row of a ledger, as the app shows it. Amounts are exact 5-decimal strings, positive. */
export const ledgerEntrySchema = z.object({
  /** The row's `id`. */
  transactionId: z.string(),
  /** Whose ledger the row is in (`account_id`: a customer's MA_…). */
  authId: z.string().nullable(),
  /** `credit` or `debit` on documented rows; older servers gave a category instead. */
  type: z.string().nullable(),
  amount: z.string().nullable(),
  currency: z.string().nullable(),
  description: z.string().nullable(),
  reference: z.string().nullable(),
  status: z.string().nullable(),
  /** `processed_at`, else `created_at`. */
  createdAt: z.string().nullable(),
})
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>

export const ledgerPageSchema = z.object({
  entries: z.array(ledgerEntrySchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  perPage: z.number().int().positive(),
  pages: z.number().int().nonnegative(),
})
export type LedgerPage = z.infer<typeof ledgerPageSchema>

/** A transfer made from this app, kept per profile next to the customer cache. */
export const transferRecordSchema = z.object({
  reference: z.string(),
  transactionId: z.string().nullable(),
  authId: z.string(),
  customerName: z.string().nullable(),
  amount: z.string(),
  currency: z.string(),
  /** When the app sent it (ISO). */
  at: z.string(),
  /**
   * `applied`: Vobiz replied; `recovered`: the reply was lost and the reference was found in the
   * ledger; `not-applied`: lost and not in the ledger; `unknown`: lost and not checked yet.
   */
  outcome: z.enum(['applied', 'recovered', 'not-applied', 'unknown']),
})
export type TransferRecord = z.infer<typeof transferRecordSchema>
