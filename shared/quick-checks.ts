import type { Channel } from './ipc-contract'
import { customersReplySchema, isCustomerTuple } from './customer-tuples'

const replyWithoutRows = customersReplySchema.omit({ rows: true })

/**
 * Replies that can be large are checked by hand where zod would be slow, by main before it sends
 * them and by the renderer when they arrive. `null`: no quick check for the channel (use the
 * schema); `ok: false`: not valid (the schema then gives the error).
 */
export function quickCheck(
  channel: Channel,
  value: unknown,
): { ok: boolean; value: unknown } | null {
  if (channel !== 'customers:get' && channel !== 'customers:firstPage') return null
  if (typeof value !== 'object' || value === null) return { ok: false, value }
  const { rows, ...rest } = value as Record<string, unknown>
  if (!Array.isArray(rows) || !rows.every(isCustomerTuple)) return { ok: false, value }
  const head = replyWithoutRows.safeParse(rest)
  return head.success ? { ok: true, value: { ...head.data, rows } } : { ok: false, value }
}
