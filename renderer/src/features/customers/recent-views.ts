import type { SearchKeys } from './search-keys'

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
 * A view kept for erasing and typing on: its terms, its rows and, indexed by row (meaningful for
 * the rows of the view), where the last term first occurs in the haystack; null without terms.
 */
export type CachedView = {
  readonly query: string
  readonly terms: readonly string[]
  readonly result: Int32Array
  readonly firstHits: Int32Array | null
}

/**
 * Recent views by context (sort and filters) and query, most recent last. Erasing goes back to a
 * cached view; typing on starts from the closest cached query the new one extends.
 */
export function createRecentViews(size: number) {
  const recent = new Map<string, CachedView>()
  const keyOf = (context: string, query: string) => `${context}\u0000${query}`

  function remember(key: string, view: CachedView): void {
    recent.delete(key)
    recent.set(key, view)
    for (const oldest of recent.keys()) {
      if (recent.size <= RECENT_VIEWS) break
      recent.delete(oldest)
    }
  }

  return {
    /** The cached view of `query` in `context`, now the most recent; undefined when none. */
    recall(context: string, query: string): CachedView | undefined {
      const key = keyOf(context, query)
      const known = recent.get(key)
      if (known) remember(key, known)
      return known
    },
    keep(context: string, view: CachedView): void {
      remember(keyOf(context, view.query), view)
    },
    /**
     * Typing on: the new view is a subset of a cached one that its query extends, same order;
     * the smallest such view, and of equal ones the longest query (the closest to this one).
     */
    closest(context: string, query: string): CachedView | null {
      let source: CachedView | null = null
      for (const [cachedKey, cached] of recent) {
        if (!cachedKey.startsWith(context + '\u0000') || !query.startsWith(cached.query)) continue
        const fewer = cached.result.length - (source?.result.length ?? size + 1)
        if (fewer < 0 || (fewer === 0 && cached.query.length > (source?.query.length ?? 0))) {
          source = cached
        }
      }
      return source
    },
  }
}

/** The same terms, but the last one longer: "jo" → "jos", "jose m" → "jose mu". */
export function extendsLastTerm(before: readonly string[], after: readonly string[]): boolean {
  if (before.length !== after.length || before.length === 0) return false
  const last = after.length - 1
  for (let t = 0; t < last; t++) if (before[t] !== after[t]) return false
  return (after[last] ?? '').startsWith(before[last] ?? '')
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
export function narrowLastTerm(
  source: CachedView,
  terms: readonly string[],
  search: SearchKeys,
): CachedView | null {
  const hits = source.firstHits
  if (!hits) return null
  const { size, findInRow } = search
  const text = search.haystack()
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
