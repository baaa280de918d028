import type { CustomerRow } from '../../../../shared/customers'
import type { LowBalanceRule } from '../../../../shared/low-balance'
import { parseMoney, type Money } from '../../../../shared/money'
import { hasFilters, passesFilters, type Filters } from './customer-filters'
import { createRecentViews, extendsLastTerm, narrowLastTerm, type CachedView } from './recent-views'
import { createRowOrder, type SortState } from './row-order'
import { charBit, createSearchKeys } from './search-keys'

export type ViewRequest = {
  /** Normalised search terms (see searchTerms); every one must occur in the row's key. */
  readonly terms: readonly string[]
  readonly sort: SortState
  readonly filters: Filters
  /** The low-balance thresholds per currency; null when the settings are unreadable. */
  readonly threshold: LowBalanceRule | null
}

const MAX_TERMS = 32
/** Per-row matching when the candidates are fewer than 1/PER_ROW_FACTOR of all rows. */
const PER_ROW_FACTOR = 3

/**
 * Everything derived from one snapshot of rows, computed once: exact balances, sorted orders
 * (see row-order.ts), and the normalised search key of each row (see search-keys.ts). A view
 * (search + filters + sort) is then one pass over a precomputed order; typing more of the same
 * query only re-checks the rows the previous view kept (see recent-views.ts).
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

  const order = createRowOrder(rows, collator, balances)
  const search = createSearchKeys(rows)
  const { charMasks, keyOf, findInRow } = search
  const recent = createRecentViews(size)

  /** Requests with equal contexts differ only in their query. */
  function contextOf(request: ViewRequest): string {
    const { sort, filters, threshold } = request
    const low = filters.lowBalance ? `<${threshold?.key ?? 'none'}` : ''
    return `${sort.column}:${sort.direction}|${filters.kyc}|${filters.status}|${low}`
  }

  /** The row indices of a view, in display order. */
  function view(request: ViewRequest): Int32Array {
    const sorted = order(request.sort)
    const terms = [...new Set(request.terms)].slice(0, MAX_TERMS)
    const filtering = hasFilters(request.filters)
    if (!filtering && terms.length === 0) return sorted
    const query = terms.join(' ')
    const context = contextOf(request)
    const known = recent.recall(context, query)
    if (known) return known.result
    const source = recent.closest(context, query)
    const narrowed =
      source && extendsLastTerm(source.terms, terms) ? narrowLastTerm(source, terms, search) : null
    const made = narrowed ?? filterRows(source?.result ?? sorted, terms, request)
    recent.keep(context, made)
    return made.result
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
    if (byLetter) search.buildAll()
    const scanned = terms.length > 0 && !perRow && !byLetter ? search.scan(terms) : null
    if (perRow) search.buildAll()
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
        if (!row || !passesFilters(row, money?.[i], filters, threshold)) continue
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
    prepareSearch: search.buildChunk,
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
