/**
 * Sync benchmark: the main process's full customer sync from the sandbox over loopback.
 *
 *   npx tsx test/bench/sync.bench.ts [--sizes 10000,50000,100000] [--runs 3]
 *
 * For each size it starts a sandbox with that many customers in its own process (as `npm run
 * sandbox` does; the API is not this process's work, as in the app), and the real main-process
 * services (conf store, AES-GCM stand-in, Node fetch) on a temporary data folder; it signs in and
 * measures:
 * - the first full sync (the one sign-in starts, sign-in included), then `--runs` more through
 *   `customers:sync`;
 * - the cache file's size on disk;
 * - `customers:get` on a freshly started app (cache read, checked, and the reply checked against
 *   the contract, as the renderer's first call at start-up gets it).
 * Target: a sync of 10k customers in ≤ 5 s.
 */
import { rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { CustomersReply } from '../../shared/customer-tuples'
import type { SyncStatus } from '../../shared/customers'
import type { SessionState } from '../../shared/ipc-contract'
import { benchServices, benchValue } from './bench-services'
import { makeTempDir } from '../support/temp-dir'
import { snapshotOf } from '../support/customers'
import { startSandboxProcess } from './sandbox-process'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,50000,100000' },
    runs: { type: 'string', default: '3' },
  },
})
const SIZES = values.sizes.split(',').map(Number)
const RUNS = Number(values.runs)

const services = (dataDir: string) => benchServices(dataDir)
const value = benchValue

const ms = (start: number) => performance.now() - start
const median = (xs: number[]) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)]!
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const seconds = (x: number) => `${(x / 1000).toFixed(2)} s`

const table: Record<string, string>[] = []
for (const size of SIZES) {
  const api = await startSandboxProcess(size)
  const dataDir = makeTempDir('partner-desk-bench-')
  const app = services(dataDir)

  const started = performance.now()
  const session = await value<SessionState>(
    app.invoke('session:signIn', { ...api.credentials, baseUrl: api.baseUrl }),
  )
  // Signing in starts the first sync; this joins it.
  const first = await value<SyncStatus>(app.invoke('customers:sync', {}))
  const firstMs = ms(started)
  if (first.state !== 'idle') throw new Error(`first sync failed: ${first.error?.message}`)

  const repeats: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now()
    const status = await value<SyncStatus>(app.invoke('customers:sync', {}))
    repeats.push(ms(start))
    if (status.state !== 'idle') throw new Error(`sync failed: ${status.error?.message}`)
  }
  const requests = await api.listRequests()
  app.stop()

  const cacheFile = join(dataDir, 'cache', session.activeProfileId!, 'customers.json')
  const cacheBytes = statSync(cacheFile).size

  // A fresh start on the same folder: the renderer's first `customers:get`.
  const restarted = services(dataDir)
  const loadStart = performance.now()
  const snapshot = snapshotOf(await value<CustomersReply>(restarted.invoke('customers:get', {})))
  const loadMs = ms(loadStart)
  restarted.stop()
  if (snapshot.rows.length !== size) throw new Error(`cache has ${snapshot.rows.length} rows`)

  await api.close()
  rmSync(dataDir, { recursive: true, force: true })
  table.push({
    customers: size.toLocaleString('en'),
    'first sync': seconds(firstMs),
    [`sync (median of ${RUNS})`]: seconds(median(repeats)),
    'pages/s': String(Math.round(Math.ceil(size / 100) / (median(repeats) / 1000))),
    'list requests': String(requests),
    'cache on disk': mb(cacheBytes),
    'customers:get at start-up': `${Math.round(loadMs)} ms`,
  })
  console.log(`${size.toLocaleString('en')} customers done`)
}

console.log(
  `\nFull customer sync over loopback, sandbox in its own process (Node ${process.version}, 3 requests in flight)`,
)
console.table(table)
