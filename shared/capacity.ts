import { z } from 'zod'
import { CAPACITY_MOVES, CAPACITY_RESOURCES, MAX_SLOTS, MIN_SLOTS } from './vobiz-capacity'

/** Concurrent calls and CPS over IPC (see vobiz-capacity.ts for the rules). */

const authId = z.string().trim().min(1).max(100)

const figuresSchema = z.object({
  customerLimit: z.number().int(),
  allocated: z.number().int(),
  partnerRemaining: z.number().int(),
})

export const capacityViewSchema = z.object({
  authId: z.string(),
  concurrent_calls: figuresSchema,
  cps: figuresSchema,
})
export type CapacityView = z.infer<typeof capacityViewSchema>

export const capacityMoveRequestSchema = z
  .object({
    authId,
    move: z.enum(CAPACITY_MOVES),
    resource: z.enum(CAPACITY_RESOURCES),
    slots: z.number().int().min(MIN_SLOTS).max(MAX_SLOTS),
  })
  .strict()
export type CapacityMoveRequest = z.infer<typeof capacityMoveRequestSchema>

/** A transfer or reclaim made from this app: the reply, or what a lost reply resolved to. */
export const capacityRecordSchema = z.object({
  /** Ours (`PD-…`), in the description sent, to find it again after a lost reply. */
  reference: z.string(),
  /** Vobiz's `transfer_reference`. */
  transferReference: z.string(),
  authId: z.string(),
  move: z.enum(CAPACITY_MOVES),
  resource: z.enum(CAPACITY_RESOURCES),
  slots: z.number().int(),
  /** When it was sent (ISO). */
  at: z.string(),
  partnerRemaining: z.number().int().nullable(),
  customerEffective: z.number().int().nullable(),
  /** The reply was lost and the move was found in the history afterwards. */
  recovered: z.boolean(),
})
export type CapacityRecord = z.infer<typeof capacityRecordSchema>

/** Limits take up to five minutes to apply (the docs). */
export const CAPACITY_APPLY_MINUTES = 5
