import type { WatchRow } from '../../../shared/watch'

/**
 * Which customers crossed into "needs attention" since the last evaluation: on the watchlist
 * (below threshold or running out within the horizon, not snoozed) now, and not then. Without a
 * previous evaluation (`null`) the current list is the baseline: nothing crossed.
 */
export function crossingsOf(
  previous: ReadonlySet<string> | null,
  rows: readonly WatchRow[],
): { crossed: WatchRow[]; attention: string[] } {
  const crossed = previous ? rows.filter((row) => !previous.has(row.authId)) : []
  return { crossed, attention: rows.map((row) => row.authId) }
}
