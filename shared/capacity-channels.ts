import { z } from 'zod'
import { capacityMoveRequestSchema, capacityRecordSchema, capacityViewSchema } from './capacity'

const account = z.object({ authId: z.string().trim().min(1).max(100) }).strict()

/** Concurrent-call and CPS allocation (part of the contract in ipc-contract.ts). */
export const capacityChannels = {
  /** The customer's limits, what this partner allocated, the partner's pool. */
  'capacity:get': { request: account, response: capacityViewSchema },
  /** A transfer or reclaim: never sent twice (a lost reply is looked up in the history). */
  'capacity:move': { request: capacityMoveRequestSchema, response: capacityRecordSchema },
  /** After a lost reply: was it applied? (`known` false: nothing was pending.) */
  'capacity:check': {
    request: account,
    response: z.object({ applied: capacityRecordSchema.nullable(), known: z.boolean() }),
  },
  /** The moves made from this app for the active profile, newest first. */
  'capacity:history': {
    request: z.object({}).strict(),
    response: z.object({ records: z.array(capacityRecordSchema) }),
  },
} as const
