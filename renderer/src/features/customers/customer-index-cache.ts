import type { CustomerRow } from '../../../../shared/customers'
import { createCustomerIndex } from './customer-index'

export type CustomerIndex = ReturnType<typeof createCustomerIndex>

const indexes = new WeakMap<readonly CustomerRow[], CustomerIndex>()

/**
 * One index per snapshot of rows (the array's identity is the snapshot), shared by the table
 * and the command palette, so the palette searches without building its own.
 */
export function customerIndexFor(rows: readonly CustomerRow[]): CustomerIndex {
  let index = indexes.get(rows)
  if (!index) {
    index = createCustomerIndex(rows)
    indexes.set(rows, index)
  }
  return index
}
