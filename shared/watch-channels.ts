import { z } from 'zod'
import {
  snoozeRequestSchema,
  thresholdRequestSchema,
  watchListSchema,
  watchStatusSchema,
} from './watch'

const empty = z.object({}).strict()

/** The watchlist channels (part of the contract in ipc-contract.ts). */
export const watchChannels = {
  /** Customers needing attention, from the saved customers and the saved ledger spend. */
  'watch:list': { request: empty, response: watchListSchema },
  /** Reads the ledger's spend again now (joining a read already running). */
  'watch:refresh': { request: empty, response: watchStatusSchema },
  'watch:snooze': {
    request: snoozeRequestSchema,
    response: z.object({ snoozedUntil: z.string().nullable() }),
  },
  'watch:setThreshold': { request: thresholdRequestSchema, response: z.object({}) },
} as const
