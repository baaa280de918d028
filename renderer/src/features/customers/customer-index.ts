import type { CustomerColumn, CustomerRow } from '../../../../shared/customers'
import { isBelowThreshold, type LowBalanceRule } from '../../../../shared/low-balance'
import { compareMoney, parseMoney, type Money } from '../../../../shared/money'
import { normalise } from './normalise'

export type ColumnId = CustomerColumn
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
  /** The low-balance thresholds per currency; null when the settings are unreadable. */
  readonly threshold: LowBalanceRule | null
}

type CurrencyAmount = { currency: string; value: Money }
const currencyAmountKey = ({ currency, value }: CurrencyAmount) => `${currency}:${value.units}`
/** Currency first (by code), then the exact amount: amounts of two currencies never compare. */
function compareCurrencyAmount(a: CurrencyAmount, b: CurrencyAmount): number {
  if (a.currency !== b.currency) return a.currency < b.currency ? -1 : 1
  return compareMoney(a.value, b.value)
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
/** Views kept for erasing and narrowing (each at most two Int32Arrays of all rows). */
const RECENT_VIEWS = 12
/**
 * Narrowing by the last term's known positions gives up for a scan when, in its first
 * NARROW_SAMPLE rows, more than 1 in NARROW_MAX_SEARCHED had to be searched again (each such
 * search costs about ten position checks).
 */
const NARROW_SAMPLE = 1024
const NARROW_MAX_SEARCHED = 4

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
  /** Per row, 64 bits: which of the BIT_CHARS its key holds (for one-letter searches). */
  const charMasks = new Uint32Array(2 * size)
  const ranks = new Map<ColumnId, Uint32Array>()
  const orders = new Map<string, Int32Array>()
  /**
   * Recent views by sort, filters and query (most recent last). Erasing goes back to a cached
   * view; typing on starts from the longest cached query the new one extends.
   */
  const recent = new Map<string, CachedView>()
  /** All keys in row order, joined by SEPARATOR; row r's key starts at starts[r]. */
  let haystack: string | null = null
  let starts: Int32Array | null = null

  function buildKeys(until: number): void {
    const end = Math.min(until, size)
    for (let i = keysBuilt; i < end; i++, keysBuilt++) {
      const row = rows[i]
      if (!row) break
      const key = [
        normalise(row.name),
        row.company === null ? '' : normalise(row.company),
        row.email === null ? '' : normalise(row.email),
        row.phone === null ? '' : row.phone.toLowerCase(),
        row.authId.toLowerCase(),
      ].join('\n')
      keys.push(key)
      for (let p = 0; p < key.length; p++) {
        const bit = CHAR_BITS[key.charCodeAt(p)] ?? -1
        if (bit >= 0)
          charMasks[2 * i + (bit >> 5)] = (charMasks[2 * i + (bit >> 5)] ?? 0) | (1 << (bit & 31))
      }
    }
    if (keysBuilt === size && haystack === null) {
      starts = new Int32Array(size + 1)
      let at = 0
      keys.forEach((key, i) => {
        if (starts) starts[i] = at
        at += key.length + 1
      })
      starts[size] = at
      // One join (flat), not join + separator (a cons string, slow to read at an index).
      keys.push('')
      haystack = keys.join(SEPARATOR)
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
   * (no per-row call), skipping to the next row after a hit. marks[r] === terms.length ⇔ match;
   * firstHits[r] is where the last term first occurs in row r (in the haystack).
   */
  function scan(terms: readonly string[]): { marks: Uint8Array; firstHits: Int32Array } {
    buildKeys(size)
    const marks = new Uint8Array(size)
    const firstHits = new Int32Array(size)
    const text = haystack ?? ''
    const offsets = starts ?? new Int32Array(size + 1)
    const last = terms.length - 1
    terms.forEach((term, t) => {
      let row = 0
      for (let hit = text.indexOf(term); hit !== -1;) {
        while ((offsets[row + 1] ?? Infinity) <= hit) row++
        if (marks[row] === t) {
          marks[row] = t + 1
          if (t === last) firstHits[row] = hit
        }
        const next = offsets[row + 1] ?? text.length
        hit = text.indexOf(term, next)
      }
    })
    return { marks, firstHits }
  }

  /** Where `term` first occurs in row i's key at or after haystack position `from`, or -1. */
  function findInRow(i: number, term: string, from: number): number {
    const start = starts?.[i] ?? 0
    const at = keyOf(i).indexOf(term, Math.max(0, from - start))
    return at === -1 ? -1 : start + at
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
    threshold: LowBalanceRule | null,
  ): boolean {
    if (filters.kyc !== 'all') {
      if (filters.kyc === NO_KYC ? row.kycStatus !== null : row.kycStatus !== filters.kyc)
        return false
    }
    if (filters.status === 'enabled' && row.enabled !== true) return false
    if (filters.status === 'disabled' && row.enabled !== false) return false
    if (filters.lowBalance) {
      if (!isBelowThreshold(balance, row.currency, threshold)) return false
    }
    return true
  }

  /** Requests with equal contexts differ only in their query. */
  function contextOf(request: ViewRequest): string {
    const { sort, filters, threshold } = request
    const low = filters.lowBalance ? `<${threshold?.key ?? 'none'}` : ''
    return `${sort.column}:${sort.direction}|${filters.kyc}|${filters.status}|${low}`
  }

  function remember(key: string, view: CachedView): void {
    recent.delete(key)
    recent.set(key, view)
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
      remember(key, known)
      return known.result
    }
    // Typing on: the new view is a subset of a cached one that its query extends, same order;
    // the smallest such view, and of equal ones the longest query (the closest to this one).
    let source: CachedView | null = null
    for (const [cachedKey, cached] of recent) {
      if (!cachedKey.startsWith(context + '\u0000') || !query.startsWith(cached.query)) continue
      const fewer = cached.result.length - (source?.result.length ?? size + 1)
      if (fewer < 0 || (fewer === 0 && cached.query.length > (source?.query.length ?? 0))) {
        source = cached
      }
    }
    const narrowed =
      source && extendsLastTerm(source.terms, terms) ? narrowLastTerm(source, terms) : null
    const made = narrowed ?? filterRows(source?.result ?? sorted, terms, request)
    remember(key, made)
    return made.result
  }

  /**
   * The last term grew (typing on in the same word): each row of the cached view matched its
   * shorter form at a known first position, so most rows are decided by comparing the few new
   * characters there; only the others are searched again, from just after that position. Rows
   * are visited in haystack order (reading the keys front to back is several times faster than
   * in display order), then kept in the cached view's order. When too many need that search
   * (the old form was often elsewhere first, as a single letter is), null: a scan of all keys
   * is then cheaper.
   */
  function narrowLastTerm(source: CachedView, terms: readonly string[]): CachedView | null {
    const hits = source.firstHits
    if (!hits) return null
    const text = haystack ?? ''
    const before = source.terms[source.terms.length - 1] ?? ''
    const term = terms[terms.length - 1] ?? ''
    const added = term.slice(before.length)
    const keep = new Uint8Array(size)
    for (const i of source.result) keep[i] = 1
    const firstHits = new Int32Array(size)
    let visited = 0
    let searched = 0
    for (let i = 0; i < size; i++) {
      if (keep[i] === 0) continue
      if (++visited === NARROW_SAMPLE && searched * NARROW_MAX_SEARCHED > visited) return null
      let at = hits[i] ?? 0
      const from = at + before.length
      for (let c = 0; c < added.length; c++) {
        if (text.charCodeAt(from + c) !== added.charCodeAt(c)) {
          searched++
          at = findInRow(i, term, at + 1)
          break
        }
      }
      if (at === -1) keep[i] = 0
      else firstHits[i] = at
    }
    const result = new Int32Array(source.result.length)
    let kept = 0
    for (const i of source.result) if (keep[i] === 1) result[kept++] = i
    return { query: terms.join(' '), terms, result: result.slice(0, kept), firstHits }
  }

  /** The rows of `source` (in its order) that hold every term and pass the filters. */
  function filterRows(
    source: Int32Array,
    terms: readonly string[],
    request: ViewRequest,
  ): CachedView {
    const { filters, threshold } = request
    const filtering = hasFilters(filters)
    const money = filters.lowBalance ? balances() : null
    // Few candidates left: test their keys one by one; many: one pass over all keys is cheaper.
    const perRow = terms.length > 0 && source.length * PER_ROW_FACTOR < size
    // A single one-letter term (the first keystroke of a search): the rows' letter bits tell.
    const letterBit = terms.length === 1 && terms[0]?.length === 1 ? charBit(terms[0]) : -1
    const byLetter = letterBit >= 0 && !perRow
    if (byLetter) buildKeys(size)
    const scanned = terms.length > 0 && !perRow && !byLetter ? scan(terms) : null
    if (perRow) buildKeys(size)
    const others = terms.slice(0, -1)
    const last = terms[terms.length - 1] ?? ''
    const result = new Int32Array(source.length)
    const firstHits = scanned?.firstHits ?? (perRow ? new Int32Array(size) : null)
    let kept = 0
    const word = letterBit >> 5
    const mask = 1 << (letterBit & 31)
    for (const i of source) {
      if (byLetter) {
        if (((charMasks[2 * i + word] ?? 0) & mask) === 0) continue
      } else if (scanned) {
        if (scanned.marks[i] !== terms.length) continue
      } else if (perRow && firstHits) {
        if (!matchesAll(keyOf(i), others)) continue
        const at = findInRow(i, last, 0)
        if (at === -1) continue
        firstHits[i] = at
      }
      if (filtering) {
        const row = rows[i]
        if (!row || !passes(row, money?.[i], filters, threshold)) continue
      }
      result[kept++] = i
    }
    return { query: terms.join(' '), terms, result: result.slice(0, kept), firstHits }
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

/**
 * The characters a one-letter search is answered for from per-row bits (letters, digits and the
 * punctuation of emails, phones and auth ids); any other is searched for in the keys.
 */
const BIT_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789@._+-'
const CHAR_BITS = new Int8Array(128).fill(-1)
for (let b = 0; b < BIT_CHARS.length; b++) CHAR_BITS[BIT_CHARS.charCodeAt(b)] = b
const charBit = (letter: string): number => CHAR_BITS[letter.charCodeAt(0)] ?? -1

/**
 * A view kept for erasing and typing on: its terms, its rows and, indexed by row (meaningful for
 * the rows of the view), where the last term first occurs in the haystack; null without terms.
 */
type CachedView = {
  readonly query: string
  readonly terms: readonly string[]
  readonly result: Int32Array
  readonly firstHits: Int32Array | null
}

/** The same terms, but the last one longer: "jo" → "jos", "jose m" → "jose mu". */
function extendsLastTerm(before: readonly string[], after: readonly string[]): boolean {
  if (before.length !== after.length || before.length === 0) return false
  const last = after.length - 1
  for (let t = 0; t < last; t++) if (before[t] !== after[t]) return false
  return (after[last] ?? '').startsWith(before[last] ?? '')
}

function matchesAll(key: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!key.includes(term)) return false
  return true
}
