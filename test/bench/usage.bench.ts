/**
 * Usage benchmark.
 *
 *   npx tsx test/bench/usage.bench.ts [--calls-customers 3400] [--statements 1000]
 *
 * 1. The Usage screen's call list in Debian's Chromium through the web bridge, on a sandbox (in
 *    its own process) with about 100k call records (30 days): the period chosen → the first rows
 *    and the summary shown; jumps to 25/50/75/100 % of the list → that row filled (its page read
 *    from the API on demand); a direction filter → the new summary shown; and frame gaps while
 *    scrolling through loaded rows.
 * 2. Bulk statements for N customers in the main-process services (Node), sandbox in its own
 *    process: wall time, and this process's peak RSS and heap while it runs (sampled every 20 ms).
 * Prints figures; no thresholds here.
 */
import { readdirSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { chromium, type Page } from '@playwright/test'
import type { SyncStatus } from '../../shared/customers'
import type { BulkStatementsProgress } from '../../shared/statement'
import { startBridgeProcess } from '../e2e/support/bridge-process'
import { signInManually } from '../e2e/support/sign-in'
import { makeTempDir } from '../support/temp-dir'
import { benchServices, benchValue } from './bench-services'
import { startSandboxProcess } from './sandbox-process'

const { values } = parseArgs({
  options: {
    'calls-customers': { type: 'string', default: '3400' },
    statements: { type: 'string', default: '1000' },
    chromium: { type: 'string', default: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' },
  },
})
const CALL_CUSTOMERS = Number(values['calls-customers'])
const STATEMENTS = Number(values.statements)
const ms = (start: number) => Math.round(performance.now() - start)
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const day = (d: Date) => d.toISOString().slice(0, 10)

async function callList() {
  const api = await startSandboxProcess(CALL_CUSTOMERS, [`--call-customers=${CALL_CUSTOMERS}`])
  // The sandbox makes its call records on first use: not the app's time, so done before timing.
  await fetch(`${api.baseUrl}/api/v1/partner/cdrs?per_page=1`, {
    headers: { 'X-Auth-ID': api.credentials.authId, 'X-Auth-Token': api.credentials.authToken },
  })
  const bridge = await startBridgeProcess()
  const browser = await chromium.launch({ executablePath: values.chromium, args: ['--no-sandbox'] })
  const figures: Record<string, string> = {}
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(bridge.url)
    await signInManually(page, { ...api.credentials, baseUrl: api.baseUrl })
    await page
      .getByTestId('customers-synced')
      .filter({ hasText: 'Synced' })
      .waitFor({ timeout: 120_000 })
    await page.getByRole('button', { name: 'Usage', exact: true }).click()
    const summary = page.getByTestId('cdr-summary')
    await summary.waitFor({ timeout: 120_000 })

    const now = new Date()
    let start = performance.now()
    await page.getByRole('combobox', { name: 'Period' }).selectOption('custom')
    await page
      .getByRole('textbox', { name: 'From', exact: true })
      .fill(day(new Date(now.getTime() - 31 * 86_400_000)))
    await page.getByRole('textbox', { name: 'To', exact: true }).fill(day(now))
    await summary.filter({ hasText: /^\d{1,3}(,\d{3})+ calls/ }).waitFor({ timeout: 120_000 })
    await rowFilled(page, 0)
    figures['period → first rows'] = `${ms(start)} ms`
    const total = Number(((await summary.innerText()).split(' calls')[0] ?? '').replace(/\D/g, ''))
    figures['calls listed'] = total.toLocaleString('en')

    for (const share of [0.25, 0.5, 0.75, 1]) {
      const index = Math.min(total - 1, Math.floor(total * share))
      start = performance.now()
      await page.getByTestId('cdr-list').evaluate((el, top) => el.scrollTo(0, top), index * 40)
      await rowFilled(page, index)
      figures[`jump to ${share * 100} %`] = `${ms(start)} ms`
    }

    await page.getByTestId('cdr-list').evaluate((el) => el.scrollTo(0, 0))
    const before = await summary.innerText()
    start = performance.now()
    await page.getByRole('combobox', { name: 'Direction' }).selectOption('inbound')
    await summary.filter({ hasNotText: before }).waitFor()
    await rowFilled(page, 0)
    figures['filter → new summary and rows'] = `${ms(start)} ms`

    const gaps = await page.getByTestId('cdr-list').evaluate(async (el) => {
      // Typed without the DOM library: the page's own requestAnimationFrame.
      const frame = (globalThis as unknown as { requestAnimationFrame(run: () => void): void })
        .requestAnimationFrame
      const out: number[] = []
      let last = performance.now()
      for (let i = 0; i < 120; i++) {
        el.scrollTop += 120
        await new Promise<void>((resolve) => frame(() => resolve()))
        const t = performance.now()
        out.push(t - last)
        last = t
      }
      return out.sort((x, y) => x - y)
    })
    figures['scroll frame gap median / p95'] =
      `${gaps[Math.floor(gaps.length / 2)]!.toFixed(1)} / ${gaps[Math.floor(gaps.length * 0.95)]!.toFixed(1)} ms`
  } finally {
    await browser.close()
    await bridge.stop()
    await api.close()
  }
  return figures
}

/** Waits until the row at this index shows its call (not the loading placeholder). */
async function rowFilled(page: Page, index: number) {
  await page
    .locator(`[data-testid="cdr-list"] [role="row"][aria-rowindex="${index + 2}"] button`)
    .waitFor({ timeout: 120_000 })
}

async function bulkStatements() {
  const api = await startSandboxProcess(STATEMENTS, [`--call-customers=${STATEMENTS}`])
  const dataDir = makeTempDir('partner-desk-bench-')
  let resolveEnd: (p: BulkStatementsProgress) => void = () => {}
  const ended = new Promise<BulkStatementsProgress>((resolve) => (resolveEnd = resolve))
  const app = benchServices(dataDir, (event, payload) => {
    const progress = payload as BulkStatementsProgress
    if (event === 'statements:progress' && progress.state !== 'running') resolveEnd(progress)
  })
  try {
    await benchValue(app.invoke('session:signIn', { ...api.credentials, baseUrl: api.baseUrl }))
    await benchValue<SyncStatus>(app.invoke('customers:sync', {}))
    const month = new Date().toISOString().slice(0, 7)
    globalThis.gc?.()
    const baseline = process.memoryUsage()
    let peakRss = baseline.rss
    let peakHeap = baseline.heapUsed
    const sampler = setInterval(() => {
      const m = process.memoryUsage()
      peakRss = Math.max(peakRss, m.rss)
      peakHeap = Math.max(peakHeap, m.heapUsed)
    }, 20)
    const start = performance.now()
    await benchValue(app.invoke('statements:bulkStart', { month, format: 'csv' }))
    const last = await ended
    const wall = ms(start)
    clearInterval(sampler)
    const folder = readdirSync(`${dataDir}/exports`).find((f) => f.startsWith('statements-'))!
    const files = readdirSync(`${dataDir}/exports/${folder}`).length
    return {
      customers: STATEMENTS.toLocaleString('en'),
      state: `${last.state}, ${files} files, ${last.failed.length} not read`,
      time: `${(wall / 1000).toFixed(1)} s (${(wall / STATEMENTS).toFixed(1)} ms each)`,
      'peak RSS (baseline)': `${mb(peakRss)} (${mb(baseline.rss)})`,
      'peak heap (baseline)': `${mb(peakHeap)} (${mb(baseline.heapUsed)})`,
    }
  } finally {
    app.stop()
    await api.close()
  }
}

console.log(
  `Usage: the call list with ~${(CALL_CUSTOMERS * 30).toLocaleString('en')} calls in Chromium`,
)
console.table(await callList())
console.log(`\nStatements for ${STATEMENTS.toLocaleString('en')} customers (CSV, main process)`)
console.table(await bulkStatements())
