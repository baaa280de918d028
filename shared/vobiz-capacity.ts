import { z } from 'zod'

/**
 * Capacity: concurrent calls and calls per second (partner-usage-and-onboarding.md, "Capacity").
 * The documented rules, shared by the sandbox that enforces them, main and the renderer's form.
 */

export const CAPACITY_RESOURCES = ['concurrent_calls', 'cps'] as const
export type CapacityResource = (typeof CAPACITY_RESOURCES)[number]

export const CAPACITY_MOVES = ['transfer', 'reclaim'] as const
export type CapacityMove = (typeof CAPACITY_MOVES)[number]

export const MIN_SLOTS = 1
export const MAX_SLOTS = 10_000
export const MAX_CAPACITY_DESCRIPTION = 500
/** `GET /concurrency/transfers?limit=` is 1–200. */
export const MAX_HISTORY_LIMIT = 200

/** What one resource looks like from the partner's side for one customer. */
export type CapacityFigures = {
  /** The customer's current limit. */
  customerLimit: number
  /** What this partner has allocated to the customer, net of reclaims. */
  allocated: number
  /** The partner's pool: what it can still allocate. */
  partnerRemaining: number
}

/**
 * The slots typed for a transfer or a reclaim, checked against the documented rules: a whole
 * number 1–10000; a transfer within the partner's pool (our reading: the pool is the partner's
 * limit); a reclaim never more than this partner allocated nor the customer's current limit.
 * Returns the message for the field, or the slots.
 */
export function checkSlots(
  move: CapacityMove,
  text: string,
  figures: CapacityFigures,
): { ok: true; slots: number } | { ok: false; message: string } {
  const trimmed = text.trim()
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: 'Enter a whole number of slots.' }
  const slots = Number(trimmed)
  if (slots < MIN_SLOTS) return { ok: false, message: `At least ${MIN_SLOTS}.` }
  if (slots > MAX_SLOTS) return { ok: false, message: `At most ${MAX_SLOTS.toLocaleString('en')}.` }
  if (move === 'transfer' && slots > figures.partnerRemaining) {
    return { ok: false, message: `Only ${figures.partnerRemaining} left in the partner's pool.` }
  }
  if (move === 'reclaim') {
    const most = Math.min(figures.allocated, figures.customerLimit)
    if (slots > most) {
      return {
        ok: false,
        message:
          figures.allocated <= figures.customerLimit
            ? `At most ${most}: this partner allocated ${figures.allocated}.`
            : `At most ${most}: the customer's limit is ${figures.customerLimit}.`,
      }
    }
  }
  return { ok: true, slots }
}

// The replies, parsed leniently (new fields appear without notice).
const count = z.coerce.number().int()
const text = z.string().nullish()

/** `GET /accounts/{id}/concurrency`. */
export const allocationSchema = z.object({
  partner_auth_id: text,
  customer_auth_id: text,
  partner_concurrent_calls_limit: count,
  customer_concurrent_calls_limit: count,
  net_concurrent_calls_allocated: count,
  partner_cps_limit: count,
  customer_cps_limit: count,
  net_cps_allocated: count,
})
export type AllocationWire = z.infer<typeof allocationSchema>

/** The reply of `…/concurrency/transfer` and `…/concurrency/reclaim`. */
export const capacityReplySchema = z.object({
  success: z.boolean().nullish(),
  slots: count,
  resource: z.string().nullish(),
  from_account: text,
  to_account: text,
  transfer_reference: z.string().min(1),
  partner_remaining: count.nullish(),
  customer_effective: count.nullish(),
  message: text,
})
export type CapacityReplyWire = z.infer<typeof capacityReplySchema>

/** One history entry; the docs name none of its fields: the reply's, plus our readings. */
export const capacityHistoryEntrySchema = z.object({
  transfer_reference: z.string().min(1),
  slots: count.nullish(),
  resource: z.string().nullish(),
  from_account: text,
  to_account: text,
  description: text,
  created_at: text,
})
export type CapacityHistoryEntryWire = z.infer<typeof capacityHistoryEntrySchema>

const entries = z.array(capacityHistoryEntrySchema)
/**
 * `GET /concurrency/transfers`: the envelope is not documented, so a bare array or an object
 * holding one (under any key) is accepted.
 */
export const capacityHistorySchema = z
  .union([entries, z.record(z.string(), z.unknown())])
  .transform((value, ctx) => {
    if (Array.isArray(value)) return value
    for (const held of Object.values(value)) {
      if (!Array.isArray(held)) continue
      const parsed = entries.safeParse(held)
      if (parsed.success) return parsed.data
    }
    ctx.addIssue({ code: 'custom', message: 'No list of transfers in the reply.' })
    return z.NEVER
  })
