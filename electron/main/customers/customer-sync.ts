import { AppFailure, appError } from '../../../shared/app-error'
import type { CustomerRow } from '../../../shared/customers'
import type { AccountList } from '../../../shared/vobiz'
import { toCustomerRow, uniqueRows } from './customer-rows'

/**
 * Downloads the whole customer list: pages of 100, a few requests in flight.
 *
 * The API pages by offset with no snapshot, so accounts created or removed during a sync shift
 * rows across page boundaries: a row can be read twice (dropped: rows are de-duplicated by
 * auth_id) or not at all. A sync is therefore made of passes, each checked before it is trusted:
 *
 * - a pass reads page 1, then pages 2…n, where n follows the largest `total` any reply reported
 *   (so accounts appended meanwhile are read too), then page 1 again;
 * - every reply carries the total at that moment. The pass is complete when no reply reported a
 *   total lower than the one before it (no removal was seen) and the de-duplicated rows number
 *   exactly the total of the final page-1 reading.
 *
 * Why that suffices: while nothing is removed, every row read still exists at the end, so the
 * rows read are a subset of the final list, and equal counts make them the final list. Creations
 * alone can only cause duplicates (dropped) or misses (the count falls short). A removal can make
 * a row that was read vanish while another one is skipped, which a count cannot see, so a falling
 * total always means another pass. An incomplete pass is followed by a fresh verifying pass (rows
 * from an earlier pass may have been removed since), up to `maxPasses`; then the sync fails and
 * the caller keeps its last complete list. What remains undetected is a removal and a creation
 * both landing between two consecutive replies; the next sync corrects it.
 */

export type PageReader = (
  page: number,
  perPage: number,
  signal: AbortSignal,
) => Promise<AccountList>

export type SyncProgress = { pass: number; pagesDone: number; pagesTotal: number }

export type FullSyncOptions = {
  readPage: PageReader
  signal: AbortSignal
  perPage?: number
  concurrency?: number
  maxPasses?: number
  onProgress?: (progress: SyncProgress) => void
  /** Sees every page's accounts as read (with fields the rows drop, such as their tokens). */
  onAccounts?: (accounts: AccountList['accounts']) => void
  /** Called when a pass turned out incomplete and another one follows (for the log). */
  onIncompletePass?: (info: { pass: number; rows: number; total: number }) => void
}

/** More than this many customers is taken for a broken reply rather than downloaded. */
export const MAX_CUSTOMERS = 1_000_000

export async function fetchAllCustomers(options: FullSyncOptions): Promise<CustomerRow[]> {
  const maxPasses = options.maxPasses ?? 3
  for (let pass = 1; pass <= maxPasses; pass++) {
    const result = await readPass(options, pass)
    if (result.complete) return result.rows
    options.onIncompletePass?.({ pass, rows: result.rows.length, total: result.total })
  }
  throw new AppFailure(
    appError.conflict(
      'The customer list kept changing while it was downloaded. The last complete list is kept; Partner Desk will try again.',
    ),
  )
}

async function readPass(
  options: FullSyncOptions,
  pass: number,
): Promise<{ rows: CustomerRow[]; total: number; complete: boolean }> {
  const perPage = options.perPage ?? 100
  const concurrency = options.concurrency ?? 3
  // Aborted by the caller, or by this pass when one page failed (the others stop at once).
  const local = new AbortController()
  const stop = () => local.abort()
  options.signal.addEventListener('abort', stop, { once: true })
  if (options.signal.aborted) local.abort()

  /** Totals in the order the replies arrived. */
  const totals: number[] = []
  const read = async (page: number): Promise<AccountList> => {
    const reply = await readPageAgainIfGarbled(options.readPage, page, perPage, local.signal)
    if (reply.page !== page || reply.total > MAX_CUSTOMERS) {
      throw new AppFailure(appError.server('The customer list came back in an unexpected shape.'))
    }
    totals.push(reply.total)
    options.onAccounts?.(reply.accounts)
    return reply
  }

  try {
    const first = await read(1)
    // `size` echoes per_page: a server that clamps it lower still gets every page asked for.
    const pageSize = first.size
    let maxTotal = first.total
    const lastPage = () => Math.max(1, Math.ceil(maxTotal / pageSize))
    const pages = new Map<number, CustomerRow[]>([[1, first.accounts.map(toCustomerRow)]])
    let pagesDone = 1
    options.onProgress?.({ pass, pagesDone, pagesTotal: lastPage() })

    let next = 2
    const failures: unknown[] = []
    const worker = async () => {
      while (failures.length === 0 && next <= lastPage()) {
        const page = next++
        try {
          const reply = await read(page)
          maxTotal = Math.max(maxTotal, reply.total)
          pages.set(page, reply.accounts.map(toCustomerRow))
          pagesDone++
          options.onProgress?.({ pass, pagesDone, pagesTotal: lastPage() })
        } catch (error) {
          failures.push(error)
          local.abort()
        }
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
    // The first failure is the cause; the others are the pages it aborted.
    if (failures.length > 0) throw failures[0]

    const check = await read(1)
    const ordered = [check.accounts.map(toCustomerRow)]
    for (let page = 1; page <= lastPage(); page++) ordered.push(pages.get(page) ?? [])
    const rows = uniqueRows(ordered.flat())
    const nothingRemoved = totals.every((total, i) => total >= (totals[i - 1] ?? 0))
    return { rows, total: check.total, complete: nothingRemoved && rows.length === check.total }
  } finally {
    options.signal.removeEventListener('abort', stop)
  }
}

/** A reply garbled on the way (status 200, unreadable body) is asked for once more. */
async function readPageAgainIfGarbled(
  readPage: PageReader,
  page: number,
  perPage: number,
  signal: AbortSignal,
): Promise<AccountList> {
  try {
    return await readPage(page, perPage, signal)
  } catch (error) {
    const unreadable =
      error instanceof AppFailure &&
      error.appError.kind === 'server' &&
      error.appError.status !== null &&
      error.appError.status < 300
    if (!unreadable || signal.aborted) throw error
    return readPage(page, perPage, signal)
  }
}
