/**
 * Watchlist benchmark.
 *
 *   npx tsx test/bench/watch.bench.ts [--customers 50000]
 *
 * The runway of every customer in the main-process services (Node), the sandbox in its own
 * process with calls (and so daily debits) for all its customers over 30 days: after a customer
 * sync, the read of every debit of 30 days across all customers (100 a page, summed as read),
 * as wall time and as this process's CPU time (main's own work: the sandbox's is not in it);
 * then `watch:list` over all customers from the saved data; this process's peak heap.
 * Prints figures; no thresholds here.
 */
import { parseArgs } from 'node:util'
import type { SyncStatus } from '../../shared/customers'
import type { WatchList, WatchStatus } from '../../shared/watch'
import { makeTempDir } from '../support/temp-dir'
import { benchServices, benchValue } from './bench-services'
import { startSandboxProcess } from './sandbox-process'

const { values } = parseArgs({ options: { customers: { type: 'string', default: '50000' } } })
const CUSTOMERS = Number(values.customers)
const ms = (start: number) => `${Math.round(performance.now() - start)} ms`
const cpuMs = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start)
  return `${Math.round((used.user + used.system) / 1000)} ms`
}

const api = await startSandboxProcess(CUSTOMERS, [`--call-customers=${CUSTOMERS}`])
const figures: Record<string, string> = {}
try {
  // The sandbox makes its call records and their debits on first use: not the app's time.
  const warm = await fetch(
    `${api.baseUrl}/api/v1/partner/transactions?per_page=1&transaction_type=debit`,
    {
      headers: { 'X-Auth-ID': api.credentials.authId, 'X-Auth-Token': api.credentials.authToken },
    },
  )
  const { total } = (await warm.json()) as { total: number }
  figures['debits in the ledger'] = total.toLocaleString('en')

  let peakHeap = 0
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
  }, 20)
  const app = benchServices(makeTempDir())
  await benchValue(app.invoke('session:signIn', { ...api.credentials, baseUrl: api.baseUrl }))
  const synced = await benchValue<SyncStatus>(app.invoke('customers:sync', {}))
  if (synced.state !== 'idle') throw new Error(`sync ended ${synced.state}`)

  // The sync has started the read; this joins it.
  const start = performance.now()
  const cpu = process.cpuUsage()
  const status = await benchValue<WatchStatus>(app.invoke('watch:refresh', {}))
  if (status.state !== 'idle') throw new Error(`read ended ${status.state}`)
  figures['spend read after the sync (wall)'] = ms(start)
  figures['spend read: main CPU'] = cpuMs(cpu)
  figures['pages of 100'] = Math.ceil(total / 100).toLocaleString('en')

  const listStart = performance.now()
  const listCpu = process.cpuUsage()
  const list = await benchValue<WatchList>(app.invoke('watch:list', {}))
  figures[`watch:list over ${CUSTOMERS.toLocaleString('en')} customers`] =
    `${ms(listStart)} (CPU ${cpuMs(listCpu)})`
  figures['customers listed'] = list.rows.length.toLocaleString('en')
  clearInterval(sampler)
  figures['peak heap (main)'] = `${(peakHeap / 1024 / 1024).toFixed(1)} MB`
  app.stop()
} finally {
  await api.close()
}
console.log('\nWatchlist (main process)')
for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(42)} ${value}`)
