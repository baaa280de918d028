import type { CustomerRow } from '../../../../shared/customers'

/** Enabled and active in one word, as the status column shows it. */
export type CustomerStatus = 'active' | 'enabled' | 'inactive' | 'disabled'

export function statusOf(row: CustomerRow): CustomerStatus | null {
  if (row.enabled === false) return 'disabled'
  if (row.active === true) return 'active'
  if (row.active === false) return 'inactive'
  return row.enabled === true ? 'enabled' : null
}
