import { z } from 'zod'
import { activityFiltersSchema, activityListSchema } from './activity'

/** The activity log's channels (part of the contract in ipc-contract.ts). */
export const activityChannels = {
  /** The active profile's log, newest first, filtered, with the hash chain checked. */
  'activity:list': { request: activityFiltersSchema, response: activityListSchema },
  /** Every entry the filters keep, saved as one CSV file. */
  'activity:exportCsv': {
    request: activityFiltersSchema,
    response: z.object({
      saved: z.boolean(),
      fileName: z.string().nullable(),
      count: z.number().int(),
    }),
  },
} as const
