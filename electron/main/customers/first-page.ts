import type { CustomerRow } from '../../../shared/customers'

const collator = new Intl.Collator(undefined, { numeric: true })

/**
 * The first `size` rows of the table's default order (name ascending, equal names in list
 * order), as the renderer's index sorts them; the whole list, in its own order, when it fits.
 * One pass keeping the best `size` rows: about one comparison a row, not a sort of the list.
 */
export function firstRows(rows: readonly CustomerRow[], size: number): CustomerRow[] {
  if (rows.length <= size) return [...rows]
  const best: CustomerRow[] = []
  for (const row of rows) {
    const worst = best[best.length - 1]
    if (best.length === size && worst && collator.compare(row.name, worst.name) >= 0) continue
    best.splice(upperBound(best, row.name), 0, row)
    if (best.length > size) best.pop()
  }
  return best
}

/** Where a row named `name` goes in `sorted`: after every row it does not precede (list order). */
function upperBound(sorted: readonly CustomerRow[], name: string): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (collator.compare(name, sorted[middle]?.name ?? '') < 0) high = middle
    else low = middle + 1
  }
  return low
}
