import { z } from 'zod'
import {
  analyticsViewSchema,
  cdrFiltersSchema,
  cdrPageSchema,
  cdrQuerySchema,
  cdrRecordSchema,
  cdrRefSchema,
  usagePeriodSchema,
} from './usage'
import {
  bulkStatementsRequestSchema,
  statementExportSchema,
  statementRequestSchema,
  statementSchema,
} from './statement'
import { numbersFilterSchema, numbersPageSchema, numbersQuerySchema } from './numbers'

/** The usage and numbers channels (part of the contract in ipc-contract.ts). */
export const usageChannels = {
  /** Calls, minutes and cost for a period, in total, by direction, product and day. */
  'usage:analytics': { request: usagePeriodSchema, response: analyticsViewSchema },
  /** A page of call records across all customers, or one customer's (authId). */
  'usage:cdrs': { request: cdrQuerySchema, response: cdrPageSchema },
  /** One call's full record. */
  'usage:cdr': { request: cdrRefSchema, response: cdrRecordSchema },
  /** Every call the filters match, streamed page by page into a CSV file (progress events). */
  'usage:exportCdrs': {
    request: cdrFiltersSchema,
    response: z.object({ started: z.boolean() }),
  },
  'usage:cancelExport': {
    request: z.object({}).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
  /** A page of the partner's phone numbers, or one customer's (authId). */
  'numbers:list': { request: numbersQuerySchema, response: numbersPageSchema },
  /** Every number the Numbers screen's filter keeps, saved as one CSV file. */
  'numbers:exportCsv': {
    request: numbersFilterSchema,
    response: z.object({
      saved: z.boolean(),
      fileName: z.string().nullable(),
      count: z.number().int(),
    }),
  },
  /** A customer's statement for a month. */
  'statements:get': { request: statementRequestSchema, response: statementSchema },
  /** The same, saved as CSV or PDF. */
  'statements:export': {
    request: statementExportSchema,
    response: z.object({ saved: z.boolean(), fileName: z.string().nullable() }),
  },
  /** One statement per saved customer into a chosen folder, in the background (progress events). */
  'statements:bulkStart': {
    request: bulkStatementsRequestSchema,
    response: z.object({ started: z.boolean() }),
  },
  'statements:bulkCancel': {
    request: z.object({}).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
} as const
