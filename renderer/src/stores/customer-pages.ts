import type { AppError } from '../../../shared/app-error'
import { fromTuple, type CustomersReply } from '../../../shared/customer-tuples'
import type { CustomerRow } from '../../../shared/customers'
import type { Result } from '../../../shared/result'

/** Rows per `customers:get` after the first page: a few round trips for 100,000 customers. */
export const PAGE_ROWS = 10_000

/** A reply with its rows made objects again. */
export type CustomersPage = Omit<CustomersReply, 'rows'> & { rows: CustomerRow[] }

export type PageSource = {
  firstPage(): Promise<Result<CustomersReply>>
  page(from: number, limit: number): Promise<Result<CustomersReply>>
}

export type ListRead =
  /** The whole list, in its order, and the last reply's status. */
  | { kind: 'complete'; list: CustomersPage }
  | { kind: 'failed'; error: AppError }
  /** Main's list changed while it was read (a sync landed): read it again. */
  | { kind: 'changed' }
  /** A newer read took over: nothing to do. */
  | { kind: 'overtaken' }

const pageOf = (reply: CustomersReply): CustomersPage => ({
  ...reply,
  rows: reply.rows.map(fromTuple),
})

/**
 * Reads main's saved list: first the rows the table shows first (a small reply, painted at
 * once), then the list itself in pages (of PAGE_ROWS), all from one revision of it. `onFirstPage`
 * and `onProgress` (the rows read so far, in list order) are told as they come.
 */
export async function readCustomerList(
  source: PageSource,
  how: {
    overtaken: () => boolean
    onFirstPage: (page: CustomersPage) => void
    onProgress: (rows: readonly CustomerRow[], total: number) => void
    pageRows?: number
  },
): Promise<ListRead> {
  const { overtaken, onFirstPage, onProgress, pageRows = PAGE_ROWS } = how
  const first = await source.firstPage()
  if (overtaken()) return { kind: 'overtaken' }
  if (!first.ok) return { kind: 'failed', error: first.error }
  const head = pageOf(first.value)
  onFirstPage(head)
  // A short list comes whole, in its own order.
  if (head.rows.length >= head.total) return { kind: 'complete', list: head }
  let rows: CustomerRow[] = []
  let last = head
  while (rows.length < head.total) {
    const reply = await source.page(rows.length, pageRows)
    if (overtaken()) return { kind: 'overtaken' }
    if (!reply.ok) return { kind: 'failed', error: reply.error }
    if (reply.value.revision !== head.revision) return { kind: 'changed' }
    last = pageOf(reply.value)
    if (last.rows.length === 0) break
    rows = rows.concat(last.rows)
    onProgress(rows, head.total)
  }
  if (rows.length !== head.total) return { kind: 'changed' }
  return { kind: 'complete', list: { ...last, rows } }
}
