import type { CustomerRow } from '../../../../shared/customers'
import { compareMoney, parseMoney, type Money } from '../../../../shared/money'
import { normalise } from './normalise'

export const COLUMN_IDS = [
  'name',
  'company',
  'email',
  'phone',
  'authId',
  'balance',
  'kycStatus',
  'status',
  'createdAt',
] as const
export type ColumnId = (typeof COLUMN_IDS)[number]
export type SortDirection = 'ascending' | 'descending'
export type SortState = { readonly column: ColumnId; readonly direction: SortDirection }

export type StatusFilter = 'all' | 'enabled' | 'disabled'
/** 'all', a KYC status as the API spells it, or NO_KYC for customers without one. */
export type KycFilter = string
export const NO_KYC = '\u0000none'

export type Filters = {
  readonly kyc: KycFilter
  readonly status: StatusFilter
  readonly lowBalance: boolean
}
export const NO_FILTERS: Filters = { kyc: 'all', status: 'all', lowBalance: false }

export const hasFilters = (filters: Filters): boolean =>
  filters.kyc !== 'all' || filters.status !== 'all' || filters.lowBalance

export type ViewRequest = {
  /** Normalised search terms (see searchTerms); every one must occur in the row's key. */
  readonly terms: readonly string[]
  readonly sort: SortState
  readonly filters: Filters
  /** Customers below this balance are "low balance"; null when the setting is unreadable. */
  readonly threshold: Money | null
}

/** Enabled and active in one word, as the status column shows it. */
export type CustomerStatus = 'active' | 'enabled' | 'inactive' | 'disabled'

export function statusOf(row: CustomerRow): CustomerStatus | null {
  if (row.enabled === false) return 'disabled'
  if (row.active === true) return 'active'
  if (row.active === false) return 'inactive'
  return row.enabled === true ? 'enabled' : null
}
const STATUS_RANK: Record<CustomerStatus, number> = {
  active: 0,
  enabled: 1,
  inactive: 2,
  disabled: 3,
}

/** Rank of a value with no value: sorted last in both directions. */
const NONE = 0xffffffff
/** Search keys built per idle slice. */
const CHUNK = 4000
/** Between keys; never in a term (terms are split on whitespace, control characters dropped). */
const SEPARATOR = '\u0001'
const MAX_TERMS = 32
/** Per-row matching when the candidates are fewer than 1/PER_ROW_FACTOR of all rows. */
const PER_ROW_FACTOR = 3
/** Views kept for erasing and narrowing (each at most one Int32Array of the rows). */
const RECENT_VIEWS = 12

export type CustomerIndex = ReturnType<typeof createCustomerIndex>

/**
 * Everything derived from one snapshot of rows, computed once: exact balances, per-column sort
 * ranks (on first sort by that column), sorted orders, and the normalised search key of each row
 * (built in idle time after the first paint, or at once when a search needs it). A view (search +
 * filters + sort) is then one pass over a precomputed order; typing more of the same query only
 * re-checks the rows the previous view kept.
 */
export function createCustomerIndex(rows: readonly CustomerRow[], locale?: string) {
  const size = rows.length
  const collator = new Intl.Collator(locale, { numeric: true })

  let parsedBalances: (Money | null)[] | null = null
  /** Exact balances, parsed on first need (a balance sort or the low-balance filter). */
  function balances(): (Money | null)[] {
    if (!parsedBalances) parsedBalances = rows.map((row) => parseMoney(row.balance))
    return parsedBalances
  }

  /** Search keys being built (in idle slices); emptied once they are joined into the haystack. */
  const keys: string[] = []
  let keysBuilt = 0
  const ranks = new Map<ColumnId, Uint32Array>()
  const orders = new Map<string, Int32Array>()
  /**
   * Recent views by sort, filters and query (most recent last). Erasing goes back to a cached
   * view; typing on starts from the longest cached query the new one extends.
   */
  const recent = new Map<string, { query: string; result: Int32Array }>()
  /** All keys in row order, joined by SEPARATOR; row r's key starts at starts[r]. */
  let haystack: string | null = null
  let starts: Int32Array | null = null

  function buildKeys(until: number): void {
    const end = Math.min(until, size)
    for (let i = keysBuilt; i < end; i++, keysBuilt++) {
      const row = rows[i]
      if (!row) break
      keys.push(
        [
          normalise(row.name),
          row.company === null ? '' : normalise(row.company),
          row.email === null ? '' : normalise(row.email),
          row.phone === null ? '' : row.phone.toLowerCase(),
          row.authId.toLowerCase(),
        ].join('\n'),
      )
    }
    if (keysBuilt === size && haystack === null) {
      starts = new Int32Array(size + 1)
      let at = 0
      keys.forEach((key, i) => {
        if (starts) starts[i] = at
        at += key.length + 1
      })
      starts[size] = at
      haystack = keys.join(SEPARATOR) + SEPARATOR
      // One copy of the keys is enough: a row's key is now a slice of the haystack.
      keys.length = 0
    }
  }

  /** Row i's search key (a slice of the haystack: no copy). */
  function keyOf(i: number): string {
    if (haystack === null || starts === null) return keys[i] ?? ''
    return haystack.slice(starts[i] ?? 0, (starts[i + 1] ?? 1) - 1)
  }

  /**
   * Marks the rows whose key holds every term: one indexOf pass over the joined keys per term
   * (no per-row call), skipping to the next row after a hit. marks[r] === terms.length ⇔ match.
   */
  function scan(terms: readonly string[]): Uint8Array {
    buildKeys(size)
    const marks = new Uint8Array(size)
    const text = haystack ?? ''
    const offsets = starts ?? new Int32Array(size + 1)
    terms.forEach((term, t) => {
      let row = 0
      for (let hit = text.indexOf(term); hit !== -1;) {
        while ((offsets[row + 1] ?? Infinity) <= hit) row++
        if (marks[row] === t) marks[row] = t + 1
        const next = offsets[row + 1] ?? text.length
        hit = text.indexOf(term, next)
      }
    })
    return marks
  }

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
    const out = new Uint32Array(size)
    values.forEach((value, i) => {
      out[i] = value === null ? NONE : (rankOf.get(id(value)) ?? NONE)
    })
    return out
  }

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
        const money = balances()
        const distinct = new Map<bigint, Money>()
        for (const value of money) if (value) distinct.set(value.units, value)
        made = denseRanks(money, [...distinct.values()], compareMoney, (value) => value.units)
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
  function order(sort: SortState): Int32Array {
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
    const sorted = new Int32Array(size)
    buckets.forEach((bucket, i) => {
      const at = starts[bucket] ?? 0
      sorted[at] = i
      starts[bucket] = at + 1
    })
    orders.set(cacheKey, sorted)
    return sorted
  }

  function passes(
    row: CustomerRow,
    balance: Money | null | undefined,
    filters: Filters,
    threshold: Money | null,
  ): boolean {
    if (filters.kyc !== 'all') {
      if (filters.kyc === NO_KYC ? row.kycStatus !== null : row.kycStatus !== filters.kyc)
        return false
    }
    if (filters.status === 'enabled' && row.enabled !== true) return false
    if (filters.status === 'disabled' && row.enabled !== false) return false
    if (filters.lowBalance) {
      if (!balance || !threshold || compareMoney(balance, threshold) >= 0) return false
    }
    return true
  }

  /** Requests with equal contexts differ only in their query. */
  function contextOf(request: ViewRequest): string {
    const { sort, filters, threshold } = request
    const low = filters.lowBalance ? `<${threshold?.units ?? 'none'}` : ''
    return `${sort.column}:${sort.direction}|${filters.kyc}|${filters.status}|${low}`
  }

  function remember(key: string, query: string, result: Int32Array): void {
    recent.delete(key)
    recent.set(key, { query, result })
    for (const oldest of recent.keys()) {
      if (recent.size <= RECENT_VIEWS) break
      recent.delete(oldest)
    }
  }

  /** The row indices of a view, in display order. */
  function view(request: ViewRequest): Int32Array {
    const sorted = order(request.sort)
    const terms = [...new Set(request.terms)].slice(0, MAX_TERMS)
    const filtering = hasFilters(request.filters)
    if (!filtering && terms.length === 0) return sorted
    const query = terms.join(' ')
    const context = contextOf(request)
    const key = `${context}\u0000${query}`
    const known = recent.get(key)
    if (known) {
      remember(key, query, known.result)
      return known.result
    }
    // Typing on: the new view is a subset of a cached one that its query extends, same order.
    let source = sorted
    for (const [cachedKey, cached] of recent) {
      if (
        cachedKey.startsWith(context + '\u0000') &&
        query.startsWith(cached.query) &&
        cached.result.length < source.length
      ) {
        source = cached.result
      }
    }
    const { filters, threshold } = request
    const money = filters.lowBalance ? balances() : null
    // Few candidates left: test their keys one by one; many: one pass over all keys is cheaper.
    const perRow = terms.length > 0 && source.length * PER_ROW_FACTOR < size
    const marks = terms.length > 0 && !perRow ? scan(terms) : null
    if (perRow) buildKeys(size)
    const out = new Int32Array(source.length)
    let kept = 0
    for (const i of source) {
      if (marks) {
        if (marks[i] !== terms.length) continue
      } else if (perRow && !matchesAll(keyOf(i), terms)) continue
      if (filtering) {
        const row = rows[i]
        if (!row || !passes(row, money?.[i], filters, threshold)) continue
      }
      out[kept++] = i
    }
    const result = out.slice(0, kept)
    remember(key, query, result)
    return result
  }

  return {
    rows,
    size,
    view,
    order,
    /** Builds search keys a chunk at a time; returns true when all are built. */
    prepareSearch(): boolean {
      buildKeys(keysBuilt + CHUNK)
      return keysBuilt >= size
    },
    /** The distinct KYC statuses present, sorted, and whether some customers have none. */
    kycStatuses(): { values: string[]; hasNone: boolean } {
      const values = new Set<string>()
      let hasNone = false
      for (const row of rows) {
        if (row.kycStatus === null) hasNone = true
        else values.add(row.kycStatus)
      }
      return { values: [...values].sort(collator.compare), hasNone }
    },
  }
}

function matchesAll(key: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!key.includes(term)) return false
  return true
}
