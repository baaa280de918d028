import { describe, expect, it } from 'vitest'
import type { PartnerDeskApi } from '../../../shared/bridge-api'
import { FIRST_PAGE_ROWS, type CustomersReply } from '../../../shared/customer-tuples'
import type { CustomerRow } from '../../../shared/customers'
import type { Result } from '../../../shared/result'
import { readCustomerList, type PageSource } from '../../../renderer/src/stores/customer-pages'
import { authIdsOf, signInTo, snapshot, syncNow } from '../../support/customers'
import { sandboxApi } from '../../support/sandbox-api'
import { sandboxSuite } from '../../support/sandbox-suite'
import { makeTempDir } from '../../support/temp-dir'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

const CUSTOMERS = 450
const suite = sandboxSuite({ customers: CUSTOMERS, seed: 17 })
type App = ReturnType<typeof suite.open>

async function syncedApp(dir = makeTempDir()) {
  const app = suite.open(dir)
  const profileId = await signInTo(app, suite.api)
  await syncNow(app)
  return { app, dir, profileId }
}

/** Main's channels as the renderer calls them, with a hook before each page is answered. */
function sourceOf(app: App, beforePage: (from: number) => Promise<void> = async () => {}) {
  const asked: number[] = []
  const source: PageSource = {
    firstPage: () =>
      app.invoke('customers:firstPage', { size: FIRST_PAGE_ROWS }) as Promise<
        Result<CustomersReply>
      >,
    page: async (from, limit) => {
      asked.push(from)
      await beforePage(from)
      return app.invoke('customers:get', { from, limit }) as Promise<Result<CustomersReply>>
    },
  }
  return { source, asked }
}

/** The table's default order, worked out here: name (numeric collation), equal names in list order. */
function byName(rows: readonly CustomerRow[]): string[] {
  const collator = new Intl.Collator(undefined, { numeric: true })
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => collator.compare(a.row.name, b.row.name) || a.i - b.i)
    .map(({ row }) => row.authId)
}

const quiet = { overtaken: () => false, onFirstPage: () => {}, onProgress: () => {} }

describe('reading the saved customer list in pages', () => {
  it('gives the first rows of the default order first, then the whole list in its order', async () => {
    const { app } = await syncedApp()
    const whole = (await snapshot(app)).rows
    const { source, asked } = sourceOf(app)
    const firsts: string[][] = []
    const progress: number[] = []
    const read = await readCustomerList(source, {
      overtaken: () => false,
      onFirstPage: (page) => firsts.push(authIdsOf(page)),
      onProgress: (rows, total) => {
        expect(total).toBe(CUSTOMERS)
        progress.push(rows.length)
      },
      pageRows: 100,
    })
    expect(firsts).toEqual([byName(whole).slice(0, FIRST_PAGE_ROWS)])
    expect(asked).toEqual([0, 100, 200, 300, 400])
    expect(progress).toEqual([100, 200, 300, 400, 450])
    expect(read.kind).toBe('complete')
    if (read.kind === 'complete') {
      expect(authIdsOf(read.list)).toEqual(authIdsOf({ ...read.list, rows: whole }))
      expect(read.list.rows).toEqual(whole)
    }
  })

  it('paints a restarted app from the saved first page, before the list is read', async () => {
    const first = await syncedApp()
    const whole = (await snapshot(first.app)).rows
    await first.app.close()
    // The list itself is damaged: only the first page can be what is served at once.
    writeFileSync(join(first.dir, 'cache', first.profileId, 'customers.json'), '{"half": ')
    const app = suite.open(first.dir)
    app.start()
    const { source } = sourceOf(app)
    let head: string[] = []
    const read = await readCustomerList(source, {
      ...quiet,
      onFirstPage: (page) => {
        head = authIdsOf(page)
        expect(page.total).toBe(CUSTOMERS)
      },
    })
    expect(head).toEqual(byName(whole).slice(0, FIRST_PAGE_ROWS))
    // Reading the list found it damaged: another revision (empty, with a notice), read again.
    expect(read.kind).toBe('changed')
    const again = await readCustomerList(source, quiet)
    expect(again).toMatchObject({ kind: 'complete', list: { rows: [], total: 0 } })
    if (again.kind === 'complete') expect(again.list.cacheNotice).toMatch(/could not be read/)
  })

  it('says the list changed when a sync lands while it is read', async () => {
    const { app } = await syncedApp()
    let landed = false
    const { source } = sourceOf(app, async (from) => {
      if (from !== 200 || landed) return
      landed = true
      await sandboxApi(suite.api).create()
      expect(await syncNow(app)).toMatchObject({ state: 'idle', error: null })
    })
    expect(await readCustomerList(source, { ...quiet, pageRows: 100 })).toEqual({
      kind: 'changed',
    })
    const again = await readCustomerList(source, { ...quiet, pageRows: 100 })
    expect(again.kind === 'complete' && again.list.rows.length).toBe(CUSTOMERS + 1)
  })

  it('stops at a failing page, and at a newer read', async () => {
    const { app } = await syncedApp()
    const { source, asked } = sourceOf(app, async (from) => {
      if (from === 300) throw new Error('the bridge went away')
    })
    const failing: PageSource = {
      ...source,
      page: (from, limit) =>
        source.page(from, limit).catch(() => ({
          ok: false as const,
          error: { kind: 'server' as const, message: 'lost', status: null },
        })),
    }
    const read = await readCustomerList(failing, { ...quiet, pageRows: 100 })
    expect(read).toMatchObject({ kind: 'failed', error: { message: 'lost' } })
    expect(asked).toEqual([0, 100, 200, 300])
    let pages = 0
    const overtaken = await readCustomerList(source, {
      ...quiet,
      overtaken: () => pages > 0,
      onProgress: () => pages++,
      pageRows: 100,
    })
    expect(overtaken).toEqual({ kind: 'overtaken' })
  })
})

/** `window.partnerDesk` for the renderer's store: the real handlers, a page made to fail on demand. */
function bridgeTo(app: App, failPages: () => boolean): PartnerDeskApi {
  return {
    platform: 'web',
    invoke: ((channel: string, request: unknown) =>
      channel === 'customers:get' && failPages()
        ? Promise.reject(new Error('the bridge went away'))
        : app.invoke(channel, request)) as PartnerDeskApi['invoke'],
    on: ((event: string, listener: (payload: unknown) => void) =>
      app.on(event as never, listener)) as PartnerDeskApi['on'],
  }
}

describe('the customers store', () => {
  it('keeps the last whole list (or the first page) when a page fails, and says so', async () => {
    const { app } = await syncedApp()
    const whole = (await snapshot(app)).rows
    let failing = false
    Object.assign(globalThis, { partnerDesk: bridgeTo(app, () => failing) })
    const { useCustomersStore } = await import('../../../renderer/src/stores/customers-store')
    const store = useCustomersStore
    const stop = store.getState().start()
    try {
      await store.getState().load()
      expect(store.getState()).toMatchObject({ loading: null, loadError: null, total: CUSTOMERS })
      expect(store.getState().rows).toEqual(whole)
      const shown = store.getState().rows

      failing = true
      await store.getState().load()
      expect(store.getState().rows).toBe(shown)
      expect(store.getState().loadError?.message).toMatch(/lost contact/)

      // A first read that fails after its first page: the first page stays, with the total.
      stop()
      store.getState().start()
      await store.getState().load()
      const state = store.getState()
      expect(state.rows.map((row) => row.authId)).toEqual(byName(whole).slice(0, FIRST_PAGE_ROWS))
      expect(state).toMatchObject({ total: CUSTOMERS, loading: null, loaded: true })
      expect(state.loadError?.message).toMatch(/lost contact/)

      failing = false
      await store.getState().load()
      expect(store.getState().rows).toEqual(whole)
      expect(store.getState().loadError).toBeNull()
    } finally {
      stop()
      Object.assign(globalThis, { partnerDesk: undefined })
    }
  })
})
