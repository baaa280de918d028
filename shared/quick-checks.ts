import type { Channel } from './ipc-contract'
import { customersSnapshotSchema, type CustomerRow } from './customers'

const nullableString = (value: unknown) => value === null || typeof value === 'string'
const nullableBoolean = (value: unknown) => value === null || typeof value === 'boolean'

/**
 * customerRowSchema's rules, written out: zod takes about a microsecond a row (more while the JIT
 * is cold, at start-up), too long for 100,000 rows. A unit test holds the two to the same answers.
 */
export function isCustomerRow(value: unknown): value is CustomerRow {
  if (typeof value !== 'object' || value === null) return false
  const row = value as Record<string, unknown>
  return (
    typeof row['authId'] === 'string' &&
    row['authId'].length > 0 &&
    typeof row['name'] === 'string' &&
    nullableString(row['company']) &&
    nullableString(row['email']) &&
    nullableString(row['phone']) &&
    nullableString(row['balance']) &&
    nullableString(row['currency']) &&
    nullableString(row['kycStatus']) &&
    nullableBoolean(row['enabled']) &&
    nullableBoolean(row['active']) &&
    nullableString(row['createdAt'])
  )
}

const snapshotWithoutRows = customersSnapshotSchema.omit({ rows: true })

/**
 * Replies that can be large are checked by hand where zod would be slow, by main before it sends
 * them and by the renderer when they arrive. `null`: no quick check for the channel (use the
 * schema); `ok: false`: not valid (the schema then gives the error).
 */
export function quickCheck(
  channel: Channel,
  value: unknown,
): { ok: boolean; value: unknown } | null {
  if (channel !== 'customers:get') return null
  if (typeof value !== 'object' || value === null) return { ok: false, value }
  const { rows, ...rest } = value as Record<string, unknown>
  if (!Array.isArray(rows) || !rows.every(isCustomerRow)) return { ok: false, value }
  const head = snapshotWithoutRows.safeParse(rest)
  return head.success ? { ok: true, value: { ...head.data, rows } } : { ok: false, value }
}
