import { z } from 'zod'
import { bulkDryRunRequestSchema, bulkStateSchema, dryRunSchema } from './bulk-top-up'

const empty = z.object({}).strict()

/** The bulk top-up channels (part of the contract in ipc-contract.ts). */
export const bulkChannels = {
  /** Checks every row (a selection, or a CSV's text parsed in main); sends nothing. */
  'bulk:dryRun': { request: bulkDryRunRequestSchema, response: dryRunSchema },
  /** The one confirmation of the whole batch the dry run showed: its rows are sent one by one. */
  'bulk:start': {
    request: z.object({ dryRunId: z.string().min(1).max(64) }).strict(),
    response: bulkStateSchema,
  },
  /** The profile's last batch (from its journal), running, interrupted or ended. */
  'bulk:state': { request: empty, response: bulkStateSchema },
  /** Stops before the next row. */
  'bulk:cancel': { request: empty, response: bulkStateSchema },
  /**
   * An interrupted or stopped batch: rows whose outcome is unknown are looked up in the ledger
   * (never sent again blindly); then the rest are sent (`send`) or skipped.
   */
  'bulk:resume': {
    request: z.object({ send: z.boolean() }).strict(),
    response: bulkStateSchema,
  },
  /** Saves the batch's per-row report as CSV. */
  'bulk:exportReport': {
    request: empty,
    response: z.object({
      saved: z.boolean(),
      fileName: z.string().nullable(),
      count: z.number().int(),
    }),
  },
} as const
