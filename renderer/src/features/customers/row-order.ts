import type { CustomerColumn, CustomerRow } from '../../../../shared/customers'
import { compareMoney, type Money } from '../../../../shared/money'
import { statusOf, type CustomerStatus } from './customer-status'

export type ColumnId = CustomerColumn
export type SortDirection = 'ascending' | 'descending'
export type SortState = { readonly column: ColumnId; readonly direction: SortDirection }

type CurrencyAmount = { currency: string; value: Money }
const currencyAmountKey = ({ currency, value }: CurrencyAmount) => `${currency}:${value.units}`
/** Currency first (by code), then the exact amount: amounts of two currencies never compare. */
function compareCurrencyAmount(a: CurrencyAmount, b: CurrencyAmount): number {
  if (a.currency !== b.currency) return a.currency < b.currency ? -1 : 1
  return compareMoney(a.value, b.value)
}

const STATUS_RANK: Record<CustomerStatus, number> = {
  active: 0,
  enabled: 1,
  inactive: 2,
  disabled: 3,
}

/** Rank of a value with no value: sorted last in both directions. */
const NONE = 0xffffffff

/** Dense ranks (equal values share one) from a sort of the distinct values. */
function denseRanks<T>(
  values: (T | null)[],
  distinct: T[],
  compare: (a: T, b: T) => number,
  id: (value: T) => unknown = (value) => value,
): Uint32Array {
  distinct.sort(compare)
  const rankOf = new Map<unknown, number>()
  let rank = 0
  let previous: T | undefined
  for (const value of distinct) {
    if (previous !== undefined && compare(previous, value) !== 0) rank++
    rankOf.set(id(value), rank)
    previous = value
  }
  const out = new Uint32Array(values.length)
  values.forEach((value, i) => {
    out[i] = value === null ? NONE : (rankOf.get(id(value)) ?? NONE)
  })
  return out
}

/**
 * The row indices sorted by each column, each direction: per-column sort ranks on the first sort
 * by that column, then one order per column and direction, both kept.
 */
export function createRowOrder(
  rows: readonly CustomerRow[],
  collator: Intl.Collator,
  /** Exact balances by row. */
  balances: () => (Money | null)[],
): (sort: SortState) => Int32Array {
  const ranks = new Map<ColumnId, Uint32Array>()
  const orders = new Map<string, Int32Array>()

  function stringRanks(value: (row: CustomerRow) => string | null): Uint32Array {
    const values = rows.map(value)
    const distinct = [...new Set(values)].filter((text): text is string => text !== null)
    return denseRanks(values, distinct, collator.compare)
  }

  function columnRanks(column: ColumnId): Uint32Array {
    const known = ranks.get(column)
    if (known) return known
    let made: Uint32Array
    switch (column) {
      case 'balance': {
        // By (currency, amount): ₹ and $ are never compared as one number; each currency's
        // customers form one block (currencies in code order), sorted by amount inside it.
        const money = balances()
        const values = money.map((value, i) =>
          value ? { currency: rows[i]?.currency ?? '', value } : null,
        )
        const distinct = new Map<string, CurrencyAmount>()
        for (const value of values) if (value) distinct.set(currencyAmountKey(value), value)
        made = denseRanks(values, [...distinct.values()], compareCurrencyAmount, currencyAmountKey)
        break
      }
      case 'createdAt': {
        const times = rows.map((row) => {
          const time = Date.parse(row.createdAt ?? '')
          return Number.isNaN(time) ? null : time
        })
        const distinct = [...new Set(times)].filter((time): time is number => time !== null)
        made = denseRanks(times, distinct, (a, b) => a - b)
        break
      }
      case 'status':
        made = Uint32Array.from(rows, (row) => {
          const status = statusOf(row)
          return status === null ? NONE : STATUS_RANK[status]
        })
        break
      default:
        made = stringRanks((row) => row[column])
    }
    ranks.set(column, made)
    return made
  }

  /**
   * The row indices sorted by one column: a counting sort on the dense ranks, so it is stable
   * (equal values keep the cache's order) and rows without a value come last either way.
   */
  return function order(sort: SortState): Int32Array {
    const cacheKey = `${sort.column}:${sort.direction}`
    const known = orders.get(cacheKey)
    if (known) return known
    const rank = columnRanks(sort.column)
    let top = 0
    for (const r of rank) if (r !== NONE && r > top) top = r
    const descending = sort.direction === 'descending'
    const buckets = Uint32Array.from(rank, (r) => (r === NONE ? top + 1 : descending ? top - r : r))
    const starts = new Uint32Array(top + 3)
    for (const bucket of buckets) starts[bucket + 1] = (starts[bucket + 1] ?? 0) + 1
    for (let b = 1; b < starts.length; b++) starts[b] = (starts[b] ?? 0) + (starts[b - 1] ?? 0)
    const sorted = new Int32Array(rows.length)
    buckets.forEach((bucket, i) => {
      const at = starts[bucket] ?? 0
      sorted[at] = i
      starts[bucket] = at + 1
    })
    orders.set(cacheKey, sorted)
    return sorted
  }
}
