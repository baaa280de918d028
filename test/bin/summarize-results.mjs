// Sums the vitest and Playwright JSON reports into CI's closing line: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs'

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null)
let passed = 0
let failed = 0
let skipped = 0

const vitest = read('test-results/vitest.json')
if (vitest) {
  passed += vitest.numPassedTests ?? 0
  failed += vitest.numFailedTests ?? 0
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0)
}
const playwright = read('test-results/playwright.json')
if (playwright?.stats) {
  passed += (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0)
  failed += playwright.stats.unexpected ?? 0
  skipped += playwright.stats.skipped ?? 0
}
// `npm test` failing with no failed test (type check, lint or build broke) counts as one failure.
if (Number(process.argv[2] ?? 0) !== 0 && failed === 0) failed = 1
if (skipped) console.log(`${skipped} skipped`)
// The closing line, alone: CI reads the counts from it.
console.log(`${passed} passed, ${failed} failed`)
