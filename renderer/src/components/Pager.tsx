import type { ReactNode } from 'react'
import { formatCount } from '../lib/format'
import { Spinner } from './Spinner'

/** Previous / "Page 2 of 9 · what" / Next, for a list read from Vobiz a page at a time. */
export function Pager({
  label,
  page,
  pages,
  loading,
  summary,
  testId,
  onPage,
}: {
  /** Names the navigation: "<label>: pages". */
  label: string
  page: number
  pages: number
  loading: boolean
  /** What the list holds in all, e.g. "120 transactions". */
  summary: ReactNode
  testId: string
  onPage: (page: number) => void
}) {
  return (
    <nav className="ledger-pager" aria-label={`${label}: pages`}>
      <button
        type="button"
        className="button button-ghost button-small"
        aria-disabled={page <= 1 || undefined}
        onClick={() => page > 1 && onPage(page - 1)}
      >
        Previous page
      </button>
      <span className="ledger-page" aria-live="polite" data-testid={testId}>
        {loading && <Spinner />}
        Page {formatCount(page)} of {formatCount(pages)} · {summary}
      </span>
      <button
        type="button"
        className="button button-ghost button-small"
        aria-disabled={page >= pages || undefined}
        onClick={() => page < pages && onPage(page + 1)}
      >
        Next page
      </button>
    </nav>
  )
}
