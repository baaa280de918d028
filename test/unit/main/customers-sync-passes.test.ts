import { describe, expect, it } from 'vitest'
import { AppFailure, appError, type AppError } from '../../../shared/app-error'
import type { AccountList } from '../../../shared/vobiz'
import { fetchAllCustomers, type PageReader } from '../../../electron/main/customers/customer-sync'

/**
 * The pass logic of the full sync against an in-memory list that changes while it is read
 * (the sandbox only appends, so removals and insertions at the top are tested here).
 */
function server(count: number, options: { maxPerPage?: number } = {}) {
  const list = Array.from({ length: count }, (_, i) => `MA_${String(i).padStart(6, '0')}`)
  let reads = 0
  let inFlight = 0
  let maxInFlight = 0
  const hooks = new Map<number, () => void>()
  const failures = new Map<number, () => never>()
  const readPage: PageReader = async (page, perPage, signal) => {
    const n = ++reads
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    try {
      await new Promise((resolve) => setTimeout(resolve, 1))
      if (signal.aborted) throw new AppFailure(appError.server('aborted'))
      hooks.get(n)?.()
      failures.get(n)?.()
      const size = Math.min(perPage, options.maxPerPage ?? perPage)
      const reply: AccountList = {
        accounts: list
          .slice((page - 1) * size, page * size)
          .map((auth_id) => ({ auth_id, name: `Customer ${auth_id}` })),
        total: list.length,
        page,
        size,
      }
      return reply
    } finally {
      inFlight--
    }
  }
  return {
    list,
    readPage,
    /** Runs `change` just before the n-th read is answered (1-based, in order of arrival). */
    onRead: (n: number, change: () => void) => hooks.set(n, change),
    failRead: (n: number, error: AppError) =>
      failures.set(n, () => {
        throw new AppFailure(error)
      }),
    stats: () => ({ reads, maxInFlight }),
  }
}

const ids = (rows: { authId: string }[]) => rows.map((row) => row.authId)
const run = (
  api: ReturnType<typeof server>,
  extra: Partial<Parameters<typeof fetchAllCustomers>[0]> = {},
) => fetchAllCustomers({ readPage: api.readPage, signal: new AbortController().signal, ...extra })

describe('full sync passes', () => {
  it('reads every page with at most 3 requests in flight, then page 1 again', async () => {
    const api = server(1234)
    const progress: number[] = []
    const rows = await run(api, { onProgress: (p) => progress.push(p.pagesDone) })
    expect(ids(rows)).toEqual(api.list)
    expect(api.stats()).toEqual({ reads: 13 + 1, maxInFlight: 3 })
    expect(progress).toEqual(Array.from({ length: 13 }, (_, i) => i + 1))
  })

  it('handles an empty list and a list of exactly one page', async () => {
    expect(await run(server(0))).toEqual([])
    expect(await run(server(100))).toHaveLength(100)
  })

  it('de-duplicates rows shifted onto the next page by an insertion at the top', async () => {
    const api = server(450)
    // After page 1 was read, a customer appears at the top: every row moves down by one, so the
    // last row of each page is served again as the first row of the next page.
    api.onRead(2, () => api.list.unshift('MA_NEWTOP'))
    const rows = await run(api, { concurrency: 1 })
    expect(ids(rows)).toHaveLength(451)
    expect(new Set(ids(rows)).size).toBe(451)
    expect(new Set(ids(rows))).toEqual(new Set(api.list))
  })

  it('reads customers appended during the pass in the same pass', async () => {
    const api = server(250)
    api.onRead(2, () =>
      api.list.push('MA_APPEND1', 'MA_APPEND2', ...new Array(60).fill(0).map((_, i) => `MA_X${i}`)),
    )
    const rows = await run(api)
    expect(new Set(ids(rows))).toEqual(new Set(api.list))
    expect(rows).toHaveLength(312)
  })

  it('runs a fresh verifying pass when a customer is removed during the pass', async () => {
    const api = server(450)
    // Removing a row already read moves the first row of every later page onto the page before,
    // so one row per page boundary would be missed; a count alone could not tell.
    api.onRead(2, () => api.list.splice(10, 1))
    // A later creation brings the total back, so the count comes out right: only the total
    // falling in between gives the removal away.
    api.onRead(3, () => api.list.push('MA_COMPENSATES'))
    const passes: number[] = []
    const rows = await run(api, { concurrency: 1, onIncompletePass: (p) => passes.push(p.pass) })
    expect(passes).toEqual([1])
    expect(ids(rows).toSorted()).toEqual(api.list.toSorted())
    expect(ids(rows)).not.toContain('MA_000010')
  })

  it('gives up with a conflict when the list keeps changing, pass after pass', async () => {
    const api = server(300)
    for (let n = 2; n < 40; n += 2) api.onRead(n, () => api.list.splice(0, 1))
    const failure = await run(api).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(AppFailure)
    expect((failure as AppFailure).appError.kind).toBe('conflict')
  })

  it('follows the page size the server echoes when it clamps per_page', async () => {
    const api = server(230, { maxPerPage: 50 })
    const rows = await run(api)
    expect(ids(rows)).toEqual(api.list)
    expect(api.stats().reads).toBe(5 + 1)
  })

  it('asks once more for a page whose reply was unreadable, but not for other failures', async () => {
    const api = server(300)
    api.failRead(3, appError.server('unreadable', 200))
    expect(await run(api)).toHaveLength(300)

    const broken = server(300)
    broken.failRead(3, appError.server('HTTP 500', 500))
    const failure = await run(broken).catch((error: unknown) => error)
    expect((failure as AppFailure).appError).toMatchObject({ kind: 'server', status: 500 })
  })

  it('stops at once when cancelled', async () => {
    const api = server(5000)
    const abort = new AbortController()
    api.onRead(4, () => abort.abort())
    await expect(run(api, { signal: abort.signal })).rejects.toBeInstanceOf(AppFailure)
    expect(api.stats().reads).toBeLessThan(10)
  })
})
