import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { TransferResult } from '../../../shared/balance'
import type { LedgerPage } from '../../../shared/ledger'
import { signInTo, snapshot, syncNow, valueOf } from '../../support/customers'
import { sandboxSuite } from '../../support/sandbox-suite'
import { makeTempDir } from '../../support/temp-dir'

const NOW = Date.parse('2026-11-20T10:00:00Z')
const suite = sandboxSuite({ customers: 60, seed: 11, now: () => NOW })

async function ready() {
  const app = suite.open(makeTempDir())
  await signInTo(app, suite.api)
  await syncNow(app)
  return app
}
type App = Awaited<ReturnType<typeof ready>>

const page = (app: App, query: Record<string, unknown>) =>
  valueOf<LedgerPage>(app.invoke('transactions:list', query))

/** Every entry of a query, paged through by the test itself (the API's own answer). */
async function everything(app: App, query: Record<string, unknown>) {
  const first = await page(app, { ...query, perPage: 100 })
  const rest = await Promise.all(
    Array.from({ length: first.pages - 1 }, (_, i) =>
      page(app, { ...query, perPage: 100, page: i + 2 }),
    ),
  )
  return [first, ...rest].flatMap((p) => p.entries)
}

describe('ledger', () => {
  it('pages through the ledger across all customers, newest first, with exact amounts', async () => {
    const app = await ready()
    const first = await page(app, { perPage: 25 })
    expect(first.total).toBeGreaterThan(50)
    expect(first.pages).toBe(Math.ceil(first.total / 25))
    expect(first.entries).toHaveLength(25)
    const all = await everything(app, {})
    expect(all).toHaveLength(first.total)
    // Documented rows: each its own `id`.
    expect(new Set(all.map((e) => e.transactionId)).size).toBe(first.total)
    const times = all.map((e) => Date.parse(e.createdAt!))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    for (const entry of all) {
      expect(entry.amount).toMatch(/^\d+\.\d{5}$/)
      expect(Number(entry.amount)).toBeGreaterThan(0)
      // The row's `type` is the ledger direction (more-endpoints.md, Transactions).
      expect(['credit', 'debit']).toContain(entry.type)
      expect(entry.status).toBe('completed')
      expect(entry.authId).toMatch(/^MA_/)
    }
    // The ledger across customers: the partner's own side of a transfer is not listed.
    const partner = suite.api.credentials.authId
    expect(all.some((e) => e.authId === partner)).toBe(false)
    // A seeded transfer: the customer's credit, carrying its transfer id in `reference`.
    const transfers = await everything(app, { type: 'transfer' })
    expect(transfers.length).toBeGreaterThan(0)
    for (const entry of transfers) {
      expect(entry).toMatchObject({ type: 'credit', description: 'Top-up (seeded)' })
      expect(entry.reference).toMatch(/^txn_/)
      expect(all).toContainEqual(entry)
    }
  })

  it('filters by customer, type and inclusive dates', async () => {
    const app = await ready()
    const all = await everything(app, {})
    const customer = all.find((e) => e.type === 'credit')!.authId!
    const mine = await everything(app, { authId: customer })
    expect(mine.length).toBeGreaterThan(0)
    expect(mine).toEqual(all.filter((e) => e.authId === customer))
    const debits = await everything(app, { type: 'debit' })
    expect(debits.length).toBeGreaterThan(0)
    expect(debits).toEqual(all.filter((e) => e.type === 'debit'))
    // The other three categories are credits, and together every credit.
    const byId = (a: { transactionId: string }, b: { transactionId: string }) =>
      a.transactionId < b.transactionId ? -1 : 1
    const credits: typeof all = []
    for (const type of ['recharge', 'refund', 'transfer']) {
      const some = await everything(app, { type })
      expect(some.length, type).toBeGreaterThan(0)
      expect(
        some.every((e) => e.type === 'credit'),
        type,
      ).toBe(true)
      credits.push(...some)
    }
    expect(credits.sort(byId)).toEqual(all.filter((e) => e.type === 'credit').sort(byId))
    const day = all[Math.floor(all.length / 2)]!.createdAt!.slice(0, 10)
    const sameDay = await everything(app, { from: day, to: day })
    expect(sameDay.length).toBeGreaterThan(0)
    expect(sameDay).toEqual(all.filter((e) => e.createdAt!.slice(0, 10) === day))
  })

  it('refuses bad queries before asking Vobiz', async () => {
    const app = await ready()
    for (const query of [
      { perPage: 500 },
      { page: 0 },
      { type: 'bonus' },
      { from: '2026-02-31' },
      { from: '2026/01/01' },
      { from: '2026-05-02', to: '2026-05-01' },
      { authId: 'x', extra: true },
    ]) {
      expect(await app.invoke('transactions:list', query), JSON.stringify(query)).toMatchObject({
        ok: false,
        error: { kind: 'validation' },
      })
    }
  })

  it('exports every matching entry as CSV, with names from the saved list and formulas defused', async () => {
    const app = await ready()
    const row = (await snapshot(app)).rows.find((r) => r.currency === 'INR')!
    const { authId: customer, name } = row
    const done = await valueOf<TransferResult>(
      app.invoke('transfers:create', {
        authId: customer,
        amount: '12.5',
        note: '=HYPERLINK("x")',
      }),
    )
    const all = await everything(app, {})
    const saved = await valueOf<{ saved: boolean; fileName: string; count: number }>(
      app.invoke('transactions:exportCsv', {}),
    )
    expect(saved.count).toBe(all.length)
    expect(saved.fileName).toMatch(/^transactions-\d{4}-\d{2}-\d{2}-\d{6}\.csv$/)
    const csv = await readFile(join(app.exportsDir, saved.fileName), 'utf8')
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe(
      'Date,Transaction ID,Type,Amount,Currency,Account,Account name,Description,Reference,Status',
    )
    expect(lines).toHaveLength(all.length + 1)
    expect(done.transactionId).toMatch(/^txn_/)
    // The transfer's row: the customer's credit, found by its PD- reference in the description.
    const entry = all.find((e) => e.description?.includes(`[${done.reference}]`))!
    expect(entry).toMatchObject({ authId: customer, type: 'credit', amount: '12.50000' })
    const quoted = /[",\r\n]/.test(name) ? `"${name.replaceAll('"', '""')}"` : name
    expect(lines).toContain(
      [
        entry.createdAt,
        entry.transactionId,
        'credit',
        '12.50000',
        'INR',
        customer,
        quoted,
        `"'=HYPERLINK(""x"") [${done.reference}]"`,
        done.transactionId,
        'completed',
      ].join(','),
    )

    const one = await valueOf<{ fileName: string; count: number }>(
      app.invoke('transactions:exportCsv', { authId: customer, type: 'transfer' }),
    )
    expect(one.fileName).toMatch(new RegExp(`^transactions-${customer}-`))
    const theirs = await everything(app, { authId: customer, type: 'transfer' })
    expect(theirs).toContainEqual(entry)
    expect(theirs.every((e) => e.authId === customer && e.type === 'credit')).toBe(true)
    expect(one.count).toBe(theirs.length)
  })

  it('says so when nothing matches, and keeps what Vobiz said on a failed read', async () => {
    const app = await ready()
    expect(
      await app.invoke('transactions:exportCsv', { from: '2001-01-01', to: '2001-01-02' }),
    ).toMatchObject({ ok: false, error: { kind: 'validation', message: /No transactions/ } })
    suite.api.setFaults([{ kind: 'status', status: 500, method: 'GET', path: '/transactions' }])
    expect(await app.invoke('transactions:list', {})).toMatchObject({
      ok: false,
      error: { kind: 'server' },
    })
  })
})
