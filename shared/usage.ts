import { z } from 'zod'
import { DAY_ORDER, daySchema, fromNotAfterTo } from './day'

/** Usage as the app shows it: analytics for a period and call records (partner-usage-and-onboarding.md). */

export const usagePeriodSchema = z
  .object({ from: daySchema, to: daySchema })
  .strict()
  .refine(fromNotAfterTo, DAY_ORDER)
export type UsagePeriod = z.infer<typeof usagePeriodSchema>

/** Calls, answered calls, billed minutes and cost (an exact decimal string) of a set of calls. */
export const callFiguresSchema = z.object({
  calls: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
  minutes: z.number().nonnegative(),
  cost: z.string(),
})
export type CallFigures = z.infer<typeof callFiguresSchema>

export const analyticsViewSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  currency: z.string().nullable(),
  totals: callFiguresSchema,
  inbound: callFiguresSchema,
  outbound: callFiguresSchema,
  byProduct: z.array(z.object({ product: z.string(), figures: callFiguresSchema })),
  series: z.array(callFiguresSchema.extend({ date: z.string() })),
  /** When this reading was saved, if it is an earlier one shown because Vobiz is out of reach. */
  savedAt: z.string().nullable(),
})
export type AnalyticsView = z.infer<typeof analyticsViewSchema>

export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const
export const CALL_STATUSES = ['answered', 'failed', 'busy', 'no_answer'] as const
export const CDR_PAGE_SIZE = 100

/** The CDR filters the API takes (start_date/end_date there, not from_date/to_date). */
const cdrFiltersShape = {
  /** One customer's calls; absent for all customers. */
  authId: z.string().trim().min(1).max(100).optional(),
  from: daySchema.optional(),
  to: daySchema.optional(),
  direction: z.enum(CALL_DIRECTIONS).optional(),
  status: z.enum(CALL_STATUSES).optional(),
  hangupCause: z
    .string()
    .trim()
    .regex(/^[A-Z0-9_]{1,64}$/, 'A hangup cause such as NORMAL_CLEARING.')
    .optional(),
  /** Seconds. */
  minDuration: z.number().int().min(0).max(86_400).optional(),
}
export const cdrFiltersSchema = z.object(cdrFiltersShape).strict().refine(fromNotAfterTo, DAY_ORDER)
export type CdrFilters = z.infer<typeof cdrFiltersSchema>

export const cdrQuerySchema = z
  .object({
    ...cdrFiltersShape,
    page: z.number().int().min(1).max(1_000_000).default(1),
    perPage: z.number().int().min(1).max(CDR_PAGE_SIZE).default(CDR_PAGE_SIZE),
  })
  .strict()
  .refine(fromNotAfterTo, DAY_ORDER)
export type CdrQuery = z.input<typeof cdrQuerySchema>

/** One call in a list. Times are ISO strings as the API gave them; cost an exact decimal. */
export const cdrRowSchema = z.object({
  uuid: z.string(),
  authId: z.string().nullable(),
  direction: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  startedAt: z.string().nullable(),
  /** Seconds from start to end, and billed seconds (0 when not answered). */
  duration: z.number().nullable(),
  billsec: z.number().nullable(),
  hangupCause: z.string().nullable(),
  cost: z.string().nullable(),
  currency: z.string().nullable(),
})
export type CdrRow = z.infer<typeof cdrRowSchema>

export const cdrSummaryViewSchema = z.object({
  calls: z.number().nullable(),
  answered: z.number().nullable(),
  answerRate: z.number().nullable(),
  /** As the API words it, e.g. "28s". */
  averageDuration: z.string().nullable(),
  billableSeconds: z.number().nullable(),
  cost: z.string().nullable(),
  lastCallAt: z.string().nullable(),
})
export type CdrSummaryView = z.infer<typeof cdrSummaryViewSchema>

export const cdrPageSchema = z.object({
  rows: z.array(cdrRowSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  perPage: z.number().int().positive(),
  pages: z.number().int().nonnegative(),
  summary: cdrSummaryViewSchema.nullable(),
  /** When this reading was saved, if it is an earlier one shown because Vobiz is out of reach. */
  savedAt: z.string().nullable(),
})
export type CdrPage = z.infer<typeof cdrPageSchema>

/** One call's full record: every field the API gave, in its order, as label-ready pairs. */
export const cdrRecordSchema = z.object({
  uuid: z.string(),
  authId: z.string(),
  fields: z.array(z.tuple([z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])])),
})
export type CdrRecord = z.infer<typeof cdrRecordSchema>

export const cdrRefSchema = z
  .object({ authId: z.string().min(1).max(100), uuid: z.string().min(1).max(200) })
  .strict()

/** Where a streamed export is: after each page, then once at the end. */
export const exportProgressSchema = z.object({
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  /** Rows written, and how many the API counts. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
  fileName: z.string().nullable(),
  message: z.string().nullable(),
})
export type ExportProgress = z.infer<typeof exportProgressSchema>
