/**
 * The customer index alone, in Node (the renderer's own code, no DOM): how long one view takes
 * (search terms + sort, on an index whose search keys are built) for each keystroke of the
 * renderer benchmark's typing, erasing included, at 10k, 50k and 100k sandbox customers.
 *
 *   npx tsx test/bench/search-index.bench.ts [--sizes 10000,50000,100000] [--rounds 6]
 *
 * Prints the median per keystroke over the rounds, the mean over the sequence and the slowest
 * keystrokes (the query after the key, and how many rows it shows).
 */
import { parseArgs } from 'node:util'
import { NO_FILTERS } from '../../renderer/src/features/customers/customer-filters'
import { createCustomerIndex } from '../../renderer/src/features/customers/customer-index'
import { searchTerms } from '../../renderer/src/features/customers/normalise'
import { sandboxRows } from '../support/sandbox-rows'
import { TYPED_QUERIES } from './typed-queries'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,50000,100000' },
    rounds: { type: 'string', default: '6' },
  },
})
const ROUNDS = Number(values.rounds)
const ORIGIN = Date.parse('2026-06-01T00:00:00Z')

const steps: string[] = []
for (const query of TYPED_QUERIES) {
  for (let i = 1; i <= query.length; i++) steps.push(query.slice(0, i))
  for (let i = query.length - 1; i >= 0; i--) steps.push(query.slice(0, i))
}
const sort = { column: 'name', direction: 'ascending' } as const
const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[samples.length >> 1] ?? 0

for (const size of values.sizes.split(',').map(Number)) {
  const index = createCustomerIndex(sandboxRows(7, size, ORIGIN), 'en-US')
  while (!index.prepareSearch());
  const times = steps.map(() => [] as number[])
  const shown = steps.map(() => 0)
  // Round 0 warms the JIT; each round types the whole sequence on the same index, as a user
  // would (its cached views are part of what is measured).
  for (let round = 0; round <= ROUNDS; round++) {
    steps.forEach((query, k) => {
      const start = performance.now()
      const view = index.view({
        terms: searchTerms(query),
        sort,
        filters: NO_FILTERS,
        threshold: null,
      })
      if (round > 0) times[k]!.push(performance.now() - start)
      shown[k] = view.length
    })
  }
  const medians = times.map(median)
  const mean = medians.reduce((sum, ms) => sum + ms, 0) / medians.length
  const slowest = medians
    .map((ms, k) => ({ ms, query: steps[k]!, rows: shown[k]! }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
  console.log(
    `${size.toLocaleString('en-US')} customers: view per keystroke mean ${mean.toFixed(2)} ms, ` +
      `p95 ${[...medians].sort((a, b) => a - b)[Math.ceil(medians.length * 0.95) - 1]!.toFixed(2)} ms; slowest: ` +
      slowest.map((s) => `${JSON.stringify(s.query)} ${s.ms.toFixed(1)} ms (${s.rows})`).join(', '),
  )
}
