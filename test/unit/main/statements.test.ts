import { readdir, readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import type { BulkStatementsProgress, Statement } from '../../../shared/statement'
import { statementCsv, statementHtml } from '../../../electron/main/usage/statement-document'
import { createChromiumPdf } from '../../support/chromium-pdf'
import { signInTo, syncNow, valueOf } from '../../support/customers'
import { sandboxSuite } from '../../support/sandbox-suite'
import { makeTempDir } from '../../support/temp-dir'
import { partnerApi } from '../sandbox/helpers'

// Statements: put together from the sandbox's call records, ledger and numbers (the API's own
// answers are the truth), as CSV and as PDF through Chromium, and in bulk with progress and cancel.

const NOW = Date.parse('2026-11-20T10:00:00Z')
const suite = sandboxSuite({ customers: 40, seed: 11, now: () => NOW })

async function ready(options: Parameters<typeof suite.open>[1] = {}) {
  const app = suite.open(makeTempDir(), options)
  await signInTo(app, suite.api)
  await syncNow(app)
  return app
}
const api = () => partnerApi(suite.api)
type Row = { account_id: string; amount: number; type: string }

/** A customer with a top-up in November 2026, from the API. */
async function customerWithTopUp(): Promise<string> {
  const reply = await api().get(
    '/api/v1/partner/transactions?transaction_type=transfer&from_date=2026-11-01&to_date=2026-11-30&per_page=100',
  )
  const row = (reply.body as { transactions: Row[] }).transactions[0]
  if (!row) throw new Error('no November transfer in the seeded ledger')
  return row.account_id
}

describe('statements', () => {
  it('a month’s calls, top-ups and number fees, as Vobiz reports each', async () => {
    const app = await ready()
    const authId = await customerWithTopUp()
    const statement = await valueOf<Statement>(
      app.invoke('statements:get', { authId, month: '2026-11' }),
    )
    const base = `/api/v1/partner/accounts/${authId}`
    const cdrs = (await api().get(`${base}/cdrs?start_date=2026-11-01&end_date=2026-11-30`))
      .body as {
      summary: { totalCalls: number; total_cost: number; total_billable_seconds: number }
    }
    expect(statement.calls.total).toBe(cdrs.summary.totalCalls)
    expect(Number(statement.calls.cost)).toBeCloseTo(cdrs.summary.total_cost, 5)
    expect(statement.calls.minutes).toBe(Math.round(cdrs.summary.total_billable_seconds / 6) / 10)

    let received = 0
    for (const type of ['transfer', 'recharge']) {
      const rows = (
        await api().get(
          `${base}/transactions?transaction_type=${type}&from_date=2026-11-01&to_date=2026-11-30&per_page=100`,
        )
      ).body as { transactions: Row[] }
      received += rows.transactions.reduce((sum, r) => sum + Math.round(r.amount * 100_000), 0)
    }
    expect(statement.topUps.length).toBeGreaterThan(0)
    expect(Math.round(Number(statement.topUpTotal) * 100_000)).toBe(received)

    const numbers = (await api().get(`${base}/numbers?per_page=100`)).body as {
      items: { e164: string; monthly_fee: number }[]
    }
    expect(statement.numbers.map((n) => n.e164).sort()).toEqual(
      numbers.items.map((n) => n.e164).sort(),
    )
    const fees = numbers.items.reduce((sum, n) => sum + Math.round(n.monthly_fee * 100_000), 0)
    expect(Math.round(Number(statement.numberFees) * 100_000)).toBe(fees)
    expect(Math.round(Number(statement.charges) * 100_000)).toBe(
      Math.round(Number(statement.calls.cost) * 100_000) + fees,
    )
    expect([statement.from, statement.to]).toEqual(['2026-11-01', '2026-11-30'])
  })

  it('as CSV (formula-safe) and HTML (escaped), and as a real PDF', async () => {
    const app = await ready()
    const authId = await customerWithTopUp()
    const statement = await valueOf<Statement>(
      app.invoke('statements:get', { authId, month: '2026-11' }),
    )
    const hostile = { ...statement, name: '=HYPERLINK("x")<script>alert(1)</script>' }
    expect(statementCsv(hostile)).toContain(`"'=HYPERLINK(""x"")<script>alert(1)</script>"`)
    const html = statementHtml(hostile)
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;')
    const pdf = createChromiumPdf()
    try {
      const bytes = await pdf(html)
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
      expect(bytes.length).toBeGreaterThan(2_000)
    } finally {
      await pdf.close()
    }
    // Without a PDF port (the browser preview) the export says so; CSV is saved.
    const refused = await app.invoke('statements:export', {
      authId,
      month: '2026-11',
      format: 'pdf',
    })
    expect(refused).toMatchObject({ ok: false, error: { kind: 'file' } })
    const saved = await valueOf<{ saved: boolean; fileName: string }>(
      app.invoke('statements:export', { authId, month: '2026-11', format: 'csv' }),
    )
    expect(saved.fileName).toBe(`statement-2026-11-${authId}.csv`)
  })

  it('in bulk: one file per saved customer, progress after each, and a cancel that stops', async () => {
    const app = await ready()
    const progress: BulkStatementsProgress[] = []
    const ended = new Promise<BulkStatementsProgress>((resolve) =>
      app.on('statements:progress', (p) => {
        progress.push(p)
        if (p.state !== 'running') resolve(p)
      }),
    )
    expect(
      await valueOf(app.invoke('statements:bulkStart', { month: '2026-11', format: 'csv' })),
    ).toEqual({ started: true })
    // One at a time: a second start while this one runs is refused.
    expect(
      await app.invoke('statements:bulkStart', { month: '2026-11', format: 'csv' }),
    ).toMatchObject({ ok: false, error: { kind: 'conflict' } })
    const last = await ended
    expect(last).toMatchObject({ state: 'done', done: 40, total: 40, failed: [] })
    expect(progress.filter((p) => p.state === 'running').map((p) => p.done)).toEqual(
      Array.from({ length: 41 }, (_, i) => i),
    )
    const files = await readdir(app.chosenFolders[0]!)
    expect(files).toHaveLength(40)
    expect(files.every((f) => /^statement-2026-11-MA_[A-Z0-9]+\.csv$/.test(f))).toBe(true)
    const one = await readFile(`${app.chosenFolders[0]}/${files[0]}`, 'utf8')
    expect(one).toContain('Top-ups received')

    // Cancelled as soon as it starts: it stops early, and no partial or temp file is left.
    const cancelled = new Promise<BulkStatementsProgress>((resolve) =>
      app.on('statements:progress', (p) => p.state === 'cancelled' && resolve(p)),
    )
    await valueOf(app.invoke('statements:bulkStart', { month: '2026-11', format: 'csv' }))
    expect(await valueOf(app.invoke('statements:bulkCancel', {}))).toEqual({ cancelled: true })
    const stopped = await cancelled
    expect(stopped.done).toBeLessThan(40)
    const written = await readdir(app.chosenFolders[1]!)
    expect(written.length).toBeLessThanOrEqual(stopped.done)
    expect(written.every((f) => f.endsWith('.csv') && !f.startsWith('.'))).toBe(true)
  })
})
